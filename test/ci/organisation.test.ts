import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Portfolio } from '../../src/portfolio/portfolio.js';
import type { Report } from '../../src/report/types.js';
import { fakeNpx, outputsOf, runScript, type Step } from '../helpers/ci-steps.js';
import { cli, fixture } from '../helpers/cli.js';
import { copyTree, tempDir } from '../helpers/temp.js';

/*
 * Auditing an organisation is a CI matrix: a reusable GitHub Actions workflow, and a GitLab parent
 * pipeline that generates a child pipeline. Neither engine runs here, so the tests check what can
 * be checked: the YAML and its job graph, the inputs, and every script, run with bash or node the
 * way the runner would, with an `npx` that runs this checkout's CLI in place of the pinned package.
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const read = (path: string) => readFile(join(ROOT, path), 'utf8');
const VERSION = (JSON.parse(await read('package.json')) as { version: string }).version;
const EPOCH = { SOURCE_DATE_EPOCH: '1795000000' };

interface Job {
  name?: string;
  needs?: string | string[];
  if?: string;
  uses?: string;
  with?: Record<string, unknown>;
  secrets?: Record<string, unknown>;
  'timeout-minutes'?: number | string;
  strategy?: { 'fail-fast'?: boolean; 'max-parallel'?: number | string; matrix?: Record<string, unknown> };
  steps?: Step[];
}
interface Workflow {
  on: Record<string, { inputs: Record<string, { type: string; default?: unknown }>; secrets: Record<string, unknown>; outputs: Record<string, unknown> }>;
  jobs: Record<string, Job>;
}

const WORKFLOW_FILE = '.github/workflows/scale-audit-org.yml';
const workflowText = await read(WORKFLOW_FILE);
const workflow = parse(workflowText) as Workflow;
const call = workflow.on.workflow_call!;
const step = (job: string, id: string) => workflow.jobs[job]!.steps!.find((candidate) => candidate.id === id || candidate.name === id)!;

const SUBCOMMANDS = ['audit', 'portfolio', 'render', 'compare'];

/** Each scale-audit command a pipeline runs (comments aside): its subcommand and the options it passes. */
function scaleAuditCommands(text: string): Array<{ command: string; options: string[] }> {
  return text
    .split('\n')
    .filter((line) => !/^\s*#/.test(line))
    .flatMap((line) => {
      const match = /npx --yes scale-audit@\S+ (\S+)(.*)$/.exec(line);
      return match ? [{ command: SUBCOMMANDS.includes(match[1]!) ? match[1]! : 'audit', options: match[2]!.match(/--[a-z][a-z-]*/g) ?? [] }] : [];
    });
}

/** Every option a command passes is one its subcommand offers. */
async function expectKnownOptions({ command, options }: { command: string; options: string[] }): Promise<void> {
  const help = (await cli([command, '--help'])).stdout;
  for (const option of options) expect(help, `${command} ${option}`).toMatch(new RegExp(`${option}\\b`));
}

describe('the reusable GitHub Actions workflow', () => {
  it('runs only when called, never on this repository’s own events', () => {
    expect(Object.keys(workflow.on)).toEqual(['workflow_call']);
  });

  it('takes the repository list as JSON or a file, the profile, gates, parallelism and a per-repository timeout', () => {
    expect(Object.keys(call.inputs)).toEqual(
      expect.arrayContaining(['repositories', 'repositories-file', 'profile', 'args', 'formats', 'portfolio-formats', 'max-parallel', 'timeout-minutes']),
    );
    expect(call.inputs['max-parallel']).toMatchObject({ type: 'number' });
    expect(call.inputs['timeout-minutes']).toMatchObject({ type: 'number' });
    expect(Object.keys(call.secrets)).toEqual(['token']);
    const code = workflowText.replace(/^\s*#.*$/gm, '');
    for (const [, name] of code.matchAll(/\binputs\.([\w-]+)/g)) expect(Object.keys(call.inputs), name).toContain(name);
    for (const [, name] of code.matchAll(/\bsecrets\.([\w-]+)/g)) expect(Object.keys(call.secrets), name).toContain(name);
  });

  it('fans out over a matrix of the listed repositories, then builds the portfolio even when some audits failed', () => {
    const { repositories, audit, portfolio } = workflow.jobs;
    expect(Object.keys(workflow.jobs)).toEqual(['repositories', 'audit', 'portfolio']);
    expect(repositories!.needs).toBeUndefined();
    expect(audit).toMatchObject({ needs: 'repositories', 'timeout-minutes': '${{ inputs.timeout-minutes }}' });
    expect(audit!.strategy).toEqual({
      'fail-fast': false,
      'max-parallel': '${{ inputs.max-parallel }}',
      matrix: { repository: '${{ fromJSON(needs.repositories.outputs.list) }}' },
    });
    expect(portfolio).toMatchObject({ needs: 'audit', if: '${{ always() }}' });
    const upload = audit!.steps!.find((candidate) => candidate.uses?.startsWith('actions/upload-artifact@'))!;
    expect(upload).toMatchObject({ if: expect.stringContaining('always()'), with: { name: '${{ steps.audit.outputs.artifact }}', path: 'report/' } });
    const download = portfolio!.steps!.find((candidate) => candidate.uses?.startsWith('actions/download-artifact@'))!;
    expect(download.with).toEqual({ pattern: 'report-*', path: 'reports' });
  });

  it('passes inputs to its scripts through the environment, never spliced into them', () => {
    for (const job of Object.values(workflow.jobs)) for (const candidate of job.steps ?? []) expect(candidate.run ?? '', candidate.name).not.toMatch(/\$\{\{/);
  });

  describe('its list step', () => {
    async function list(env: Record<string, string>, files: Record<string, string> = {}) {
      const workspace = await tempDir({ 'outputs.txt': '', ...files });
      const code = await runScript(step('repositories', 'list').run!, { REPOSITORIES: '', REPOSITORIES_FILE: '', GITHUB_OUTPUT: join(workspace, 'outputs.txt'), ...env }, workspace);
      return { code, outputs: await outputsOf(join(workspace, 'outputs.txt')) };
    }

    it('reads a JSON list, or a file of one name a line with comments, without duplicates', async () => {
      expect(await list({ REPOSITORIES: '["acme/churn", "acme/fraud-scoring", "acme/churn"]' })).toEqual({ code: 0, outputs: { list: '["acme/churn","acme/fraud-scoring"]' } });
      expect(await list({ REPOSITORIES_FILE: 'repos.txt' }, { 'repos.txt': '# scoring\nacme/churn\n\n  acme/demand.forecast  \n' })).toEqual({ code: 0, outputs: { list: '["acme/churn","acme/demand.forecast"]' } });
    });

    it.each([
      ['both inputs', { REPOSITORIES: '["acme/churn"]', REPOSITORIES_FILE: 'repos.txt' }],
      ['neither input', {}],
      ['a path out of the workspace', { REPOSITORIES: '["acme/.."]' }],
      ['an option', { REPOSITORIES: '["--upload-pack=x/y"]' }],
      ['a nested path', { REPOSITORIES: '["acme/churn/../../etc"]' }],
      ['a JSON object', { REPOSITORIES: '{"acme": "churn"}' }],
      ['an empty list', { REPOSITORIES: '[]' }],
    ])('refuses %s, failing the run before any audit', async (_name, env) => {
      expect(await list(env, { 'repos.txt': 'acme/churn\n' })).toEqual({ code: 2, outputs: {} });
    });
  });

  it('audits a repository and keeps its report, then aggregates the reports, running the pinned CLI with the flags it has', async () => {
    const npx = await fakeNpx(VERSION);
    const workspace = await tempDir({ 'outputs.txt': '', 'summary.md': '' });
    for (const name of ['notebook-poc', 'ml-service']) copyTree(await fixture(name), join(workspace, 'repos', 'acme', name));
    const audit = step('audit', 'audit');
    const reports = join(workspace, 'reports');
    for (const [repository, profile] of [['acme/notebook-poc', 'genai-app'], ['acme/ml-service', '']]) {
      await writeFile(join(workspace, 'outputs.txt'), '');
      const env = { PATH: `${npx}:${process.env.PATH}`, REPOSITORY: repository, PROFILE: profile, FORMATS: 'html', ARGS: '--min-level 0', GITHUB_OUTPUT: join(workspace, 'outputs.txt'), ...EPOCH };
      expect(await runScript(audit.run!, env, workspace), repository).toBeLessThan(2);
      const { artifact } = await outputsOf(join(workspace, 'outputs.txt'));
      expect(artifact).toBe(`report-${repository.replace('/', '--')}`);
      // What upload-artifact and download-artifact do: one folder per artifact.
      copyTree(join(workspace, 'report'), join(reports, artifact!));
    }
    const served = JSON.parse(await readFile(join(reports, 'report-acme--ml-service', 'report.json'), 'utf8')) as Report;
    expect(served.target.name).toBe('ml-service');
    expect(await readdir(join(reports, 'report-acme--notebook-poc'))).toEqual(['report.html', 'report.json']);

    const aggregate = step('portfolio', 'Aggregate');
    const env = { PATH: `${npx}:${process.env.PATH}`, FORMATS: String(call.inputs['portfolio-formats']!.default), GITHUB_STEP_SUMMARY: join(workspace, 'summary.md') };
    expect(await runScript(aggregate.run!, env, workspace)).toBe(0);
    const portfolio = JSON.parse(await readFile(join(workspace, 'portfolio', 'portfolio.json'), 'utf8')) as Portfolio;
    expect(portfolio.ranking.map((row) => [row.name, row.profile]).sort()).toEqual([['ml-service', null], ['notebook-poc', 'genai-app']]);
    expect(await readFile(join(workspace, 'summary.md'), 'utf8')).toMatch(/^# Readiness portfolio: 2 repositories/);
  });

  it('runs scale-audit only with options the CLI offers', async () => {
    const commands = scaleAuditCommands(workflowText);
    expect(commands.map((command) => command.command)).toEqual(['audit', 'portfolio']);
    // The audit's optional arguments are collected in a bash array first.
    const optional = [...workflowText.matchAll(/args\+=\((--[a-z-]+)/g)].map((match) => match[1]!);
    expect(optional).toEqual(['--profile']);
    for (const command of [...commands, { command: 'audit', options: optional }]) await expectKnownOptions(command);
  });
});

const caller = parse(await read('examples/ci/github-actions-organisation.yml')) as Workflow;

describe('the example that calls it', () => {
  it('calls the workflow at a tag, with inputs and secrets it declares and values of their types', () => {
    const job = caller.jobs.readiness!;
    expect(job.uses).toBe(`your-org/scale-audit/${WORKFLOW_FILE}@v${VERSION}`);
    for (const [input, value] of Object.entries(job.with ?? {})) {
      expect(Object.keys(call.inputs), input).toContain(input);
      expect(typeof value, input).toBe(call.inputs[input]!.type);
    }
    for (const secret of Object.keys(job.secrets ?? {})) expect(Object.keys(call.secrets)).toContain(secret);
  });
});

const parent = parse(await read('examples/ci/gitlab-organisation.yml')) as Record<string, { stage?: string; needs?: string[]; script?: string[]; trigger?: { include: Array<{ artifact: string; job: string }>; strategy: string }; artifacts?: { paths: string[] } }> & { stages: string[] };
const generator = parent['readiness-pipeline']!;

describe('the GitLab parent-child pipeline', () => {
  /** Runs the parent's generator on a list of projects; the child pipeline it writes, or its exit code. */
  async function generate(projects: string): Promise<{ code: number; child?: Record<string, { stage?: string; timeout?: string; when?: string; script?: string[]; artifacts?: { when?: string; paths: string[] }; variables?: Record<string, string> }> & { stages?: string[] } }> {
    const workspace = await tempDir({ 'readiness-projects.txt': projects });
    const code = await runScript(generator.script!.join('\n'), {}, workspace);
    if (code !== 0) return { code };
    return { code, child: parse(await readFile(join(workspace, generator.artifacts!.paths[0]!), 'utf8')) };
  }

  it('generates the child pipeline in one job, and triggers it from its artifact, mirroring its result', () => {
    expect(parent.stages).toEqual(['generate', 'audit']);
    expect(parent.readiness).toMatchObject({
      needs: ['readiness-pipeline'],
      trigger: { include: [{ artifact: generator.artifacts!.paths[0], job: 'readiness-pipeline' }], strategy: 'depend' },
    });
  });

  it('has one audit job per project, each with a timeout and its report kept, then a portfolio that runs whatever failed', async () => {
    const { code, child } = await generate('# ML projects\nacme/ml/churn\nacme/fraud-scoring\n\nacme/ml/churn\n');
    expect(code).toBe(0);
    expect(child!.stages).toEqual(['audit', 'portfolio']);
    expect(Object.keys(child!).filter((key) => key !== 'stages')).toEqual(['audit acme/ml/churn', 'audit acme/fraud-scoring', 'portfolio']);
    for (const path of ['acme/ml/churn', 'acme/fraud-scoring']) {
      expect(child![`audit ${path}`]).toMatchObject({ stage: 'audit', timeout: '15m', variables: { PROJECT_PATH: path }, artifacts: { when: 'always', paths: ['reports/'] } });
    }
    expect(child!.portfolio).toMatchObject({ stage: 'portfolio', when: 'always' });
  });

  it.each(['acme/../../etc', '--upload-pack=x', 'churn', 'acme/churn; rm -rf /'])('refuses the project path %s', async (path) => {
    expect((await generate(`acme/ok\n${path}\n`)).code).toBe(2);
  });

  it('runs the pinned CLI with the flags it has: an audit per project, then the portfolio over their reports', async () => {
    const { child } = await generate('acme/ml/churn\n');
    const npx = await fakeNpx(VERSION);
    const workspace = await tempDir();
    // What the job's clone line does.
    await mkdir(join(workspace, 'projects', 'acme', 'ml'), { recursive: true });
    copyTree(await fixture('notebook-poc'), join(workspace, 'projects', 'acme', 'ml', 'churn'));
    const env = { PATH: `${npx}:${process.env.PATH}`, ...EPOCH };
    const [, auditLine] = child!['audit acme/ml/churn']!.script!;
    expect(await runScript(auditLine!, { ...env, PROJECT_PATH: 'acme/ml/churn' }, workspace)).toBe(0);
    expect(await runScript(child!.portfolio!.script!.join('\n'), env, workspace)).toBe(0);
    const portfolio = JSON.parse(await readFile(join(workspace, 'portfolio', 'portfolio.json'), 'utf8')) as Portfolio;
    expect(portfolio.ranking.map((row) => row.name)).toEqual(['churn']);
    const commands = scaleAuditCommands(await read('examples/ci/gitlab-organisation.yml'));
    expect(commands.map((command) => command.command)).toEqual(['audit', 'portfolio']);
    for (const command of commands) await expectKnownOptions(command);
  });
});
