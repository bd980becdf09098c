import { posix } from 'node:path';
import { compareStrings } from '../../../util/compare.js';
import { baseName, directoryOf } from '../../../util/repo-path.js';
import type { PathContext } from '../../location.js';
import { pathContext } from '../../path-context.js';
import type { Dependency, DependencyFacts, LockFileInfo, ManifestInfo, ManifestKind } from './facts.js';
import { lockFormat } from './lock-files.js';
import type { LockFormat, ManifestRead } from './manifest.js';

/** Contexts that show the team's own tooling; examples and fixtures show someone else's. */
const OWN_CONTEXTS: ReadonlySet<PathContext> = new Set(['project', 'test', 'docs']);

export function summarise(
  visited: ReadonlyArray<{ path: string; read: ManifestRead }>,
  lockPackages: ReadonlyMap<string, number>,
  paths: readonly string[],
  unlockedDirectories: readonly string[],
): DependencyFacts {
  // MLflow writes a requirements.txt and conda.yaml next to each logged model: artefacts, not the team's manifests.
  const modelDirectories = new Set(paths.filter((path) => baseName(path) === 'MLmodel').map(directoryOf));
  const manifests = visited
    .filter(({ path }) => !modelDirectories.has(directoryOf(path)))
    .sort((a, b) => compareStrings(a.path, b.path));
  const locks = paths.flatMap((path) => {
    const format = lockFormat(path);
    return format ? [{ path, format, packages: lockPackages.get(path) ?? 0 }] : [];
  });

  return {
    manifests: manifests.map(({ path, read }): ManifestInfo => ({
      path,
      ecosystem: read.ecosystem,
      kind: read.kind,
      declared: read.declarations.length,
      pinned: read.declarations.filter((declaration) => declaration.pinned).length,
    })),
    lockFiles: locks
      .map(({ path, format, packages }): LockFileInfo => ({ path, ecosystem: format.ecosystem, kind: format.kind, packages }))
      .sort((a, b) => compareStrings(a.path, b.path)),
    declared: manifests
      .flatMap(({ path, read }) => read.declarations.map((declaration): Dependency => ({ ...declaration, path })))
      .sort((a, b) => compareStrings(a.name, b.name) || compareStrings(a.path, b.path) || a.line - b.line),
    managers: managersOf(manifests, locks),
    ...pinningOf(manifests, locks, unlockedDirectories),
  };
}

function managersOf(
  manifests: ReadonlyArray<{ path: string; read: ManifestRead }>,
  locks: ReadonlyArray<{ path: string; format: LockFormat }>,
): string[] {
  const own = <T extends { path: string }>(items: readonly T[]) => items.filter(({ path }) => OWN_CONTEXTS.has(pathContext(path)));
  const ownManifests = own(manifests);
  const ownLocks = own(locks);
  const managers = new Set([...ownManifests.flatMap(({ read }) => read.managers), ...ownLocks.map(({ format }) => format.manager)]);
  // A package.json says npm only when no lock file names another client.
  const jsLocked = ownLocks.some(({ format }) => format.ecosystem === 'npm');
  if (!jsLocked && ownManifests.some(({ read }) => read.kind === 'package.json')) managers.add('npm');
  return [...managers].sort(compareStrings);
}

/**
 * Package metadata (setup.py, setup.cfg, PEP 621 `[project]` dependencies) declares what a package
 * accepts, in ranges by design; requirements and environment files declare the environment that is
 * installed. When a project has both, the environment files say how reproducible it is, unless
 * one of them installs the project itself (`-e .`) and with it the metadata's ranges.
 */
const ABSTRACT_KINDS: ReadonlySet<ManifestKind> = new Set(['setup.py', 'setup.cfg', 'pyproject']);

/**
 * Package metadata, unless it is a pyproject.toml below a `.gitignore` that leaves out its
 * manager's lock file: then `uv sync` or `poetry install` resolves its ranges at every install,
 * and they are the environment.
 */
function isAbstract(path: string, kind: ManifestKind, unlockedDirectories: readonly string[]): boolean {
  return ABSTRACT_KINDS.has(kind) && !(kind === 'pyproject' && unlockedDirectories.some((directory) => directory === '' || path.startsWith(`${directory}/`)));
}

/**
 * "Essentially all" runtime requirements exact: a project that pins everything but one
 * upper-bounded package installs the same environment in practice, and is not "partial".
 */
export const PINNED_SHARE = 0.9;

/** Languages whose build resolves the project's own dependencies: a JVM service, a Rust or Go server, Julia code, a Swift package. */
const COMPILED: ReadonlySet<string> = new Set(['maven', 'cargo', 'go', 'julia', 'swift']);

/**
 * How reproducible the installed environment is. The Python (and conda) environment decides; a
 * package.json beside it is usually a docs site or a front end. A project with no Python runtime
 * dependency at all is judged by its R environment (an renv lock or a DESCRIPTION), then by its JVM,
 * Rust, Go, Julia or Swift builds, then by its Ruby gems (a Gemfile and its lock), then by its npm dependencies (a TypeScript service or LLM
 * application). A project whose only manifests are such builds, declaring no dependency, has none to
 * pin: a compiled build fails on an import it does not declare, so none is left undeclared.
 */
function pinningOf(
  manifests: ReadonlyArray<{ path: string; read: ManifestRead }>,
  locks: ReadonlyArray<{ path: string; format: LockFormat }>,
  unlockedDirectories: readonly string[],
): Pinning {
  const inputs = compiledInputs(manifests);
  const installed = manifests.filter(({ path }) => !inputs.has(path));
  const abstract = (path: string, kind: ManifestKind) => isAbstract(path, kind, unlockedDirectories);
  const python = ecosystemPinning(installed, locks, { counts: (ecosystem) => ecosystem === 'pypi' || ecosystem === 'conda', lockAlone: true, abstract });
  if (python.pinning !== 'none') return python;
  const r = ecosystemPinning(installed, locks, { counts: (ecosystem) => ecosystem === 'cran', lockAlone: true, abstract });
  if (r.pinning !== 'none') return r;
  const compiled = ecosystemPinning(installed, locks, { counts: (ecosystem) => COMPILED.has(ecosystem), lockAlone: true, abstract });
  if (compiled.pinning !== 'none') return compiled;
  // A Ruby application's package.json is its front end's: Bundler's Gemfile and lock decide.
  const ruby = ecosystemPinning(installed, locks, { counts: (ecosystem) => ecosystem === 'rubygems', lockAlone: true, abstract });
  if (ruby.pinning !== 'none') return ruby;
  // A package-lock.json of build tools alone (devDependencies) locks no runtime.
  const npm = ecosystemPinning(installed, locks, { counts: (ecosystem) => ecosystem === 'npm', lockAlone: false, abstract });
  const own = installed.filter(({ path }) => pathContext(path) === 'project');
  return npm.pinning === 'none' && own.length > 0 && own.every(({ read }) => COMPILED.has(read.ecosystem)) ? { pinning: 'no-dependencies', floating: [] } : npm;
}

type Pinning = Pick<DependencyFacts, 'pinning' | 'floating'>;

function ecosystemPinning(
  manifests: ReadonlyArray<{ path: string; read: ManifestRead }>,
  locks: ReadonlyArray<{ path: string; format: LockFormat }>,
  { counts, lockAlone, abstract }: { counts: (ecosystem: string) => boolean; lockAlone: boolean; abstract: (path: string, kind: ManifestKind) => boolean },
): Pinning {
  const inProject = (path: string) => pathContext(path) === 'project';
  const own = manifests.filter(({ path, read }) => inProject(path) && counts(read.ecosystem));
  const concrete = own.filter(({ path, read }) => !abstract(path, read.kind));
  const concreteDecides = concrete.some(({ read }) => read.declarations.some((d) => !d.dev)) && !concrete.some(({ read }) => read.installsProject);
  const runtime = (concreteDecides ? concrete : own)
    .flatMap(({ path, read }) => read.declarations.map((declaration): Dependency => ({ ...declaration, path })))
    .filter((declaration) => counts(declaration.ecosystem) && !declaration.dev);
  if (locks.some(({ path, format }) => counts(format.ecosystem) && inProject(path)) && (lockAlone || runtime.length > 0)) return { pinning: 'locked', floating: [] };
  if (runtime.length === 0) return { pinning: 'none', floating: [] };
  const floating = runtime.filter((declaration) => !declaration.pinned).sort((a, b) => compareStrings(a.path, b.path) || a.line - b.line);
  const pinned = runtime.length - floating.length;
  return { pinning: pinned >= PINNED_SHARE * runtime.length ? 'pinned' : pinned > 0 ? 'partial' : 'unpinned', floating };
}

/**
 * The pip-tools inputs among the manifests: what is installed is the file they are compiled into.
 * A `.in` file beside its `.txt`, and any file a compiled file's `# via -r …` notes name (seer's
 * `requirements-constraints.txt`, in ranges, is compiled into the pinned `requirements.txt`).
 */
function compiledInputs(manifests: ReadonlyArray<{ path: string; read: ManifestRead }>): Set<string> {
  const paths = new Set(manifests.map(({ path }) => path));
  const inputs = new Set<string>();
  for (const { path, read } of manifests) {
    if (path.endsWith('.in') && paths.has(`${path.slice(0, -'.in'.length)}.txt`)) inputs.add(path);
    for (const input of read.compiledFrom ?? []) inputs.add(posix.normalize(posix.join(directoryOf(path), input)));
  }
  return inputs;
}
