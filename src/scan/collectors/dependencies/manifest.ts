import type { FileContent } from '../../collector.js';
import type { Warn } from '../../location.js';
import type { Dependency, Ecosystem, LockFileInfo, ManifestKind } from './facts.js';

/*
 * What a manifest or lock file module declares: which files it recognises and what it reads
 * from one. Each manifest kind is one module in `manifests/`; lock files are in `lock-files.ts`.
 */

/** A dependency as one manifest declares it; the collector adds the manifest's path. */
export type Declaration = Omit<Dependency, 'path'>;

export interface ManifestRead {
  kind: ManifestKind;
  ecosystem: Ecosystem;
  declarations: Declaration[];
  managers: string[];
  /** The file installs the project itself, so the dependencies its package metadata declares too. */
  installsProject?: boolean;
  /**
   * The input files a compiled requirements file was made from, as its `# via -r …` notes name them
   * (relative to the file): what is installed is this file, not them.
   */
  compiledFrom?: string[];
}

/** Returns null when the file turns out not to be a manifest (a pyproject.toml holding only tool settings). */
export type ManifestReader = (file: FileContent, warn: Warn) => ManifestRead | null;

/**
 * A kind of manifest: the file names it goes by, and its reader. `parent()` gives the directory's
 * name; it is asked only where the file name alone does not settle it, so that most names are
 * answered once for every folder they are in.
 */
export interface ManifestFormat {
  matches: (name: string, parent: () => string) => boolean;
  read: ManifestReader;
}

export interface LockFormat {
  kind: LockFileInfo['kind'];
  ecosystem: Ecosystem;
  manager: string;
  name: RegExp;
  /** Absent for JS lock files: they can be huge and their presence is all the audit needs. */
  count?: (file: FileContent, warn: Warn) => number;
}
