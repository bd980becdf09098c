import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { NO_ANSWERS } from '../../src/answers/types.js';
import { renderCheckReference, withCheckList } from '../../src/render/check-reference.js';
import { BUILTIN_CHECKS, CHECK_KINDS } from '../../src/rules/checks/index.js';
import type { CheckKind } from '../../src/rules/checks/kind.js';
import { evalContext, evaluateExpr, questionsOf } from '../../src/rules/evaluate.js';
import type { Expr } from '../../src/rules/expr.js';
import { loadRuleSet } from '../../src/rules/load.js';
import { argumentSchema, rulePackSchema } from '../../src/rules/pack-schema.js';
import { checksIn } from '../../src/rules/walk.js';
import { scanFiles } from '../../src/scan/scan.js';
import { compileSchema } from '../../src/util/schema-errors.js';
import { inputError } from '../helpers/input-error.js';
import { oneRulePack } from '../helpers/one-rule-pack.js';
import { builtinRules } from '../helpers/rule-tester.js';
import { tempDir } from '../helpers/temp.js';

const published = JSON.parse(await readFile(new URL('../../schemas/rule-pack.schema.json', import.meta.url), 'utf8')) as { definitions: { expr: { properties: Record<string, unknown>; propertyNames: { enum: string[] } } } };

/** A pack whose one rule checks the expression. */
const packWith = (expression: string) => oneRulePack(`{ ${expression} }`);

async function loadPack(text: string) {
  const dir = await tempDir({ 'extra.yaml': text });
  return loadRuleSet([join(dir, 'extra.yaml')]);
}

const examples = CHECK_KINDS.flatMap((kind) => kind.doc.examples.map((example) => [kind.name, example] as const));

describe('the check kinds registry', () => {
  it('holds every kind the modules of src/rules/checks define, once', () => {
    const modules = import.meta.glob<Record<string, unknown>>('../../src/rules/checks/*.ts', { eager: true });
    const defined = Object.values(modules)
      .flatMap((module) => Object.values(module))
      .filter((value): value is CheckKind => typeof value === 'object' && value !== null && 'evaluate' in value && 'argument' in value);
    expect(new Set(CHECK_KINDS)).toEqual(new Set(defined));
    expect(new Set(CHECK_KINDS.map((kind) => kind.name)).size).toBe(CHECK_KINDS.length);
  });

  it.each(CHECK_KINDS.map((kind) => [kind.name, kind] as const))('documents %s with a summary and an example', (name, kind) => {
    expect(kind.doc.summary.length).toBeGreaterThan(20);
    expect(kind.doc.examples.length).toBeGreaterThan(0);
    for (const example of kind.doc.examples) expect(Object.keys(parse(`{ ${example} }`) as object)).toEqual([name]);
  });

  it.each(CHECK_KINDS.map((kind) => [kind.name, kind] as const))('publishes the argument schema of %s in schemas/rule-pack.schema.json', (name, kind) => {
    expect(published.definitions.expr.properties[name]).toEqual(argumentSchema(kind));
  });

  it('publishes the schema the loader validates with, listing exactly the registered kinds (run `npm run docs` after changing a kind)', () => {
    expect(published).toEqual(rulePackSchema());
    expect(published.definitions.expr.propertyNames.enum).toEqual(CHECK_KINDS.map((kind) => kind.name));
  });

  it('is what docs/checks.md says (run `npm run docs` after changing a kind)', async () => {
    const reference = await readFile(new URL('../../docs/checks.md', import.meta.url), 'utf8');
    expect(reference).toBe(renderCheckReference());
    for (const [, example] of examples) expect(reference).toContain(example);
  });

  it("is what the README's list of check kinds says (run `npm run docs` after changing a kind)", async () => {
    const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
    expect(readme).toBe(withCheckList(readme));
  });

  it('is shown in the README by a module as it is', async () => {
    const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
    const module = await readFile(new URL('../../src/rules/checks/condition.ts', import.meta.url), 'utf8');
    expect(readme).toContain(`\`\`\`ts\n${module}\`\`\``);
  });
});

describe('the examples in the check reference', () => {
  const validate = compileSchema(rulePackSchema());

  it.each(examples)('%s: %s is a valid expression that loads with the built-in packs and evaluates', async (_name, example) => {
    expect(validate(parse(packWith(example))), JSON.stringify(validate.errors)).toBe(true);
    const ruleSet = await loadPack(packWith(example));
    const rule = ruleSet.rules.find((candidate) => candidate.id === 'extra.sample')!;
    const facts = await scanFiles({ Dockerfile: 'FROM python:3.12-slim\n' }, { signals: ruleSet.signals, now: new Date('2026-01-01T00:00:00Z') });
    const outcome = evaluateExpr(rule.check.pass, evalContext(ruleSet, facts, NO_ANSWERS));
    expect([true, false, null]).toContain(outcome.value);
    expect(outcome.evidence.length).toBeGreaterThan(0);
  });
});

describe('a pack with a check the registry does not know, or a bad argument', () => {
  it.each([
    ['an unknown kind', 'dockerfil: { require: non-root }', /extra\.yaml:12:15: rules\[0\]\.check\.pass: unknown key "dockerfil" \(did you mean "dockerfile"\?\)/],
    ['a misspelt key of an argument', 'file: { glob: "*.md", minn: 2 }', /extra\.yaml:12:37: rules\[0\]\.check\.pass\.file: unknown property "minn" \(did you mean "min"\?\)/],
    ['a value outside the vocabulary', 'ci: { runs: tests }', /extra\.yaml:12:27: rules\[0\]\.check\.pass\.ci\.runs: must be one of: "test", "coverage"/],
    ['an empty combination', 'any: []', /extra\.yaml:12:20: rules\[0\]\.check\.pass\.any: must not be empty/],
    ['a comparison without a value', 'fact: { path: git.commits }', /extra\.yaml:12:21: rules\[0\]\.check\.pass\.fact: must have at least 2 keys/],
    ['a reference that does not resolve', 'signal: mon-drift-detection', /extra\.yaml:12:23: unknown signal "mon-drift-detection" \(did you mean "mon-drift-detection-call"\?\)/],
  ])('refuses %s with file, line and column', async (_name, expression, message) => {
    const error = await inputError(loadPack(packWith(expression)));
    expect(error.describe()).toMatch(message);
  });
});

describe('the expression walker', () => {
  const conditions = new Map<string, Expr>([
    ['online', { not: { answer: { id: 'q.batch', equals: true } } }],
    ['loops', { any: [{ condition: 'loops' }, { answer: { id: 'q.loop', answered: true } }] }],
  ]);

  it('visits each check before its parts, in the order written, with its place in the pack', () => {
    const expr: Expr = { all: [{ file: 'a' }, { not: { condition: 'online' } }] };
    expect([...checksIn(expr, BUILTIN_CHECKS)].map((check) => check.place)).toEqual([['all'], ['all', 0, 'file'], ['all', 1, 'not'], ['all', 1, 'not', 'condition']]);
  });

  it('enters each named condition once, so a condition that names itself ends', () => {
    expect([...questionsOf({ all: [{ condition: 'loops' }, { condition: 'online' }, { condition: 'loops' }] }, { checks: BUILTIN_CHECKS, conditions })]).toEqual(['q.loop', 'q.batch']);
  });
});

describe('reference checks', () => {
  it('name the question of an answer that is not a number but is compared as one', async () => {
    const error = await inputError(loadPack(packWith('answer: { id: team.owners, gte: 1 }')));
    expect(error.describe()).toMatch(/extra\.yaml:12:\d+: gte\/lte compare numbers, but question team\.owners is a choice/);
  });

  it('refuse a value outside a number question’s bounds, which can never match', async () => {
    const bounded = builtinRules.questions.find((question) => question.type === 'number' && question.min !== undefined)!;
    const error = await inputError(loadPack(packWith(`answer: { id: ${bounded.id}, equals: ${bounded.min! - 1} }`)));
    expect(error.describe()).toMatch(new RegExp(`can never match question ${bounded.id.replace('.', '\\.')}, whose answer is a number`));
  });
});

describe('the built-in packs checked in full', () => {
  it('load without the build cache as they do from it (the cache skips checks the build made)', async () => {
    const full = await loadRuleSet([], { cache: false });
    expect(full.rules).toEqual(builtinRules.rules);
    expect(full.questions).toEqual(builtinRules.questions);
  });
});

describe('signal evidence', () => {
  it('shows matches in modules before those in notebooks, where capping would hide them', async () => {
    const notebook = JSON.stringify({ cells: [{ cell_type: 'code', source: ['np.random.seed(0)'] }], metadata: {}, nbformat: 4, nbformat_minor: 5 });
    const files: Record<string, string> = { 'src/train.py': 'import numpy as np\n\nnp.random.seed(42)\n' };
    for (const name of ['a', 'b', 'c', 'd', 'e', 'f']) files[`analysis/${name}.ipynb`] = notebook;
    const facts = await scanFiles(files, { signals: builtinRules.signals, now: new Date('2026-01-01T00:00:00Z') });
    const outcome = evaluateExpr({ signal: 'seed-setting' } as Expr, evalContext(builtinRules, facts, NO_ANSWERS));
    expect(outcome.value).toBe(true);
    const paths = outcome.evidence.flatMap((item) => (item.path ? [item.path] : []));
    // `analysis/` sorts before `src/`: the module comes first because it is a module, then the notebooks in order.
    expect(paths[0]).toBe('src/train.py');
    expect(paths.slice(1)).toEqual([...paths.slice(1)].sort());
    expect(paths.slice(1).every((path) => path.endsWith('.ipynb'))).toBe(true);
  });
});
