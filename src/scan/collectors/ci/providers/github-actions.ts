import { isMap } from 'yaml';
import { addEnvironment, addReference, addScripts, emptyDraft, type Draft, type Link, type Place } from '../draft.js';
import type { CiTrigger } from '../facts.js';
import { repoPath, type RepoFiles } from '../follow/repo-files.js';
import type { CiProviderDefinition } from '../provider.js';
import { commandInputOf } from '../reference-patterns.js';
import type { ScriptLine } from '../shell.js';
import { child, entries, environmentName, firstDocument, inputs, isFalse, isTrue, items, lineOf, resolved, scriptsOf, text, texts, yamlDocuments, yamlReader, type Yaml } from '../yaml.js';

const GITHUB_EVENTS = new Map<string, CiTrigger>([
  ['push', 'push'],
  ['pull_request', 'pull_request'],
  ['pull_request_target', 'pull_request'],
  // The merge queue checks pull requests before they merge.
  ['merge_group', 'pull_request'],
  ['schedule', 'schedule'],
  ['workflow_dispatch', 'manual'],
  ['repository_dispatch', 'manual'],
]);

/** Local actions nest (an action's step uses another local action); real ones stop after two or three. */
const MAX_ACTION_NESTING = 4;

function githubEventTriggers(y: Yaml, event: string, config: unknown): CiTrigger[] {
  if (event !== 'push') return [GITHUB_EVENTS.get(event) ?? 'other'];
  const keys = new Set(entries(y, config).map((entry) => entry.key));
  const tags = keys.has('tags') || keys.has('tags-ignore');
  const branches = keys.has('branches') || keys.has('branches-ignore');
  if (tags && !branches) return ['tag'];
  return tags ? ['push', 'tag'] : ['push'];
}

function githubTriggers(y: Yaml, on: unknown): CiTrigger[] {
  const events = isMap(resolved(y, on)) ? entries(y, on).map((entry) => ({ event: entry.key, config: entry.value })) : texts(y, on).map((event) => ({ event, config: undefined }));
  return events.flatMap(({ event, config }) => githubEventTriggers(y, event, config));
}

/** An environment chosen by an input of the workflow: `${{ inputs.environment }}`, `${{ github.event.inputs.env || 'dev' }}`. */
const INPUT_ENVIRONMENT = /^\$\{\{\s*(?:github\.event\.)?inputs\.([\w-]+)\s*(?:\|\|\s*'([\w-]+)'\s*)?\}\}$/;

/** The values each input of a dispatched or called workflow may take: a choice's options, or else its default. */
function inputValues(y: Yaml, on: unknown): Map<string, string[]> {
  const values = new Map<string, string[]>();
  for (const event of ['workflow_dispatch', 'workflow_call']) {
    for (const { key, value } of entries(y, child(y, child(y, on, event), 'inputs'))) {
      const options = texts(y, child(y, value, 'options'));
      const fallback = text(y, child(y, value, 'default'));
      values.set(key, [...(values.get(key) ?? []), ...(options.length > 0 ? options : fallback === undefined ? [] : [fallback])]);
    }
  }
  return values;
}

/** The environments a job deploys to: the one it names, or every value of the input that chooses it. */
function environmentsOf(written: string | undefined, values: ReadonlyMap<string, readonly string[]>): string[] {
  if (written === undefined) return [];
  const input = INPUT_ENVIRONMENT.exec(written);
  if (!input) return [written];
  const chosen = [...new Set([...(values.get(input[1]!) ?? []), ...(input[2] === undefined ? [] : [input[2]])])];
  return chosen.length > 0 ? chosen : [written];
}

/** `defaults: run: working-directory:` of a workflow or job, or a step's own `working-directory:`. */
function workingDirectory(y: Yaml, node: unknown, key: 'defaults' | 'step', inherited: string): string {
  const value = key === 'step' ? child(y, node, 'working-directory') : child(y, child(y, child(y, node, 'defaults'), 'run'), 'working-directory');
  const written = text(y, value);
  return written === undefined ? inherited : (repoPath(inherited, written) ?? inherited);
}

/** `shell: Rscript {0}`: the step's `run:` is R code, as r-lib's workflows run `covr::package_coverage()`. */
const R_SHELL = /^Rscript\b/;

/**
 * A step's R code as the command that runs it, `Rscript -e '…'` on the step's first line, so that
 * what it calls reads as an Rscript command does (`Rscript -e 'devtools::test()'`). Single quotes in
 * the code become double quotes: R reads both alike, and the command stays one quoted word.
 */
function asRscript(lines: ScriptLine[]): ScriptLine[] {
  const code = lines.filter((line) => !/^\s*(?:#|$)/.test(line.text));
  if (code.length === 0) return [];
  const program = code.map((line) => line.text.trim()).join(' ');
  return [{ text: `Rscript -e '${program.replace(/'/g, '"')}'`, line: code[0]!.line, joinsNext: false }];
}

/**
 * Reads the steps of a job or of a composite action into the draft. A step that uses a local
 * action (`uses: ./.github/actions/setup`) is followed into its `action.yml`: what the action
 * runs is shown through the step that uses it.
 */
class StepReader {
  constructor(
    private readonly draft: Draft,
    private readonly repo: RepoFiles,
    /** The root of the repository the workflow belongs to, which local actions are named from. */
    private readonly home: string,
  ) {}

  steps(y: Yaml, steps: unknown, inherited: Place, nesting = 0): void {
    const reported = reportsToCodeScanning(y, steps);
    for (const step of items(y, steps)) {
      if (isFalse(y, child(y, step, 'if'))) continue;
      const failureTolerated = !reported && isTrue(y, child(y, step, 'continue-on-error'));
      const place = { ...inherited, cwd: workingDirectory(y, step, 'step', inherited.cwd), ...(failureTolerated ? { tolerated: true } : {}) };
      const run = scriptsOf(y, child(y, step, 'run'));
      addScripts(this.draft, R_SHELL.test(text(y, child(y, step, 'shell')) ?? '') ? run.map(asRscript) : run, place);
      const uses = child(y, step, 'uses');
      const reference = text(y, uses);
      if (!reference) continue;
      const scriptInput = commandInputOf(reference);
      if (scriptInput) addScripts(this.draft, scriptsOf(y, child(y, child(y, step, 'with'), scriptInput)), place);
      const local = reference.startsWith('./') ? repoPath(this.home, reference) : null;
      if (local !== null && nesting < MAX_ACTION_NESTING && this.localAction(local, { path: inherited.source?.path ?? null, line: lineOf(y, uses), command: reference }, place, nesting)) continue;
      addReference(this.draft, reference, lineOf(y, uses), inputs(y, child(y, step, 'with')), { ...(inherited.source ? { source: inherited.source } : {}), ...(place.tolerated ? { tolerated: true } : {}) });
    }
  }

  /** A composite action's steps, reached through `link`; false when there is no such action to read. */
  private localAction(directory: string, link: Link, from: Place, nesting: number): boolean {
    const path = this.repo.findIn(directory, ['action.yml', 'action.yaml']);
    const file = path ? this.repo.read(path) : null;
    const docs = file ? yamlDocuments(file.text) : null;
    if (!path || !docs || !Array.isArray(docs) || docs.length === 0) return false;
    const y = docs[0]!;
    const runs = child(y, y.doc.contents, 'runs');
    if (text(y, child(y, runs, 'using')) !== 'composite') return false;
    const trail = [...(from.source?.trail ?? []), link];
    this.steps(y, child(y, runs, 'steps'), { cwd: from.cwd, source: { path, trail }, ...(from.tolerated ? { tolerated: true } : {}) }, nesting + 1);
    return true;
  }
}

/**
 * Steps that upload SARIF to the Git host's code scanning: what a scan there finds becomes alerts,
 * triaged (and able to block a merge) as CodeQL's are, so `continue-on-error` only lets the upload run.
 */
function reportsToCodeScanning(y: Yaml, steps: unknown): boolean {
  return items(y, steps).some((step) => text(y, child(y, step, 'uses'))?.startsWith('github/codeql-action/upload-sarif') === true);
}

/** A reusable workflow named with its owner and repository: `acme/app/.github/workflows/deploy.yml@main`. */
const QUALIFIED_WORKFLOW = /^[\w.-]+\/[\w.-]+\/(\.github\/workflows\/[^@/]+\.ya?ml)@/;

/**
 * The workflow of this repository a job calls: `./.github/workflows/x.yml`, or the same file named
 * with the repository's owner and name, as i-dot-ai/redbox calls its own build-and-release.yml
 * (the repository's name is not known here: holding the file is what says it is this one).
 */
function calledWorkflow(called: string, repo: RepoFiles, home: string): string | null {
  if (called.startsWith('./')) return repoPath(home, called);
  const path = QUALIFIED_WORKFLOW.exec(called)?.[1];
  return path !== undefined && repo.has(path) ? path : null;
}

/**
 * The repository a workflow belongs to: the root, or for a folder's own `.github/` (a repository the
 * project ships, such as a template's seed code) that folder, where its steps start and its local
 * actions and workflows are named from.
 */
function workflowHome(path: string): string {
  return path.slice(0, path.lastIndexOf('.github/workflows/')).replace(/\/$/, '');
}

function githubWorkflow(y: Yaml, path: string, repo: RepoFiles): Draft {
  const draft = emptyDraft();
  const home = workflowHome(path);
  const root = y.doc.contents;
  draft.triggers = githubTriggers(y, child(y, root, 'on'));
  const values = inputValues(y, child(y, root, 'on'));
  const jobs = entries(y, child(y, root, 'jobs'));
  const running = jobs.filter((job) => !isFalse(y, child(y, job.value, 'if')));
  const workflowDirectory = workingDirectory(y, root, 'defaults', home);
  const reader = new StepReader(draft, repo, home);
  draft.jobs = jobs.length;
  for (const { value: job } of running) {
    for (const environment of environmentsOf(environmentName(y, child(y, job, 'environment')), values)) addEnvironment(draft, environment);
    const uses = child(y, job, 'uses');
    const called = text(y, uses);
    const callee = called === undefined ? null : calledWorkflow(called, repo, home);
    const given = inputs(y, child(y, job, 'with'));
    const failureTolerated = isTrue(y, child(y, job, 'continue-on-error')) && !reportsToCodeScanning(y, child(y, job, 'steps'));
    if (callee !== null) {
      draft.calls.push(callee);
      draft.callInputs.push({ path: callee, text: [...given.values()].join('\n') });
    }
    // Another repository's reusable workflow (an organisation's shared CI) is read by its name, as an action is.
    else if (called !== undefined) addReference(draft, called, lineOf(y, uses), given, failureTolerated ? { tolerated: true } : {});
    reader.steps(y, child(y, job, 'steps'), { cwd: workingDirectory(y, job, 'defaults', workflowDirectory), ...(failureTolerated ? { tolerated: true } : {}) });
  }
  draft.disabled = draft.triggers.length === 0 || running.length === 0;
  return draft;
}

/**
 * GitHub Actions: workflows under `.github/workflows/`, with the local actions their steps use; in
 * a folder's own `.github/` too, which the CI collector keeps only for a project without one.
 */
export const githubActions: CiProviderDefinition = {
  provider: 'github-actions',
  files: [{ path: /^\.github\/workflows\/[^/]+\.ya?ml$/ }, { path: /^(?:[^/]+\/)+\.github\/workflows\/[^/]+\.ya?ml$/, anywhere: true }],
  read: yamlReader(firstDocument(githubWorkflow)),
};
