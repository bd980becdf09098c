import { expectedAnswer } from '../../answers/answer-types.js';
import type { AnswerValue } from '../../answers/types.js';
import { didYouMean } from '../../util/suggest.js';
import { list } from './evidence.js';
import { type ArgumentOf, defineCheck, type SchemaKit } from './kind.js';

const argument = ({ z, text, oneOrMany }: SchemaKit) => {
  const scalar = z.union([z.string(), z.number(), z.boolean()]);
  return z
    .strictObject({
      id: z.string().describe('The question id.'),
      equals: scalar.optional().describe('The answer is this value.'),
      in: z.array(scalar).min(1).optional().describe('The answer is one of these values.'),
      includes: oneOrMany(text).optional().describe('For `multi` questions: the answer includes all of these values.'),
      gte: z.number().optional().describe('For `number` questions: the answer is at least this.'),
      lte: z.number().optional().describe('For `number` questions: the answer is at most this.'),
      answered: z.boolean().optional().describe('true: the question has any non-empty answer; false: the answer is empty.'),
    })
    .meta({ minProperties: 2 });
};

declare module '../expr.js' {
  interface CheckArguments {
    answer: ArgumentOf<typeof argument>;
  }
}

function formatAnswer(value: AnswerValue): string {
  if (Array.isArray(value)) return value.length === 0 ? '(none)' : value.join(', ');
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

function isEmpty(value: AnswerValue): boolean {
  return (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0);
}

export const answer = defineCheck({
  name: 'answer',
  argument,
  doc: {
    summary:
      'The answer to a question compares as given (every comparison written must hold). An unanswered question makes the check unknown, never true or false; an answer the repository contradicts (see `conflicts`) makes it false.',
    examples: ['answer: { id: infrastructure.serving-mode, in: [online, streaming] }', 'answer: { id: team.roles, includes: [ml-engineering, operations] }', 'answer: { id: roi.poc-cost, gte: 1 }'],
  },
  evaluate(arg, ctx) {
    const given = ctx.answers.values[arg.id];
    if (!given) {
      return { value: null, evidence: [{ kind: 'answer', detail: `question ${arg.id} is not answered` }] };
    }
    const value = given.value;
    const evidence = { kind: 'answer' as const, path: ctx.answers.path ?? undefined, line: given.line, detail: `${arg.id}: ${formatAnswer(value)}` };
    if (ctx.overruled?.has(arg.id)) return { value: false, evidence: [{ ...evidence, detail: `${evidence.detail} (not believed: the repository contradicts it)` }] };
    const checks: boolean[] = [];
    if (arg.answered !== undefined) checks.push(!isEmpty(value) === arg.answered);
    if (arg.equals !== undefined) checks.push(value === arg.equals);
    if (arg.in !== undefined) checks.push(arg.in.some((option) => option === value));
    if (arg.includes !== undefined) {
      const values = Array.isArray(value) ? value : [String(value)];
      checks.push(list(arg.includes).every((option) => values.includes(option)));
    }
    if (arg.gte !== undefined) checks.push(typeof value === 'number' && value >= arg.gte);
    if (arg.lte !== undefined) checks.push(typeof value === 'number' && value <= arg.lte);
    return { value: checks.every(Boolean), evidence: [evidence] };
  },
  questions: (arg) => [arg.id],
  references(arg, scope) {
    const question = scope.questions.get(arg.id);
    if (!question) return scope.refuse(`unknown question "${arg.id}"${didYouMean(arg.id, scope.questions.keys())}`, ['id']);
    const values = [arg.equals, ...(arg.in ?? []), ...list(arg.includes)].filter((value) => value !== undefined);
    for (const value of values) {
      if (!scope.fitsAnswer(value, question)) scope.refuse(`${JSON.stringify(value)} can never match question ${arg.id}, whose answer is ${expectedAnswer(question)}`);
    }
    if ((arg.gte !== undefined || arg.lte !== undefined) && question.type !== 'number') {
      scope.refuse(`gte/lte compare numbers, but question ${arg.id} is a ${question.type}`);
    }
  },
});
