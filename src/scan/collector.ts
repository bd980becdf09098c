import type { PathContext, Warn } from './location.js';
import type { NotebookView } from './notebook.js';
import type { WalkedFile } from './walk.js';

/** A file's text, with views that several collectors need computed once. */
export interface FileContent {
  readonly path: string;
  readonly bytes: number;
  readonly context: PathContext;
  readonly text: string;
  lines(): readonly string[];
  /** The parsed notebook for `.ipynb` files; null for other files or when it does not parse. */
  notebook(): NotebookView | null;
}

export interface ScanIndex {
  /** Every walked file, sorted by path. */
  files: readonly WalkedFile[];
  /**
   * Reads one walked file when `finish` needs it, bounded like every read: for collectors that
   * follow a reference from one file to another (a CI step to the Makefile target it runs). Only
   * paths the walk listed can be read, so nothing outside the repository or behind a link is
   * reached; null when the path was not walked or its text cannot be read.
   */
  read(path: string): FileContent | null;
  /** The repository around an audited subdirectory of a monorepo; null at a work tree's top or outside git. */
  enclosing: EnclosingRepository | null;
}

/**
 * The top of the git work tree that holds the audited directory, when that is a subdirectory: its
 * own files and those of its dot-directories (CI definitions and what they use), paths from the top.
 */
export interface EnclosingRepository {
  /** The audited directory's path from the top (`services/model`). */
  readonly directory: string;
  /** Sorted by path. */
  readonly files: readonly WalkedFile[];
  /** The top holds a `.github/`: the project has one there, and a folder of its own with one is a copy or a seed. */
  readonly github: boolean;
  /** One of `files`, bounded like any read; null when it is not one of them or cannot be read. */
  read(path: string): FileContent | null;
}

/**
 * How a signal's pattern reads a file. `code`: the code view of Python, notebooks, JavaScript,
 * TypeScript and R (comments, docstrings and prose strings removed, a statement over several
 * lines joined into one logical line, definitions not taken for calls). `text`: each line as
 * written, comment lines left out: for configuration, scripts and prose.
 */
export type SignalScope = 'code' | 'text';

/** A named code pattern a rule pack declares (`signals:`): the code collector reports where it matches. */
export interface CodeSignal {
  id: string;
  /** Globs of the files it applies to. */
  files: readonly string[];
  pattern: string;
  match: SignalScope;
  /** YAML keys whose maps and lists hold no match of a text signal (`with`: the arguments passed to an action). */
  notUnder?: readonly string[];
  /**
   * A built-in pattern runs in JavaScript's own engine, proven linear by test; any other runs
   * with RE2 semantics, so that no pattern a repository or a pack brings can take more than
   * linear time.
   */
  builtin?: boolean;
}

/** What the audit tells every collector it creates. */
export interface CollectorOptions {
  signals: readonly CodeSignal[];
}

/**
 * One scan's worth of a collector. The scan asks it which files it must read, hands it each one's
 * text once (in path order), then asks for its slice of Facts (warning, like `visit`, about what
 * it reads then). Collectors never touch the file system, so a test can drive one with in-memory files.
 */
export interface Collector<Slice> {
  wants(path: string): boolean;
  visit(file: FileContent, warn: Warn): void;
  finish(index: ScanIndex, warn: Warn): Slice;
}

/**
 * A collector as it is registered: the key of the slice of Facts it fills, and how to make a fresh
 * one for each scan (it keeps state while files stream past). The slice must be plain JSON, sorted
 * so that the same tree always gives the same bytes. The type of Facts is derived from these.
 */
export interface CollectorDefinition<Key extends string = string, Slice = unknown> {
  readonly key: Key;
  create(options: CollectorOptions): Collector<Slice>;
  /**
   * What the audit loses when a file this collector wants is binary or too large to read, for a
   * warning naming the file ("its dependencies are not read"). Left out by collectors that search
   * many files for content (code, notebooks), where such files are expected and a warning per file
   * would be noise.
   */
  readonly whenUnread?: string;
  /**
   * Auditing a project of a monorepo: the files at the repository's top that this collector's slice
   * counts as running for the project (the CI's pipelines there), paths from the top. The other
   * collectors then read them too before they finish, so that a signal over CI files sees the
   * pipelines the project's changes run, not only the project's own.
   */
  lendsFromTop?(slice: Slice, directory: string): readonly string[];
}

/** Declares a collector, keeping its key as a literal type so that Facts can be derived from it. */
export function defineCollector<const Key extends string, Slice>(definition: CollectorDefinition<Key, Slice>): CollectorDefinition<Key, Slice> {
  return definition;
}

/** The slices a list of collectors fills: each one's key, with what its `finish` returns. */
export type CollectedFacts<Definitions extends readonly CollectorDefinition[]> = {
  [Definition in Definitions[number] as Definition['key']]: Definition extends CollectorDefinition<string, infer Slice> ? Slice : never;
};
