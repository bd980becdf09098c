import { questionsOf } from './evaluate.js';
import type { Question, Rule } from './types.js';

/** Everything a reader needs about one rule, shared by `explain` and the generated rule reference. */
export interface RuleDescription {
  rule: Rule;
  /** The questions the rule reads, with their wording. */
  questions: Array<{ id: string; text: string }>;
}

export function describeRule(rule: Rule, questions: readonly Question[]): RuleDescription {
  const byId = new Map(questions.map((question) => [question.id, question]));
  const asked = [...questionsOf(rule.check.partial, questionsOf(rule.check.pass, questionsOf(rule.appliesWhen)))];
  return { rule, questions: asked.map((id) => ({ id, text: byId.get(id)?.text ?? '' })) };
}
