import { evaluateExpr, questionsOf } from '../rules/evaluate.js';
import { exprScope } from '../rules/scope.js';
import type { EvalContext } from '../rules/context.js';
import type { Category, Question, RuleSet } from '../rules/types.js';
import type { OpenQuestion } from '../roadmap/questions.js';
import { compareStrings } from '../util/compare.js';
import type { AnswerValue } from './types.js';

/*
 * The order of `init`'s questions. Only questions that can still change a finding are asked: those
 * read by unknown or partial findings, or deciding whether a rule applies (roadmap/questions.ts).
 * Questions that decide whether rules apply come first (is serving online? is there personal
 * data? the EU AI Act risk class?), because their answers settle or remove others. The rest come
 * grouped by category, the category with the most at stake first, and within it the question with
 * the most at stake first, ties in the packs' order. Each answer can open or settle others, so the
 * next question is chosen again after every answer.
 */

export interface QuestionOrder {
  /** Category ids, the one with the most at stake first. */
  ranking: readonly string[];
  /** Questions that decide whether rules apply. */
  scope: ReadonlySet<string>;
  /** Each question's position in the packs. */
  packOrder: ReadonlyMap<string, number>;
}

/** Questions read by some rule's applicability: their answers decide which rules apply at all. */
export function scopeQuestions(ruleSet: Pick<RuleSet, 'rules' | 'conditions' | 'checks'>): Set<string> {
  const scope = new Set<string>();
  const names = exprScope(ruleSet);
  for (const rule of ruleSet.rules) questionsOf(rule.appliesWhen, names, scope);
  return scope;
}

/** Categories by the total impact of their open questions, highest first; ties in the packs' order. */
export function rankCategories(open: readonly OpenQuestion[], categories: readonly Category[]): string[] {
  const impact = new Map<string, number>();
  for (const question of open) impact.set(question.category, (impact.get(question.category) ?? 0) + question.impact);
  const order = categories.map((category) => category.id);
  return [...impact.keys()].sort((a, b) => impact.get(b)! - impact.get(a)! || order.indexOf(a) - order.indexOf(b) || compareStrings(a, b));
}

/** The next question not yet asked in this session, in the order described above. */
export function nextQuestion(open: readonly OpenQuestion[], asked: ReadonlySet<string>, order: QuestionOrder): OpenQuestion | null {
  // A category that appears only later (opened by an answer) goes after those ranked at the start.
  const rank = (category: string) => (order.ranking.includes(category) ? order.ranking.indexOf(category) : order.ranking.length);
  const key = (question: OpenQuestion) => [order.scope.has(question.id) ? 0 : 1, rank(question.category), -question.impact, order.packOrder.get(question.id) ?? 0];
  const candidates = open.filter((question) => !asked.has(question.id));
  const before = (a: OpenQuestion, b: OpenQuestion) => {
    const [ka, kb] = [key(a), key(b)];
    return ka.map((value, i) => value - kb[i]!).find((difference) => difference !== 0) ?? 0;
  };
  return candidates.reduce<OpenQuestion | null>((best, question) => (best === null || before(question, best) < 0 ? question : best), null);
}

/** The default the scan suggests for a question: its first suggestion whose condition holds. */
export function suggestionFor(question: Question, ctx: EvalContext): { value: AnswerValue; because: string } | undefined {
  const suggestion = question.suggest?.find((candidate) => evaluateExpr(candidate.when, ctx).value === true);
  return suggestion ? { value: suggestion.value, because: suggestion.because } : undefined;
}
