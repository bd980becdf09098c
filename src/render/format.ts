import type { Evidence, Status } from '../rules/finding.js';
import type { Report } from '../report/types.js';
import type { Schedule } from '../roadmap/schedule.js';

/** Shared wording for every renderer, so that text, Markdown and HTML say the same things. */
export const STATUS_LABELS: Record<Status, string> = {
  fail: 'fail',
  partial: 'partial',
  unknown: 'unknown',
  pass: 'pass',
  not_applicable: 'n/a',
  waived: 'waived',
};

export const STATUS_SYMBOLS: Record<Status, string> = {
  fail: '✗',
  partial: '◐',
  unknown: '?',
  pass: '✓',
  not_applicable: '–',
  waived: '≈',
};

export function location(evidence: Evidence): string {
  if (!evidence.path) return '';
  const line = evidence.line ? `:${evidence.line}` : '';
  const cell = evidence.cell ? ` (cell ${evidence.cell})` : '';
  return `${evidence.path}${line}${cell}`;
}

function weeks(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

export function effortRange(range: { min: number; max: number }): string {
  if (range.max === 0) return 'no effort';
  return `${weeks(range.min)}–${weeks(range.max)} person-weeks`;
}

/** How a score reads at a glance, the same in every report: good from 80, fair from 50, poor below. */
export function scoreBand(score: number | null): 'good' | 'fair' | 'poor' | 'none' {
  if (score === null) return 'none';
  return score >= 80 ? 'good' : score >= 50 ? 'fair' : 'poor';
}

export function scoreText(score: number | null): string {
  return score === null ? 'n/a' : `${score}/100`;
}

export function levelText(report: Report): string {
  const { level, levelName, levelProvisional } = report.summary;
  return `L${level} ${levelName}${levelProvisional ? ' (provisional)' : ''}`;
}

export function categoryTitle(report: Report, id: string | null): string {
  if (id === null) return 'none';
  return report.categories.find((category) => category.id === id)?.title ?? id;
}

export function shortCommit(commit: string | null): string | null {
  return commit ? commit.slice(0, 12) : null;
}

/** The report date as YYYY-MM-DD (UTC), for headers. */
export function reportDate(report: Report): string {
  return report.generatedAt.slice(0, 10);
}

export function provisionalNote(report: Report): string | null {
  const unknowns = report.summary.levelUnknowns.length;
  if (unknowns === 0) return null;
  return `${unknowns} critical or high ${unknowns === 1 ? 'rule is' : 'rules are'} still unknown at or below this level; answering ${unknowns === 1 ? 'it' : 'them'} confirms or lowers the level.`;
}

/** A link to the evidence's file at the audited commit, on the repository's web host; null when unknown. */
export function evidenceUrl(report: Report, evidence: Evidence): string | null {
  const { url, commit } = report.target;
  if (!url || !commit || !evidence.path || report.answers.path === evidence.path) return null;
  const path = evidence.path.split('/').map(encodeURIComponent).join('/');
  const line = evidence.line && !evidence.cell ? evidence.line : null;
  if (url.startsWith('https://github.com/')) return `${url}/blob/${commit}/${path}${line ? `#L${line}` : ''}`;
  if (url.startsWith('https://gitlab.com/')) return `${url}/-/blob/${commit}/${path}${line ? `#L${line}` : ''}`;
  if (url.startsWith('https://bitbucket.org/')) return `${url}/src/${commit}/${path}${line ? `#lines-${line}` : ''}`;
  return null;
}

/** Findings the configuration waived, for the reports' waiver lists. */
export function waivedFindings(report: Report): Report['findings'] {
  return report.findings.filter((finding) => finding.status === 'waived');
}

/** "1.5 of 7", the ML Test Score as the paper writes it. */
export function mlTestScoreText(report: Report): string {
  const { score } = report.mlTestScore;
  return `${Number.isInteger(score) ? score : score.toFixed(1)} of 7`;
}

export function mlTestScoreNote(report: Report): string {
  const unknown = report.mlTestScore.unknownTests;
  return `estimated from the findings${unknown > 0 ? `; ${unknown} of 28 tests unknown and counted 0, so a lower bound` : ''}`;
}

/** Who a roadmap schedule plans with: "4 people (from roi.team-fte)"; `code` formats the question id. */
export function staffing(plan: Pick<Schedule, 'people' | 'peopleSource'>, code: (text: string) => string = (text) => text): string {
  const people = `${plan.people} ${plan.people === 1 ? 'person' : 'people'}`;
  return `${people} (${plan.peopleSource === 'answers' ? 'from' : 'assumed: answer'} ${code('roi.team-fte')})`;
}

/** Cuts a label to fit a chart, at a word boundary when one is near the limit, marking the cut with "…". */
export function fitLabel(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,.]+$/, '')}…`;
}
