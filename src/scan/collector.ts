import type { Facts, PathContext, ScanWarning } from './facts.js';
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
}

export type CollectedKey = Exclude<keyof Facts, 'factsVersion' | 'root' | 'files' | 'git' | 'warnings'>;

/**
 * A collector owns one slice of Facts. The scan asks it which files it must read, hands it
 * each one's text once, then asks for its slice. Collectors never touch the file system, so a
 * test can drive one with in-memory files.
 */
export interface Collector<K extends CollectedKey = CollectedKey> {
  readonly key: K;
  wants(path: string): boolean;
  visit(file: FileContent, warn: (warning: ScanWarning) => void): void;
  finish(index: ScanIndex): Facts[K];
}
