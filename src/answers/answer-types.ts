import type { z } from 'zod';
import type { Question, QuestionType } from '../rules/types.js';
import { didYouMean } from '../util/suggest.js';
import type { AnswerValue } from './types.js';

type Zod = typeof z;

/**
 * What counts as an answer, defined once per question type. The answers loader validates with
 * `schema` (its messages are the ones a user reads), the answers JSON Schema is generated from it,
 * and the pack loader checks suggested answers and the values rules compare answers with against
 * it. The schemas are built with the zod passed in, so that this module loads no zod itself: an
 * audit without answers and with the built-in packs needs none.
 */
interface AnswerType {
  /** A whole answer to the question. */
  schema(z: Zod, question: Question): z.ZodType<AnswerValue>;
  /** One value a rule compares the answer with (`equals`, `in`, `includes`): an item, for a list answer. */
  value?(z: Zod, question: Question): z.ZodType<AnswerValue>;
  /** What an answer looks like, in words, for the template and the prompts. */
  format(question: Question): string;
  /** The type lists its values under `choices`. */
  hasChoices?: true;
}

function values(question: Question): string[] {
  return question.choices?.map((choice) => choice.value) ?? [];
}

/** One of the question's choices; the JSON Schema lists each with its label, for the editor. */
function choice(z: Zod, question: Question, error: string): z.ZodType<string> {
  return z.enum(values(question) as [string, ...string[]], { error }).meta({
    oneOf: (question.choices ?? []).map((item) => ({ const: item.value, description: item.label })),
  });
}

const oneChoice = (z: Zod, question: Question) => choice(z, question, `expected one of: ${values(question).join(', ')}`);

export const ANSWER_TYPES: Record<QuestionType, AnswerType> = {
  boolean: {
    schema: (z) => z.boolean({ error: 'expected true or false' }),
    format: () => 'true or false',
  },
  choice: {
    schema: oneChoice,
    format: () => 'one of the values below',
    hasChoices: true,
  },
  multi: {
    schema: (z, question) => z.array(choice(z, question, `each item must be one of: ${values(question).join(', ')}`), { error: `expected a list of: ${values(question).join(', ')}` }),
    value: oneChoice,
    format(question) {
      const [first = 'a', second = 'b'] = values(question);
      return `a list of the values below, e.g. [${first}, ${second}]; [] for none of them`;
    },
    hasChoices: true,
  },
  number: {
    schema(z, question) {
      let number = z.number({ error: 'expected a number' });
      if (question.min !== undefined) number = number.min(question.min, { error: `must be at least ${question.min}` });
      if (question.max !== undefined) number = number.max(question.max, { error: `must be at most ${question.max}` });
      return number;
    },
    format(question) {
      const bounds = [question.min !== undefined ? `≥ ${question.min}` : '', question.max !== undefined ? `≤ ${question.max}` : ''].filter(Boolean).join(' and ');
      return `a number${bounds ? ` ${bounds}` : ''}${question.unit ? `, in ${question.unit}` : ''}`;
    },
  },
  text: {
    schema: (z) => z.string({ error: 'expected text' }),
    format: () => 'text, in quotes',
  },
};

/** A whole answer to the question: a list of its choices for `multi`, a number within its bounds... */
export function fitsQuestion(z: Zod, value: unknown, question: Question): boolean {
  return ANSWER_TYPES[question.type].schema(z, question).safeParse(value).success;
}

/** One value the question's answer can hold, or hold among others for `multi`. */
export function fitsValue(z: Zod, value: unknown, question: Question): boolean {
  const type = ANSWER_TYPES[question.type];
  return (type.value ?? type.schema)(z, question).safeParse(value).success;
}

/** What an answer looks like, in words, for the template and the prompts: "a number ≥ 0, in currency per year". */
export function answerFormat(question: Question): string {
  return ANSWER_TYPES[question.type].format(question);
}

/** The answer a pack's value must fit, in the words of a load error: "one of online, batch", "a number". */
export function expectedAnswer(question: Question): string {
  const choices = values(question);
  return choices.length > 0 ? `${question.type === 'multi' ? 'a list of' : 'one of'} ${choices.join(', ')}` : `a ${question.type}`;
}

/** Why a value given for question `id` is no answer the packs take (an unknown question, a wrong type), or null. */
export function answerProblem(z: Zod, id: string, value: unknown, questions: ReadonlyMap<string, Question>): string | null {
  const question = questions.get(id);
  if (!question) return `unknown question "${id}"${didYouMean(id, questions.keys())}`;
  return fitsQuestion(z, value, question) ? null : `${JSON.stringify(value)} is not an answer to ${id}, whose answer is ${expectedAnswer(question)}`;
}
