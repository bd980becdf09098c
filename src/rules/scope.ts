import type { CheckKinds } from './checks/index.js';
import type { Expr } from './expr.js';
import type { RuleSet } from './types.js';

/** What the names in an expression resolve to: the run's check kinds and the packs' named conditions. */
export interface ExprScope {
  checks: CheckKinds;
  conditions: ReadonlyMap<string, Expr>;
}

/**
 * The named conditions whose value an expression works out. A condition a profile settles is left
 * out: no rule reads its questions, and it is evaluated from the context's `settled` instead.
 */
export function conditionMap(ruleSet: Pick<RuleSet, 'conditions'>): Map<string, Expr> {
  return new Map(ruleSet.conditions.filter((condition) => !condition.settled).map((condition) => [condition.id, condition.when]));
}

export function exprScope(ruleSet: Pick<RuleSet, 'checks' | 'conditions'>): ExprScope {
  return { checks: ruleSet.checks, conditions: conditionMap(ruleSet) };
}
