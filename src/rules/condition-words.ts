import type { AnswerConflict, AnswerPredicate, Expr, SeverityCondition } from './types.js';

/** An answer condition as a reader says it: "governance.eu-ai-act-risk is high". */
function answerInWords(predicate: AnswerPredicate): string {
  const { id } = predicate;
  if (predicate.equals !== undefined) return `${id} is ${String(predicate.equals)}`;
  if (predicate.in !== undefined) return `${id} is one of ${predicate.in.join(', ')}`;
  if (predicate.includes !== undefined) return `${id} includes ${[predicate.includes].flat().join(', ')}`;
  if (predicate.gte !== undefined && predicate.lte !== undefined) return `${id} is between ${predicate.gte} and ${predicate.lte}`;
  if (predicate.gte !== undefined) return `${id} is at least ${predicate.gte}`;
  if (predicate.lte !== undefined) return `${id} is at most ${predicate.lte}`;
  return `${id} is ${predicate.answered ? 'answered' : 'not answered'}`;
}

/** A condition in words when it is one answer; otherwise the expression as the pack writes it. */
function conditionInWords(expr: Expr): string {
  return 'answer' in expr ? answerInWords(expr.answer) : JSON.stringify(expr);
}

export function severityConditionInWords(condition: SeverityCondition): string {
  return `${condition.severity} when ${conditionInWords(condition.when)}`;
}

export function conflictInWords(conflict: AnswerConflict): string {
  return `When ${answerInWords(conflict.answer)} but the repository shows otherwise, the rule believes ${conflict.believe === 'evidence' ? 'the repository' : 'the answer'}: ${conflict.why}`;
}
