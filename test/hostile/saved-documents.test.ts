import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CASE_TIMEOUT_MS, expectCompleted, expectRefused, run, runAll, smallRepository } from './contract.js';

/*
 * Saved reports and baselines are files anyone can edit between the run that wrote them and the
 * one that reads them. Each is checked against its published schema before use: a tampered file
 * is one line naming it, never a crash deep inside a comparison or a silently passing gate.
 */
const repo = await smallRepository();
const reportFile = join(repo, 'report.json');
const baselineFile = join(repo, 'baseline.json');
const saved = await run([repo, '--format', 'json', '--output', reportFile, '--write-baseline', baselineFile]);
const report = JSON.parse(await readFile(reportFile, 'utf8')) as Record<string, unknown>;
const baseline = JSON.parse(await readFile(baselineFile, 'utf8')) as Record<string, unknown>;

async function tampered(name: string, value: unknown): Promise<string> {
  const file = join(repo, name);
  await writeFile(file, JSON.stringify(value, null, 2));
  return file;
}

describe('tampered saved documents', { timeout: CASE_TIMEOUT_MS }, () => {
  it('starts from a report and a baseline that load', async () => {
    expectCompleted(saved);
    expectCompleted(await run([repo, '--baseline', baselineFile]));
  });

  it('refuses a baseline that breaks its schema, naming the file and the line', async () => {
    const { categories: _, ...withoutCategories } = baseline;
    const cases: Array<[string, unknown, RegExp]> = [
      ['null-findings.json', { ...baseline, findings: null }, /:\d+:\d+: findings: must be object/],
      ['no-categories.json', withoutCategories, /:1:1: missing required property "categories"/],
      ['list-findings.json', { ...baseline, findings: [] }, /:\d+:\d+: findings: must be object/],
      ['text-score.json', { ...baseline, score: 'x' }, /:\d+:\d+: score: must be integer or null/],
      ['odd-status.json', { ...baseline, findings: { 'mlops.ci-pipeline': { status: 'great', paths: [] } } }, /findings\.mlops\.ci-pipeline\.status: must be one of/],
    ];
    const files = await Promise.all(cases.map(([name, value]) => tampered(name, value)));
    const results = await runAll(files.map((file) => [repo, '--baseline', file]));
    results.forEach((result, i) => expectRefused(result, files[i]!, cases[i]![2]));
  });

  it('refuses a report that breaks its schema in render, compare and portfolio', async () => {
    const summary = report.summary as Record<string, unknown>;
    const textScore = await tampered('text-score-report.json', { ...report, summary: { ...summary, score: 'x' } });
    const nullFindings = await tampered('null-findings-report.json', { ...report, findings: null });
    const manyKeys = await tampered('many-keys-report.json', { ...report, extra: Object.fromEntries(Array.from({ length: 30_000 }, (_, i) => [`key${i}`, i])) });
    const deep = join(repo, 'deep-report.json');
    await writeFile(deep, JSON.stringify(report).replace('"findings":', `"nested": ${'['.repeat(100_000)}${']'.repeat(100_000)}, "findings":`));
    const portfolio = join(repo, 'portfolio');
    await mkdir(portfolio);
    await writeFile(join(portfolio, 'a-good.json'), JSON.stringify(report));
    await writeFile(join(portfolio, 'b-bad.json'), JSON.stringify({ ...report, categories: 'none' }));
    const [a, b, c, d, e] = await runAll([
      ['render', textScore],
      ['compare', reportFile, nullFindings],
      ['render', manyKeys, '--format', 'json'],
      ['render', deep],
      ['portfolio', portfolio],
    ]);
    expectRefused(a, textScore, /:\d+:\d+: summary\.score: must be integer or null/);
    expectRefused(b, nullFindings, /findings: must be array/);
    expectRefused(c, manyKeys, /unknown property "extra"/);
    expectRefused(d, deep, /unknown property "nested"/);
    expectRefused(e, join(portfolio, 'b-bad.json'), /categories: must be array/);
  });

  it('writes reports that load again, whatever the configuration weighs', async () => {
    const heavy = await smallRepository({ '.scale-audit.yaml': 'version: 1\ncategories:\n  data: { weight: 1000 }\n  mlops: { weight: 0.000001 }\nrules:\n  mlops.ci-pipeline: { weight: 1000 }\n' });
    const out = join(heavy, 'report.json');
    expectCompleted(await run([heavy, '--format', 'json', '--output', out]));
    const rendered = await run(['render', out]);
    expectCompleted(rendered);
    expect(rendered.stdout).toMatch(/Readiness\s+\d+\/100/);
  });
});
