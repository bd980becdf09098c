import type { Category, Question } from '../rules/types.js';
import { ANSWERS_FORMAT_VERSION } from './types.js';

/** Where the schema of the built-in questions is published; templates point editors at it. */
export const ANSWERS_SCHEMA_URL = 'https://scale-audit.dev/schemas/answers.schema.json';

type JsonSchema = Record<string, unknown>;

/** A blank answer (`id:` with nothing after it) is allowed everywhere: it means unanswered. */
function orBlank(schema: JsonSchema): JsonSchema {
  return { anyOf: [schema, { type: 'null' }] };
}

function choiceSchemas(question: Question): JsonSchema[] {
  return (question.choices ?? []).map((choice) => ({ const: choice.value, description: choice.label }));
}

function answerSchema(question: Question): JsonSchema {
  switch (question.type) {
    case 'boolean':
      return { type: 'boolean' };
    case 'number':
      return {
        type: 'number',
        ...(question.min !== undefined ? { minimum: question.min } : {}),
        ...(question.max !== undefined ? { maximum: question.max } : {}),
      };
    case 'choice':
      return { oneOf: choiceSchemas(question) };
    case 'multi':
      return { type: 'array', items: { oneOf: choiceSchemas(question) } };
    case 'text':
      return { type: 'string' };
  }
}

/**
 * The JSON Schema of an answers file for these questions (the built-in packs plus any `--rules`),
 * so that an editor completes question ids and allowed values and flags mistakes as you type.
 * The loader checks the same things (src/answers/load.ts) and says where, with file and line.
 */
export function answersSchema(questions: readonly Question[], categories: readonly Category[]): JsonSchema {
  const categoryTitle = new Map(categories.map((category) => [category.id, category.title]));
  const properties = Object.fromEntries(
    questions.map((question) => [
      question.id,
      {
        title: `${categoryTitle.get(question.category) ?? question.category}: ${question.text}`,
        description: question.unit ? `${question.help} (Unit: ${question.unit}.)` : question.help,
        ...orBlank(answerSchema(question)),
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
