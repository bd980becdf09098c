import { spawn, spawnSync } from 'node:child_process';
import { copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/report/types.js';
import { BIN, cli, cliProcess, expectUsageError, fixture, type CliResult } from '../helpers/cli.js';
import { copyTree, tempDir } from '../helpers/temp.js';

const EPOCH = { SOURCE_DATE_EPOCH: '1795000000' };
const poc = await fixture('notebook-poc');
const service = await fixture('ml-service', { git: true });

/** Each audit run once: several tests read the same report (each gets its own copy). */
const audits = new Map<string, Promise<CliResult>>();
const audit = (...args: string[]) => {
  const key = JSON.stringify(args);
  if (!audits.has(key)) audits.set(key, cli([...args, '--format', 'json'], { env: EPOCH }));
  return audits.get(key)!;
};

async function report(dir: string, ...args: string[]): Promise<Report> {
  const result = await audit(dir, ...args);
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as Report;
}


describe('audit', () => {
  it('shows its options in the top-level help, since it is the default command', async () => {
    const [top, audit] = await Promise.all([cli(['--help']), cli(['audit', '--help'])]);
    expect(top.code).toBe(0);
    expect(top.stdout).toMatch(/^Commands:\n {2}audit \[options\] \[path\]/m);
    const options = audit.stdout.match(/--[a-z][a-z-]+/g)!;
    expect(options).toContain('--fail-under');
    for (const option of options) expect(top.stdout, option).toContain(option);
  });

  it('prints a terminal summary of a repository, path defaulting to the current directory', async () => {
    const result = await cli([], { cwd: poc });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/scale-audit \S+ · notebook-poc/);
    expect(result.stdout).toMatch(/Readiness\s+\d+\/100/);
    expect(result.stdout).toMatch(/Go-live blockers/);
    expect(result.stdout).not.toContain('\u001b[');
  });

  it('scores a production-grade service far above a notebook PoC', async () => {
    const [pocReport, serviceReport] = await Promise.all([report(poc), report(service)]);
    expect(serviceReport.summary.score!).toBeGreaterThanOrEqual(pocReport.summary.score! + 40);
    expect(serviceReport.summary.level).toBeGreaterThan(pocReport.summary.level);
    expect(serviceReport.mlTestScore.score).toBeGreaterThan(pocReport.mlTestScore.score);
    expect(pocReport.mlTestScore.meaning).toBe('More of a research project than a productionized system');
  });

  it('uses the answers: confidence rises, answered rules cite the answers file and line', async () => {
    const answers = fileURLToPath(new URL('../../examples/answers.yaml', import.meta.url));
    const [without, withAnswers] = await Promise.all([report(service), report(service, '--answers', answers)]);
    expect(withAnswers.summary.confidence).toBe(100);
    expect(without.summary.confidence).toBeLessThan(70);
    expect(withAnswers.questions).toEqual([]);
    const owner = withAnswers.findings.find((finding) => finding.ruleId === 'team.named-owner')!;
    expect(owner.status).toBe('pass');
    // Named as from the working directory (the project's root here), not by its absolute path.
    expect(owner.evidence).toContainEqual(expect.objectContaining({ kind: 'answer', path: 'examples/answers.yaml', line: expect.any(Number) }));
  });

  it('uses the answers init wrote in the audited directory, unless told not to', async () => {
    const dir = join(await tempDir(), 'repo');
    copyTree(service, dir);
    await writeFile(join(dir, 'scale-audit.answers.yaml'), 'version: 1\nanswers:\n  team.owners: both\n');
    const found = await cli([dir, '--format', 'json']);
    expect(found.stderr).toContain(`using the answers in ${join(dir, 'scale-audit.answers.yaml')}`);
    // Outside the working directory: named from the audited repository's own name.
    expect((JSON.parse(found.stdout) as Report).answers).toMatchObject({ path: 'repo/scale-audit.answers.yaml', answered: 1 });
    const ignored = await cli([dir, '--format', 'json', '--no-answers']);
    expect((JSON.parse(ignored.stdout) as Report).answers.path).toBeNull();
  });

  it('starts the PoC roadmap with the foundations', async () => {
    const { roadmap } = await report(poc);
    const first = roadmap.phases[0]!;
    expect(['blockers', 'L1']).toContain(first.id);
    expect(first.items.map((item) => item.ruleIds[0])).toContain('mlops.version-control');
  });

  it('shows evidence for every finding', async () => {
    const { findings } = await report(poc);
    for (const finding of findings) expect(finding.evidence.length, finding.ruleId).toBeGreaterThan(0);
    const notebooks = findings.find((finding) => finding.ruleId === 'mlops.notebook-hygiene')!;
    expect(notebooks.status).toBe('fail');
    expect(notebooks.evidence[0]!.detail).toMatch(/^\d+% of the code in notebooks \(needs at most 30%\)$/);
  });

  it('records the commit, branch and repository address', async () => {
    const { target } = await report(service);
    expect(target).toMatchObject({ name: 'ml-service', branch: 'main', url: 'https://github.com/acme/churn' });
    expect(target.commit).toMatch(/^[0-9a-f]{40}$/);
  });

  it('writes several formats to a directory, whole', async () => {
    const out = join(await tempDir(), 'report');
    const result = await cli([service, '--format', 'md,html,json', '--out-dir', out], { env: EPOCH });
    expect(result.code, result.stderr).toBe(0);
    expect((await readdir(out)).sort()).toEqual(['report.html', 'report.json', 'report.md']);
    expect(result.stderr).toContain(`wrote ${join(out, 'report.md')}`);
    const html = await readFile(join(out, 'report.html'), 'utf8');
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).not.toMatch(/<(script|link|iframe|object|embed)\b/i);
    expect(html).not.toMatch(/\s(src|srcset)=/i);
    expect(html).not.toMatch(/url\(/i);
    expect(html).toContain("default-src 'none'");
  });

  it('writes one format to a file with --output', async () => {
    const file = join(await tempDir(), 'audit.md');
    const result = await cli([poc, '--format', 'md', '--output', file]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(await readFile(file, 'utf8')).toMatch(/^# Production readiness: notebook-poc/);
  });

  it('gives the same bytes for the same inputs', async () => {
    const first = await audit(service);
    const second = await cli([service, '--format', 'json'], { env: EPOCH });
    expect(second.stdout).toBe(first.stdout);
    expect((JSON.parse(first.stdout) as Report).generatedAt).toBe(new Date(Number(EPOCH.SOURCE_DATE_EPOCH) * 1000).toISOString());
  });

  it('colours the terminal only when asked to', async () => {
    expect((await cli([poc], { env: { FORCE_COLOR: '1' } })).stdout).toContain('\u001b[');
    expect((await cli([poc, '--no-color'], { env: { FORCE_COLOR: '1' } })).stdout).not.toContain('\u001b[');
  });

  it('stops quietly when the reader of its output goes away (scale-audit . | head)', async () => {
    const child = spawn(process.execPath, [BIN, service, '--format', 'json'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).not.toMatch(/EPIPE|\n\s+at /);
    expect(code).toBe(0);
  });
});

describe('the gate', () => {
  it('fails with exit 1 when readiness is below --fail-under, and says why', async () => {
    const result = await cli([poc, '--fail-under', '60']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/gate failed: readiness \d+ < 60 \(--fail-under\)/);
    expect(result.stdout).toMatch(/Readiness/);
  });

  it('passes with exit 0 when readiness meets it', async () => {
    const result = await cli([service, '--fail-under', '30']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/gate passed: readiness \d+ ≥ 30 \(--fail-under\)/);
  });
});

describe('user mistakes', () => {
  it('names the answers file, line and column of a bad answer', async () => {
    const answers = join(await tempDir(), 'answers.yaml');
    await writeFile(answers, 'version: 1\nanswers:\n  infrastructure.serving-mode: realtime\n');
    expectUsageError(await cli([poc, '--answers', answers]), new RegExp(`^scale-audit: ${answers}:3:32: infrastructure\\.serving-mode: expected one of: `));
  });

  it('names malformed YAML in the answers file', async () => {
    const answers = join(await tempDir(), 'answers.yaml');
    await writeFile(answers, 'version: 1\nanswers: [\n');
    expectUsageError(await cli([poc, '--answers', answers]), /answers\.yaml:3:1: invalid YAML/);
  });

  it.each([
    [['/nonexistent/repo'], /\/nonexistent\/repo: no such directory/],
    [['.', '--format', 'pdf'], /--format: unknown format "pdf"/],
    [['.', '--format', 'mdd'], /unknown format "mdd" \(did you mean "md"\?\)/],
    [['.', '--format', 'md,json'], /several formats need --out-dir/],
    [['.', '--fail-under', 'high'], /--fail-under: expected a score from 0 to 100, got "high"/],
    [['.', '--fail-under', '150'], /--fail-under: expected a score from 0 to 100, got "150"/],
    [['.', '--answers', '/nonexistent/answers.yaml'], /\/nonexistent\/answers\.yaml: cannot read answers file: no such file/],
    [['.', '--rules', '/nonexistent/pack.yaml'], /rule pack not found: \/nonexistent\/pack\.yaml/],
    [['.', '--colour'], /unknown option '--colour'/],
    [['explain', 'mlops.experiment-trackin'], /unknown rule "mlops\.experiment-trackin" \(did you mean "mlops\.experiment-tracking"\?\)/],
  ])('%j exits 2 with one clear line', async (args, message) => {
    expectUsageError(await cli(args, { cwd: poc }), message);
  });

  it('writes nothing when an output cannot be written', async () => {
    const dir = await tempDir({ 'report': 'a file where the directory should go' });
    const result = await cli([poc, '--format', 'md,json', '--out-dir', join(dir, 'report', 'sub')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/cannot write output/);
    expect(await readdir(dir)).toEqual(['report']);
  });
});

describe('rules, explain and scan', () => {
  it('lists the rules by category', async () => {
    const result = await cli(['rules']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^MLOps \(mlops, \d+ rules\)$/m);
    expect(result.stdout).toMatch(/mlops\.experiment-tracking\s+high\s+L2/);
  });

  it('explains one rule in full', async () => {
    const result = await cli(['explain', 'mlops.experiment-tracking']);
    expect(result.code).toBe(0);
    for (const section of ['Why it matters', 'How it is detected', 'How to fix it', 'Requires first: mlops.version-control', 'Defined in rules/mlops.yaml']) {
      expect(result.stdout).toContain(section);
    }
  });

  it('prints the facts as JSON for rule authors', async () => {
    const result = await cli(['scan', service, '--json']);
    expect(result.code).toBe(0);
    const facts = JSON.parse(result.stdout);
    expect(facts.ci.pipelines.map((p: { path: string }) => p.path)).toContain('.github/workflows/ci.yml');
    expect(facts.git.commits).toBe(1);
  });
});

/* Most tests run the CLI in-process; these run the installed command as a user's shell does. */
describe('the command, as a process', () => {
  it('exits 0 on success, 1 when a gate fails and 2 on a usage error', async () => {
    const [version, short, gate, usage] = await Promise.all([cliProcess(['--version']), cliProcess(['-V']), cliProcess([poc, '--fail-under', '60']), cliProcess([poc, '--format', 'pdf'])]);
    expect(version).toMatchObject({ code: 0, stdout: expect.stringMatching(/^\d+\.\d+\.\d+\n$/) });
    // The command answers `--version` before loading the program: the same answer as the program's.
    expect([short.stdout, (await cli(['--version'])).stdout]).toEqual([version.stdout, version.stdout]);
    expect(gate.code, gate.stderr).toBe(1);
    expect(gate.stdout).toMatch(/Readiness/);
    expectUsageError(usage, /--format: unknown format "pdf"/);
  });

  it('says how to build it when run from a checkout that was not built', async () => {
    const checkout = await tempDir({ 'package.json': '{"type": "module"}' });
    await mkdir(join(checkout, 'bin'));
    await copyFile(BIN, join(checkout, 'bin', 'scale-audit.js'));
    await copyFile(join(dirname(BIN), 'package.json'), join(checkout, 'bin', 'package.json'));
    const { status, stdout, stderr } = spawnSync(process.execPath, [join(checkout, 'bin', 'scale-audit.js'), '--help'], { encoding: 'utf8' });
    expect({ status, stdout, stderr }).toEqual({ status: 2, stdout: '', stderr: 'scale-audit: not built yet; run `npm run build` first\n' });
  });
});
