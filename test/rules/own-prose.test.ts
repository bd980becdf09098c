import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/rules/evaluate.js';
import { BUILTIN_PACKS } from '../../src/rules/load.js';
import { scanFiles } from '../../src/scan/scan.js';
import { PACKAGE_ROOT } from '../../src/util/package-root.js';
import { builtinRules, gitFacts } from '../helpers/rule-tester.js';

/*
 * The rule packs and their documentation name every call, command and setting the rules look
 * for, in descriptions and prose. A repository that holds them (scale-audit's own) must get no
 * more credit than an empty one: text about a practice is not the practice.
 */
async function credited(files: Record<string, string>): Promise<string[]> {
  const facts = await scanFiles(files, { signals: builtinRules.signals, now: new Date('2026-11-23T00:00:00Z'), gitFacts: gitFacts() });
  const answers = { path: 'answers.yaml', values: {} };
  return evaluate(builtinRules, facts, answers)
    .filter((finding) => finding.status === 'pass' || finding.status === 'partial')
    .map((finding) => `${finding.ruleId} ${finding.status}`);
}

describe('the rule packs and their documentation', () => {
  it('pass no rule from their own descriptions', async () => {
    const paths = [...BUILTIN_PACKS.map((pack) => `rules/${pack}.yaml`), 'docs/rules.md', 'docs/checks.md'];
    const files = Object.fromEntries(await Promise.all(paths.map(async (path) => [path, await readFile(join(PACKAGE_ROOT, path), 'utf8')] as const)));
    expect(await credited(files)).toEqual(await credited({}));
  });
});
