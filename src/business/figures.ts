import type { Answers } from '../answers/types.js';
import type { Finding } from '../rules/finding.js';
import type { Roadmap } from '../roadmap/plan.js';
import { LEVEL_NAMES } from '../score/score.js';
import { formatAmount, formatQuantity, formatShare } from '../util/numbers.js';
import type { AssumptionId, Assumptions, AssumptionUse, Figure, FigureId, FigureInput, MissingFigure } from './types.js';

/** A unit conversion, not an assumption: 52 weeks in 12 months. */
const WEEKS_PER_MONTH = 52 / 12;
const MONTHS_PER_YEAR = 12;

export interface FigureContext {
  answers: Answers;
  assumptions: Assumptions;
  roadmap: Roadmap;
  findings: readonly Finding[];
  /** The maturity level the timeline runs to; null when the project is at the top level. */
  targetLevel: number | null;
}

/** The target: the configured level, or the next one once that is reached; none above L4. */
export function targetLevelFor(currentLevel: number, configured: number): number | null {
  if (currentLevel >= LEVEL_NAMES.length - 1) return null;
  return Math.max(configured, currentLevel + 1);
}

function range(min: number, max: number): string {
  return min === max ? formatAmount(min) : `${formatAmount(min)}–${formatAmount(max)}`;
}

function months(min: number, max: number): string {
  return min === max ? `${formatQuantity(min)} months` : `${formatQuantity(min)}–${formatQuantity(max)} months`;
}

/** An assumption in words, with its numbers put in. */
function useOf(assumptions: Assumptions, id: AssumptionId): AssumptionUse {
  const { text, source } = assumptions[id];
  const numbers: Partial<Record<'min' | 'max' | 'value', number>> = assumptions[id];
  const show = (value: number | undefined) => (value === undefined ? '?' : id === 'governance-share' ? formatShare(value) : formatQuantity(value));
  return { id, text: text.replace(/\{(min|max|value)\}/g, (_, key: 'min' | 'max' | 'value') => show(numbers[key])), source };
}

/**
 * The money and time figures a steering committee asks for, each with the answers and assumptions
 * it comes from, and the formula with the numbers put in, so that anyone can redo it by hand.
 */
export function businessFigures(context: FigureContext): { figures: Figure[]; missing: MissingFigure[] } {
  const { answers, assumptions } = context;
  const figures: Figure[] = [];
  const missing: MissingFigure[] = [];
  const input = (questionId: string): FigureInput | null => {
    const answer = answers.values[questionId];
    return answer && typeof answer.value === 'number' ? { questionId, value: answer.value, line: answer.line } : null;
  };
  /** The figure when every answer it needs is given; otherwise it is listed as missing those. */
  const needs = (id: FigureId, label: string, questionIds: string[], compute: (...values: FigureInput[]) => Omit<Figure, 'id' | 'label' | 'inputs'> | null): void => {
    const inputs = questionIds.map(input);
    const absent = questionIds.filter((_, i) => inputs[i] === null);
    if (absent.length > 0) {
      missing.push({ id, label, questions: absent });
      return;
    }
    const figure = compute(...(inputs as FigureInput[]));
    if (figure) figures.push({ id, label, inputs: inputs as FigureInput[], ...figure });
  };

  const multiplier = assumptions['production-budget-multiplier'];
  const share = assumptions['governance-share'];
  needs('production-budget', 'Production budget', ['roi.poc-cost'], (poc) => {
    const budget = { min: poc.value * multiplier.min, max: poc.value * multiplier.max };
    const oneOff = input('roi.one-off-cost');
    return {
      value: budget,
      unit: 'currency',
      formula: `PoC cost ${formatAmount(poc.value)} × ${formatQuantity(multiplier.min)}–${formatQuantity(multiplier.max)}`,
      assumptions: [useOf(assumptions, 'production-budget-multiplier')],
      ...(oneOff && oneOff.value < budget.min
        ? { flag: `The one-off cost estimated in the answers (${formatAmount(oneOff.value)}) is below this range: check what it leaves out (people's time, integration, monitoring, compliance).` }
        : {}),
    };
  });
  needs('governance-reserve', 'Of which governance', ['roi.poc-cost'], (poc) => ({
    value: { min: poc.value * multiplier.min * share.min, max: poc.value * multiplier.max * share.max },
    unit: 'currency',
    formula: `production budget ${range(poc.value * multiplier.min, poc.value * multiplier.max)} × ${formatShare(share.min)}–${formatShare(share.max)}`,
    assumptions: [useOf(assumptions, 'production-budget-multiplier'), useOf(assumptions, 'governance-share')],
  }));

  const timeline = timelineFigure(context);
  if (timeline) figures.push(timeline);

  needs('annual-net-benefit', 'Annual net benefit', ['roi.annual-benefit', 'roi.annual-run-cost'], (benefit, run) => ({
    value: { min: benefit.value - run.value, max: benefit.value - run.value },
    unit: 'currency per year',
    formula: `annual benefit ${formatAmount(benefit.value)} − annual running cost ${formatAmount(run.value)}`,
    assumptions: [],
    ...(benefit.value - run.value <= 0 ? { flag: 'Running the model costs at least what it brings: it never pays back.' } : {}),
  }));
  needs('payback', 'Payback period', ['roi.one-off-cost', 'roi.annual-benefit', 'roi.annual-run-cost'], (oneOff, benefit, run) => {
    const monthly = (benefit.value - run.value) / MONTHS_PER_YEAR;
    const formula = `one-off cost ${formatAmount(oneOff.value)} ÷ ((annual benefit ${formatAmount(benefit.value)} − annual running cost ${formatAmount(run.value)}) ÷ 12)`;
    if (monthly <= 0) {
      return { value: null, unit: 'months', formula, assumptions: [], flag: `Never: the net benefit is ${formatAmount(benefit.value - run.value)} a year, so the one-off cost is never recovered.` };
    }
    const payback = oneOff.value / monthly;
    return { value: { min: payback, max: payback }, unit: 'months', formula: `${formula} = ${formatAmount(oneOff.value)} ÷ ${formatAmount(monthly)} a month`, assumptions: [] };
  });

  const days = assumptions['operating-days-per-year'].value;
  const perPrediction = (id: FigureId, label: string, volume: string) =>
    needs(id, label, ['roi.annual-run-cost', volume], (run, perDay) => {
      if (perDay.value <= 0) return null;
      const cost = run.value / (perDay.value * days);
      return {
        value: { min: cost, max: cost },
        unit: 'currency per prediction',
        formula: `annual running cost ${formatAmount(run.value)} ÷ (${formatAmount(perDay.value)} predictions a day × ${formatQuantity(days)} days)`,
        assumptions: [useOf(assumptions, 'operating-days-per-year')],
      };
    });
  perPrediction('cost-per-prediction', 'Cost per prediction today', 'roi.predictions-per-day');
  perPrediction('cost-per-prediction-12m', 'Cost per prediction in 12 months', 'roi.predictions-per-day-12m');
  return { figures, missing };
}

/**
 * Months to the target level: the roadmap's effort up to that level over the team's capacity when
 * the team size is answered, the playbooks' range otherwise.
 */
function timelineFigure({ answers, assumptions, roadmap, findings, targetLevel }: FigureContext): Figure | null {
  if (targetLevel === null) return null;
  const phases = roadmap.phases.filter((phase) => phase.id === 'blockers' || Number(phase.id.slice(1)) <= targetLevel);
  const effort = { min: phases.reduce((sum, phase) => sum + phase.effortWeeks.min, 0), max: phases.reduce((sum, phase) => sum + phase.effortWeeks.max, 0) };
  const effortText = `${formatQuantity(effort.min)}–${formatQuantity(effort.max)} person-weeks`;
  const unknown = findings.filter((finding) => finding.status === 'unknown' && finding.level <= targetLevel).length;
  const playbook = assumptions['poc-to-production-months'];
  const label = `Time to L${targetLevel} ${LEVEL_NAMES[targetLevel]}`;
  const common = {
    unit: 'months' as const,
    ...(unknown > 0 ? { note: `${unknown} rule${unknown === 1 ? ' is' : 's are'} still unknown up to L${targetLevel} and add no effort yet.` } : {}),
  };
  const fte = answers.values['roi.team-fte'];
  if (!fte || typeof fte.value !== 'number' || fte.value <= 0) {
    return {
      id: 'timeline',
      label,
      value: { min: playbook.min, max: playbook.max },
      formula: `the playbooks' range; answer roi.team-fte to compute it from the roadmap's ${effortText}`,
      inputs: [],
      assumptions: [useOf(assumptions, 'poc-to-production-months'), useOf(assumptions, 'target-level')],
      ...common,
    };
  }
  const value = { min: effort.min / fte.value / WEEKS_PER_MONTH, max: effort.max / fte.value / WEEKS_PER_MONTH };
  const outside = value.max < playbook.min || value.min > playbook.max;
  return {
    id: 'timeline',
    label,
    value,
    formula: `roadmap effort to L${targetLevel} ${effortText} ÷ ${formatQuantity(fte.value)} FTE ÷ ${formatQuantity(WEEKS_PER_MONTH)} weeks a month`,
    inputs: [{ questionId: 'roi.team-fte', value: fte.value, line: fte.line }],
    assumptions: [useOf(assumptions, 'target-level'), useOf(assumptions, 'poc-to-production-months')],
    ...(outside ? { flag: `Outside the playbooks' ${months(playbook.min, playbook.max)}: check the team size and the roadmap's scope.` } : {}),
    ...common,
  };
}
