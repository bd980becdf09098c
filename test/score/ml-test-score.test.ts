import { describe, expect, it } from 'vitest';
import { estimateMlTestScore } from '../../src/score/ml-test-score.js';
import { loadMlTestScoreModel } from '../../src/score/ml-test-score-model.js';
import { finding } from '../helpers/findings.js';
import { builtinRules } from '../helpers/rule-tester.js';

const model = await loadMlTestScoreModel();

describe('the ML Test Score model', () => {
  it('has the paper’s 28 tests, seven in each of four sections, each backed by existing rules', () => {
    expect(model.sections.map((section) => section.tests.length)).toEqual([7, 7, 7, 7]);
    const ids = new Set(builtinRules.rules.map((rule) => rule.id));
    for (const test of model.sections.flatMap((section) => section.tests)) {
      expect(test.rules.length, test.id).toBeGreaterThan(0);
      for (const rule of test.rules) expect(ids, `${test.id} → ${rule}`).toContain(rule);
    }
  });

  it('reads each band of Table V whole', () => {
    expect(model.bands.map((band) => band.meaning)).toContain(
      'Not totally untested, but it is worth considering the possibility of serious holes in reliability',
    );
  });
});

describe('estimateMlTestScore', () => {
  it('scores each test by its best rule, sums sections, and takes the lowest section', () => {
    const findings = [
      finding('data.schema-validation', 'pass'), // D1 1, D4 1 (best of schema 1 and fairness 0), Mon2 1
      finding('governance.bias-fairness-eval', 'fail'), // M6 via the gate below, M7 0
      finding('data.feature-code-tested', 'partial'), // D7 0.5
      finding('mlops.model-validation-gate', 'partial'), // M5 0.5, M6 0.5, I4 0.5
      finding('monitoring.numerical-stability', 'not_applicable'), // Mon5 unknown
    ];
    const estimate = estimateMlTestScore(findings, model);
    const section = (id: string) => estimate.sections.find((s) => s.id === id)!;
    // data: D1 1 + D4 1 + D7 0.5 = 2.5; model: M5 0.5 + M6 0.5 + M7 0 = 1;
    // infrastructure: I4 0.5; monitoring: Mon2 1 → the minimum is 0.5.
    expect([section('data').score, section('model').score, section('infrastructure').score, section('monitoring').score]).toEqual([2.5, 1, 0.5, 1]);
    expect(estimate.score).toBe(0.5);
    expect(estimate.meaning).toMatch(/^Not totally untested/);
    expect(section('monitoring').tests.find((t) => t.id === 'Mon5')!.score).toBeNull();
    // Known: D1, D4, D7, M5, M6, M7, I4, Mon2; the other 20 (Mon5 among them) are unknown.
    expect(estimate.unknownTests).toBe(20);
  });

  it('is 0, a research project, when nothing is known', () => {
    const estimate = estimateMlTestScore([], model);
    expect(estimate).toMatchObject({ score: 0, unknownTests: 28, meaning: 'More of a research project than a productionized system' });
  });
});
