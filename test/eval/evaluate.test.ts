import { execFile, execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { runEval } from '../../src/eval/cli.js';
import { evaluateCorpus, type EvalResult } from '../../src/eval/evaluate.js';
import { loadFactMap, type FactMapping } from '../../src/eval/fact-map.js';
import { loadLabels } from '../../src/eval/labels.js';
import { renderEvalMarkdown, renderEvalText } from '../../src/eval/render.js';
import { loadRuleSet } from '../../src/rules/load.js';
import { capture, type CliResult } from '../helpers/cli.js';
import { inputError } from '../helpers/input-error.js';
import { copyTree, tempDir } from '../helpers/temp.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const EVAL = join(ROOT, 'eval');
const NOW = new Date('2026-11-23T09:00:00Z');
const EVAL_ENV = { SOURCE_DATE_EPOCH: String(NOW.getTime() / 1000) };

/** A label file as eval/LABELS.md describes it; facts as `name: value` with a generic evidence. */
function label(repo: string, commit: string, grade: number, cls: string, facts: Record<string, boolean | null>): string {
  const lines = [`repo: ${repo}`, `commit: ${commit}`, 'subdir: ""', `grade: ${grade}`, `class: ${cls}`, 'summary: a fixture', 'facts:'];
  for (const [fact, value] of Object.entries(facts)) lines.push(`  ${fact}: { value: ${value}, evidence: "seen by hand for ${fact}" }`);
  return `${lines.join('\n')}\n`;
}

const ZERO = 'abc0'.repeat(10);

/**
 * Three trees: the ml-service fixture (a production-grade churn service, committed to git), the
 * notebook PoC fixture (no git), and a small command-line tool with no ML at all. One label is
 * deliberately wrong (the service's Helm chart labelled as no orchestration) so that a
 * disagreement must show up with the tool's evidence.
 */
async function makeCorpus(): Promise<{ trees: string; labels: string; serviceCommit: string }> {
  const trees = await tempDir({
    'acme__cli-tool/pyproject.toml': '[project]\nname = "cli-tool"\ndependencies = ["click==8.1.7"]\n',
    'acme__cli-tool/src/cli_tool/__init__.py': 'import click\n\n@click.command()\ndef main():\n    click.echo("hello")\n',
    'acme__cli-tool/tests/test_cli.py': 'from cli_tool import main\n\ndef test_main():\n    assert main is not None\n',
  });
  const service = join(trees, 'acme__churn-service');
  copyTree(join(ROOT, 'test/fixtures/ml-service'), service);
  copyTree(join(ROOT, 'test/fixtures/notebook-poc'), join(trees, 'acme__churn-poc'));
  const env = { ...process.env, GIT_AUTHOR_DATE: '2026-10-01T10:00:00Z', GIT_COMMITTER_DATE: '2026-10-01T10:00:00Z' };
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.email=ds@acme.example', '-c', 'user.name=Data Scientist', ...args], { cwd: service, env, encoding: 'utf8' });
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-qm', 'Churn service');
  const serviceCommit = git('rev-parse', 'HEAD').trim();

  const labels = await tempDir({
    'acme__churn-service.yaml': label('acme/churn-service', serviceCommit, 4, 'production', {
      container: true,
      orchestration: false,
      ci: true,
      tests: true,
      'notebooks-only': false,
      'committed-secrets': false,
      'data-versioning': null,
      'ml-project': true,
    }),
    'acme__churn-poc.yaml': label('acme/churn-poc', ZERO, 1, 'poc', { container: false, ci: false, tests: false, 'notebooks-only': true, 'ml-project': true }),
    'acme__cli-tool.yaml': label('acme/cli-tool', ZERO, 3, 'emerging', { tests: true, 'ml-project': false }),
    'acme__not-fetched.yaml': label('acme/not-fetched', ZERO, 2, 'poc', { ci: false }),
  });
  return { trees, labels, serviceCommit };
}

/** The corpus is only read: made once for the file, it costs its copies and git processes once. */
let made: ReturnType<typeof makeCorpus> | undefined;
const corpus = () => (made ??= makeCorpus());

async function mappings(): Promise<FactMapping[]> {
  const ruleSet = await loadRuleSet();
  return loadFactMap(join(EVAL, 'facts.yaml'), join(EVAL, 'facts.schema.json'), new Set(ruleSet.rules.map((rule) => rule.id)));
}

describe('the evaluation, end to end on fixture trees', () => {
  let result: EvalResult;
  let paths: Awaited<ReturnType<typeof corpus>>;

  beforeAll(async () => {
    paths = await corpus();
    const map = await mappings();
    const labels = await loadLabels(paths.labels, join(EVAL, 'label.schema.json'), map.map((mapping) => mapping.id));
    result = await evaluateCorpus({ labels, mappings: map, treesDir: paths.trees, now: NOW, tool: { version: 'test', commit: null } });
  });

  it('audits every labelled tree and says which labels have none', () => {
    expect(result.corpus).toBe(3);
    expect(result.warnings).toContain('1 label has no tree in ' + paths.trees + ': acme__not-fetched');
  });

  it('warns when a tree is not at the labelled commit, and not when it is', () => {
    expect(result.warnings.some((warning) => warning.startsWith('acme/churn-poc: the tree is at no git commit'))).toBe(true);
    expect(result.warnings.some((warning) => warning.startsWith('acme/churn-service: the tree'))).toBe(false);
  });

  it('counts each labelled fact, leaving null labels out', () => {
    const fact = (id: string) => result.facts.find((entry) => entry.id === id)!;
    expect(fact('container')).toMatchObject({ tp: 1, tn: 1, fp: 0, fn: 0, precision: 1, recall: 1 });
    expect(fact('data-versioning')).toMatchObject({ tp: 0, fp: 0, fn: 0, tn: 0, unlabelled: 1, precision: null, recall: null });
    // The deliberately wrong label: the tool is right, and the evaluation says they disagree.
    expect(fact('orchestration')).toMatchObject({ fp: 1, precision: 0 });
    const total = result.facts.reduce((sum, entry) => sum + entry.tp + entry.fp + entry.fn + entry.tn, 0);
    expect(result.overall.tp + result.overall.fp + result.overall.fn + result.overall.tn).toBe(total);
  });

  it('reads negative facts the other way round', () => {
    // The notebook PoC keeps its code in notebooks: the hygiene rule fails, which detects notebooks-only.
    expect(result.repositories.find((repository) => repository.repo === 'acme/churn-poc')!.facts['notebooks-only']).toBe('tp');
    expect(result.repositories.find((repository) => repository.repo === 'acme/churn-service')!.facts['committed-secrets']).toBe('tn');
  });

  it('lists every disagreement with the label evidence and the rules and evidence of the tool', () => {
    const wrong = result.disagreements.find((entry) => entry.repo === 'acme/churn-service' && entry.fact === 'orchestration')!;
    expect(wrong.kind).toBe('fp');
    expect(wrong.label.evidence).toBe('seen by hand for orchestration');
    const said = wrong.tool.said[0]!;
    expect(said).toMatchObject({ rule: 'infra.orchestration-manifests', status: 'pass', counts: true });
    const text = renderEvalText(result);
    expect(text).toMatch(/acme\/churn-service · orchestration: labelled false, detected \(false positive\)/);
    expect(text).toMatch(/tool: {2}infra\.orchestration-manifests pass \(counts\)/);
    expect(text).toContain('deploy/helm/churn/Chart.yaml');
    expect(text.match(/^acme\/\S+ · /gm)).toHaveLength(result.disagreements.length);
  });

  it('ranks the ML repositories and reports the non-ML one apart', () => {
    expect(result.repositories.map((repository) => repository.repo)).toEqual(['acme/churn-service', 'acme/churn-poc']);
    expect(result.ranking).toMatchObject({ repositories: 2, spearmanScore: 1, violations: [] });
    expect(result.notMl.map((repository) => repository.repo)).toEqual(['acme/cli-tool']);
    expect(renderEvalText(result)).toMatch(/Not ML projects[^\n]*\n[^\n]*taken for ML\n {2}acme\/cli-tool +3 +emerging +\S+ +L\d +\d+% +(yes|no)\n/);
  });

  it('writes the dated Markdown table with the corpus size and the tool', () => {
    const markdown = renderEvalMarkdown(result);
    expect(markdown).toMatch(/^Measured on 2026-11-23 with scale-audit test, scoring version \d+, over 3 labelled repositories \(2 ML projects, 1 not\)\./);
    expect(markdown).toContain('| `container` | 1 | 0 | 0 | 1 | 0 | 1.00 | 1.00 |');
  });
});

describe('label and fact-map mistakes', () => {
  it('names the file and line of a label whose class contradicts its grade', async () => {
    const labels = await tempDir({ 'acme__x.yaml': label('acme/x', ZERO, 4, 'poc', { ci: true }) });
    const error = await inputError(loadLabels(labels, join(EVAL, 'label.schema.json'), ['ci']));
    expect(error.describe()).toMatch(/acme__x\.yaml:5:\d+: grade 4 is class production, not poc/);
  });

  it('refuses a fact the map does not know, suggesting the closest', async () => {
    const labels = await tempDir({ 'acme__x.yaml': label('acme/x', ZERO, 1, 'poc', { contianer: true }) });
    const error = await inputError(loadLabels(labels, join(EVAL, 'label.schema.json'), ['container', 'ci']));
    expect(error.describe()).toMatch(/acme__x\.yaml:8:\d+: unknown fact "contianer" \(did you mean "container"\?\)/);
  });

  it('refuses a fact map naming a rule that does not exist', async () => {
    const dir = await tempDir({ 'facts.yaml': 'facts:\n  ci:\n    why: x\n    detected:\n      - { rule: mlops.ci-pipelin, status: [pass] }\n' });
    const error = await inputError(loadFactMap(join(dir, 'facts.yaml'), join(EVAL, 'facts.schema.json'), new Set(['mlops.ci-pipeline'])));
    expect(error.describe()).toMatch(/facts\.yaml:5:\d+: unknown rule "mlops\.ci-pipelin" \(did you mean "mlops\.ci-pipeline"\?\)/);
  });
});

/** `npm run eval` with these arguments, through the entry its process runs (`runEval(argv, io)`), in this process. */
async function evalRun(args: string[]): Promise<CliResult> {
  const [stdout, stderr] = [capture(), capture()];
  const code = await runEval(args, { stdout, stderr, env: EVAL_ENV, now: () => new Date() });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

/** `npm run eval` in a process of its own, as `npm run eval` starts it: for its exit status and its streams. */
function evalProcess(args: string[]): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(process.execPath, [join(ROOT, 'dist/eval/main.js'), ...args], { env: { PATH: process.env.PATH, ...EVAL_ENV } }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('npm run eval', () => {
  it('prints JSON with --json and replaces only the measured block with --write', async () => {
    const { trees, labels } = await corpus();
    const page = join(await tempDir(), 'accuracy.md');
    await writeFile(page, '# Accuracy\n\nKept.\n\n<!-- eval:begin -->\nold figures\n<!-- eval:end -->\n\nAlso kept.\n');
    const run = await evalRun(['--trees', trees, '--labels', labels, '--json', '--write', page]);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as EvalResult;
    expect(json.corpus).toBe(3);
    expect(json.generatedAt).toBe(NOW.toISOString());
    const written = await readFile(page, 'utf8');
    expect(written).not.toContain('old figures');
    expect(written).toMatch(/^# Accuracy\n\nKept\.\n\n<!-- eval:begin -->\nMeasured on 2026-11-23 with scale-audit /);
    expect(written).toMatch(/<!-- eval:end -->\n\nAlso kept\.\n$/);
  });

  it('exits 2 with one line naming the file on a bad label', async () => {
    const trees = await tempDir();
    const labels = await tempDir({ 'acme__x.yaml': label('acme/x', 'nope', 1, 'poc', { ci: true }) });
    const run = await evalProcess(['--trees', trees, '--labels', labels]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/acme__x\.yaml:2:\d+: commit: does not have the expected form/);
  });
});
