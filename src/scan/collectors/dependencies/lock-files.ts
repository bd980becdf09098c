import { isSeq } from 'yaml';
import { byFileName } from '../../../util/repo-path.js';
import type { FileContent } from '../../collector.js';
import type { Warn } from '../../location.js';
import type { LockFormat } from './manifest.js';
import { entriesOf, parseJsonObject, parseYamlFile } from './parse.js';

// `dvc.lock` is a DVC pipeline lock, not a dependency lock: it is deliberately absent.
const LOCK_FORMATS: LockFormat[] = [
  { kind: 'poetry.lock', ecosystem: 'pypi', manager: 'poetry', name: /^poetry\.lock$/, count: countPackageTables },
  { kind: 'uv.lock', ecosystem: 'pypi', manager: 'uv', name: /^uv\.lock$/, count: countPackageTables },
  { kind: 'pdm.lock', ecosystem: 'pypi', manager: 'pdm', name: /^pdm\.lock$/, count: countPackageTables },
  { kind: 'Pipfile.lock', ecosystem: 'pypi', manager: 'pipenv', name: /^Pipfile\.lock$/, count: countPipfileLock },
  { kind: 'conda-lock', ecosystem: 'conda', manager: 'conda', name: /^(?:[\w.-]+\.)?conda-lock\.ya?ml$/, count: countCondaLock },
  { kind: 'package-lock.json', ecosystem: 'npm', manager: 'npm', name: /^package-lock\.json$/ },
  { kind: 'yarn.lock', ecosystem: 'npm', manager: 'yarn', name: /^yarn\.lock$/ },
  { kind: 'pnpm-lock.yaml', ecosystem: 'npm', manager: 'pnpm', name: /^pnpm-lock\.yaml$/ },
  { kind: 'renv.lock', ecosystem: 'cran', manager: 'renv', name: /^renv\.lock$/, count: countRenvLock },
  { kind: 'Cargo.lock', ecosystem: 'cargo', manager: 'cargo', name: /^Cargo\.lock$/, count: countPackageTables },
  { kind: 'go.sum', ecosystem: 'go', manager: 'go', name: /^go\.sum$/ },
  { kind: 'Manifest.toml', ecosystem: 'julia', manager: 'pkg.jl', name: /^(?:Julia)?Manifest(?:-v[\d.]+)?\.toml$/, count: countJuliaManifest },
  { kind: 'Package.resolved', ecosystem: 'swift', manager: 'swiftpm', name: /^Package\.resolved$/, count: countResolvedPins },
  { kind: 'Gemfile.lock', ecosystem: 'rubygems', manager: 'bundler', name: /^(?:Gemfile|gems)\.lock$/, count: countGemfileLock },
  { kind: 'gradle.lockfile', ecosystem: 'maven', manager: 'gradle', name: /^(?:[\w-]+\.)?gradle\.lockfile$|^buildscript-gradle\.lockfile$/ },
];

/*
 * A lock file of a pyproject.toml's manager that the repository's `.gitignore` leaves out
 * (`uv.lock`, `/poetry.lock`, `pdm.lock` under a double star) is made afresh on each machine: every install
 * resolves the pyproject's ranges again (AWS-SeqRec ignores its uv.lock). Negations and
 * comments name nothing ignored.
 */
const IGNORED_PYPROJECT_LOCK = /^(?:\*\*\/|\/)?(?:uv|poetry|pdm)\.lock[ \t]*$/m;

/** Whether an ignore file's rules leave out the lock file of a pyproject.toml's manager. */
export function ignoresPyprojectLock(file: FileContent): boolean {
  return IGNORED_PYPROJECT_LOCK.test(file.text);
}

/** The lock format a file's name gives; null for most files. */
export const lockFormat = byFileName((name) => LOCK_FORMATS.find((format) => format.name.test(name)) ?? null);

function countPackageTables(file: FileContent): number {
  return file.text.match(/^\[\[package\]\]/gm)?.length ?? 0;
}

function countPipfileLock(file: FileContent, warn: Warn): number {
  const doc = parseJsonObject(file, warn);
  return doc ? entriesOf(doc.default).length + entriesOf(doc.develop).length : 0;
}

/** SwiftPM's Package.resolved: one `"identity"` (format 2 and 3) or `"package"` (format 1) per pin. */
function countResolvedPins(file: FileContent): number {
  return file.text.match(/"(?:identity|package)"\s*:/g)?.length ?? 0;
}

/** Bundler's Gemfile.lock: one `    name (version)` line per resolved gem under each source's `specs:`. */
function countGemfileLock(file: FileContent): number {
  return file.text.match(/^ {4}[\w.-]+ \(/gm)?.length ?? 0;
}

/** Julia's Manifest.toml: one `[[deps.Name]]` table per package (format 2.0). */
function countJuliaManifest(file: FileContent): number {
  return file.text.match(/^\[\[deps\./gm)?.length ?? 0;
}

/** renv.lock: JSON with one entry per package under `Packages`. */
function countRenvLock(file: FileContent, warn: Warn): number {
  return entriesOf(parseJsonObject(file, warn)?.Packages).length;
}

function countCondaLock(file: FileContent, warn: Warn): number {
  const packages = parseYamlFile(file, warn)?.doc.get('package');
  return isSeq(packages) ? packages.items.length : 0;
}
