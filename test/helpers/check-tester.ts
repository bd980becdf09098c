import type { AnswerValue, Answers } from '../../src/answers/types.js';
import type { Outcome } from '../../src/rules/context.js';
import { evalContext, evaluateExpr } from '../../src/rules/evaluate.js';
import type { Expr } from '../../src/rules/expr.js';
import { scanFiles } from '../../src/scan/scan.js';
import { builtinRules } from './rule-tester.js';

/** An expression's outcome over a tiny repository and answers, with the built-in packs' signals and conditions. */
export async function evaluateOn(expr: Expr, files: Record<string, string>, answers: Record<string, AnswerValue> = {}): Promise<Outcome> {
  const facts = await scanFiles(files, { signals: builtinRules.signals, now: new Date('2026-01-01T00:00:00Z'), gitFacts: null });
  const given: Answers = { path: 'answers.yaml', values: Object.fromEntries(Object.entries(answers).map(([id, value], i) => [id, { value, line: i + 1 }])) };
  return evaluateExpr(expr, evalContext(builtinRules, facts, given));
}
