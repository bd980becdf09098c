/** The dependencies slice of Facts: manifests, lock files and the direct dependencies they declare. */

/** `cran`: R packages (a DESCRIPTION, an renv lock); `maven`: Maven, Gradle and sbt builds; `julia`: Pkg.jl; `rubygems`: Bundler. */
export type Ecosystem = 'pypi' | 'npm' | 'conda' | 'cran' | 'maven' | 'cargo' | 'go' | 'julia' | 'swift' | 'rubygems';

export interface Dependency {
  ecosystem: Ecosystem;
  /** Normalised name: PEP 503 for Python (lower case, runs of `-_.` become `-`). */
  name: string;
  /** The version constraint as written, or '' when none. */
  spec: string;
  /** True when the constraint names one exact version (`==1.2.3`, `===`, a hash, a conda `=x.y.z`). */
  pinned: boolean;
  /** True for development, test or docs dependencies. */
  dev: boolean;
  /**
   * Set when a compiled requirements file (pip-compile, `uv pip compile`) says only other packages
   * pulled this one in (`# via mlflow`): it is installed, but nothing the team wrote asks for it.
   */
  via?: string[];
  /**
   * True when the file is a `pip freeze` of an environment: every package pinned, the ones the
   * team chose and the ones that came with them alike (certifi, idna, urllib3…), with no note to
   * tell them apart.
   */
  frozen?: boolean;
  path: string;
  line: number;
}

export interface ManifestInfo {
  path: string;
  ecosystem: Ecosystem;
  kind: ManifestKind;
  declared: number;
  pinned: number;
}

export type ManifestKind =
  | 'requirements'
  | 'pyproject'
  | 'poetry'
  | 'pipfile'
  | 'setup.py'
  | 'setup.cfg'
  | 'conda'
  | 'databricks-bundle'
  | 'package.json'
  | 'DESCRIPTION'
  | 'pom.xml'
  | 'gradle'
  | 'sbt'
  | 'Cargo.toml'
  | 'go.mod'
  | 'Project.toml'
  | 'Package.swift'
  | 'Gemfile';

export interface LockFileInfo {
  path: string;
  ecosystem: Ecosystem;
  kind:
    | 'poetry.lock'
    | 'uv.lock'
    | 'Pipfile.lock'
    | 'pdm.lock'
    | 'conda-lock'
    | 'package-lock.json'
    | 'yarn.lock'
    | 'pnpm-lock.yaml'
    | 'renv.lock'
    | 'Cargo.lock'
    | 'go.sum'
    | 'Manifest.toml'
    | 'gradle.lockfile'
    | 'Package.resolved'
    | 'Gemfile.lock';
  packages: number;
}

export interface DependencyFacts {
  manifests: ManifestInfo[];
  lockFiles: LockFileInfo[];
  /** Direct dependencies declared in manifests (not the transitive contents of lock files). */
  declared: Dependency[];
  /** Package managers in use, e.g. `pip`, `poetry`, `uv`, `pipenv`, `pdm`, `conda`, `setuptools`, `npm`. */
  managers: string[];
  /**
   * How reproducible the Python environment is:
   * `locked` a lock file exists; `pinned` every declared requirement is exact; `partial` some are;
   * `unpinned` none are; `none` no Python dependencies are declared; `no-dependencies` the project's
   * only manifests are compiled builds (Swift, Rust, Go, JVM, Julia) that depend on no package.
   */
  pinning: 'locked' | 'pinned' | 'partial' | 'unpinned' | 'none' | 'no-dependencies';
  /** The runtime requirements that decide `pinning` and name no exact version (none when a lock file decides). */
  floating: Dependency[];
}
