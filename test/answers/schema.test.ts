import { readFile } from 'node:fs/promises';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { openAnswersDocument } from '../../src/answers/document.js';
import { answersSchema } from '../../src/answers/schema.js';
import { answersTemplate } from '../../src/answers/template.js';
import { builtinRules } from '../helpers/rule-tester.js';

const schema = answersSchema(builtinRules.questions, builtinRules.categories);
const validate = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true }).compile(schema);
const question = (id: string) => builtinRules.questions.find((candidate) => candidate.id === id)!;

describe('the answers JSON Schema', () => {
  it('is published as schemas/answers.schema.json for the built-in questions', async () => {
    const published = JSON.parse(await readFile(new URL('../../schemas/answers.schema.json', import.meta.url), 'utf8')) as unknown;
    expect(published, 'regenerate it: node bin/scale-audit.js schema answers > schemas/answers.schema.json').toEqual(schema);
  });

  it('accepts the example answers and a blank template', async () => {
    const example = parse(await readFile(new URL('../../examples/answers.yaml', import.meta.url), 'utf8')) as unknown;
    expect(validate(example), JSON.stringify(validate.errors)).toBe(true);
    expect(validate(parse(answersTemplate(builtinRules.questions, builtinRules.categories, { path: '.', file: 'a.yaml' })))).toBe(true);
  });

  it.each([
    ['an unknown question', { 'team.ownrs': 'both' }],
    ['a choice that does not exist', { 'infrastructure.serving-mode': 'realtime' }],
    ['a number below its minimum', { 'roi.poc-cost': -1 }],
    ['text for a number', { 'roi.poc-cost': 'lots' }],
    ['an unknown item in a list', { 'team.roles': ['modelling', 'dba'] }],
  ])('rejects %s, as the loader does', (_name, answers) => {
    expect(validate({ version: 1, answers })).toBe(false);
  });

  it('describes each question, and each choice, for the editor', () => {
    const properties = (schema.properties as { answers: { anyOf: Array<{ properties?: Record<string, { title: string; anyOf: Array<{ oneOf?: unknown[] }> }> }> } }).answers.anyOf[0]!.properties!;
    expect(properties['infrastructure.serving-mode']!.title).toBe(`Infrastructure: ${question('infrastructure.serving-mode').text}`);
    expect(properties['infrastructure.serving-mode']!.anyOf[0]!.oneOf).toContainEqual({ const: 'online', description: 'Online: an API answers requests as they come' });
  });
});

describe('an answers file edited in place', () => {
  const text = [
    '# yaml-language-server: $schema=https://scale-audit.dev/schemas/answers.schema.json',
    '# Our answers.',
    'version: 1',
    'answers:',
    '  # What the system is',
    '  infrastructure.serving-mode: online # the API',
    '  team.roles: [modelling, product]',
    '',
    '  # Money',
    '  roi.poc-cost: 60000',
    '  roi.currency:',
    '  roi.sponsor-name: "Anna Schmidt, COO"',
    '',
  ].join('\n');

  it('comes back unchanged when nothing is set', () => {
    expect(openAnswersDocument('a.yaml', text).toString()).toBe(text);
  });

  it('fills a blank answer in place and adds a new one at the end, commented', () => {
    const document = openAnswersDocument('a.yaml', text);
    document.set(question('roi.currency'), 'EUR');
    document.set(question('team.roles'), ['modelling']);
    document.set(question('roi.kpi'), 'smart');
    expect(document.toString()).toBe(
      text
        .replace('  roi.currency:\n', '  roi.currency: EUR\n')
        .replace('[modelling, product]', '[modelling]')
        .concat(`\n  # ${question('roi.kpi').text}\n  roi.kpi: smart\n`),
    );
  });

  it('keeps a comment on the line of an answer it replaces', () => {
    const document = openAnswersDocument('a.yaml', text);
    document.set(question('infrastructure.serving-mode'), 'batch');
    expect(document.toString()).toContain('  infrastructure.serving-mode: batch # the API\n');
  });

  it('marks a skipped answer as shown; a blank left by hand or by a template was never shown', () => {
    const document = openAnswersDocument('a.yaml', text);
    expect(document.skipped()).toEqual(new Set());
    document.set(question('roi.currency'), null);
    document.set(question('infrastructure.serving-mode'), null);
    document.set(question('roi.kpi'), null);
    const written = document.toString();
    expect(written).toContain('  roi.currency: # skipped\n');
    expect(written).toContain('  infrastructure.serving-mode: # the API · skipped\n');
    expect(written).toMatch(/# {3}Answer: one of the values below\.\n(.*\n)*  roi\.kpi: # skipped\n$/);
    const reopened = openAnswersDocument('a.yaml', written);
    expect(reopened.skipped()).toEqual(new Set(['roi.currency', 'infrastructure.serving-mode', 'roi.kpi']));
    expect(openAnswersDocument('a.yaml', answersTemplate(builtinRules.questions, builtinRules.categories, { path: '.', file: 'a.yaml' })).skipped()).toEqual(new Set());
  });

  it('drops the mark once a skipped question is answered, keeping the comment that was there', () => {
    const document = openAnswersDocument('a.yaml', text.replace('online # the API', '# the API · skipped').replace('  roi.currency:', '  roi.currency: # skipped'));
    document.set(question('infrastructure.serving-mode'), 'batch');
    document.set(question('roi.currency'), 'EUR');
    expect(document.toString()).toContain('  infrastructure.serving-mode: batch # the API\n');
    expect(document.toString()).toContain('  roi.currency: EUR\n');
    expect(document.skipped()).toEqual(new Set());
  });

  it('in JSON, which has no comments, a null answer is a skipped one', () => {
    const document = openAnswersDocument('a.json', '{ "version": 1, "answers": { "roi.currency": "EUR" } }');
    document.set(question('roi.kpi'), null);
    expect(document.skipped()).toEqual(new Set(['roi.kpi']));
    expect(JSON.parse(document.toString())).toEqual({ version: 1, answers: { 'roi.currency': 'EUR', 'roi.kpi': null } });
  });
});
