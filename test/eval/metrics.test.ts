import { describe, expect, it } from 'vitest';
import { EMPTY_CONFUSION, fractionalRanks, orderViolations, precisionRecall, spearman, sumConfusions, tally } from '../../src/eval/metrics.js';

describe('fractionalRanks', () => {
  it('gives tied values the mean of the ranks they span', () => {
    expect(fractionalRanks([10, 20, 20, 30])).toEqual([1, 2.5, 2.5, 4]);
    expect(fractionalRanks([3, 1, 3, 3])).toEqual([3, 1, 3, 3]);
  });
});

describe('spearman', () => {
  it('is 1 for the same order and -1 for the reverse', () => {
    expect(spearman([1, 2, 3, 4], [10, 25, 31, 80])).toBeCloseTo(1, 12);
    expect(spearman([1, 2, 3, 4], [80, 31, 25, 10])).toBeCloseTo(-1, 12);
  });

  it('stays exact with ties, where the Σd² shortcut would not', () => {
    // ranks x = [1.5, 1.5, 3.5, 3.5, 5], y = [1, 3, 2, 4, 5]: covariance 7, variances 9 and 10,
    // so 7 / √90 ≈ 0.738; the shortcut (Σd² = 5) would say 0.75.
    expect(spearman([2, 2, 4, 4, 5], [20, 40, 30, 60, 90])).toBeCloseTo(7 / Math.sqrt(90), 12);
  });

  it('has no value when one side has no spread or there is only one pair', () => {
    expect(spearman([3, 3, 3], [1, 2, 3])).toBeNull();
    expect(spearman([3], [1])).toBeNull();
  });
});

describe('precision and recall', () => {
  it('leaves null labels out and counts each outcome', () => {
    let counts = EMPTY_CONFUSION;
    for (const [label, detected] of [[true, true], [true, false], [false, true], [false, false], [null, true], [true, true]] as const) {
      counts = tally(counts, label, detected);
    }
    expect(precisionRecall(counts)).toEqual({ tp: 2, fp: 1, fn: 1, tn: 1, unlabelled: 1, precision: 2 / 3, recall: 2 / 3 });
  });

  it('has no precision when nothing was detected, and no recall when nothing was true', () => {
    const counts = tally(tally(EMPTY_CONFUSION, false, false), null, true);
    expect(precisionRecall(counts)).toMatchObject({ precision: null, recall: null, tn: 1, unlabelled: 1 });
  });

  it('sums counts across facts (micro-average)', () => {
    const total = sumConfusions([{ tp: 1, fp: 0, fn: 2, tn: 3, unlabelled: 1 }, { tp: 4, fp: 1, fn: 0, tn: 0, unlabelled: 0 }]);
    expect(precisionRecall(total)).toMatchObject({ tp: 5, fp: 1, fn: 2, precision: 5 / 6, recall: 5 / 7 });
  });
});

describe('orderViolations', () => {
  it('lists each production repository that does not score above a PoC, and one without a score', () => {
    const violations = orderViolations(
      [{ name: 'prod-a', score: 70 }, { name: 'prod-b', score: 40 }, { name: 'prod-c', score: null }],
      [{ name: 'poc-a', score: 40 }, { name: 'poc-b', score: 20 }, { name: 'poc-c', score: null }],
    );
    expect(violations.map((v) => `${v.production.name}<=${v.poc.name}`)).toEqual(['prod-b<=poc-a', 'prod-c<=poc-a', 'prod-c<=poc-b']);
  });
});
