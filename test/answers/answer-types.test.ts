import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ANSWER_TYPES, fitsQuestion } from '../../src/answers/answer-types.js';
import { answerJsonSchema } from '../../src/answers/schema.js';
import type { Question } from '../../src/rules/types.js';
import { builtinRules } from '../helpers/rule-tester.js';

const ajv = new Ajv({ strict: true, allowUnionTypes: true });

/** For each question type, a built-in question of it, the number one with bounds. */
const samples = Object.keys(ANSWER_TYPES).map((type) => {
  const ofType = builtinRules.questions.filter((question) => question.type === type);
  return ofType.find((question) => question.min !== undefined) ?? ofType[0]!;
});

function candidates(question: Question): unknown[] {
  const [first = 'x', second = 'y'] = question.choices?.map((choice) => choice.value) ?? [];
  return [true, false, 0, -1, 1e12, 2.5, '', 'text', first, second, [], [first], [first, second], [first, 'nope'], ['text'], [1], null, {}, { [first]: true }];
}

describe('one definition of a valid answer per question type', () => {
  it('covers every question type the built-in packs use', () => {
    expect(new Set(builtinRules.questions.map((question) => question.type))).toEqual(new Set(Object.keys(ANSWER_TYPES)));
  });

  it.each(samples.map((question) => [question.type, question] as const))('%s: the JSON Schema accepts exactly what the loader accepts', (_type, question) => {
    const validate = ajv.compile(answerJsonSchema(question));
    const accepted = candidates(question).filter((value) => fitsQuestion(z, value, question));
    expect(accepted.length).toBeGreaterThan(0);
    for (const value of candidates(question)) expect(validate(value), JSON.stringify(value)).toBe(fitsQuestion(z, value, question));
  });
});
