import { readdirSync, type Dirent } from 'node:fs';
import { join, sep } from 'node:path';
import { compareStrings } from '../util/compare.js';
import { DOCUMENT_BYTES, readBoundedTextIfExists, type ReadLimit } from '../util/read-bounded.js';
import { compileRules, enter, ignoredIn, MAX_RULES, scopeOf, type IgnoreRules, type IgnoreScope } from './ignore-rules.js';
import type { TrackedFiles } from './git-index.js';
import type { ScanWarning } from './location.js';

/** Directories that hold installed or generated things, never the project's own work. */
const SKIPPED_DIRECTORIES = new Set([
  '.git',
  '.hg',
  '.svn',
  'node_modules',
  '__pycache__',
  '.venv',
  'venv',
  '.tox',
  '.nox',
  '.mypy_cache',
  '.pytest_cache',
  '.ruff_cache',
  '.ipynb_checkpoints',
  '.eggs',
  '.terraform',
  'site-packages',
  '.gradle',
  '.next',
  '.cache',
]);

/** Inside `.dvc/` only the config matters; its cache can hold every dataset the team ever had. */
const SKIPPED_PATHS = new Set(['.dvc/cache', '.dvc/tmp']);

/** Marker files of an environment directory (virtualenv, conda) whatever its name. */
const ENVIRONMENT_MARKERS = ['pyvenv.cfg', 'conda-meta'];

/** A license file: `LICENSE`, `LICENSE.txt`, `LICENCE.md`, `COPYING`. */
const LICENSE_FILE = /^(?:licen[cs]e|copying)(?:\.\w+)?$/i;

function hasGithubFolder(entries: readonly Dirent[]): boolean {
  return entries.some((entry) => entry.name === '.github' && entry.isDirectory());
}

/**
 * Another project's repository copied in whole (a library vendored under `backend/docker/ramp/solaris`):
 * its own `.github/` folder, which GitHub reads only at a repository's root, beside its own license.
 * Its tests, CI and dependency bots are that project's practice, not this one's. A repository
 * without a `.github/` of its own is different: the one folder that has it is the repository the
 * project ships to be created from it (a SageMaker project template's seed code), its own content.
 */
function isRepositoryCopy(entries: readonly Dirent[]): boolean {
  return hasGithubFolder(entries) && entries.some((entry) => LICENSE_FILE.test(entry.name) && entry.isFile());
}

/** Up to this many entries a directory is sorted in place, by insertion. */
const FEW_ENTRIES = 16;

/**
 * A directory's entries in name order. Most directories hold a few entries, and Array#sort's
 * working copies cost babel/babel's 13,000 directories 11 MB of the young generation: a few are
 * sorted by insertion instead, in place; more (quadratic by insertion) by Array#sort.
 */
function sortByName(entries: Dirent[]): void {
  if (entries.length > FEW_ENTRIES) {
    entries.sort((a, b) => compareStrings(a.name, b.name));
    return;
  }
  for (let i = 1; i < entries.length; i++) {
    const entry = entries[i]!;
    let j = i - 1;
    for (; j >= 0 && compareStrings(entries[j]!.name, entry.name) > 0; j--) entries[j + 1] = entries[j]!;
    entries[j + 1] = entry;
  }
}

export interface WalkedFile {
  path: string;
  bytes: number;
}

/** The first position in a list sorted by path (each entry's path given by `pathAt`) whose path is not before `path`. */
function firstNotBefore(length: number, pathAt: (index: number) => string, path: string): number {
  let low = 0;
  let high = length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (compareStrings(pathAt(middle), path) < 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The walked file at a path, found in the walk's sorted list without building a map of it. */
export function walkedFile(files: readonly WalkedFile[], path: string): WalkedFile | undefined {
  const at = firstNotBefore(files.length, (index) => files[index]!.path, path);
  return files[at]?.path === path ? files[at] : undefined;
}

/** The sorted paths with `more` put in their places (none of them is there already). */
export function withPaths(paths: readonly string[], more: readonly string[]): string[] {
  const merged = [...paths];
  for (const path of more) merged.splice(firstNotBefore(merged.length, (index) => merged[index]!, path), 0, path);
  return merged;
}

/** Whether the sorted paths hold `path`. */
export function listed(paths: readonly string[], path: string): boolean {
  return paths[firstNotBefore(paths.length, (index) => paths[index]!, path)] === path;
}

export interface WalkResult {
  /** The files kept, sorted; the scan sizes them as it reads them. */
  paths: string[];
  skippedDirectories: number;
  skippedSymlinks: number;
  truncated: boolean;
  warnings: ScanWarning[];
}

export interface WalkOptions {
  maxFiles: number;
  /** The walked directory is a project of a monorepo: where it sits in the repository's work tree. */
  within?: Within;
  /**
   * The files git tracks in the work tree (paths from its top), asked for the first time an ignore
   * rule leaves something out: git ignores only untracked files, so a tracked one is kept.
   */
  tracked?: () => TrackedFiles | null;
}

export interface Within {
  /** The work tree's top, an absolute path. */
  top: string;
  /** The walked directory's path below it (`services/model`). */
  directory: string;
  /**
   * The top has a `.github/`: the project then has one, and a folder in it with its own is a copy
   * of another repository.
   */
  github: boolean;
}

/** Directories read between two turns of the event loop. */
const YIELD_EVERY = 200;

const IGNORE_RULES: ReadLimit = { what: 'ignore rules', maxBytes: DOCUMENT_BYTES };

/**
 * Ignore rules (`.gitignore`, `.git/info/exclude`), or null when there are none or they cannot be
 * read. `above`: for a directory above the walked root, the root's path below it.
 */
async function loadRules(root: string, directory: string, file: string, warnings: ScanWarning[], above?: string): Promise<IgnoreRules | null> {
  const inRoot = directory ? `${directory}/${file}` : file;
  // Warnings name files from the walked root, as every other path of the audit.
  const path = above === undefined ? inRoot : `${'../'.repeat(above.split('/').length)}${inRoot}`;
  try {
    const text = await readBoundedTextIfExists(join(root, directory, file), IGNORE_RULES);
    if (!text) return null;
    const { rules, dropped } = compileRules(text, directory, above);
    if (dropped > 0) warnings.push({ path, message: `only the first ${MAX_RULES.toLocaleString('en-US')} distinct ignore rules are applied; ${dropped.toLocaleString('en-US')} more are not, and the files they name are scanned` });
    return rules;
  } catch (error) {
    warnings.push({ path, message: (error as Error).message });
    return null;
  }
}

/**
 * The ignore rules in force at the walked root before its own `.gitignore`, in git's order: the
 * repository's `.git/info/exclude`, then the `.gitignore` of each directory from the top of a
 * monorepo down to the project's parent (a top `.gitignore` that leaves out `.env` or `data/`
 * does so in every project).
 */
async function rulesAbove(root: string, within: Within | undefined, warnings: ScanWarning[]): Promise<IgnoreRules[]> {
  if (!within) {
    const exclude = await loadRules(root, '', '.git/info/exclude', warnings);
    return exclude ? [exclude] : [];
  }
  const names = within.directory.split('/');
  const loaded = [await loadRules(within.top, '', '.git/info/exclude', warnings, within.directory)];
  for (let depth = 0; depth < names.length; depth++) {
    loaded.push(await loadRules(within.top, names.slice(0, depth).join('/'), '.gitignore', warnings, names.slice(depth).join('/')));
  }
  return loaded.filter((rules): rules is IgnoreRules => rules !== null);
}

/**
 * Lists the repository's files once, sorted by path. Symbolic links are never followed (they may
 * point outside the repository, or loop), so they are counted and left out. Directories are read
 * one after another, synchronously: on a tree the page cache holds that costs half the CPU of
 * thousands of concurrent reads through the thread pool, and where the walk stops at the file
 * limit no longer depends on which read finished first.
 */
export async function walk(root: string, options: WalkOptions): Promise<WalkResult> {
  const result: WalkResult = {
    paths: [],
    skippedDirectories: 0,
    skippedSymlinks: 0,
    truncated: false,
    warnings: [],
  };
  // A directory under the root without `join`'s normalising, which a walk of thousands of directories feels.
  const base = root.endsWith(sep) ? root : root + sep;
  const rootScopes = (await rulesAbove(root, options.within, result.warnings)).map(scopeOf);
  let visited = 0;
  let rootHasGithub = false;
  let trackedFiles: TrackedFiles | null | undefined;
  const fromTop = options.within ? `${options.within.directory}/` : '';
  const tracked = () => (trackedFiles === undefined ? (trackedFiles = options.tracked?.() ?? null) : trackedFiles);

  /** `ignoredAbove`: a directory the ignore rules leave out, entered for the tracked files it holds, and only for them. */
  async function visit(directory: string, chain: readonly IgnoreScope[], ignoredAbove = false): Promise<void> {
    if (result.truncated) return;
    let entries: Dirent[];
    try {
      entries = readdirSync(base + directory, { withFileTypes: true });
    } catch (error) {
      // A name that is not UTF-8 was listed with U+FFFD in place of its bytes: no directory has that name.
      const why = directory.includes('\ufffd') ? 'the name is not valid UTF-8, so it cannot be opened by it' : (error as NodeJS.ErrnoException).code ?? (error as Error).message;
      result.warnings.push({ path: directory || '.', message: `could not list directory: ${why}` });
      return;
    }
    sortByName(entries);
    if (directory === '') rootHasGithub = options.within?.github === true || hasGithubFolder(entries);
    else if (entries.some((entry) => ENVIRONMENT_MARKERS.includes(entry.name)) || (rootHasGithub && isRepositoryCopy(entries))) {
      result.skippedDirectories += 1;
      return;
    }
    let rules = chain;
    if (!ignoredAbove && entries.some((entry) => entry.name === '.gitignore' && entry.isFile())) {
      const loaded = await loadRules(root, directory, '.gitignore', result.warnings);
      if (loaded) rules = [...chain, scopeOf(loaded)];
    }

    // Below an ignored directory everything untracked is ignored, whatever a rule says further down.
    const ignored = ignoredAbove ? () => true : ignoredIn(rules, directory);
    const subdirectories: Array<{ path: string; name: string; ignored: boolean }> = [];
    const files: string[] = [];
    for (const entry of entries) {
      const path = directory === '' ? entry.name : `${directory}/${entry.name}`;
      if (entry.isSymbolicLink()) {
        result.skippedSymlinks += 1;
      } else if (entry.isDirectory()) {
        const skipped = SKIPPED_DIRECTORIES.has(entry.name) || entry.name.endsWith('.egg-info') || SKIPPED_PATHS.has(path);
        const left = !skipped && ignored(entry.name, true);
        if (skipped || (left && tracked()?.hasUnder(fromTop + path) !== true)) {
          result.skippedDirectories += 1;
        } else {
          subdirectories.push({ path, name: entry.name, ignored: left });
        }
      } else if (entry.isFile()) {
        // A `.git` file is a worktree or submodule pointer, not project content.
        if (!(directory === '' && entry.name === '.git') && (!ignored(entry.name, false) || tracked()?.has(fromTop + path) === true)) files.push(path);
      }
    }

    for (const path of files) {
      if (result.paths.length >= options.maxFiles) {
        result.truncated = true;
        return;
      }
      result.paths.push(path);
    }
    for (const { path, name, ignored: left } of subdirectories) {
      // Now and then the walk lets the rest run: the progress line's timer, git's output arriving.
      if (++visited % YIELD_EVERY === 0) await new Promise<void>((resolve) => setImmediate(resolve));
      await visit(path, left ? rules : enter(rules, name), left);
    }
  }

  await visit('', rootScopes);
  // Depth first, each directory's entries by name: `a/b` comes before `a-c`, which the path order puts first.
  result.paths.sort(compareStrings);
  return result;
}
