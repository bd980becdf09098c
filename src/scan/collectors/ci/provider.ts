import type { FileContent } from '../../collector.js';
import type { Warn } from '../../location.js';
import { gatedTest } from '../../../util/regex-literals.js';
import { pathContext } from '../../path-context.js';
import type { Draft } from './draft.js';
import type { CiProvider } from './facts.js';
import type { RepoFiles } from './follow/repo-files.js';

/**
 * A `ci/` folder at the top of a test tree (`tests/ci/cpu_unit_tests_linux.yml`) holds the team's
 * own pipeline definitions, as Microsoft's best-practice repositories keep their Azure Pipelines;
 * fixtures of a CI tool sit in `fixtures/` or `testdata/`, whose context is not `test`.
 */
const CI_FOLDER_OF_TESTS = /^(?:[^/]+\/)*tests?\/\.?ci\//;

/** Whether a file found by name at any depth is the project's own: project code, or a test tree's `ci/` folder. */
function ownAnywhere(path: string): boolean {
  const context = pathContext(path);
  return context === 'project' || (context === 'test' && CI_FOLDER_OF_TESTS.test(path));
}

/** Files a provider reads: by path, and where many kinds of file share the path, by what they hold. */
export interface CiFiles {
  path: RegExp;
  /** Files found by name at any depth count only in project code and a test tree's `ci/` folder (not examples, fixtures, vendored code). */
  anywhere?: boolean;
  /** The text must look like this format: every pattern matches. */
  sniff?: readonly RegExp[];
  /** The text must not look like another format of the same shape: no pattern matches. */
  unlike?: readonly RegExp[];
  /** Recognised by what the file holds, wherever the team keeps it: tried after every provider's files recognised by name. */
  byContent?: boolean;
}

/**
 * A CI provider: which files it recognises, and how it reads one file into a draft pipeline. A
 * provider says what the pipeline runs and uses, each with its line; the collector decides what
 * that counts as, so a provider never needs to know what `pytest` is.
 */
export interface CiProviderDefinition {
  readonly provider: CiProvider;
  readonly files: readonly CiFiles[];
  /** Other providers whose files this one's pipelines may call (their own provider's always): a CodePipeline runs CodeBuild buildspecs. */
  readonly runs?: readonly CiProvider[];
  /** `repo` gives the other files a pipeline brings in (included GitLab files, local actions), read as data. */
  read(file: FileContent, warn: Warn, repo: RepoFiles): Draft;
}

interface Recognised {
  files: CiFiles;
  definition: CiProviderDefinition;
  /**
   * The text looks like the files' format (every `sniff` matches, no `unlike` does), each pattern
   * behind a search for its literals: the CDK's files are every TypeScript, JavaScript and Python
   * file, and few of them name the CDK at all.
   */
  sniffed(text: string): boolean;
}

function recognised(files: CiFiles, definition: CiProviderDefinition): Recognised {
  const sniff = (files.sniff ?? []).map(gatedTest);
  const unlike = (files.unlike ?? []).map(gatedTest);
  return { files, definition, sniffed: (text) => sniff.every((test) => test(text)) && !unlike.some((test) => test(text)) };
}

/** Patterns as one alternation for each set of flags they use. */
function alternations(patterns: readonly RegExp[]): RegExp[] {
  const byFlags = new Map<string, string[]>();
  for (const pattern of patterns) {
    const flags = pattern.flags.replace(/[gy]/g, '');
    byFlags.set(flags, [...(byFlags.get(flags) ?? []), `(?:${pattern.source})`]);
  }
  return [...byFlags].map(([flags, sources]) => new RegExp(sources.join('|'), flags));
}

/**
 * Which provider reads which file. Files recognised by name are tried first, in the order the
 * providers are listed, then those recognised by content: a `.drone.yml` is Drone's even though
 * its steps look like Cloud Build's.
 */
export class CiFileTable {
  private readonly entries: readonly Recognised[];
  /**
   * Every provider's path patterns as one alternation per set of flags, and those a file outside
   * the project's own code may be named by: most paths of a large tree are no provider's, and one
   * test says so for all of them.
   */
  private readonly anyPath: readonly RegExp[];
  private readonly anyPathOutsideProject: readonly RegExp[];

  constructor(providers: readonly CiProviderDefinition[]) {
    const all = providers.flatMap((definition) => definition.files.map((files) => recognised(files, definition)));
    this.entries = [...all.filter(({ files }) => !files.byContent), ...all.filter(({ files }) => files.byContent)];
    this.anyPath = alternations(this.entries.map(({ files }) => files.path));
    this.anyPathOutsideProject = alternations(this.entries.filter(({ files }) => !files.anywhere).map(({ files }) => files.path));
  }

  /** Whether the path may be some provider's file, before its text is read: `candidates` is not empty. */
  mayRead(path: string): boolean {
    return (ownAnywhere(path) ? this.anyPath : this.anyPathOutsideProject).some((pattern) => pattern.test(path));
  }

  /** The providers whose files the path may be, before its text is read. */
  candidates(path: string): Recognised[] {
    return this.entries.filter(({ files }) => files.path.test(path) && (!files.anywhere || ownAnywhere(path)));
  }

  /** The first provider the file is named for whose content, where it needs to, matches. */
  providerOf(file: FileContent): CiProviderDefinition | undefined {
    return this.candidates(file.path).find(({ sniffed }) => sniffed(file.text))?.definition;
  }

  /**
   * The provider that reads a file a pipeline calls: one that recognises it among those the caller
   * runs, else the caller's own (an Azure template is Azure's wherever it is kept).
   */
  calleeProvider(caller: CiProviderDefinition, file: FileContent): CiProviderDefinition {
    const runs = new Set([caller.provider, ...(caller.runs ?? [])]);
    return this.entries.find(({ files, definition, sniffed }) => runs.has(definition.provider) && files.path.test(file.path) && sniffed(file.text))?.definition ?? caller;
  }
}
