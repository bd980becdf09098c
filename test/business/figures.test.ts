import { describe, expect, it } from 'vitest';
import type { AnswerValue, Answers } from '../../src/answers/types.js';
import { loadBusinessData } from '../../src/business/data.js';
import { businessFigures, targetLevelFor } from '../../src/business/figures.js';
import type { Figure, FigureId } from '../../src/business/types.js';
import type { Finding } from '../../src/rules/finding.js';
import type { Roadmap } from '../../src/roadmap/plan.js';
import { churnEconomics } from '../helpers/business.js';

const { assumptions } = await loadBusinessData();

function answers(values: Record<string, AnswerValue>): Answers {
  return { path: 'answers.yaml', values: Object.fromEntries(Object.entries(values).map(([id, value], i) => [id, { value, line: i + 3 }])) };
}

/** A roadmap with these phase efforts in person-weeks (the items themselves do not matter here). */
function roadmap(phases: Record<string, [number, number]>): Roadmap {
  const list = Object.entries(phases).map(([id, [min, max]]) => ({ id, title: id, goal: '', items: [], effortWeeks: { min, max } }));
  return { phases: list, effortWeeks: { min: list.reduce((s, p) => s + p.effortWeeks.min, 0), max: list.reduce((s, p) => s + p.effortWeeks.max, 0) } };
}

const churnRoadmap = roadmap({ blockers: [3, 8], L1: [6, 18], L2: [20, 60], L3: [10, 30] });

function figures(values: Record<string, AnswerValue>, options: { findings?: Finding[]; targetLevel?: number | null; plan?: Roadmap } = {}) {
  const result = businessFigures({ answers: answers(values), assumptions, roadmap: options.plan ?? churnRoadmap, findings: options.findings ?? [], targetLevel: options.targetLevel === undefined ? 2 : options.targetLevel });
  const byId = (id: FigureId): Figure | undefined => result.figures.find((figure) => figure.id === id);
  return { ...result, byId };
}

const churn = churnEconomics;

describe('the business figures, against hand-worked examples', () => {
  it('budgets production at 3–5 times the PoC cost, and reserves 20–30% of it for governance', () => {
    const { byId } = figures(churn);
    // 50,000 × 3 = 150,000 and 50,000 × 5 = 250,000
    expect(byId('production-budget')).toMatchObject({ value: { min: 150000, max: 250000 }, formula: 'PoC cost 50,000 × 3–5', inputs: [{ questionId: 'roi.poc-cost', value: 50000, line: 3 }] });
    expect(byId('production-budget')?.assumptions[0]?.text).toBe('Taking a proof of concept to production costs 3 to 5 times what the proof of concept cost.');
    // the low end of the budget at the low share, the high end at the high share: 150,000 × 0.2 = 30,000; 250,000 × 0.3 = 75,000
    expect(byId('governance-reserve')).toMatchObject({ value: { min: 30000, max: 75000 }, formula: 'production budget 150,000–250,000 × 20%–30%' });
    expect(byId('governance-reserve')?.assumptions.map((a) => a.text)[1]).toMatch(/^Of the production budget, 20% to 30% goes to governance/);
  });

  it('flags a one-off cost estimate below the budget range', () => {
    // 100,000 < 150,000, the low end of 50,000 × 3–5
    expect(figures({ ...churn, 'roi.one-off-cost': 100000 }).byId('production-budget')?.flag).toMatch(/\(100,000\) is below this range/);
    expect(figures(churn).byId('production-budget')?.flag).toBeUndefined();
  });

  it('computes the payback period from the one-off cost and the monthly net benefit', () => {
    const payback = figures(churn).byId('payback')!;
    // (420,000 − 120,000) ÷ 12 = 25,000 a month; 300,000 ÷ 25,000 = 12 months
    expect(payback.value).toEqual({ min: 12, max: 12 });
    expect(payback.formula).toBe('one-off cost 300,000 ÷ ((annual benefit 420,000 − annual running cost 120,000) ÷ 12) = 300,000 ÷ 25,000 a month');
    // 420,000 − 120,000 = 300,000 a year
    expect(figures(churn).byId('annual-net-benefit')?.value).toEqual({ min: 300000, max: 300000 });
  });

  it.each([
    ['costs more to run than it brings', 100000],
    ['exactly breaks even', 120000],
  ])('flags a model that never pays back: it %s', (_name, benefit) => {
    const { byId } = figures({ ...churn, 'roi.annual-benefit': benefit });
    // net = benefit − 120,000 ≤ 0: no payback period at all
    expect(byId('payback')).toMatchObject({ value: null, flag: expect.stringMatching(/^Never: the net benefit is -?[\d,]+ a year/) });
    expect(byId('annual-net-benefit')?.flag).toMatch(/never pays back/);
  });

  it('turns the roadmap effort up to the target level into months with the team size', () => {
    const timeline = figures(churn).byId('timeline')!;
    // blockers 3–8 + L1 6–18 + L2 20–60 = 29–86 person-weeks (L3 is beyond the target);
    // ÷ 2 FTE ÷ (52 ÷ 12 = 4.33 weeks a month): 29 ÷ 2 ÷ 4.333 = 3.35 and 86 ÷ 2 ÷ 4.333 = 9.92 months
    expect(timeline.label).toBe('Time to L2 Repeatable');
    expect(timeline.value!.min).toBeCloseTo(3.346, 3);
    expect(timeline.value!.max).toBeCloseTo(9.923, 3);
    expect(timeline.formula).toBe('roadmap effort to L2 29–86 person-weeks ÷ 2 FTE ÷ 4.3 weeks a month');
    expect(timeline.flag).toBeUndefined();
  });

  it("falls back to the playbooks' 6–18 months without a team size, and flags an estimate far outside them", () => {
    const fallback = figures({ ...churn, 'roi.team-fte': undefined as unknown as number }).byId('timeline')!;
    expect(fallback).toMatchObject({ value: { min: 6, max: 18 }, inputs: [] });
    expect(fallback.formula).toMatch(/answer roi\.team-fte/);
    // a quarter of a person: 29 ÷ 0.25 ÷ 4.333 = 26.8 months, already above 18
    expect(figures({ ...churn, 'roi.team-fte': 0.25 }).byId('timeline')?.flag).toMatch(/Outside the playbooks' 6–18 months/);
  });

  it('says how many rules up to the target are unknown and add no effort', () => {
    const unknown = { status: 'unknown', level: 2 } as Finding;
    const above = { status: 'unknown', level: 3 } as Finding;
    expect(figures(churn, { findings: [unknown, unknown, above] }).byId('timeline')?.note).toBe('2 rules are still unknown up to L2 and add no effort yet.');
  });

  it('computes the cost per prediction at both volumes', () => {
    const { byId } = figures(churn);
    // 120,000 ÷ (1,000 × 365) = 0.3288 a prediction; 120,000 ÷ (50,000 × 365) = 0.006575
    expect(byId('cost-per-prediction')?.value?.min).toBeCloseTo(0.32877, 5);
    expect(byId('cost-per-prediction')?.formula).toBe('annual running cost 120,000 ÷ (1,000 predictions a day × 365 days)');
    expect(byId('cost-per-prediction-12m')?.value?.min).toBeCloseTo(0.0065753, 7);
    // nothing runs yet: no cost per prediction today
    expect(figures({ ...churn, 'roi.predictions-per-day': 0 }).byId('cost-per-prediction')).toBeUndefined();
  });

  it('lists the figures the answers do not allow yet, with the questions that would', () => {
    const { figures: shown, missing } = figures({ 'roi.annual-benefit': 420000 });
    expect(shown.map((figure) => figure.id)).toEqual(['timeline']);
    expect(missing).toEqual(
      expect.arrayContaining([
        { id: 'production-budget', label: 'Production budget', questions: ['roi.poc-cost'] },
        { id: 'payback', label: 'Payback period', questions: ['roi.one-off-cost', 'roi.annual-run-cost'] },
      ]),
    );
  });
});

describe('the target level', () => {
  it.each([
    [0, 2, 2],
    [1, 2, 2],
    [2, 2, 3],
    [3, 2, 4],
    [4, 2, null],
    [0, 3, 3],
  ])('from L%i with L%i configured is %s', (current, configured, target) => {
    expect(targetLevelFor(current, configured)).toBe(target);
  });

  it('has no timeline at the top level', () => {
    expect(figures(churn, { targetLevel: null }).byId('timeline')).toBeUndefined();
  });
});
