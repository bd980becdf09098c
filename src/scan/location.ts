/*
 * The vocabulary every slice of Facts shares: where a thing is, which part of the project that
 * place belongs to, and the warnings a scan attaches to places.
 */

/** Where a path sits in the project. Only `project` paths count as evidence of the team's own practice. */
export type PathContext = 'project' | 'test' | 'example' | 'docs' | 'vendor' | 'fixture' | 'archive';

export interface Location {
  path: string;
  line?: number;
  /** For notebooks: the 1-based index of the code cell the line is in. */
  cell?: number;
}

export interface ScanWarning {
  path?: string;
  line?: number;
  message: string;
}

export type Warn = (warning: ScanWarning) => void;
