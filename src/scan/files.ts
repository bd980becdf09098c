import type { PathContext } from './location.js';
import { pathContext } from './path-context.js';
import type { WalkedFile, WalkResult } from './walk.js';

/** The files slice of Facts: the file index the walk built, which the scan fills itself. */
export interface FilesFacts {
  count: number;
  totalBytes: number;
  /** Every file the walk kept, relative to the root with `/` separators, sorted. */
  paths: string[];
  /** Files at or above the large-file threshold, with their size in bytes. */
  large: Array<{ path: string; bytes: number }>;
  /** Files of no bytes at all: placeholders that show no practice (a project template's untouched `train_model.py`). */
  empty: string[];
  /** Number of files per path context (only non-zero contexts). */
  byContext: Partial<Record<PathContext, number>>;
  /** Directories left out by name (`node_modules`, virtualenvs…) or by `.gitignore`, counted. */
  skippedDirectories: number;
  skippedSymlinks: number;
  /** Files whose contents were needed but not read: over the size cap, binary or unreadable. */
  unread: Array<{ path: string; reason: 'too-large' | 'binary' | 'unreadable' }>;
  /** True when the walk stopped at the file limit. */
  truncated: boolean;
}

/** The files' count by context, added up as the scan goes through them (it classifies each file then). */
export type ContextCounts = FilesFacts['byContext'];

export function countContext(counts: ContextCounts, path: string): void {
  const context = pathContext(path);
  counts[context] = (counts[context] ?? 0) + 1;
}

export function filesFacts(files: readonly WalkedFile[], byContext: ContextCounts, walked: WalkResult, unread: FilesFacts['unread'], largeFileBytes: number): FilesFacts {
  return {
    count: files.length,
    totalBytes: files.reduce((sum, file) => sum + file.bytes, 0),
    paths: files.map((file) => file.path),
    large: files.filter((file) => file.bytes >= largeFileBytes).map((file) => ({ path: file.path, bytes: file.bytes })),
    empty: files.filter((file) => file.bytes === 0).map((file) => file.path),
    byContext,
    skippedDirectories: walked.skippedDirectories,
    skippedSymlinks: walked.skippedSymlinks,
    unread,
    truncated: walked.truncated,
  };
}
