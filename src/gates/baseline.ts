import type { Report } from '../report/types.js';
import type { Status } from '../rules/finding.js';
import { compareStrings } from '../util/compare.js';
import { loadSavedJson } from '../util/saved-json.js';

/**
 * What a later run is compared with: scores, level, and each rule's status with the files of its
 * evidence. Keys are rule ids and paths, never line numbers, so editing a file does not look like
 * a regression.
 */
export interface Baseline {
  baselineVersion: 1;
  generatedAt: string;
  score: number | null;
  level: number;
  categories: Record<string, number | null>;
  findings: Record<string, { status: Status; paths: string[] }>;
}

export interface BaselineComparison {
  regressions: string[];
  improvements: string[];
}

const RANK: Partial<Record<Status, number>> = { fail: 0, partial: 1, pass: 2 };

/** The files where a problem was found (a committed credential), as opposed to context such as "a Dockerfile exists". */
function evidencePaths(finding: Report['findings'][number]): string[] {
  return [...new Set(finding.evidence.filter((item) => item.problem && item.path).map((item) => item.path!))].sort(compareStrings);
}

/** A baseline file, checked against schemas/baseline.schema.json before any comparison reads it. */
export async function loadBaseline(file: string): Promise<Baseline> {
  return (await loadSavedJson(file, {
    what: 'baseline',
    schema: 'baseline',
    invalidJson: 'not a baseline: invalid JSON (write one with --write-baseline)',
    recognise: (value) => ((value as Partial<Baseline> | null)?.baselineVersion === 1 ? null : 'not a baseline written by scale-audit --write-baseline'),
  })) as Baseline;
}

export function createBaseline(report: Report): Baseline {
  return {
    baselineVersion: 1,
    generatedAt: report.generatedAt,
    score: report.summary.score,
    level: report.summary.level,
    categories: Object.fromEntries(report.categories.map((category) => [category.id, category.score])),
    findings: Object.fromEntries(
      [...report.findings].sort((a, b) => compareStrings(a.ruleId, b.ruleId)).map((finding) => [finding.ruleId, { status: finding.status, paths: evidencePaths(finding) }]),
    ),
  };
}

/**
 * A regression: the score, a category or the level went down, a rule got worse (pass → partial →
 * fail), or a failing rule's evidence reached new files (a secret in a new place). The opposite
 * moves are improvements: the baseline can be tightened.
 */
export function compareWithBaseline(report: Report, baseline: Baseline): BaselineComparison {
  const regressions: string[] = [];
  const improvements: string[] = [];
  const move = (label: string, before: number | null, after: number | null, show: (value: number) => string = String) => {
    if (before === null || after === null || before === after) return;
    (after < before ? regressions : improvements).push(`${label} ${show(before)} → ${show(after)}`);
  };
  move('readiness', baseline.score, report.summary.score);
  move('level', baseline.level, report.summary.level, (level) => `L${level}`);
  for (const category of report.categories) move(category.id, Object.hasOwn(baseline.categories, category.id) ? baseline.categories[category.id]! : null, category.score);
  for (const finding of report.findings) {
    if (!Object.hasOwn(baseline.findings, finding.ruleId)) continue;
    const before = baseline.findings[finding.ruleId]!;
    const [was, now] = [RANK[before.status], RANK[finding.status]];
    if (was !== undefined && now !== undefined && was !== now) {
      (now < was ? regressions : improvements).push(`${finding.ruleId} ${before.status} → ${finding.status}`);
    } else if (finding.status === 'fail' && before.status === 'fail') {
      const added = evidencePaths(finding).filter((path) => !before.paths.includes(path));
      if (added.length > 0) regressions.push(`${finding.ruleId} now also in ${added.join(', ')}`);
    }
  }
  return { regressions, improvements };
}
