import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILTIN_PACKS } from '../../src/rules/load.js';
import { scanFiles } from '../../src/scan/scan.js';
import { PACKAGE_ROOT } from '../../src/util/package-root.js';
import { builtinRules } from '../helpers/rule-tester.js';

/*
 * The rule packs, their documentation and the evaluation's labels name every call, command and
 * setting the signals look for, in descriptions, prose and quoted evidence. A repository that
 * holds them (scale-audit's own) must match no signal: text about a practice is not the practice.
 */
describe('the rule packs, their documentation and the labels of the evaluation', () => {
  it('match no signal from their own descriptions', async () => {
    const labels = (await readdir(join(PACKAGE_ROOT, 'eval/repos'))).filter((name) => name.endsWith('.yaml')).map((name) => `eval/repos/${name}`);
    const paths = [...BUILTIN_PACKS.map((pack) => `rules/${pack}.yaml`), 'docs/rules.md', 'docs/checks.md', 'docs/accuracy.md', 'eval/LABELS.md', 'eval/facts.yaml', ...labels];
    const files = Object.fromEntries(await Promise.all(paths.map(async (path) => [path, await readFile(join(PACKAGE_ROOT, path), 'utf8')] as const)));
    const facts = await scanFiles(files, { signals: builtinRules.signals, now: new Date('2026-11-23T00:00:00Z'), gitFacts: null });
    const matched = Object.entries(facts.code.signals).flatMap(([id, found]) => found.matches.map((match) => `${id} ${match.path}:${match.line} ${match.snippet}`));
    expect(matched).toEqual([]);
  });
});
