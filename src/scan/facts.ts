/**
 * Facts: everything the scan learned about a repository, as plain JSON-serialisable data.
 * The scan fills the file index, the git history and the warnings itself; every other top-level
 * key is the slice of exactly one registered collector (`src/scan/collectors/index.ts`), and its
 * type is derived from that collector. Arrays are sorted (by path, then line) so that the same
 * tree always gives the same bytes.
 */
import type { CollectedFacts, CollectorDefinition } from './collector.js';
import { BUILTIN_COLLECTORS } from './collectors/index.js';
import type { FilesFacts } from './files.js';
import type { GitFacts } from './git.js';
import type { ScanWarning } from './location.js';

/** The slices the scan fills itself, around the collectors' ones. */
export interface ScanFacts {
  factsVersion: 1;
  root: {
    name: string;
    /**
     * The audited directory's path from the top of the git work tree holding it ('' at the top,
     * `services/model` in a monorepo); null outside git. Evidence paths are relative to the audited
     * directory; a web host and code scanning name files from the top.
     */
    directory: string | null;
    /**
     * Files at the top of that work tree that configure the whole repository (pre-commit hooks,
     * CODEOWNERS, Renovate…) and the audited directory has none of: read as its own, under the
     * paths it would keep them at; and the top's pipelines that run for it, which the collectors
     * other than the CI's read too (a signal over CI files). The report names them from the
     * audited directory.
     */
    fromTop: string[];
  };
  files: FilesFacts;
  git: GitFacts | null;
  warnings: ScanWarning[];
}

export interface Facts extends ScanFacts, CollectedFacts<typeof BUILTIN_COLLECTORS> {}

/** Keys no collector may take: the scan fills them itself. */
export const SCAN_KEYS: ReadonlyArray<keyof ScanFacts> = ['factsVersion', 'root', 'files', 'git', 'warnings'];

/** The top-level keys of Facts that `fact` predicates may start from, given the collectors that ran. */
export function factRoots<Key extends string>(collectors: ReadonlyArray<CollectorDefinition<Key>>): Array<'files' | Key | 'git'> {
  return ['files', ...collectors.map((collector) => collector.key), 'git'];
}

export const FACT_ROOTS: ReadonlyArray<keyof Facts> = factRoots(BUILTIN_COLLECTORS);

export type { FilesFacts } from './files.js';
export type { GitFacts } from './git.js';
export type { Location, PathContext, ScanWarning } from './location.js';
export type { CiFacts, CiPipeline, CiProvider, CiStep, CiStepKind, CiTrigger } from './collectors/ci/facts.js';
export type { CodeFacts, SignalFacts, SignalMatch } from './collectors/code/index.js';
export type { BaseImage, ContainerFacts, DockerfileFacts } from './collectors/containers.js';
export type { Dependency, DependencyFacts, Ecosystem, LockFileInfo, ManifestInfo, ManifestKind } from './collectors/dependencies/facts.js';
export type { DocFile, DocsFacts } from './collectors/docs.js';
export type { GrantKind, IacFacts, IacGrant, IacResource, IacTool, ResourceKind } from './collectors/iac/facts.js';
export type { KubernetesFacts, KubernetesObject } from './collectors/kubernetes.js';
export type { NotebookFacts } from './collectors/notebooks.js';
export type { SecretFacts, SecretFinding } from './collectors/secrets.js';
export type { TestFacts } from './collectors/tests.js';
