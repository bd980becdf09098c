import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Comparison } from '../../src/compare/compare.js';
import type { Portfolio } from '../../src/portfolio/portfolio.js';
import { EXTENSIONS, FORMATS } from '../../src/render/index.js';
import type { Report } from '../../src/report/types.js';
import { cli, expectUsageError, fixture } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';

/*
 * `render`, `compare` and `portfolio` read saved JSON reports: audit once in CI, then render,
 * compare and aggregate as often as needed.
 */
const EPOCH = { SOURCE_DATE_EPOCH: '1795000000' };
const poc = await fixture('notebook-poc');
const service = await fixture('ml-service', { git: true });
const dir = await tempDir();

async function audit(path: string, file: string): Promise<Report> {
  const result = await cli([path, '--format', 'json', '--output', file], { env: EPOCH });
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(await readFile(file, 'utf8')) as Report;
}

const pocFile = join(dir, 'poc.json');
const serviceFile = join(dir, 'service.json');
const [pocReport, serviceReport] = await Promise.all([audit(poc, pocFile), audit(service, serviceFile)]);

async function saved(name: string, report: unknown): Promise<string> {
  const file = join(dir, name);
  await writeFile(file, typeof report === 'string' ? report : JSON.stringify(report));
  return file;
}

describe('render', () => {
  /** The audit that saved the service's report, run again for every format at once. */
  const direct = (async () => {
    const out = join(dir, 'direct');
    const result = await cli([service, '--format', FORMATS.join(','), '--out-dir', out], { env: EPOCH });
    expect(result.code, result.stderr).toBe(0);
    return out;
  })();

  it.each(FORMATS)('gives the same %s as the audit that saved the report', async (format) => {
    const rendered = await cli(['render', serviceFile, '--format', format]);
    expect(rendered.code, rendered.stderr).toBe(0);
    expect(rendered.stdout).toBe(await readFile(join(await direct, `report.${EXTENSIONS[format]}`), 'utf8'));
  });

  it('renders a report of format 1.5, written before reports said where the audited directory sits', async () => {
    const { directory: _, ...target } = serviceReport.target;
    const older = await saved('older.json', { ...serviceReport, schemaVersion: '1.5.0', target });
    const rendered = await cli(['render', older, '--format', 'sarif']);
    expect(rendered.code, rendered.stderr).toBe(0);
    expect(JSON.parse(rendered.stdout).runs[0].results.length).toBeGreaterThan(0);
  });

  it('writes several formats with --out-dir, all or none', async () => {
    const out = join(dir, 'rendered');
    const result = await cli(['render', pocFile, '--format', 'html,sarif,md-summary', '--out-dir', out]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain(join(out, 'report.sarif'));
    expect(await readFile(join(out, 'report.html'), 'utf8')).toMatch(/^<!DOCTYPE html>/);
    expect(JSON.parse(await readFile(join(out, 'report.sarif'), 'utf8')).version).toBe('2.1.0');
    expect(await readFile(join(out, 'report.summary.md'), 'utf8')).toMatch(/^### Production readiness of notebook-poc/);
    expectUsageError(await cli(['render', pocFile, '--format', 'html,md']), /several formats need --out-dir/);
    expectUsageError(await cli(['render', pocFile, '--format', 'pdf']), /--format: unknown format "pdf"/);
  });

  it('refuses a missing, foreign, broken or newer file in one line naming it', async () => {
    // Positions are looked up only in a file under 512 KiB: the fixture's whole report, indented, is about that size.
    const broken = structuredClone({ ...pocReport, findings: pocReport.findings.slice(0, 10) }) as Partial<Report>;
    delete broken.summary;
    const cases: Array<[string, RegExp]> = [
      [join(dir, 'nope.json'), /nope\.json: cannot read report: no such file/],
      [await saved('package.json', { name: 'x', version: '1.0.0' }), /package\.json: not a scale-audit JSON report/],
      [await saved('truncated.json', JSON.stringify(pocReport).slice(0, 500)), /truncated\.json: not a scale-audit JSON report: invalid JSON/],
      [await saved('broken.json', JSON.stringify(broken, null, 2)), /broken\.json:1:1: missing required property "summary"/],
      [await saved('wrong.json', JSON.stringify({ ...pocReport, findings: pocReport.findings.slice(0, 10), scoringVersion: 'one' }, null, 2)), /wrong\.json:\d+:\d+: scoringVersion: must be integer/],
      [await saved('future.json', { ...pocReport, schemaVersion: '2.0.0' }), /future\.json: report format 2\.0\.0 is not supported; this scale-audit reads 1\.x/],
    ];
    for (const [file, message] of cases) expectUsageError(await cli(['render', file]), message);
  });
});

describe('compare', () => {
  it('shows score, level and category deltas, fixed and new gaps', async () => {
    const result = await cli(['compare', pocFile, serviceFile, '--format', 'json']);
    expect(result.code, result.stderr).toBe(0);
    const comparison = JSON.parse(result.stdout) as Comparison;
    expect(comparison.score).toEqual({ before: pocReport.summary.score, after: serviceReport.summary.score, delta: serviceReport.summary.score! - pocReport.summary.score! });
    expect(comparison.level.delta).toBe(serviceReport.summary.level - pocReport.summary.level);
    expect(comparison.confidence.delta).toBe(serviceReport.summary.confidence - pocReport.summary.confidence);
    expect(comparison.mlTestScore.delta).toBe(serviceReport.mlTestScore.score - pocReport.mlTestScore.score);
    expect(comparison.categories.map((category) => category.id)).toEqual(serviceReport.categories.map((category) => category.id));
    expect(comparison.fixed).toContainEqual(expect.objectContaining({ ruleId: 'mlops.ci-pipeline', before: 'fail', after: 'pass', direction: 'better' }));
    for (const change of comparison.newGaps) expect(['fail', 'partial']).toContain(change.after);
    expect(comparison.notes).toEqual(['The reports are of different repositories: notebook-poc and ml-service.']);
  });

  it('compares reports of other rule sets or scoring versions, and says so', async () => {
    const later = structuredClone(pocReport);
    later.ruleset.digest = 'ffffffffffff';
    later.scoringVersion += 1;
    later.findings = later.findings.filter((finding) => finding.ruleId !== 'mlops.ci-pipeline');
    const result = await cli(['compare', pocFile, await saved('other-rules.json', later)]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/Note: The rule sets differ \(\w+ → ffffffffffff; 0 rules added, 1 removed\)/);
    expect(result.stdout).toMatch(new RegExp(`Note: The scoring models differ \\(version ${pocReport.scoringVersion} → ${later.scoringVersion}\\)`));
    expect(result.stdout).toMatch(/mlops\.ci-pipeline {2}fail → not in the rule set/);
  });

  it('renders Markdown and HTML, and refuses a bad report', async () => {
    const out = join(dir, 'compared');
    const result = await cli(['compare', pocFile, serviceFile, '--format', 'md,html', '--out-dir', out]);
    expect(result.code, result.stderr).toBe(0);
    expect(await readFile(join(out, 'compare.md'), 'utf8')).toMatch(/\| Readiness \| \d+\/100 \| \d+\/100 \| \+\d+ \|/);
    expect(await readFile(join(out, 'compare.html'), 'utf8')).toContain('<h2 id="fixed-heading">Fixed: ');
    expectUsageError(await cli(['compare', pocFile, join(dir, 'missing.json')]), /missing\.json: cannot read report/);
  });
});

describe('portfolio', () => {
  it('ranks repositories, maps categories, counts common gaps and levels, newest report of each', async () => {
    const reports = join(dir, 'org');
    await mkdir(join(reports, 'churn'), { recursive: true });
    await mkdir(join(reports, 'poc'), { recursive: true });
    await writeFile(join(reports, 'churn', 'report.json'), JSON.stringify(serviceReport));
    await writeFile(join(reports, 'poc', 'report.json'), JSON.stringify(pocReport));
    await writeFile(join(reports, 'poc', 'last-month.json'), JSON.stringify({ ...pocReport, generatedAt: '2026-01-01T00:00:00.000Z' }));
    const result = await cli(['portfolio', reports, '--format', 'json']);
    expect(result.code, result.stderr).toBe(0);
    const portfolio = JSON.parse(result.stdout) as Portfolio;
    expect(portfolio.reports).toBe(3);
    expect(portfolio.repositories).toBe(2);
    expect(portfolio.ranking.map((repository) => [repository.rank, repository.name])).toEqual([[1, 'ml-service'], [2, 'notebook-poc']]);
    expect(portfolio.ranking[1]!.categories).toEqual(Object.fromEntries(pocReport.categories.map((category) => [category.id, category.score])));
    expect(portfolio.levels.reduce((sum, level) => sum + level.repositories, 0)).toBe(2);
    const bothFail = pocReport.findings.filter((finding) => finding.status === 'fail' && serviceReport.findings.find((other) => other.ruleId === finding.ruleId)?.status === 'fail');
    expect(portfolio.commonGaps.filter((gap) => gap.repositories === 2).map((gap) => gap.ruleId)).toEqual(expect.arrayContaining(bothFail.map((finding) => finding.ruleId)));
    expect(portfolio.commonGaps[0]!.repositories).toBe(2);
    // Named from the folder given, never by the auditor's absolute path.
    expect(portfolio.notes).toEqual(['1 older report of a repository already counted was left out: org/poc/last-month.json.']);
  });

  it('renders the heat map as text, Markdown and HTML', async () => {
    const out = join(dir, 'portfolio');
    const result = await cli(['portfolio', pocFile, serviceFile, '--format', 'text,md,html', '--out-dir', out]);
    expect(result.code, result.stderr).toBe(0);
    expect(await readFile(join(out, 'portfolio.txt'), 'utf8')).toMatch(/ {3}1 {2}ml-service +\d+ +L\d/);
    expect(await readFile(join(out, 'portfolio.md'), 'utf8')).toMatch(/\| 1 \| \[ml-service\]\(https:\/\/github\.com\/acme\/churn\) \| (🟩|🟨|🟥) \d+ \|/);
    expect(await readFile(join(out, 'portfolio.html'), 'utf8')).toMatch(/<td class="heat heat-(good|fair|poor)"( data-label="[^"]+")?><strong>\d+<\/strong><\/td>/);
  });

  it('expands a glob the shell left alone, as a shell would', async () => {
    const reports = await tempDir({ 'acme/churn/report.json': JSON.stringify(serviceReport), 'acme/poc/report.json': JSON.stringify(pocReport), 'acme/poc/extra.json': '{}' });
    const result = await cli(['portfolio', 'acme/*/report.json', '--format', 'json'], { cwd: reports });
    expect(result.code, result.stderr).toBe(0);
    expect((JSON.parse(result.stdout) as Portfolio).ranking.map((repository) => repository.file)).toEqual(['acme/churn/report.json', 'acme/poc/report.json']);
    expectUsageError(await cli(['portfolio', 'acme/*/summary.json'], { cwd: reports }), /^scale-audit: acme\/\*\/summary\.json: no file matches this pattern\n$/);
  });

  it('stops at the first file that is not a report, naming it', async () => {
    const reports = await tempDir({ 'a/report.json': JSON.stringify(pocReport), 'b/report.json': '{"not": "a report"}' });
    expectUsageError(await cli(['portfolio', reports]), /b\/report\.json: not a scale-audit JSON report/);
    expectUsageError(await cli(['portfolio', await tempDir({ 'notes.txt': 'x' })]), /no JSON report \(\*\.json\) in this directory/);
  });
});
