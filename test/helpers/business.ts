import type { AnswerValue } from '../../src/answers/types.js';

/**
 * The ROI answers of the worked example (README, "Numbers for a steering committee"): a churn
 * model whose PoC cost 50,000, to be taken to production by two people.
 */
export const churnEconomics: Record<string, AnswerValue> = {
  'roi.poc-cost': 50000,
  'roi.one-off-cost': 300000,
  'roi.annual-benefit': 420000,
  'roi.annual-run-cost': 120000,
  'roi.team-fte': 2,
  'roi.predictions-per-day': 1000,
  'roi.predictions-per-day-12m': 50000,
};
