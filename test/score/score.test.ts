import { describe, expect, it } from 'vitest';
import { scoreFindings } from '../../src/score/score.js';
import { finding } from '../helpers/findings.js';

const categories = [
  { id: 'data', title: 'Data', description: '' },
  { id: 'mlops', title: 'MLOps', description: '' },
  { id: 'team', title: 'Team', description: '' },
];

describe('scoreFindings', () => {
  it('weights by severity and gives partial half credit', () => {
    // data: critical pass (4×1) + high partial (3×0.5) + low fail (1×0) = 5.5 of 8 → 69
    const { categories: scores } = scoreFindings(
      [finding('data.a', 'pass', 'critical'), finding('data.b', 'partial', 'high'), finding('data.c', 'fail', 'low')],
      categories,
    );
    expect(scores[0]).toMatchObject({ id: 'data', score: 69, confidence: 100, counts: { pass: 1, partial: 1, fail: 1, unknown: 0, not_applicable: 0 } });
  });

  it('leaves unknown out of the score but counts it against confidence', () => {
    // mlops: high pass (3) known; medium unknown (2) → score 100, confidence 3/5 = 60
    const { categories: scores, summary } = scoreFindings([finding('mlops.a', 'pass', 'high'), finding('mlops.b', 'unknown', 'medium')], categories);
    expect(scores[1]).toMatchObject({ score: 100, confidence: 60 });
    expect(summary.confidence).toBe(60);
  });

  it('leaves not-applicable out of both', () => {
    const { categories: scores } = scoreFindings([finding('team.a', 'fail', 'low'), finding('team.b', 'not_applicable', 'critical')], categories);
    expect(scores[2]).toMatchObject({ score: 0, confidence: 100 });
  });

  it('weights every known finding for the overall score, so a sparse category cannot dominate', () => {
    const { summary, categories: scores } = scoreFindings(
      [finding('data.a', 'pass'), finding('mlops.a', 'partial'), finding('mlops.b', 'fail'), finding('mlops.c', 'fail'), finding('team.a', 'unknown')],
      categories,
    );
    expect(scores.map((c) => c.score)).toEqual([100, 17, null]);
    // all high (3): (3×1 + 3×0.5 + 0 + 0) / 12 = 0.375 → 38, not the mean of 100 and 17
    expect(summary.score).toBe(38);
    expect(summary.weakestCategory).toBe('mlops');
  });

  it('gives a guard no credit for passing, and charges its full weight when it fails', () => {
    const guards = new Set(['data.guard']);
    const passing = scoreFindings([finding('data.a', 'fail'), finding('data.guard', 'pass', 'critical')], categories, guards);
    // Only data.a counts: 0 of 3, not 4 of 7.
    expect(passing.categories[0]).toMatchObject({ score: 0, confidence: 100 });
    expect(passing.summary).toMatchObject({ score: 0, guards: ['data.guard'] });
    const failing = scoreFindings([finding('data.a', 'pass'), finding('data.guard', 'fail', 'critical')], categories, guards);
    expect(failing.summary.score).toBe(43); // 3 of 7
    const partial = scoreFindings([finding('data.a', 'pass'), finding('data.guard', 'partial', 'critical')], categories, guards);
    expect(partial.summary.score).toBe(71); // (3 + 2) of 7
  });

  it('has no score where only guards pass, though the category is known', () => {
    const { categories: scores, summary } = scoreFindings([finding('team.guard', 'pass')], categories, new Set(['team.guard']));
    expect(scores[2]).toMatchObject({ score: null, confidence: 100 });
    expect(summary.score).toBeNull();
  });

  it('does not name a barely known category the weakest while a well-known one can be', () => {
    // team: one failing rule known of four (25% confidence); mlops: fully known, 50.
    const { summary } = scoreFindings(
      [finding('team.a', 'fail'), finding('team.b', 'unknown'), finding('team.c', 'unknown'), finding('team.d', 'unknown'), finding('mlops.a', 'partial')],
      categories,
    );
    expect(summary.weakestCategory).toBe('mlops');
    // With nothing better known, the barely known one is still the weakest.
    expect(scoreFindings([finding('team.a', 'fail'), finding('team.b', 'unknown')], categories).summary.weakestCategory).toBe('team');
  });

  it('has no score when nothing is known', () => {
    const { summary } = scoreFindings([finding('team.a', 'unknown')], categories);
    expect(summary.score).toBeNull();
    expect(summary.weakestCategory).toBeNull();
    expect(summary.confidence).toBe(0);
  });

  describe('maturity level', () => {
    it('is the highest level at which, as below it, no critical rule fails and critical and high rules earn 75% of their weight', () => {
      const { summary } = scoreFindings(
        [
          finding('mlops.l1', 'pass', 'critical', 1),
          // 3 of 4 high rules: 9 of 12, exactly the share a level needs.
          ...['a', 'b', 'c'].map((id) => finding(`mlops.l2${id}`, 'pass', 'high', 2)),
          finding('mlops.l2d', 'fail', 'high', 2),
          finding('mlops.l3', 'fail', 'high', 3),
          finding('mlops.l4', 'pass', 'high', 4),
        ],
        categories,
      );
      expect(summary.level).toBe(2);
      expect(summary.levelName).toBe('Repeatable');
      expect(summary.nextLevelBlockers).toEqual(['mlops.l3']);
    });

    it.each([
      ['a lone partial earns half: short of the bar', [finding('mlops.p', 'partial', 'high', 1)], 0],
      ['a critical failure blocks, however much else passes', [finding('mlops.c', 'fail', 'critical', 1), ...['a', 'b', 'c', 'd', 'e'].map((id) => finding(`mlops.${id}`, 'pass', 'high', 1))], 0],
      ['one high failure among passing foundations does not', [finding('mlops.c', 'pass', 'critical', 1), finding('mlops.t', 'pass', 'high', 1), finding('mlops.u', 'pass', 'high', 1), finding('mlops.s', 'fail', 'high', 1)], 4],
      ['a level above a missed one is not reached', [finding('mlops.l1', 'fail', 'critical', 1), finding('mlops.l2', 'pass', 'critical', 2)], 0],
    ])('%s', (_, findings, level) => {
      expect(scoreFindings(findings, categories).summary.level).toBe(level);
    });

    it('names the partial rules as what holds back the next level when none fails', () => {
      const { summary } = scoreFindings([finding('mlops.l1', 'pass', 'critical', 1), finding('mlops.l2a', 'partial', 'critical', 2), finding('mlops.l2b', 'pass', 'high', 2)], categories);
      expect(summary.level).toBe(1);
      expect(summary.nextLevelBlockers).toEqual(['mlops.l2a']);
    });

    it('ignores medium and low failures', () => {
      const { summary } = scoreFindings([finding('mlops.a', 'fail', 'medium', 1), finding('mlops.b', 'fail', 'low', 1)], categories);
      expect(summary.level).toBe(4);
    });

    it('is provisional while critical or high rules below it are unknown', () => {
      const { summary } = scoreFindings([finding('team.owner', 'unknown', 'critical', 1), finding('mlops.x', 'fail', 'high', 2)], categories);
      expect(summary.level).toBe(1);
      expect(summary.levelProvisional).toBe(true);
      expect(summary.levelUnknowns).toEqual(['team.owner']);
    });

    it('is L0 when a foundation fails', () => {
      expect(scoreFindings([finding('mlops.vc', 'fail', 'critical', 1)], categories).summary.level).toBe(0);
    });
  });
});
