/*
 * The figures of the evaluation, as pure functions: how often the tool's facts agree with the hand
 * labels, and how well its readiness score ranks the hand grades.
 */

export interface Confusion {
  /** Labelled true, detected. */
  tp: number;
  /** Labelled false, detected. */
  fp: number;
  /** Labelled true, not detected. */
  fn: number;
  /** Labelled false, not detected. */
  tn: number;
  /** Labelled null (the files cannot settle it): left out of precision and recall. */
  unlabelled: number;
}

export interface PrecisionRecall extends Confusion {
  /** tp / (tp + fp); null when the tool detected nothing that was labelled. */
  precision: number | null;
  /** tp / (tp + fn); null when nothing labelled true. */
  recall: number | null;
}

export const EMPTY_CONFUSION: Confusion = { tp: 0, fp: 0, fn: 0, tn: 0, unlabelled: 0 };

/** Adds one comparison: the label (true, false or null) against what the tool detected. */
export function tally(counts: Confusion, label: boolean | null, detected: boolean): Confusion {
  if (label === null) return { ...counts, unlabelled: counts.unlabelled + 1 };
  if (label) return detected ? { ...counts, tp: counts.tp + 1 } : { ...counts, fn: counts.fn + 1 };
  return detected ? { ...counts, fp: counts.fp + 1 } : { ...counts, tn: counts.tn + 1 };
}

export function sumConfusions(all: readonly Confusion[]): Confusion {
  return all.reduce((sum, counts) => ({
    tp: sum.tp + counts.tp,
    fp: sum.fp + counts.fp,
    fn: sum.fn + counts.fn,
    tn: sum.tn + counts.tn,
    unlabelled: sum.unlabelled + counts.unlabelled,
  }), EMPTY_CONFUSION);
}

const ratio = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);

export function precisionRecall(counts: Confusion): PrecisionRecall {
  return { ...counts, precision: ratio(counts.tp, counts.tp + counts.fp), recall: ratio(counts.tp, counts.tp + counts.fn) };
}

/** Ranks from 1, ties sharing the mean of the ranks they span (the "fractional" ranking Spearman needs). */
export function fractionalRanks(values: readonly number[]): number[] {
  const order = values.map((value, index) => ({ value, index })).sort((a, b) => a.value - b.value);
  const ranks = new Array<number>(values.length);
  for (let start = 0; start < order.length; ) {
    let end = start;
    while (end + 1 < order.length && order[end + 1]!.value === order[start]!.value) end += 1;
    const rank = (start + end) / 2 + 1;
    for (let i = start; i <= end; i += 1) ranks[order[i]!.index] = rank;
    start = end + 1;
  }
  return ranks;
}

function pearson(x: readonly number[], y: readonly number[]): number | null {
  const n = x.length;
  const mean = (values: readonly number[]) => values.reduce((sum, value) => sum + value, 0) / n;
  const mx = mean(x);
  const my = mean(y);
  let covariance = 0;
  let vx = 0;
  let vy = 0;
  for (let i = 0; i < n; i += 1) {
    covariance += (x[i]! - mx) * (y[i]! - my);
    vx += (x[i]! - mx) ** 2;
    vy += (y[i]! - my) ** 2;
  }
  return vx === 0 || vy === 0 ? null : covariance / Math.sqrt(vx * vy);
}

/**
 * Spearman's rank correlation: Pearson's correlation of the fractional ranks, which stays exact
 * with ties (the shortcut 1 − 6Σd²/(n(n²−1)) does not). Null with fewer than two pairs or when
 * either side has no spread (all grades equal): there is no ranking to compare.
 */
export function spearman(x: readonly number[], y: readonly number[]): number | null {
  if (x.length !== y.length) throw new Error(`spearman: ${x.length} values against ${y.length}`);
  if (x.length < 2) return null;
  return pearson(fractionalRanks(x), fractionalRanks(y));
}

export interface Ranked {
  name: string;
  score: number | null;
}

export interface OrderViolation {
  production: Ranked;
  poc: Ranked;
}

/**
 * Every production-grade repository must score above every proof of concept: each pair where it
 * does not. A repository without a score cannot outrank anything, so a production one without a
 * score violates against every PoC, and a PoC without one against none.
 */
export function orderViolations(production: readonly Ranked[], poc: readonly Ranked[]): OrderViolation[] {
  const violations: OrderViolation[] = [];
  for (const high of production) {
    for (const low of poc) {
      if (low.score === null) continue;
      if (high.score === null || high.score <= low.score) violations.push({ production: high, poc: low });
    }
  }
  return violations;
}
