import type { Finding, Status } from '../rules/finding.js';
import type { Category, Severity } from '../rules/types.js';

/**
 * The whole scoring model. It is written out in the README ("The scoring model") and in every
 * report's appendix (src/render/methodology.ts); change all three together and bump
 * SCORING_VERSION, because users compare scores across runs.
 *
 * - A finding scores 1 (pass), 0.5 (partial: present but manual), 0 (fail), weighted by severity
 *   (critical 4, high 3, medium 2, low 1) or by the configuration. Unknown, not-applicable and
 *   waived findings score nothing and weigh nothing: they are never a pass or a fail.
 * - A guard is a rule that an empty repository passes too (no committed secrets, no large
 *   binaries): its pass is no evidence of readiness, so it earns nothing, while its failure costs
 *   its full weight. Otherwise an empty directory would score above zero and every missing file
 *   would raise a proof of concept's score.
 * - A category's score is the weighted mean of its counted findings, on 0–100.
 * - The overall score is the same weighted mean over every counted finding of every category, not
 *   a mean of the category scores: a category known from one rule weighs one rule, never an
 *   eighth of the total.
 * - Confidence is the share of applicable weight whose finding is known (answered or evidenced).
 *   A category below LOW_CONFIDENCE is shown as such wherever its score appears, and is not named
 *   the weakest area while a better-known category can be.
 * - The maturity level is the highest level L such that, at L and at every level below, no
 *   critical rule fails and the known critical and high rules earn at least LEVEL_EARNED_SHARE of
 *   their weight. A level is a bar, not perfection: one high-severity gap (a missing secret
 *   scanner) leaves a well-run project at its level and is named as what holds back the next,
 *   while a critical gap always blocks. Unknown rules do not block a level, but make it provisional.
 */
export const SCORING_VERSION = 3;

export const SEVERITY_WEIGHTS: Record<Severity, number> = { critical: 4, high: 3, medium: 2, low: 1 };

export const LEVEL_NAMES = ['PoC', 'Foundations', 'Repeatable', 'Automated delivery', 'Continuous operations'] as const;
export const MAX_LEVEL = 4;

/** Below this share of its weight known (in %), a category's score rests on too little to read as a verdict. */
export const LOW_CONFIDENCE = 50;

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
  /** Guards among the rules: they count only when they do not pass (an empty repository passes them). */
  guards: string[];
  counts: StatusCounts;
}

export function emptyCounts(): StatusCounts {
  return { pass: 0, partial: 0, fail: 0, unknown: 0, not_applicable: 0, waived: 0 };
}

/** Whether a category's (or the audit's) confidence is too low for its score to read as a verdict. */
export function lowConfidence(confidence: number): boolean {
  return confidence < LOW_CONFIDENCE;
}

/** Rules known and applicable in a category, from its counts: "known from 1 of 10 rules". */
export function rulesKnown(counts: StatusCounts): { known: number; applicable: number } {
  const known = counts.pass + counts.partial + counts.fail;
  return { known, applicable: known + counts.unknown };
}

function count(findings: readonly Finding[]): StatusCounts {
  const counts = emptyCounts();
  for (const finding of findings) counts[finding.status] += 1;
  return counts;
}

function weighted(findings: readonly Finding[], guards: ReadonlySet<string>): { score: number | null; confidence: number } {
  let applicable = 0;
  let known = 0;
  let scored = 0;
  let earned = 0;
  for (const finding of findings) {
    // A waived finding is an accepted risk, recorded elsewhere: like a rule that does not apply, it weighs nothing.
    if (finding.status === 'not_applicable' || finding.status === 'waived') continue;
    const weight = finding.weight ?? SEVERITY_WEIGHTS[finding.severity];
    applicable += weight;
    if (finding.score === null) continue;
    known += weight;
    if (finding.status === 'pass' && guards.has(finding.ruleId)) continue;
    scored += weight;
    earned += weight * finding.score;
  }
  return {
    score: scored === 0 ? null : Math.round((100 * earned) / scored),
    confidence: applicable === 0 ? 100 : Math.round((100 * known) / applicable),
  };
}

const gating = (finding: Finding) => finding.severity === 'critical' || finding.severity === 'high';

/** Of a level's critical and high rules that are known, the share of their weight that must be earned. */
export const LEVEL_EARNED_SHARE = 0.75;

/** Whether the project stands at `level`: no critical rule of it fails, and most of its gating weight is earned. */
function levelMet(findings: readonly Finding[], level: number): boolean {
  let weight = 0;
  let earned = 0;
  for (const finding of findings) {
    if (finding.level !== level || !gating(finding) || finding.score === null) continue;
    if (finding.severity === 'critical' && finding.status === 'fail') return false;
    const own = finding.weight ?? SEVERITY_WEIGHTS[finding.severity];
    weight += own;
    earned += own * finding.score;
  }
  return weight === 0 || earned >= LEVEL_EARNED_SHARE * weight;
}

/** The highest level met together with every level below it. */
function levelReached(findings: readonly Finding[]): number {
  let level = 0;
  while (level < MAX_LEVEL && levelMet(findings, level + 1)) level += 1;
  return level;
}

/** The lowest-scoring category, among those known well enough when there are any. */
function weakestOf(categories: readonly CategoryScore[]): CategoryScore | null {
  const scored = categories.filter((category) => category.score !== null);
  const trusted = scored.filter((category) => !lowConfidence(category.confidence));
  const candidates = trusted.length > 0 ? trusted : scored;
  return candidates.reduce<CategoryScore | null>((low, category) => (low === null || category.score! < low.score! ? category : low), null);
}

/**
 * Scores the findings. `guards` are the rules an empty repository passes (src/score/guards.ts);
 * their passes earn nothing.
 */
export function scoreFindings(findings: readonly Finding[], categories: readonly Category[], guards: ReadonlySet<string> = new Set()): { categories: CategoryScore[]; summary: Summary } {
  const categoryScores = categories.map((category): CategoryScore => {
    const own = findings.filter((finding) => finding.category === category.id);
    return { id: category.id, title: category.title, description: category.description, ...weighted(own, guards), counts: count(own) };
  });

  const overall = weighted(findings, guards);
  const level = levelReached(findings);
  const levelUnknowns = findings.filter((finding) => gating(finding) && finding.status === 'unknown' && finding.level <= level);
  const nextGaps = findings.filter((finding) => gating(finding) && finding.level === level + 1);
  const failing = nextGaps.filter((finding) => finding.status === 'fail');
  // With nothing failing, what stands in the way is what is only partly done.
  const nextLevelBlockers = failing.length > 0 ? failing : nextGaps.filter((finding) => finding.status === 'partial');

  return {
    categories: categoryScores,
    summary: {
      score: overall.score,
      level,
      levelName: LEVEL_NAMES[level]!,
      levelProvisional: levelUnknowns.length > 0,
      levelUnknowns: levelUnknowns.map((finding) => finding.ruleId),
      nextLevelBlockers: nextLevelBlockers.map((finding) => finding.ruleId),
      confidence: overall.confidence,
      weakestCategory: weakestOf(categoryScores)?.id ?? null,
      guards: findings.filter((finding) => guards.has(finding.ruleId)).map((finding) => finding.ruleId),
      counts: count(findings),
    },
  };
}
