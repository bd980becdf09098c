import { evaluateExpr } from '../rules/evaluate.js';
import type { EvalContext } from '../rules/predicates.js';
import type { Category, Question } from '../rules/types.js';
import type { OpenQuestion } from '../roadmap/questions.js';
import { compareStrings } from '../util/compare.js';
import type { AnswerValue } from './types.js';

/*
 * The order of `init`'s questions. Only questions that can still change a finding are asked: those
 * read by unknown or partial findings, or deciding whether a rule applies (roadmap/questions.ts).
 * They come grouped by category, the category with the most at stake first, and within it the
 * question with the most at stake first. Each answer can open or settle others, so the next
 * question is chosen again after every answer.
 */

/** Categories by the total impact of their open questions, highest first; ties in the packs' order. */
export function rankCategories(open: readonly OpenQuestion[], categories: readonly Category[]): string[] {
  const impact = new Map<string, number>();
  for (const question of open) impact.set(question.category, (impact.get(question.category) ?? 0) + question.impact);
  const order = categories.map((category) => category.id);
  return [...impact.keys()].sort((a, b) => impact.get(b)! - impact.get(a)! || order.indexOf(a) - order.indexOf(b) || compareStrings(a, b));
}

/**
 * The next question: in the first category of the ranking that still has one (a category that
 * appears only later goes last), its most consequential question not yet asked in this session.
 */
export function nextQuestion(open: readonly OpenQuestion[], asked: ReadonlySet<string>, ranking: readonly string[]): OpenQuestion | null {
  const rank = (category: string) => (ranking.includes(category) ? ranking.indexOf(category) : ranking.length);
  const candidates = open.filter((question) => !asked.has(question.id));
  // `open` is most consequential first, and the sort is stable: within a category that order stays.
  return [...candidates].sort((a, b) => rank(a.category) - rank(b.category))[0] ?? null;
}

/** The default the scan suggests for a question: its first suggestion whose condition holds. */
export function suggestionFor(question: Question, ctx: EvalContext): { value: AnswerValue; because: string } | undefined {
  const suggestion = question.suggest?.find((candidate) => evaluateExpr(candidate.when, ctx).value === true);
  return suggestion ? { value: suggestion.value, because: suggestion.because } : undefined;
}
