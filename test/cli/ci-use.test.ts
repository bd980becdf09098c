import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/report/types.js';
import { cli, fixture } from '../helpers/cli.js';
import { copyTree, tempDir } from '../helpers/temp.js';

/*
 * The CI user: gates and exit codes, configuration discovery, waivers and baselines, through the
 * built CLI as a pipeline runs it.
 */
const EPOCH = { SOURCE_DATE_EPOCH: '1795000000' }; // 2026-11-18
const poc = await fixture('notebook-poc');

async function json(args: string[], env: Record<string, string> = EPOCH): Promise<{ code: number; stderr: string; report: Report }> {
  const result = await cli([...args, '--format', 'json'], { env });
  return { code: result.code, stderr: result.stderr, report: result.stdout ? (JSON.parse(result.stdout) as Report) : (undefined as never) };
}

async function withConfig(text: string): Promise<string> {
  const dir = join(await tempDir(), 'repo');
  copyTree(poc, dir);
  await writeFile(join(dir, '.scale-audit.yaml'), text);
  return dir;
}

describe('gates', () => {
  it.each([
    [['--fail-on', 'critical'], 1, /gate failed: \d+ failing rules? of severity critical or above: .*mlops\.version-control/],
    [['--fail-on', 'low', '--fail-under', '0'], 1, /gate passed: readiness \d+ ≥ 0[\s\S]*gate failed: \d+ failing rules of severity low/],
    [['--min-level', 'L1'], 1, /gate failed: level L0 < L1 \(held back by /],
    [['--min-confidence', '90'], 1, /gate failed: confidence \d+% < 90%/],
    [['--fail-under-category', 'mlops=1'], 1, /gate failed: mlops 0 < 1 \(--fail-under-category mlops\)/],
    [['--min-level', '0', '--min-confidence', '0'], 0, /gate passed: level L0 ≥ L0/],
  ])('%j exits %i and says why', async (flags, code, message) => {
    const result = await json([poc, ...flags]);
    expect(result.code).toBe(code);
    expect(result.stderr).toMatch(message);
    expect(result.report.gates.length).toBeGreaterThan(0);
  });

  it('records the gates in the report formats', async () => {
    const markdown = await cli([poc, '--fail-on', 'critical', '--format', 'md']);
    expect(markdown.stdout).toMatch(/\*\*Gates: 1 of 1 failed\*\*/);
    expect((await cli([poc, '--fail-on', 'critical'])).stdout).toMatch(/Gates\s+✗ \d+ failing rule/);
  });

  it.each([
    [['--fail-under-category', 'dta=50'], /--fail-under-category: unknown category "dta"; categories: data, mlops/],
    [['--fail-on', 'severe'], /--fail-on: unknown severity "severe"/],
    [['--min-level', '7'], /--min-level: expected a level from 0 to 4/],
  ])('refuses a gate that cannot take effect: %j', async (flags, message) => {
    const result = await cli([poc, ...flags]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });
});

describe('configuration', () => {
  it('is found in the audited directory, sets gates, and is overridden by flags', async () => {
    const dir = await withConfig('version: 1\ngates:\n  failUnder: 100\n  minLevel: 0\n');
    const fromFile = await json([dir]);
    expect(fromFile.code).toBe(1);
    expect(fromFile.stderr).toMatch(/gate failed: readiness \d+ < 100 \(--fail-under, from repo\/\.scale-audit\.yaml:3\)/);
    const overridden = await json([dir, '--fail-under', '0']);
    expect(overridden.code).toBe(0);
    expect(overridden.stderr).toMatch(/readiness \d+ ≥ 0 \(--fail-under\)/);
    expect(overridden.report.config.file).toBe('repo/.scale-audit.yaml');
    expect((await json([dir, '--no-config'])).code).toBe(0);
  });

  it('switches a rule off with its reason', async () => {
    const dir = await withConfig('version: 1\nrules:\n  mlops.code-quality: { enabled: false, reason: Linted by the monorepo pipeline }\n');
    const { report } = await json([dir]);
    expect(report.findings.find((f) => f.ruleId === 'mlops.code-quality')).toMatchObject({ status: 'not_applicable', message: 'Switched off by the configuration: Linted by the monorepo pipeline' });
  });

  it('names the file and line of a mistake in it', async () => {
    const dir = await withConfig('version: 1\nrules:\n  mlops.code-quality: { enabled: false }\n');
    const result = await cli([dir]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`scale-audit: ${join(dir, '.scale-audit.yaml')}:3:23: rules.mlops.code-quality: missing required property "reason"\n`);
  });

  it('has a published schema that `scale-audit schema config` prints', async () => {
    const printed = await cli(['schema', 'config']);
    expect(printed.code).toBe(0);
    expect(JSON.parse(printed.stdout)).toEqual(JSON.parse(await readFile(new URL('../../schemas/config.schema.json', import.meta.url), 'utf8')));
  });

  it('prints the effective configuration and where each value came from', async () => {
    const dir = await withConfig('version: 1\ngates:\n  failUnder: 60\n  failOn: critical\n');
    const result = await cli(['config', dir, '--print', '--fail-under', '70']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/gates\.failUnder\s+70\s+\(--fail-under\)/);
    expect(result.stdout).toMatch(new RegExp(`gates\\.failOn\\s+"critical"\\s+\\(${join(dir, '.scale-audit.yaml')}:4\\)`));
  });
});

describe('waivers', () => {
  const waiver = (expires: string) =>
    `version: 1\nwaivers:\n  - rule: security.no-committed-secrets\n    reason: Demo keys, rotated; the notebook is being rewritten\n    owner: ana@acme.example\n    expires: ${expires}\n`;

  it('waive a finding, which then leaves the gates and is listed with its reason', async () => {
    const dir = await withConfig(waiver('2026-12-31'));
    const { code, report } = await json([dir, '--fail-on', 'critical', '--min-level', '0']);
    const secrets = report.findings.find((f) => f.ruleId === 'security.no-committed-secrets')!;
    expect(secrets).toMatchObject({ status: 'waived', waiver: { status: 'fail', owner: 'ana@acme.example', expires: '2026-12-31' } });
    expect(report.gates.find((g) => g.gate === '--fail-on')!.message).not.toContain('security.no-committed-secrets');
    expect(code).toBe(1); // other critical rules still fail
    const markdown = (await cli([dir, '--format', 'md', '--detail', 'full'], { env: EPOCH })).stdout;
    expect(markdown).toContain('| `security.no-committed-secrets` | fail | 2026-12-31 | ana\\@acme.example | Demo keys, rotated; the notebook is being rewritten |');
  });

  it('stop counting once expired, and say so', async () => {
    const dir = await withConfig(waiver('2026-11-17'));
    const { report } = await json([dir]);
    expect(report.findings.find((f) => f.ruleId === 'security.no-committed-secrets')!.status).toBe('fail');
    expect(report.config.expiredWaivers).toEqual([expect.objectContaining({ rule: 'security.no-committed-secrets', expires: '2026-11-17', line: 3 })]);
    expect((await cli([dir], { env: EPOCH })).stdout).toMatch(/Waiver expired on 2026-11-17: security\.no-committed-secrets/);
  });

  it('need a reason', async () => {
    const dir = await withConfig('version: 1\nwaivers:\n  - { rule: security.sast, expires: 2027-01-01 }\n');
    const result = await cli([dir]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/\.scale-audit\.yaml:3:5: waivers\[0\]: missing required property "reason"/);
  });
});

describe('baselines', () => {
  it('pass an unchanged project, fail a regression, and suggest tightening after an improvement', async () => {
    const dir = join(await tempDir(), 'repo');
    copyTree(poc, dir);
    const baseline = join(dir, 'baseline.json');
    expect((await cli([dir, '--write-baseline', baseline])).code).toBe(0);
    expect(JSON.parse(await readFile(baseline, 'utf8'))).toMatchObject({ baselineVersion: 1 });

    const unchanged = await json([dir, '--baseline', baseline]);
    expect(unchanged.code).toBe(0);
    expect(unchanged.stderr).toMatch(/gate passed: no regression from the baseline/);

    await writeFile(join(dir, 'config.py'), 'DB_PASSWORD = "Pr0dDbPassw0rd"\n');
    const leaked = await json([dir, '--baseline', baseline]);
    expect(leaked.code).toBe(1);
    expect(leaked.stderr).toMatch(/regression.*security\.no-committed-secrets now also in config\.py/);

    await writeFile(join(dir, 'config.py'), 'import os\n');
    await writeFile(join(dir, 'Dockerfile'), 'FROM python:3.11-slim\nUSER app\n');
    const better = await json([dir, '--baseline', baseline]);
    expect(better.code).toBe(0);
    expect(better.report.baseline!.improvements).toEqual(expect.arrayContaining([expect.stringMatching(/^infra\.containerized fail → partial$/)]));
  });

  it('refuses a file that is not a baseline', async () => {
    const file = join(await tempDir({ 'report.json': '{"schemaVersion":"1.0.0"}' }), 'report.json');
    const result = await cli([poc, '--baseline', file]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/report\.json: not a baseline written by scale-audit --write-baseline/);
  });
});
