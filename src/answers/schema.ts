import { z } from 'zod';
import type { Category, Question } from '../rules/types.js';
import { ANSWER_TYPES } from './answer-types.js';
import { ANSWERS_FORMAT_VERSION } from './types.js';

/** Where the schema of the built-in questions is published; templates point editors at it. */
export const ANSWERS_SCHEMA_URL = 'https://scale-audit.dev/schemas/answers.schema.json';

type JsonSchema = Record<string, unknown>;

/** A blank answer (`id:` with nothing after it) is allowed everywhere: it means unanswered. */
function orBlank(schema: JsonSchema): JsonSchema {
  return { anyOf: [schema, { type: 'null' }] };
}

/** The JSON Schema of an answer to the question, generated from its definition in answer-types.ts. */
export function answerJsonSchema(question: Question): JsonSchema {
  const { $schema: _, ...schema } = z.toJSONSchema(ANSWER_TYPES[question.type].schema(z, question), {
    target: 'draft-7',
    // The labelled list of a choice's values says all that `enum` does, and shows the labels.
    override: ({ jsonSchema }) => {
      if (jsonSchema.oneOf) {
        delete jsonSchema.type;
        delete jsonSchema.enum;
      }
    },
  });
  return schema;
}

/**
 * The JSON Schema of an answers file for these questions (the built-in packs plus any `--rules`),
 * so that an editor completes question ids and allowed values and flags mistakes as you type.
 * The answers are those the loader accepts (both come from answer-types.ts); the loader also says
 * where a mistake is, with file and line.
 */
export function answersSchema(questions: readonly Question[], categories: readonly Category[]): JsonSchema {
  const categoryTitle = new Map(categories.map((category) => [category.id, category.title]));
  const properties = Object.fromEntries(
    questions.map((question) => [
      question.id,
      {
        title: `${categoryTitle.get(question.category) ?? question.category}: ${question.text}`,
        description: question.unit ? `${question.help} (Unit: ${question.unit}.)` : question.help,
        ...orBlank(answerJsonSchema(question)),
      },
    ]),
  );
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: ANSWERS_SCHEMA_URL,
    title: 'scale-audit questionnaire answers',
    description: 'Answers to the questions no repository can settle. Keys are question ids; a blank answer counts as unanswered.',
    type: 'object',
    required: ['version', 'answers'],
    additionalProperties: false,
    properties: {
      $schema: { type: 'string' },
      version: { const: ANSWERS_FORMAT_VERSION, description: 'The format version of the answers file.' },
      answers: { anyOf: [{ type: 'object', additionalProperties: false, properties }, { type: 'null' }] },
    },
  };
}
