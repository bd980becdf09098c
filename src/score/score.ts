import type { Finding, Status } from '../rules/finding.js';
import type { Category, Severity } from '../rules/types.js';

/**
 * The whole scoring model. It is written out in the README; change both together and bump
 * SCORING_VERSION, because users compare scores across runs.
 *
 * - A finding scores 1 (pass), 0.5 (partial: present but manual), 0 (fail). Unknown and
 *   not-applicable findings score nothing and weigh nothing: they are never a pass or a fail.
 * - A category's score is the severity-weighted mean of its known findings, on 0–100. The
 *   configuration may set a rule's weight, or scale a category's rules (its weight in the overall).
 * - Waived findings are accepted risks: listed, never scored.
 * - The overall score is the severity-weighted mean of every known finding, the same formula over
 *   all categories: a category with one known rule cannot weigh as much as one fully evidenced.
 * - Confidence is the share of applicable weight whose finding is known.
 * - The maturity level is the highest level L such that no critical or high rule at level L or
 *   below fails. Unknown rules do not block a level, but make it provisional.
 */
export const SCORING_VERSION = 1;


export const SEVERITY_WEIGHTS: Record<Severity, number> = { critical: 4, high: 3, medium: 2, low: 1 };

export const LEVEL_NAMES = ['PoC', 'Foundations', 'Repeatable', 'Automated delivery', 'Continuous operations'] as const;
export const MAX_LEVEL = 4;

export type StatusCounts = Record<Status, number>;

export interface CategoryScore {
  id: string;
  title: string;
  description: string;
  /** 0–100, or null when nothing in the category is known. */
  score: number | null;
  /** 0–100: share of the category's applicable weight that is known. */
  confidence: number;
  counts: StatusCounts;
}

export interface Summary {
  score: number | null;
  level: number;
  levelName: string;
  /** True when unknown critical or high rules at or below the level could still lower it. */
  levelProvisional: boolean;
  /** Unknown critical/high rules at or below the level: answering them confirms or lowers it. */
  levelUnknowns: string[];
  /** Failing critical/high rules that hold the project below the next level. */
  nextLevelBlockers: string[];
  confidence: number;
  weakestCategory: string | null;
  counts: StatusCounts;
}

export function emptyCounts(): StatusCounts {
  return { pass: 0, partial: 0, fail: 0, unknown: 0, not_applicable: 0, waived: 0 };
}

function count(findings: readonly Finding[]): StatusCounts {
  const counts = emptyCounts();
  for (const finding of findings) counts[finding.status] += 1;
  return counts;
}

function weighted(findings: readonly Finding[]): { score: number | null; confidence: number } {
  let known = 0;
  let applicable = 0;
  let earned = 0;
  for (const finding of findings) {
    // A waived finding is an accepted risk, recorded elsewhere: like a rule that does not apply, it weighs nothing.
    if (finding.status === 'not_applicable' || finding.status === 'waived') continue;
    const weight = finding.weight ?? SEVERITY_WEIGHTS[finding.severity];
    applicable += weight;
    if (finding.score === null) continue;
    known += weight;
    earned += weight * finding.score;
  }
  return {
    score: known === 0 ? null : Math.round((100 * earned) / known),
    confidence: applicable === 0 ? 100 : Math.round((100 * known) / applicable),
  };
}

const gating = (finding: Finding) => finding.severity === 'critical' || finding.severity === 'high';

export function scoreFindings(findings: readonly Finding[], categories: readonly Category[]): { categories: CategoryScore[]; summary: Summary } {
  const categoryScores = categories.map((category): CategoryScore => {
    const own = findings.filter((finding) => finding.category === category.id);
    return { id: category.id, title: category.title, description: category.description, ...weighted(own), counts: count(own) };
  });

  const known = categoryScores.filter((category) => category.score !== null);
  const overall = weighted(findings).score;
  const weakest = known.reduce<CategoryScore | null>((low, category) => (low === null || category.score! < low.score! ? category : low), null);

  const failingLevels = findings.filter((finding) => gating(finding) && finding.status === 'fail').map((finding) => finding.level);
  const level = Math.min(MAX_LEVEL, ...failingLevels.map((failing) => failing - 1));
  const levelUnknowns = findings.filter((finding) => gating(finding) && finding.status === 'unknown' && finding.level <= level);
  const nextLevelBlockers = findings.filter((finding) => gating(finding) && finding.status === 'fail' && finding.level === level + 1);

  return {
    categories: categoryScores,
    summary: {
      score: overall,
      level,
      levelName: LEVEL_NAMES[level]!,
      levelProvisional: levelUnknowns.length > 0,
      levelUnknowns: levelUnknowns.map((finding) => finding.ruleId),
      nextLevelBlockers: nextLevelBlockers.map((finding) => finding.ruleId),
      confidence: weighted(findings).confidence,
      weakestCategory: weakest?.id ?? null,
      counts: count(findings),
    },
  };
}
