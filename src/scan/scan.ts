import { stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import type { SignalDefinition } from '../rules/types.js';
import { byLocation, compareStrings } from '../util/compare.js';
import { InputError } from '../util/errors.js';
import type { Collector } from './collector.js';
import { defaultCollectors } from './collectors/index.js';
import type { Facts, FilesFacts, GitFacts, PathContext, ScanWarning } from './facts.js';
import { fileContent } from './file-content.js';
import { collectGit } from './git.js';
import { pathContext } from './path-context.js';
import { readText, type ReadResult } from './read.js';
import { walk, type WalkResult } from './walk.js';

export interface ScanOptions {
  /** Code patterns declared by the rule packs. */
  signals: readonly SignalDefinition[];
  /** The audit date; git activity windows are measured back from it. */
  now: Date;
  maxFiles?: number;
  /** Largest file whose text is read (notebooks, which carry outputs, get `maxNotebookBytes`). */
  maxFileBytes?: number;
  maxNotebookBytes?: number;
  /** Files at or above this size are listed as large. */
  largeFileBytes?: number;
  git?: boolean;
}

export const SCAN_DEFAULTS = {
  maxFiles: 200_000,
  maxFileBytes: 2 * 1024 * 1024,
  maxNotebookBytes: 32 * 1024 * 1024,
  largeFileBytes: 10 * 1024 * 1024,
};


type Limits = typeof SCAN_DEFAULTS;

function limitsOf(options: ScanOptions): Limits {
  return {
    maxFiles: options.maxFiles ?? SCAN_DEFAULTS.maxFiles,
    maxFileBytes: options.maxFileBytes ?? SCAN_DEFAULTS.maxFileBytes,
    maxNotebookBytes: options.maxNotebookBytes ?? SCAN_DEFAULTS.maxNotebookBytes,
    largeFileBytes: options.largeFileBytes ?? SCAN_DEFAULTS.largeFileBytes,
  };
}

/**
 * The pure part of the scan: given the walked file list and a way to read a file, run every
 * collector once over every file it wants, and assemble Facts. The disk scan and the in-memory
 * scan (used to test rules against fixtures) share it.
 */
function collectFacts(
  name: string,
  walked: WalkResult,
  read: (path: string, bytes: number, limit: number) => ReadResult,
  options: ScanOptions,
  git: GitFacts | null,
  gitWarnings: ScanWarning[],
): Facts {
  const limits = limitsOf(options);
  const warnings: ScanWarning[] = [...walked.warnings, ...gitWarnings];
  const warn = (warning: ScanWarning) => warnings.push(warning);
  const collectors = defaultCollectors({ signals: options.signals });
  const unread: FilesFacts['unread'] = [];

  // One read per file, in path order, shared by every collector that wants it.
  for (const file of walked.files) {
    const readers = collectors.filter((collector) => collector.wants(file.path));
    if (readers.length === 0) continue;
    const result = read(file.path, file.bytes, file.path.endsWith('.ipynb') ? limits.maxNotebookBytes : limits.maxFileBytes);
    if ('unread' in result) {
      unread.push({ path: file.path, reason: result.unread });
      continue;
    }
    const content = fileContent(file.path, result.text, file.bytes);
    for (const collector of readers) collector.visit(content, warn);
  }

  const index = { files: walked.files };
  const slices = Object.fromEntries(collectors.map((collector: Collector) => [collector.key, collector.finish(index)]));
  const byContext: Partial<Record<PathContext, number>> = {};
  for (const file of walked.files) {
    const context = pathContext(file.path);
    byContext[context] = (byContext[context] ?? 0) + 1;
  }
  if (walked.truncated) {
    warnings.push({ message: `stopped listing files at ${limits.maxFiles}; the audit covers only the files found before that` });
  }

  const files: FilesFacts = {
    count: walked.files.length,
    totalBytes: walked.files.reduce((sum, file) => sum + file.bytes, 0),
    paths: walked.files.map((file) => file.path),
    large: walked.files.filter((file) => file.bytes >= limits.largeFileBytes).map((file) => ({ path: file.path, bytes: file.bytes })),
    byContext,
    skippedDirectories: walked.skippedDirectories,
    skippedSymlinks: walked.skippedSymlinks,
    unread,
    truncated: walked.truncated,
  };

  return {
    factsVersion: 1,
    root: { name },
    files,
    ...(slices as Omit<Facts, 'factsVersion' | 'root' | 'files' | 'git' | 'warnings'>),
    git,
    warnings: warnings.sort(byLocation),
  };
}

/** Scans a directory on disk: one walk, bounded reads, git history when it is a repository. */
export async function scan(rootPath: string, options: ScanOptions): Promise<Facts> {
  const root = resolve(rootPath);
  const rootStats = await stat(root).catch(() => null);
  if (!rootStats) throw new InputError('no such directory', rootPath);
  if (!rootStats.isDirectory()) throw new InputError('not a directory', rootPath);

  const limits = limitsOf(options);
  const gitWarnings: ScanWarning[] = [];
  const [walked, git] = await Promise.all([
    walk(root, { maxFiles: limits.maxFiles }),
    options.git === false ? Promise.resolve(null) : collectGit(root, options.now, (warning) => gitWarnings.push(warning)),
  ]);
  return collectFacts(basename(root), walked, (path, bytes, limit) => readText(join(root, path), bytes, limit), options, git, gitWarnings);
}

/**
 * Scans files held in memory, as if they were a checkout: for rule tests and fixtures. Paths use
 * `/` and are relative to the root.
 */
export async function scanFiles(files: Record<string, string>, options: ScanOptions & { name?: string; gitFacts?: GitFacts | null }): Promise<Facts> {
  const paths = Object.keys(files).sort(compareStrings);
  const walked: WalkResult = {
    files: paths.map((path) => ({ path, bytes: Buffer.byteLength(files[path]!) })),
    skippedDirectories: 0,
    skippedSymlinks: 0,
    truncated: false,
    warnings: [],
  };
  const read = (path: string, bytes: number, limit: number): ReadResult =>
    bytes > limit ? { unread: 'too-large' } : files[path]!.includes('\u0000') ? { unread: 'binary' } : { text: files[path]! };
  return collectFacts(options.name ?? 'memory', walked, read, options, options.gitFacts ?? null, []);
}
