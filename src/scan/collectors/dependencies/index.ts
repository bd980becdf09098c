import { baseName, byFileName, directoryOf } from '../../../util/repo-path.js';
import { defineCollector, type Collector } from '../../collector.js';
import { pathContext } from '../../path-context.js';
import type { DependencyFacts } from './facts.js';
import { ignoresPyprojectLock, lockFormat } from './lock-files.js';
import type { ManifestFormat, ManifestRead } from './manifest.js';
import { cargoManifest } from './manifests/cargo.js';
import { condaEnvironment } from './manifests/conda.js';
import { databricksBundle } from './manifests/databricks-bundle.js';
import { goMod } from './manifests/go-mod.js';
import { gemfile } from './manifests/gemfile.js';
import { juliaProject } from './manifests/julia-project.js';
import { gradleBuild, mavenPom, sbtBuild } from './manifests/jvm.js';
import { packageJson } from './manifests/package-json.js';
import { pipfile } from './manifests/pipfile.js';
import { pyproject } from './manifests/pyproject.js';
import { rDescription } from './manifests/r-description.js';
import { requirementsFile } from './manifests/requirements-txt.js';
import { setupCfg } from './manifests/setup-cfg.js';
import { setupPy } from './manifests/setup-py.js';
import { swiftPackage } from './manifests/swift-package.js';
import { summarise } from './summary.js';

/*
 * Reads the manifests of Python, conda and npm projects, and of R, JVM (Maven, Gradle, sbt), Rust,
 * Go, Julia, Swift and Ruby ones, without running anything: setup.py and build.gradle are scanned for literal
 * declarations, never executed. Lock files are recognised by name (so one too large
 * to read still counts) and their packages counted when they were read.
 */

/** The manifest kinds, in the order they are tried on a file name. */
const MANIFEST_FORMATS: readonly ManifestFormat[] = [
  requirementsFile, pyproject, pipfile, setupPy, setupCfg, condaEnvironment, databricksBundle, packageJson,
  rDescription, mavenPom, gradleBuild, sbtBuild, cargoManifest, goMod, juliaProject, swiftPackage, gemfile,
];

export const dependenciesCollector = defineCollector({ key: 'dependencies', create: collectDependencies, whenUnread: 'its dependencies are not read' });

function collectDependencies(): Collector<DependencyFacts> {
  const manifests: Array<{ path: string; read: ManifestRead }> = [];
  const lockPackages = new Map<string, number>();
  /** The directories whose `.gitignore` leaves out a pyproject manager's lock file. */
  const unlockedDirectories: string[] = [];

  return {
    // The file name first: it rules out almost every file, and costs less than the path's context.
    wants: (path) => (IGNORE_FILE(path) || manifestFormat(path) !== null || lockFormat(path)?.count !== undefined) && eligible(path),
    visit(file, warn) {
      if (IGNORE_FILE(file.path)) {
        if (ignoresPyprojectLock(file)) unlockedDirectories.push(directoryOf(file.path));
        return;
      }
      // Lock files first: `environment-gpu.conda-lock.yml` also looks like an environment file.
      const lock = lockFormat(file.path);
      if (lock) {
        if (lock.count) lockPackages.set(file.path, lock.count(file, warn));
        return;
      }
      const read = manifestFormat(file.path)?.read(file, warn);
      if (read) manifests.push({ path: file.path, read });
    },
    finish(index) {
      return summarise(
        manifests,
        lockPackages,
        index.files.map((file) => file.path).filter(eligible),
        unlockedDirectories,
      );
    },
  };
}

const INSTALLED = /(^|\/)node_modules(\/|$)/;
const IGNORE_FILE = byFileName((name) => name === '.gitignore');

/** Vendored code declares someone else's dependencies; installed packages are not the project's manifests. */
function eligible(path: string): boolean {
  return pathContext(path) !== 'vendor' && !INSTALLED.test(path);
}

/** What a file name says of its manifest format: the format, none (null), or that the folder it is in decides. */
const formatByName = byFileName((name): ManifestFormat | null | 'by folder' => {
  for (const format of MANIFEST_FORMATS) {
    let asked = false;
    const matched = format.matches(name, () => {
      asked = true;
      return '';
    });
    if (asked) return 'by folder';
    if (matched) return format;
  }
  return null;
});

function manifestFormat(path: string): ManifestFormat | null {
  const byName = formatByName(path);
  if (byName !== 'by folder') return byName;
  const name = baseName(path);
  const parent = baseName(directoryOf(path));
  return MANIFEST_FORMATS.find((format) => format.matches(name, () => parent)) ?? null;
}
