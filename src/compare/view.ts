import { categoryScoreText, STATUS_LABELS } from '../render/format.js';
import type { Status } from '../rules/finding.js';
import type { CategoryDelta, Comparison, Delta, StatusChange } from './compare.js';

/*
 * The words and numbers of a comparison, once, for the text, Markdown and HTML renderers alike:
 * they only lay this out and escape it.
 */

export type Trend = 'up' | 'down' | 'same' | 'none';

export interface Row {
  label: string;
  before: string;
  after: string;
  change: string;
  trend: Trend;
}

export interface ChangeRow {
  ruleId: string;
  title: string;
  severity: string;
  before: string;
  after: string;
  symbol: string;
  /** The symbol in words, for whoever cannot see it or its colour. */
  trendText: string;
  trend: Trend;
}

export interface ChangeSection {
  id: 'fixed' | 'new-gaps' | 'other';
  title: string;
  rows: ChangeRow[];
}

export interface ComparisonView {
  title: string;
  before: string;
  after: string;
  notes: string[];
  summary: Row[];
  categories: Row[];
  sections: ChangeSection[];
}

function trend(value: Delta): Trend {
  if (value.delta === null) return 'none';
  return value.delta > 0 ? 'up' : value.delta < 0 ? 'down' : 'same';
}

/** `+16`, `−3`, `±0`, or `n/a` when a side has no value. */
export function signed(value: Delta): string {
  if (value.delta === null) return 'n/a';
  return value.delta > 0 ? `+${value.delta}` : value.delta < 0 ? `−${-value.delta}` : '±0';
}

function row(label: string, value: Delta, show: (n: number) => string): Row {
  const side = (n: number | null) => (n === null ? 'n/a' : show(n));
  return { label, before: side(value.before), after: side(value.after), change: signed(value), trend: trend(value) };
}

/** A category's score on each side with how much of it is known: "(72), 30% known". */
function categoryRow(category: CategoryDelta): Row {
  const side = (score: number | null, confidence: number | null) => (score === null ? 'n/a' : `${categoryScoreText({ score, confidence: confidence ?? 0 })}, ${confidence}% known`);
  return { ...row(category.title, category.score, String), before: side(category.score.before, category.confidence.before), after: side(category.score.after, category.confidence.after) };
}

function statusText(status: Status | null): string {
  return status === null ? 'not in the rule set' : STATUS_LABELS[status];
}

function changeRow(change: StatusChange): ChangeRow {
  const trend: Trend = change.direction === 'better' ? 'up' : change.direction === 'worse' ? 'down' : 'none';
  return {
    ruleId: change.ruleId,
    title: change.title,
    severity: change.severity,
    before: statusText(change.before),
    after: statusText(change.after),
    symbol: trend === 'up' ? '↑' : trend === 'down' ? '↓' : '·',
    trendText: trend === 'up' ? 'better' : trend === 'down' ? 'worse' : 'changed',
    trend,
  };
}

function side(ref: Comparison['before']): string {
  return `${ref.generatedAt.slice(0, 10)}${ref.commit ? ` at commit ${ref.commit.slice(0, 12)}` : ''} (scale-audit ${ref.toolVersion}, ruleset ${ref.rulesetDigest}${ref.profile ? `, profile ${ref.profile}` : ''})`;
}

export function comparisonView(comparison: Comparison): ComparisonView {
  const { before, after } = comparison;
  const oneRepository = before.name === after.name;
  return {
    title: oneRepository ? `Readiness progress: ${after.name}` : `Readiness progress: ${before.name} → ${after.name}`,
    before: side(before),
    after: side(after),
    notes: comparison.notes,
    summary: [
      row('Readiness', comparison.score, (n) => `${n}/100`),
      {
        ...row('Maturity level', comparison.level, (n) => `L${n}`),
        before: `L${comparison.level.before} ${comparison.level.beforeName}`,
        after: `L${comparison.level.after} ${comparison.level.afterName}`,
      },
      row('Confidence', comparison.confidence, (n) => `${n}%`),
      row('ML Test Score (estimate)', comparison.mlTestScore, (n) => `${n} of 7`),
    ],
    categories: comparison.categories.map(categoryRow),
    sections: [
      { id: 'fixed' as const, title: 'Fixed', rows: comparison.fixed.map(changeRow) },
      { id: 'new-gaps' as const, title: 'New gaps', rows: comparison.newGaps.map(changeRow) },
      { id: 'other' as const, title: 'Other changes', rows: comparison.otherChanges.map(changeRow) },
    ],
  };
}
