import { z } from 'zod';
import { ANSWER_TYPES } from '../answers/answer-types.js';
import { BUILTIN_CHECKS, type CheckKinds } from './checks/index.js';
import type { CheckKind } from './checks/kind.js';
import { schemaKit } from './checks/schema-kit.js';
import { SEVERITIES } from './types.js';

/*
 * The JSON Schema of a rule pack. The loader validates packs against it, and it is published as
 * schemas/rule-pack.schema.json for editors (`npm run docs` writes it; a test fails when it is
 * stale). Its expression part comes from the check kinds' registry: each kind's argument schema is
 * the one definition of what a pack may write under its key.
 */

type JsonSchema = Record<string, unknown>;

const EXPR = { $ref: '#/definitions/expr' };
const TEXT = { type: 'string', minLength: 1 };
const TEXTS = { type: 'array', items: TEXT };
const RULE_ID = '^[a-z][a-z0-9]*(-[a-z0-9]+)*\\.[a-z0-9]+(-[a-z0-9]+)*$';
const SLUG = '^[a-z][a-z0-9]*(-[a-z0-9]+)*$';

/** What a pack may write under a kind's key, with the kind's summary for the editor's hover. */
export function argumentSchema(kind: CheckKind): JsonSchema {
  const { $schema: _, ...schema } = z.toJSONSchema(kind.argument(schemaKit), {
    target: 'draft-7',
    unrepresentable: 'any',
    override: ({ zodSchema, jsonSchema }) => {
      if ((zodSchema as unknown) === schemaKit.expression) Object.assign(jsonSchema, EXPR);
      // The values say the type; without it, a wrong value is told the values rather than "must be string".
      if (jsonSchema.enum) delete jsonSchema.type;
    },
  });
  return { ...schema, description: kind.doc.summary };
}

function exprSchema(checks: CheckKinds): JsonSchema {
  const kinds = [...checks.values()];
  return {
    description: 'Exactly one check.',
    type: 'object',
    minProperties: 1,
    maxProperties: 1,
    propertyNames: { enum: kinds.map((kind) => kind.name) },
    properties: Object.fromEntries(kinds.map((kind) => [kind.name, argumentSchema(kind)])),
  };
}

/** The schema of a pack written with the given kinds of check: the built-in ones, and a run's plugins' too. */
export function rulePackSchema(checks: CheckKinds = BUILTIN_CHECKS): JsonSchema {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://scale-audit.dev/schemas/rule-pack.schema.json',
    title: 'scale-audit rule pack',
    description:
      'A pack of readiness rules, the questions they read and the code signals they look for. Rules are data: a check is a declarative expression over the scanned Facts and the questionnaire answers.',
    type: 'object',
    required: ['pack', 'rules'],
    additionalProperties: false,
    properties: {
      $schema: { type: 'string' },
      pack: { type: 'string', pattern: '^[a-z][a-z0-9-]*$', description: 'Name of the pack.' },
      description: { type: 'string' },
      category: { $ref: '#/definitions/category' },
      questions: { type: 'array', items: { $ref: '#/definitions/question' } },
      signals: { type: 'array', items: { $ref: '#/definitions/signal' } },
      rules: { type: 'array', items: { $ref: '#/definitions/rule' } },
      conditions: {
        type: 'array',
        items: { $ref: '#/definitions/condition' },
        description: 'Named expressions that rules of any pack can use with `condition: <id>`.',
      },
    },
    definitions: {
      category: {
        type: 'object',
        required: ['id', 'title', 'description'],
        additionalProperties: false,
        properties: { id: { type: 'string', pattern: '^[a-z][a-z0-9-]*$' }, title: TEXT, description: TEXT },
      },
      question: {
        type: 'object',
        required: ['id', 'text', 'type', 'help'],
        additionalProperties: false,
        properties: {
          id: { type: 'string', pattern: RULE_ID },
          category: { type: 'string' },
          text: TEXT,
          type: { enum: Object.keys(ANSWER_TYPES) },
          help: TEXT,
          choices: {
            type: 'array',
            minItems: 2,
            items: {
              oneOf: [TEXT, { type: 'object', required: ['value', 'label'], additionalProperties: false, properties: { value: TEXT, label: TEXT } }],
            },
          },
          min: { type: 'number' },
          max: { type: 'number' },
          unit: { type: 'string' },
          suggest: {
            type: 'array',
            minItems: 1,
            items: { $ref: '#/definitions/suggestion' },
            description: 'Defaults offered by `scale-audit init`, the first whose condition holds.',
          },
        },
      },
      suggestion: {
        type: 'object',
        required: ['when', 'value', 'because'],
        additionalProperties: false,
        description: 'A default that `scale-audit init` offers when the condition holds on the scan.',
        properties: {
          when: EXPR,
          value: { type: ['string', 'number', 'boolean', 'array'], items: { type: 'string' } },
          because: TEXT,
        },
      },
      signal: {
        type: 'object',
        required: ['id', 'description', 'files', 'pattern'],
        additionalProperties: false,
        properties: {
          id: { type: 'string', pattern: SLUG },
          description: TEXT,
          files: { ...TEXTS, minItems: 1, description: 'Globs of the files it reads. A `code` signal reads only code: each glob must end in a code extension (*.py, *.ipynb, *.js, *.ts, *.R…); a script without an extension whose first line names Python is read as `*.py`.' },
          match: {
            enum: ['code', 'text'],
            description:
              'code: the pattern is tested against each logical line of code (Python, notebook code cells, JavaScript/TypeScript, R) with comments, docstrings and prose strings removed, a statement over several lines joined into one, and a match from the name of a definition (`def register_model(`) not counted. text (the default): against each line as written, comment lines excluded, for configuration, scripts and prose.',
          },
          notUnder: {
            ...TEXTS,
            minItems: 1,
            description:
              'YAML keys whose maps and lists hold no match: a text signal for a job\'s `environment:` in a workflow lists `with`, the arguments a step passes to an action or a job to a called workflow. Read by indentation; other files are read as without it.',
          },
          pattern: {
            ...TEXT,
            description:
              'A regular expression (JavaScript syntax for the built-in packs; RE2 syntax for any other pack, so that it runs in linear time on any file: no lookaround, no backreferences).',
          },
        },
      },
      rule: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'title', 'severity', 'level', 'why', 'detection', 'remediation', 'check'],
        properties: {
          id: { type: 'string', pattern: RULE_ID, description: 'Public, stable id: category prefix, a dot, a slug.' },
          title: { ...TEXT, description: "The good state, as a statement: 'Experiments are tracked centrally'." },
          category: { type: 'string' },
          severity: { enum: SEVERITIES },
          level: { enum: [1, 2, 3, 4], description: 'Maturity level at which the rule is expected (L1 foundations ... L4 continuous operations).' },
          why: TEXT,
          detection: TEXT,
          remediation: {
            type: 'object',
            required: ['summary', 'steps', 'effort'],
            additionalProperties: false,
            properties: { summary: TEXT, steps: { ...TEXTS, minItems: 1 }, effort: { enum: ['S', 'M', 'L'] }, links: TEXTS },
          },
          requires: { type: 'array', items: { type: 'string', pattern: RULE_ID }, uniqueItems: true },
          appliesWhen: EXPR,
          notApplicableMessage: TEXT,
          check: { type: 'object', required: ['pass'], additionalProperties: false, properties: { pass: EXPR, partial: EXPR } },
          severityWhen: {
            type: 'array',
            minItems: 1,
            items: { $ref: '#/definitions/severityCondition' },
            description: `The first condition that holds sets the finding's severity; otherwise "severity" does.`,
          },
          conflicts: { type: 'array', minItems: 1, items: { $ref: '#/definitions/conflict' } },
          messages: { type: 'object', additionalProperties: false, properties: { pass: TEXT, partial: TEXT, fail: TEXT } },
          references: TEXTS,
        },
      },
      severityCondition: {
        type: 'object',
        required: ['when', 'severity'],
        additionalProperties: false,
        description: 'A severity that applies while the condition holds, e.g. critical when the system is high-risk.',
        properties: { when: EXPR, severity: { enum: SEVERITIES } },
      },
      conflict: {
        type: 'object',
        required: ['answer', 'evidence', 'believe', 'why'],
        additionalProperties: false,
        description: 'An answer the repository can contradict: when the answer holds and so does the evidence, the finding records the conflict and believes one side.',
        properties: {
          answer: { $ref: '#/definitions/expr/properties/answer', description: 'The answer in doubt; it must be one the rule reads.' },
          evidence: { ...EXPR, description: 'What in the repository contradicts the answer: an expression over the scan only, never an answer.' },
          believe: {
            enum: ['answer', 'evidence'],
            description: 'evidence: what a repository can show (the answer is overruled for this rule); answer: what it cannot (the conflict is only reported).',
          },
          why: { ...TEXT, description: 'Why that side wins, in words the reader of the finding understands.' },
        },
      },
      expr: exprSchema(checks),
      condition: {
        type: 'object',
        required: ['id', 'description', 'when'],
        additionalProperties: false,
        properties: { id: { type: 'string', pattern: SLUG }, description: TEXT, when: EXPR },
      },
    },
  };
}
