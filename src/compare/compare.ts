import type { Status } from '../rules/finding.js';
import { SEVERITIES, type Severity } from '../rules/types.js';
import type { Report } from '../report/types.js';
import { compareStrings } from '../util/compare.js';

/**
 * Two reports of one repository, before and after some work: what moved. A pure function of the
 * two reports, so every output format says the same thing. Bump the version on a breaking change
 * to the JSON shape.
 */
export const COMPARISON_VERSION = 1;

export interface Delta {
  before: number | null;
  after: number | null;
  /** after − before; null when either side has no value. */
  delta: number | null;
}

export interface ReportRef {
  name: string;
  generatedAt: string;
  commit: string | null;
  toolVersion: string;
  rulesetDigest: string;
  scoringVersion: number;
  /** The profile the audit ran under, null for none. */
  profile: string | null;
}

export interface CategoryDelta {
  id: string;
  title: string;
  score: Delta;
  confidence: Delta;
}

export interface StatusChange {
  ruleId: string;
  title: string;
  category: string;
  severity: Severity;
  /** null when the rule is in only one of the reports (the rule sets differ). */
  before: Status | null;
  after: Status | null;
  /** better or worse when both statuses score (pass > partial > fail); otherwise changed. */
  direction: 'better' | 'worse' | 'changed';
}

export interface Comparison {
  comparisonVersion: number;
  before: ReportRef;
  after: ReportRef;
  /** What makes the two reports less than comparable: other repositories, rules or scoring. */
  notes: string[];
  score: Delta;
  level: Delta & { beforeName: string; afterName: string };
  confidence: Delta;
  mlTestScore: Delta;
  categories: CategoryDelta[];
  /** Gaps (fail or partial) that now pass. */
  fixed: StatusChange[];
  /** Rules that are now a gap and were not one before. */
  newGaps: StatusChange[];
  /** Every other change of status: fail to partial, a gap answered as not applicable, a rule added or removed. */
  otherChanges: StatusChange[];
}

const GAPS: ReadonlySet<Status | null> = new Set<Status | null>(['fail', 'partial']);
const STATUS_SCORE: Partial<Record<Status, number>> = { pass: 1, partial: 0.5, fail: 0 };

function delta(before: number | null, after: number | null): Delta {
  return { before, after, delta: before === null || after === null ? null : Math.round((after - before) * 10) / 10 };
}

function ref(report: Report): ReportRef {
  return {
    name: report.target.name,
    generatedAt: report.generatedAt,
    commit: report.target.commit,
    toolVersion: report.tool.version,
    rulesetDigest: report.ruleset.digest,
    scoringVersion: report.scoringVersion,
    profile: report.profile?.name ?? null,
  };
}

function direction(before: Status | null, after: Status | null): StatusChange['direction'] {
  const from = before === null ? undefined : STATUS_SCORE[before];
  const to = after === null ? undefined : STATUS_SCORE[after];
  if (from === undefined || to === undefined) return 'changed';
  return to > from ? 'better' : 'worse';
}

function notes(before: Report, after: Report, added: number, removed: number): string[] {
  const out: string[] = [];
  if (before.target.name !== after.target.name) out.push(`The reports are of different repositories: ${before.target.name} and ${after.target.name}.`);
  if (before.ruleset.digest !== after.ruleset.digest) {
    out.push(
      `The rule sets differ (${before.ruleset.digest} → ${after.ruleset.digest}; ${added} rule${added === 1 ? '' : 's'} added, ${removed} removed): ` +
        'part of any change may come from the rules rather than the repository.',
    );
  }
  const [from, to] = [before.profile?.name ?? null, after.profile?.name ?? null];
  if (from !== to) {
    out.push(
      `The reports used different profiles (${from ?? 'none'} → ${to ?? 'none'}): rules that apply, severities, weights and gates may differ, ` +
        'so part of any change may come from the profile rather than the repository.',
    );
  }
  if (before.scoringVersion !== after.scoringVersion) {
    out.push(`The scoring models differ (version ${before.scoringVersion} → ${after.scoringVersion}): scores are not directly comparable.`);
  }
  if (compareStrings(before.generatedAt, after.generatedAt) > 0) out.push('The "before" report is newer than the "after" report.');
  return out;
}

export function compareReports(before: Report, after: Report): Comparison {
  const beforeFindings = new Map(before.findings.map((finding) => [finding.ruleId, finding]));
  const afterFindings = new Map(after.findings.map((finding) => [finding.ruleId, finding]));
  const categoryOrder = [...new Set([...after.categories, ...before.categories].map((category) => category.id))];

  const changes: StatusChange[] = [];
  for (const ruleId of new Set([...afterFindings.keys(), ...beforeFindings.keys()])) {
    const was = beforeFindings.get(ruleId);
    const now = afterFindings.get(ruleId);
    const from = was?.status ?? null;
    const to = now?.status ?? null;
    if (from === to) continue;
    const finding = (now ?? was)!;
    changes.push({ ruleId, title: finding.title, category: finding.category, severity: finding.severity, before: from, after: to, direction: direction(from, to) });
  }
  changes.sort(
    (a, b) =>
      categoryOrder.indexOf(a.category) - categoryOrder.indexOf(b.category) ||
      SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) ||
      compareStrings(a.ruleId, b.ruleId),
  );
  const isFixed = (change: StatusChange) => GAPS.has(change.before) && change.after === 'pass';
  const isNewGap = (change: StatusChange) => GAPS.has(change.after) && !GAPS.has(change.before);

  const categories = categoryOrder.map((id): CategoryDelta => {
    const was = before.categories.find((category) => category.id === id);
    const now = after.categories.find((category) => category.id === id);
    return {
      id,
      title: (now ?? was)!.title,
      score: delta(was?.score ?? null, now?.score ?? null),
      confidence: delta(was?.confidence ?? null, now?.confidence ?? null),
    };
  });

  return {
    comparisonVersion: COMPARISON_VERSION,
    before: ref(before),
    after: ref(after),
    notes: notes(
      before,
      after,
      changes.filter((change) => change.before === null).length,
      changes.filter((change) => change.after === null).length,
    ),
    score: delta(before.summary.score, after.summary.score),
    level: { ...delta(before.summary.level, after.summary.level), beforeName: before.summary.levelName, afterName: after.summary.levelName },
    confidence: delta(before.summary.confidence, after.summary.confidence),
    mlTestScore: delta(before.mlTestScore.score, after.mlTestScore.score),
    categories,
    fixed: changes.filter(isFixed),
    newGaps: changes.filter(isNewGap),
    otherChanges: changes.filter((change) => !isFixed(change) && !isNewGap(change)),
  };
}
