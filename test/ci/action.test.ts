import { chmod, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ciCollector } from '../../src/scan/collectors/ci/index.js';
import type { Report } from '../../src/report/types.js';
import { outputsOf, runScript, type Step } from '../helpers/ci-steps.js';
import { collect } from '../helpers/collect.js';
import { fixture } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';

/*
 * The GitHub Action and the CI snippets cannot run here, but what can be checked is: the YAML
 * parses, workflows pass only inputs the action declares, scale-audit's own CI collector reads each
 * snippet as an enabled pipeline, and the action's audit script does its job when bash runs it.
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const read = (path: string) => readFile(join(ROOT, path), 'utf8');

const PACKAGE = JSON.parse(await read('package.json')) as { version: string };
const action = parse(await read('action.yml')) as { inputs: Record<string, { default: string }>; outputs: Record<string, { value: string }>; runs: { using: string; steps: Step[] } };

describe('action.yml', () => {
  it('is a composite action with inputs for the path, answers, gates, formats and SARIF', () => {
    expect(action.runs.using).toBe('composite');
    expect(Object.keys(action.inputs)).toEqual(expect.arrayContaining(['path', 'answers', 'fail-under', 'args', 'formats', 'upload-sarif']));
  });

  it('refers only to inputs it declares, and passes them to scripts through the environment', async () => {
    const text = await read('action.yml');
    for (const [, name] of text.matchAll(/\binputs\.([\w-]+)/g)) expect(Object.keys(action.inputs), name).toContain(name);
    for (const step of action.runs.steps) expect(step.run ?? '', step.name).not.toMatch(/\$\{\{/);
  });

  it('uploads SARIF with the CodeQL action', () => {
    const upload = action.runs.steps.find((step) => step.uses?.includes('upload-sarif'));
    expect(upload!.uses).toMatch(/^github\/codeql-action\/upload-sarif@v\d+$/);
  });

  it('installs the version this repository releases by default', () => {
    expect(action.inputs.version!.default).toBe(PACKAGE.version);
    expect(action.inputs['from-source']!.default).toBe('false');
  });
});

/** Runs one step of the action with bash as the runner does, in a scratch workspace. */
const runStep = (step: Step, env: Record<string, string>, cwd: string) => runScript(step.run!, env, cwd);

const byName = (name: string) => action.runs.steps.find((step) => step.name === name)!;

describe("the action's install step", () => {
  /** Runs the step with an `npm` that records its arguments and working directory instead of installing. */
  async function install(inputs: Record<string, string>) {
    const workspace = await tempDir({ 'outputs.txt': '', 'npm.log': '' });
    const fakeBin = await tempDir({ npm: '#!/bin/sh\necho "$PWD|$*" >> "$NPM_LOG"\n' });
    await chmod(join(fakeBin, 'npm'), 0o755);
    const step = byName('Install scale-audit');
    const env = { VERSION: inputs.version ?? action.inputs.version!.default, FROM_SOURCE: inputs['from-source'] ?? 'false' };
    const runner = { GITHUB_ACTION_PATH: workspace, GITHUB_OUTPUT: join(workspace, 'outputs.txt'), RUNNER_TEMP: '/runner/temp', NPM_LOG: join(workspace, 'npm.log') };
    const code = await runStep(step, { PATH: `${fakeBin}:${process.env.PATH}`, ...env, ...runner }, workspace);
    return { code, outputs: await outputsOf(runner.GITHUB_OUTPUT), npm: (await readFile(runner.NPM_LOG, 'utf8')).trim().split('\n').filter(Boolean), workspace };
  }

  it('installs the published package at the exact version, without running install scripts', async () => {
    const { code, outputs, npm } = await install({});
    expect(code).toBe(0);
    expect(npm).toHaveLength(1);
    expect(npm[0]).toMatch(new RegExp(`\\|install --prefix /runner/temp/scale-audit-${PACKAGE.version} --ignore-scripts .*scale-audit@${PACKAGE.version}$`));
    expect(outputs).toEqual({ bin: `/runner/temp/scale-audit-${PACKAGE.version}/node_modules/scale-audit/bin/scale-audit.js` });
  });

  it.each(['latest', '^0.1.0', '0.1', 'github:someone/scale-audit', '0.1.0 --registry=http://example.invalid'])('refuses a version that is not exact: %s', async (version) => {
    const { code, npm } = await install({ version });
    expect(code).toBe(2);
    expect(npm).toEqual([]);
  });

  it('builds the action\'s own checkout when asked to', async () => {
    const { code, outputs, npm, workspace } = await install({ 'from-source': 'true' });
    expect(code).toBe(0);
    expect(npm.map((line) => line.split(' ').slice(0, 2).join(' '))).toEqual([`${workspace}|ci --no-audit`, `${workspace}|run build`]);
    expect(outputs).toEqual({ bin: `${workspace}/bin/scale-audit.js` });
  });
});

describe("the action's audit and gate steps", () => {
  it('write the reports, the outputs and the job summary, and fail the job below the bar', async () => {
    const workspace = await tempDir({ 'outputs.txt': '', 'summary.md': '' });
    const repository = await fixture('notebook-poc');
    const [audit, gate] = [byName('Audit'), byName('Gate')];
    const inputs = { ...Object.fromEntries(Object.entries(action.inputs).map(([name, input]) => [name, input.default ?? ''])), path: repository, 'fail-under': '60', 'upload-sarif': 'true', args: '--min-level 0' };
    // The install step's output is this checkout's CLI, as `from-source` gives.
    const expressions: Record<string, string> = { 'steps.install.outputs.bin': join(ROOT, 'bin', 'scale-audit.js'), ...Object.fromEntries(Object.entries(inputs).map(([name, value]) => [`inputs.${name}`, value])) };
    const env = Object.fromEntries(Object.entries(audit.env!).map(([name, value]) => [name, value.replace(/\$\{\{ ([\w.-]+) \}\}/, (_, expression: string) => expressions[expression] ?? '')]));
    const runner = { GITHUB_OUTPUT: join(workspace, 'outputs.txt'), GITHUB_STEP_SUMMARY: join(workspace, 'summary.md'), SOURCE_DATE_EPOCH: '1795000000' };

    expect(await runStep(audit, { ...env, ...runner }, workspace)).toBe(0);
    const outputs = await outputsOf(runner.GITHUB_OUTPUT);
    const report = JSON.parse(await readFile(join(workspace, 'scale-audit-report', 'report.json'), 'utf8')) as Report;
    expect(outputs).toEqual({ 'exit-code': '1', score: String(report.summary.score), level: String(report.summary.level), sarif: 'scale-audit-report/report.sarif' });
    expect(await readFile(runner.GITHUB_STEP_SUMMARY, 'utf8')).toMatch(/^### ✗ Production readiness of notebook-poc/);
    expect(JSON.parse(await readFile(join(workspace, 'scale-audit-report', 'report.sarif'), 'utf8')).version).toBe('2.1.0');
    await readFile(join(workspace, 'scale-audit-report', 'report.html'), 'utf8');

    expect(await runStep(gate, { CODE: outputs['exit-code']! }, workspace)).toBe(1);
  });
});

describe('the CI examples', () => {
  const examples: Array<[string, string, string[]]> = [
    ['github-actions.yml', '.github/workflows/readiness.yml', ['pull_request', 'push']],
    ['github-actions-organisation.yml', '.github/workflows/readiness-portfolio.yml', ['manual', 'schedule']],
    ['gitlab-ci.yml', '.gitlab-ci.yml', ['pull_request', 'push']],
    ['gitlab-organisation.yml', '.gitlab-ci.yml', ['manual', 'schedule']],
    ['azure-pipelines.yml', 'azure-pipelines.yml', ['pull_request', 'push']],
    ['Jenkinsfile', 'Jenkinsfile', []],
  ];

  it.each(examples)('reads %s as an enabled pipeline that runs scale-audit', async (example, path, triggers) => {
    const text = await read(join('examples', 'ci', example));
    expect(text).toMatch(/scale-audit/);
    const { facts, warnings } = collect(ciCollector, { [path]: text });
    expect(warnings).toEqual([]);
    const [pipeline] = facts.pipelines;
    expect(pipeline).toMatchObject({ path, disabled: false });
    expect(pipeline!.triggers).toEqual(expect.arrayContaining(triggers));
  });

  it.each([...examples.map(([example]) => join('examples', 'ci', example)), '.github/workflows/scale-audit-org.yml', 'README.md'])('%s runs scale-audit with npx only at this release, never unpinned', async (file) => {
    const runs = (await read(file)).match(/npx\b[^\n]*?scale-audit(@[0-9A-Za-z.-]*[0-9A-Za-z])?/g) ?? [];
    for (const command of runs) expect(command.endsWith(`scale-audit@${PACKAGE.version}`), command).toBe(true);
  });

  it('github-actions.yml gives the action only the inputs it declares', async () => {
    const workflow = parse(await read(join('examples', 'ci', 'github-actions.yml'))) as { jobs: Record<string, { steps: Step[] }> };
    const uses = Object.values(workflow.jobs).flatMap((job) => job.steps).filter((step) => step.uses?.startsWith('your-org/scale-audit@'));
    expect(uses.length).toBeGreaterThan(0);
    for (const step of uses) for (const input of Object.keys(step.with ?? {})) expect(Object.keys(action.inputs)).toContain(input);
  });
});
