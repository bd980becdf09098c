import { realpath, stat } from 'node:fs/promises';
import { basename, posix, relative, resolve, sep } from 'node:path';
import { byLocation, compareStrings } from '../util/compare.js';
import { InputError } from '../util/errors.js';
import { size } from '../util/read-bounded.js';
import type { CodeSignal, CollectedFacts, Collector, CollectorDefinition, EnclosingRepository, ScanIndex } from './collector.js';
import { enclosingInMemory, enclosingOnDisk, repositoryWideFiles } from './enclosing.js';
import { BUILTIN_COLLECTORS } from './collectors/index.js';
import { SCAN_KEYS, type Facts, type ScanFacts } from './facts.js';
import { fileContent } from './file-content.js';
import { countContext, filesFacts, type ContextCounts, type FilesFacts } from './files.js';
import { indexOf, nearestDotGit } from './git-files.js';
import { trackedFiles } from './git-index.js';
import { collectGit, type GitFacts } from './git.js';
import type { ScanWarning, Warn } from './location.js';
import { readText, sizeOf, type ReadResult } from './read.js';
import { listed, walk, walkedFile, withPaths, type WalkedFile, type WalkResult } from './walk.js';

export interface ScanOptions<Extra extends readonly CollectorDefinition[] = readonly []> {
  /** Code patterns declared by the rule packs. */
  signals: readonly CodeSignal[];
  /** Collectors to run besides the built-in ones (a plugin's): each fills a slice of Facts of its own. */
  collectors?: Extra;
  /** The audit date; git activity windows are measured back from it. */
  now: Date;
  maxFiles?: number;
  /** Largest file whose text is read (notebooks, which carry outputs, get `maxNotebookBytes`). */
  maxFileBytes?: number;
  maxNotebookBytes?: number;
  /** Files at or above this size are listed as large. */
  largeFileBytes?: number;
  git?: boolean;
  /** Told how the scan advances, for a progress display; called often, so it must be cheap. */
  onProgress?: (progress: ScanProgress) => void;
}

/** Listing the files, then going through them (`files` of `total` so far). */
export type ScanProgress = { phase: 'listing' } | { phase: 'reading'; files: number; total: number };

export const SCAN_DEFAULTS = {
  maxFiles: 200_000,
  maxFileBytes: 2 * 1024 * 1024,
  maxNotebookBytes: 32 * 1024 * 1024,
  largeFileBytes: 10 * 1024 * 1024,
};

type Limits = typeof SCAN_DEFAULTS;

/** Notebooks carry their outputs, so they may be larger than other text files before they are left unread. */
function limitFor(path: string, limits: Limits): number {
  return path.endsWith('.ipynb') ? limits.maxNotebookBytes : limits.maxFileBytes;
}

function limitsOf(options: ScanOptions<readonly CollectorDefinition[]>): Limits {
  return {
    maxFiles: options.maxFiles ?? SCAN_DEFAULTS.maxFiles,
    maxFileBytes: options.maxFileBytes ?? SCAN_DEFAULTS.maxFileBytes,
    maxNotebookBytes: options.maxNotebookBytes ?? SCAN_DEFAULTS.maxNotebookBytes,
    largeFileBytes: options.largeFileBytes ?? SCAN_DEFAULTS.largeFileBytes,
  };
}

/** A collector's key is one word of a fact path (`ci.pipelines`), so rules can reach its slice. */
const COLLECTOR_KEY = /^[A-Za-z][\w-]*$/;

/** Why a collector cannot take the key, given the keys already taken (the scan's own among them); null when it can. */
export function collectorKeyProblem(key: string, taken: ReadonlySet<string>): string | null {
  if (!COLLECTOR_KEY.test(key)) return `collector key "${key}" is not a word (letters, digits, "_" or "-", starting with a letter)`;
  if (taken.has(key)) return `collector key "${key}" is taken: a collector fills a slice of Facts of its own`;
  return null;
}

/** The built-in collectors, then the given ones: each key once, and none of the slices the scan fills itself. */
function collectorsWith(extra: readonly CollectorDefinition[]): CollectorDefinition[] {
  const taken = new Set<string>(SCAN_KEYS);
  const all = [...BUILTIN_COLLECTORS, ...extra];
  for (const { key } of all) {
    const problem = collectorKeyProblem(key, taken);
    if (problem) throw new InputError(problem);
    taken.add(key);
  }
  return all;
}

/**
 * How the scan gets at files: their text with their size (null when the file is gone), and the
 * size alone of one that no collector wants.
 */
interface FileAccess {
  read(path: string, limit: number): ReadResult | null;
  size(path: string): number;
}

/**
 * The pure part of the scan: given the walked file list and a way to read a file, run every
 * collector once over every file it wants, and assemble Facts. The disk scan and the in-memory
 * scan (used to test rules against fixtures) share it.
 */
function collectFacts(
  root: ScanFacts['root'],
  walked: WalkResult,
  access: FileAccess,
  definitions: readonly CollectorDefinition[],
  options: ScanOptions<readonly CollectorDefinition[]>,
  git: GitFacts | null,
  gitWarnings: ScanWarning[],
  enclosing: EnclosingRepository | null,
): ScanFacts & Record<string, unknown> {
  const limits = limitsOf(options);
  const warnings: ScanWarning[] = [...walked.warnings, ...gitWarnings];
  const warn = (warning: ScanWarning) => warnings.push(warning);
  const collectors: Running[] = definitions.map((definition) => ({ definition, collector: definition.create({ signals: options.signals }) }));
  const unread: FilesFacts['unread'] = [];
  const files: WalkedFile[] = [];
  const byContext: ContextCounts = {};

  // One read per file, in path order, shared by every collector that wants it; a file is sized by its read.
  let seen = 0;
  for (const path of walked.paths) {
    options.onProgress?.({ phase: 'reading', files: ++seen, total: walked.paths.length });
    const readers = collectors.filter(({ collector }) => collector.wants(path));
    const result = readers.length === 0 ? null : access.read(path, limitFor(path, limits));
    const bytes = readers.length === 0 ? access.size(path) : (result?.bytes ?? -1);
    // A file gone since it was listed, or one whose name is not UTF-8: the listing decoded it with U+FFFD
    // in place of the bytes that are not, a name no file has.
    if (bytes < 0) {
      warn({ path, message: path.includes('\ufffd') ? 'the name is not valid UTF-8, so the file cannot be opened by it: it is left out of the audit' : 'could not read file size' });
      continue;
    }
    files.push({ path, bytes });
    countContext(byContext, path);
    if (!result) continue;
    if ('unread' in result) {
      unread.push({ path, reason: result.unread });
      // Too large or binary is a choice the scan makes; a file it could not open is missing evidence (a
      // requirements file nobody could read would otherwise leave pinning "none" without a word).
      if (result.unread === 'unreadable') warn({ path, message: 'could not read the file: it is left out of the audit' });
      else {
        // A manifest or Dockerfile that is binary or huge is still a file the audit needed: say which.
        const lost = readers.find(({ definition }) => definition.whenUnread !== undefined)?.definition.whenUnread;
        const why = result.unread === 'binary' ? 'the file is binary' : `the file is larger than the ${size(limitFor(path, limits))} read limit`;
        if (lost) warn({ path, message: `${why}: ${lost}` });
      }
      continue;
    }
    const content = fileContent(path, result.text, bytes);
    for (const { collector } of readers) collector.visit(content, warn);
  }

  const index: ScanIndex = { files, read: readerAfterVisits(files, access, limits, unread), enclosing };
  // Lenders finish first: what they count for a project of a monorepo, the others then read too.
  const finished = new Map<string, unknown>();
  for (const { definition, collector } of collectors) if (definition.lendsFromTop) finished.set(definition.key, collector.finish(index, warn));
  const lent = enclosing ? readLent(enclosing, collectors, finished, files, warn) : [];
  for (const { definition, collector } of collectors) if (!finished.has(definition.key)) finished.set(definition.key, collector.finish(index, warn));
  const slices = Object.fromEntries(collectors.map(({ definition }) => [definition.key, finished.get(definition.key)]));
  if (walked.truncated) {
    warnings.push({ message: `stopped listing files at ${limits.maxFiles}; the audit covers only the files found before that` });
  }

  return {
    factsVersion: 1,
    root: lent.length === 0 ? root : { ...root, fromTop: [...root.fromTop, ...lent].sort(compareStrings) },
    files: filesFacts(files, byContext, walked, unread.sort((a, b) => compareStrings(a.path, b.path)), limits.largeFileBytes),
    ...slices,
    git,
    warnings: warnings.sort(byLocation),
  };
}

/** A collector of this scan, beside the definition it was made from. */
interface Running {
  definition: CollectorDefinition;
  collector: Collector<unknown>;
}

/**
 * The top's files the finished lenders count for the audited project (its pipelines), read by the
 * collectors that lend nothing, as the walk's files are, before they finish: a pre-commit run or an
 * SBOM step in the repository's CI is the project's. A path the project also holds is its own
 * file's. Evidence in them is named from the audited directory (`root.fromTop`), warnings too.
 */
function readLent(enclosing: EnclosingRepository, collectors: readonly Running[], finished: ReadonlyMap<string, unknown>, files: readonly WalkedFile[], warn: Warn): string[] {
  const lent = new Set<string>();
  for (const { definition } of collectors) for (const path of definition.lendsFromTop?.(finished.get(definition.key), enclosing.directory) ?? []) if (!walkedFile(files, path)) lent.add(path);
  const named: Warn = (warning) => warn(warning.path === undefined ? warning : { ...warning, path: posix.relative(enclosing.directory, warning.path) });
  const paths = [...lent].sort(compareStrings);
  for (const path of paths) {
    const content = enclosing.read(path);
    if (content) for (const { definition, collector } of collectors) if (!definition.lendsFromTop && collector.wants(path)) collector.visit(content, named);
  }
  return paths;
}

/**
 * Reads for `finish`: only walked paths, with the same limits as the streaming reads; a file that
 * cannot be read is listed in `files.unread` once, like one that a collector wanted while streaming.
 */
function readerAfterVisits(files: readonly WalkedFile[], access: FileAccess, limits: Limits, unread: FilesFacts['unread']): ScanIndex['read'] {
  return (path) => {
    const file = walkedFile(files, path);
    if (!file) return null;
    const result = access.read(path, limitFor(path, limits));
    if (!result) return null;
    if ('unread' in result) {
      if (!unread.some((entry) => entry.path === path)) unread.push({ path, reason: result.unread });
      return null;
    }
    return fileContent(path, result.text, file.bytes);
  };
}

/** What a scan returns: the built-in slices, and those of the collectors it was given. */
export type ScannedFacts<Extra extends readonly CollectorDefinition[]> = Facts & CollectedFacts<Extra>;

/** Scans a directory on disk: one walk, bounded reads, git history when it is a repository. */
export async function scan<const Extra extends readonly CollectorDefinition[] = readonly []>(
  rootPath: string,
  options: ScanOptions<Extra>,
): Promise<ScannedFacts<Extra>> {
  const definitions = collectorsWith(options.collectors ?? []);
  const root = resolve(rootPath);
  const rootStats = await stat(root).catch(() => null);
  if (!rootStats) throw new InputError('no such directory', rootPath);
  if (!rootStats.isDirectory()) throw new InputError('not a directory', rootPath);

  const limits = limitsOf(options);
  const gitWarnings: ScanWarning[] = [];
  options.onProgress?.({ phase: 'listing' });
  // The top of the repository first (a few lstats): a monorepo's `.github` and ignore files there change what the walk keeps.
  const real = await realpath(root);
  const dotGit = await nearestDotGit(real);
  const top = dotGit?.toplevel ?? null;
  const index = dotGit ? await indexOf(dotGit) : null;
  const directory = top === null ? null : relative(top, real).split(sep).join('/');
  const enclosing = top !== null && directory ? enclosingOnDisk(top, directory) : null;
  const within = top !== null && enclosing ? { top, directory: enclosing.directory, github: enclosing.github } : undefined;
  const [walked, git] = await Promise.all([
    walk(root, { maxFiles: limits.maxFiles, within, tracked: index ? () => trackedFiles(index.file, index.hashBytes) : undefined }),
    options.git === false ? Promise.resolve(null) : collectGit(root, options.now, (warning) => gitWarnings.push(warning)),
  ]);
  // A walked path is relative and normalised already: `join`'s normalising costs more than the read's bookkeeping.
  const base = root.endsWith(sep) ? root : root + sep;
  const fromTop = enclosing ? repositoryWideFiles(enclosing, (path) => listed(walked.paths, path)) : [];
  const borrowed = new Set(fromTop);
  // Most audits borrow nothing, and their reads skip the question.
  const at = borrowed.size === 0 ? (path: string) => base + path : (path: string) => (borrowed.has(path) ? `${top}/${path}` : base + path);
  const access: FileAccess = { read: (path, limit) => readText(at(path), limit), size: (path) => sizeOf(at(path)) };
  const listing = fromTop.length === 0 ? walked : { ...walked, paths: withPaths(walked.paths, fromTop) };
  return collectFacts({ name: basename(root), directory, fromTop }, listing, access, definitions, options, git, gitWarnings, enclosing) as ScannedFacts<Extra>;
}

/**
 * Scans files held in memory, as if they were a checkout: for rule tests and fixtures. Paths use
 * `/` and are relative to the root.
 */
export async function scanFiles<const Extra extends readonly CollectorDefinition[] = readonly []>(
  files: Record<string, string>,
  options: ScanOptions<Extra> & {
    name?: string;
    gitFacts?: GitFacts | null;
    /** Where the files sit in a repository (`services/model`), and that repository's top files, paths from the top. */
    directory?: string | null;
    enclosing?: Record<string, string>;
  },
): Promise<ScannedFacts<Extra>> {
  const definitions = collectorsWith(options.collectors ?? []);
  const enclosing = options.directory && options.enclosing ? enclosingInMemory(options.enclosing, options.directory) : null;
  const fromTop = enclosing ? repositoryWideFiles(enclosing, (path) => Object.hasOwn(files, path)) : [];
  const all = { ...files, ...Object.fromEntries(fromTop.map((path) => [path, options.enclosing![path]!])) };
  const walked: WalkResult = { paths: Object.keys(all).sort(compareStrings), skippedDirectories: 0, skippedSymlinks: 0, truncated: false, warnings: [] };
  const size = (path: string) => Buffer.byteLength(all[path]!);
  const read = (path: string, limit: number): ReadResult => {
    const bytes = size(path);
    return bytes > limit ? { unread: 'too-large', bytes } : all[path]!.includes('\u0000') ? { unread: 'binary', bytes } : { text: all[path]!, bytes };
  };
  const place = { name: options.name ?? 'memory', directory: options.directory ?? null, fromTop };
  return collectFacts(place, walked, { read, size }, definitions, options, options.gitFacts ?? null, [], enclosing) as ScannedFacts<Extra>;
}
