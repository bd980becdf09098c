import { compareStrings } from '../../../util/compare.js';
import { redactSecrets } from '../../secret-patterns.js';
import { posix } from 'node:path';
import type { Collector, EnclosingRepository, FileContent, ScanIndex } from '../../collector.js';
import { fileContent } from '../../file-content.js';
import type { Warn } from '../../location.js';
import { Classifier } from './classify.js';
import { brokenDraft, type Draft } from './draft.js';
import type { CiFacts, CiPipeline, CiProvider, CiStep, CiTrigger } from './facts.js';
import type { Follower } from './follow/follower.js';
import { RepoFiles } from './follow/repo-files.js';
import { naming, outsideJobs } from './monorepo.js';
import { CiFileTable, type CiProviderDefinition } from './provider.js';

/*
 * From CI files to the CI slice: each file is read by the provider that recognises it, its steps
 * classified, and its triggers completed with those of the pipelines that call it.
 */

const MAX_COMMAND_LENGTH = 120;
/** Files a pipeline calls that are read although no provider recognised them by name (Azure templates kept anywhere). */
const MAX_CALLED_FILES = 100;

/** Redacted before shortening, so a secret cut in half is still recognised. */
function shownCommand(command: string): string {
  const redacted = redactSecrets(command.trim());
  return redacted.length <= MAX_COMMAND_LENGTH ? redacted : `${redacted.slice(0, MAX_COMMAND_LENGTH - 1)}…`;
}

function finalSteps(steps: readonly CiStep[]): CiStep[] {
  const unique = new Map<string, CiStep>();
  for (const step of steps) {
    const via = step.via?.map((hop) => ({ ...hop, command: shownCommand(hop.command) }));
    const shown: CiStep = { kind: step.kind, command: shownCommand(step.command), line: step.line, ...(via ? { via } : {}), ...(step.tolerated ? { tolerated: true } : {}) };
    unique.set(`${shown.line}\u0000${shown.kind}\u0000${shown.command}\u0000${JSON.stringify(via ?? [])}\u0000${shown.tolerated ?? false}`, shown);
  }
  return [...unique.values()].sort(
    (a, b) => a.line - b.line || compareStrings(a.kind, b.kind) || compareStrings(a.command, b.command) || compareStrings(JSON.stringify(a.via ?? []), JSON.stringify(b.via ?? [])),
  );
}

const TRIGGER_ORDER: CiTrigger[] = ['push', 'pull_request', 'tag', 'schedule', 'manual', 'other', 'external'];

interface PipelineFile {
  file: FileContent;
  definition: CiProviderDefinition;
}

interface PipelineRecord {
  path: string;
  definition: CiProviderDefinition;
  draft: Draft;
  /** What the draft's scripts, commands and references count as. */
  steps: CiStep[];
  /** Whether anything it runs is more than a no-op. */
  active: boolean;
}

/** A pipeline calls files of its own provider, and of those its provider says it runs. */
function runsFilesOf(caller: CiProviderDefinition, callee: CiProvider | undefined): boolean {
  return callee !== undefined && (callee === caller.provider || (caller.runs ?? []).includes(callee));
}

/**
 * A reusable workflow or an Azure template runs whenever a pipeline that calls it runs, so it
 * takes on its callers' triggers (through chains of calls). Azure ignores a template's own
 * `trigger:`; a GitHub reusable workflow keeps its own triggers too.
 */
function effectiveTriggers(records: readonly PipelineRecord[]): Map<string, Set<CiTrigger>> {
  const byPath = new Map(records.map((record) => [record.path, record]));
  const callers = new Map<string, PipelineRecord[]>();
  for (const record of records) {
    for (const callee of new Set(record.draft.calls)) {
      if (callee === record.path || !runsFilesOf(record.definition, byPath.get(callee)?.definition.provider)) continue;
      callers.set(callee, [...(callers.get(callee) ?? []), record]);
    }
  }
  const triggers = new Map(
    records.map(({ path, draft }) => [path, new Set(draft.inheritedTriggers === 'replace' && callers.has(path) ? [] : draft.triggers)] as const),
  );
  for (let changed = true, round = 0; changed && round <= records.length; round++) {
    changed = false;
    for (const [callee, calling] of callers) {
      const into = triggers.get(callee)!;
      for (const caller of calling.filter((record) => !record.draft.disabled)) {
        for (const trigger of triggers.get(caller.path)!) {
          if (into.has(trigger)) continue;
          into.add(trigger);
          changed = true;
        }
      }
    }
  }
  return triggers;
}

/**
 * A pipeline whose commands only echo checks nothing; so does one that only calls such pipelines
 * (a workflow whose one job is a reusable workflow of `echo ok`).
 */
function activePipelines(records: readonly PipelineRecord[]): Set<string> {
  const byPath = new Map(records.map((record) => [record.path, record]));
  const active = new Set(records.filter((record) => record.steps.length > 0 || record.active).map((record) => record.path));
  for (let changed = true; changed; ) {
    changed = false;
    for (const record of records) {
      if (active.has(record.path)) continue;
      if (record.draft.calls.some((callee) => active.has(callee) || !byPath.has(callee))) {
        active.add(record.path);
        changed = true;
      }
    }
  }
  return active;
}

function toPipeline({ path, definition, draft, steps }: PipelineRecord, triggers: ReadonlySet<CiTrigger>, active: boolean): CiPipeline {
  return {
    path,
    provider: definition.provider,
    triggers: TRIGGER_ORDER.filter((trigger) => triggers.has(trigger)),
    disabled: draft.disabled,
    ...(draft.broken && { broken: draft.broken }),
    jobs: draft.jobs,
    steps: finalSteps(steps),
    environments: [...new Set(draft.environments)].sort(compareStrings),
    manualApproval: draft.manualApproval,
    inert: !draft.disabled && !active,
  };
}

/** Reads one pipeline file; untrusted files can be shaped in ways no parser anticipates, and one must not stop the scan. */
function readDraft(definition: CiProviderDefinition, file: FileContent, warn: Warn, repo: RepoFiles): Draft {
  try {
    return definition.read(file, warn, repo);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    warn({ path: file.path, message: `could not read CI file: ${message}` });
    return brokenDraft({ reason: `the file could not be read (${message})` });
  }
}

/**
 * Pipelines of `files` and of the files they call, read and classified against `index`. With
 * `directory` (an enclosing repository's CI, read from its top), only those whose file names the
 * audited directory and those they call, and in them only what runs at the top or in the
 * directory: a command run in another project's folder is that project's.
 */
function readPipelines(
  files: readonly PipelineFile[],
  index: ScanIndex,
  warn: Warn,
  table: CiFileTable,
  followers: readonly Follower[],
  directory?: string,
): CiPipeline[] {
  const repo = new RepoFiles(index);
  const about = directory === undefined ? undefined : naming(directory);
  const classifier = new Classifier(repo, followers, directory === undefined ? undefined : (cwd) => !onTheWay(cwd, directory));
  // GitHub reads `.github/` at a repository's root only. A folder's own is a repository the
  // project ships (a template's seed code, which the walk keeps) and counts only when the
  // project has no `.github` of its own, nor the monorepo it is part of.
  const ownGithub = index.files.some((file) => file.path.startsWith('.github/')) || index.enclosing?.github === true;
  const read = files.filter(({ file, definition }) => !(ownGithub && definition.provider === 'github-actions' && !file.path.startsWith('.github/')));
  const reading = (path: string, definition: CiProviderDefinition, file: FileContent) => ({
    path,
    definition,
    draft: readDraft(definition, file, warn, repo),
    named: about?.(file.text) ?? true,
    wholly: about?.(definition.provider === 'github-actions' ? outsideJobs(file.text) : file.text) ?? true,
  });
  const drafts = read.map(({ file, definition }) => reading(file.path, definition, file));
  const known = new Set(drafts.map((draft) => draft.path));
  // Files called by a pipeline are pipelines too, wherever they are kept (an Azure template under `templates/`).
  for (let i = 0; i < drafts.length && known.size < files.length + MAX_CALLED_FILES; i++) {
    const caller = drafts[i]!;
    for (const callee of caller.draft.calls) {
      const file = known.has(callee) ? null : repo.read(callee);
      if (!file) continue;
      known.add(callee);
      const definition = table.calleeProvider(caller.definition, file);
      drafts.push(reading(callee, definition, file));
    }
  }
  const records = drafts.map((record) => ({ ...record, ...classifier.draft(record.draft) }));
  const triggers = effectiveTriggers(records);
  const active = activePipelines(records);
  const kept = withCallees(records, new Set(drafts.filter((draft) => draft.named).map((draft) => draft.path)), new Set(drafts.filter((draft) => draft.wholly).map((draft) => draft.path)), about);
  return records.filter((record) => kept.has(record.path)).map((record) => toPipeline(record, triggers.get(record.path)!, active.has(record.path)));
}

/**
 * `paths`, and the pipelines they call, through chains of calls. With `about`, a GitHub workflow
 * that names the directory only inside its jobs passes it on from a job whose inputs name it: a
 * monorepo's checks workflow calls each project's reusable workflow from its own job (`uses:
 * ./.github/workflows/frontend-ci.yml`), and only the one given the directory runs for it. One
 * that names it in its triggers (`paths: [server/**]`) runs wholly for it (`wholly`), and so does
 * every workflow it calls. A template of another provider is part of the job that includes it.
 */
function withCallees(records: readonly PipelineRecord[], paths: Set<string>, wholly: Set<string>, about?: (text: string) => boolean): Set<string> {
  const byPath = new Map(records.map((record) => [record.path, record]));
  const pending = [...paths];
  for (let path = pending.pop(); path !== undefined; path = pending.pop()) {
    const caller = byPath.get(path)!;
    const lends = (callee: string) =>
      !about || caller.definition.provider !== 'github-actions' || wholly.has(path) || caller.draft.callInputs.some((call) => call.path === callee && about(call.text));
    for (const callee of caller.draft.calls) {
      if (paths.has(callee) || !byPath.has(callee) || !lends(callee)) continue;
      // What a workflow run wholly for the directory calls runs wholly for it too.
      if (wholly.has(path)) wholly.add(callee);
      paths.add(callee);
      pending.push(callee);
    }
  }
  return paths;
}


/**
 * The CI at the top of the work tree around an audited subdirectory of a monorepo: the pipelines
 * that name the directory (and those they call), read from the top as the CI runs them (a step's
 * `working-directory: services/model` is the audited directory; its Makefile is read there), then
 * named from the audited directory (`../../.github/workflows/ci.yml`). A pipeline that never
 * names the directory builds other projects of the repository, and gives this one no credit.
 */
function enclosingPipelines(enclosing: EnclosingRepository, index: ScanIndex, warn: Warn, table: CiFileTable, followers: readonly Follower[]): CiPipeline[] {
  const { directory } = enclosing;
  const inside = `${directory}/`;
  const top: ScanIndex = {
    files: [...enclosing.files, ...index.files.map((file) => ({ path: inside + file.path, bytes: file.bytes }))].sort((a, b) => compareStrings(a.path, b.path)),
    read(path) {
      if (!path.startsWith(inside)) return enclosing.read(path);
      const content = index.read(path.slice(inside.length));
      return content && fileContent(path, content.text, content.bytes);
    },
    enclosing: null,
  };
  const files = enclosing.files.flatMap(({ path }) => {
    const file = table.mayRead(path) ? enclosing.read(path) : null;
    const definition = file && table.providerOf(file);
    return definition ? [{ file, definition }] : [];
  });
  const fromTop = (path: string) => posix.relative(directory, path);
  const warnFromTop: Warn = (warning) => warn(warning.path === undefined ? warning : { ...warning, path: fromTop(warning.path) });
  return readPipelines(files, top, warnFromTop, table, followers, directory).map((pipeline) => ({
    ...pipeline,
    path: fromTop(pipeline.path),
    steps: pipeline.steps.map((step) => (step.via ? { ...step, via: step.via.map((hop) => ({ ...hop, path: fromTop(hop.path) })) } : step)),
  }));
}

/**
 * Whether a command run in `cwd` (from the top, '' for the top) can work on `directory`: the top, a
 * folder above it, the directory or one of its own; or a folder only known when the job runs
 * (`services/${{ matrix.project }}`, which the matrix's values decide).
 */
function onTheWay(cwd: string, directory: string): boolean {
  return cwd === '' || cwd === directory || directory.startsWith(`${cwd}/`) || cwd.startsWith(`${directory}/`) || cwd.includes('$');
}

/** Providers that read their pipelines only at a repository's top, by name (GitLab, Azure DevOps and Jenkins can be pointed at another path). */
const READ_AT_THE_TOP_ONLY: ReadonlyMap<CiProvider, string> = new Map<CiProvider, string>([
  ['github-actions', 'GitHub Actions'],
  ['circleci', 'CircleCI'],
  ['bitbucket-pipelines', 'Bitbucket Pipelines'],
  ['travis', 'Travis CI'],
]);

/**
 * A project's own pipeline of such a provider, in a folder of a monorepo: the CI never runs it (a
 * project that came into the monorepo with its `.github/workflows/`). Listed, not counted.
 */
function belowTheTop(pipeline: CiPipeline): CiPipeline {
  const provider = READ_AT_THE_TOP_ONLY.get(pipeline.provider);
  if (provider === undefined || pipeline.broken) return pipeline;
  return { ...pipeline, disabled: true, broken: { reason: `${provider} reads pipelines only at the top of the repository, so this one never runs` } };
}

/**
 * The CI collector, for the providers given: for every CI configuration file, what its pipeline
 * runs (steps classified by kind, each with the line that proves it, and the chain of files when
 * it runs a script, a target or a task kept elsewhere), on which triggers, and whether it can run
 * at all. Files are recognised while the scan streams past; they are read at the end, when the
 * scripts, Makefiles and templates they name can be read too. Rules then ask questions such as
 * "does an enabled pipeline triggered on pull requests run the tests?" and show the step's line.
 * Auditing a subdirectory of a monorepo, the CI at the repository's top that names it counts too.
 */
export function collectPipelines(providers: readonly CiProviderDefinition[], followers: readonly Follower[]): Collector<CiFacts> {
  const table = new CiFileTable(providers);
  const files: PipelineFile[] = [];
  return {
    wants: (path) => table.mayRead(path),
    visit(file) {
      const definition = table.providerOf(file);
      if (definition) files.push({ file, definition });
    },
    finish(index, warn) {
      const own = index.enclosing ? readPipelines(files, index, warn, table, followers).map(belowTheTop) : readPipelines(files, index, warn, table, followers);
      const read = new Set(own.map((pipeline) => pipeline.path));
      // A template of the project's own that the top's pipeline calls is read once, as the project's.
      const around = index.enclosing ? enclosingPipelines(index.enclosing, index, warn, table, followers).filter((pipeline) => !read.has(pipeline.path)) : [];
      const pipelines = [...own, ...around].sort((a, b) => compareStrings(a.path, b.path));
      return { providers: [...new Set(pipelines.map((pipeline) => pipeline.provider))].sort(compareStrings), pipelines };
    },
  };
}
