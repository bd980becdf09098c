import { conflictInWords, severityConditionInWords } from './condition-words.js';
import { ruleQuestions } from './evaluate.js';
import { exprScope } from './scope.js';
import type { Question, Rule, RuleSet } from './types.js';

/** Everything a reader needs about one rule, shared by `explain` and the generated rule reference. */
export interface RuleDescription {
  rule: Rule;
  /** The questions the rule reads, with their wording. */
  questions: Array<{ id: string; text: string }>;
  /** Severities that answers give the rule instead of its own, in words. */
  severityWhen: string[];
  /** Answers the repository can contradict, in words, with the side the rule believes. */
  conflicts: string[];
}

export function describeRule(rule: Rule, ruleSet: Pick<RuleSet, 'questions' | 'conditions' | 'checks'>): RuleDescription {
  const byId = new Map(ruleSet.questions.map((question: Question) => [question.id, question]));
  const asked = ruleQuestions(rule, exprScope(ruleSet));
  return {
    rule,
    questions: asked.map((id) => ({ id, text: byId.get(id)?.text ?? '' })),
    severityWhen: (rule.severityWhen ?? []).map(severityConditionInWords),
    conflicts: (rule.conflicts ?? []).map(conflictInWords),
  };
}
