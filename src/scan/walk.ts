import { readdir, lstat } from 'node:fs/promises';
import { join } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { compareStrings } from '../util/compare.js';
import { DOCUMENT_BYTES, readBoundedTextIfExists, type ReadLimit } from '../util/read-bounded.js';
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

export interface WalkedFile {
  path: string;
  bytes: number;
}

export interface WalkResult {
  files: WalkedFile[];
  skippedDirectories: number;
  skippedSymlinks: number;
  truncated: boolean;
  warnings: ScanWarning[];
}

export interface WalkOptions {
  maxFiles: number;
}

interface Rules {
  /** Directory the rules are relative to, '' for the root. */
  base: string;
  matcher: Ignore;
}

function relativeTo(base: string, path: string): string {
  return base === '' ? path : path.slice(base.length + 1);
}

/** Applies every `.gitignore` from the root down, so that a deeper `!pattern` can re-include. */
function isIgnored(chain: readonly Rules[], path: string, directory: boolean): boolean {
  let ignored = false;
  for (const { base, matcher } of chain) {
    const relative = relativeTo(base, path) + (directory ? '/' : '');
    const result = matcher.test(relative);
    if (result.ignored) ignored = true;
    else if (result.unignored) ignored = false;
  }
  return ignored;
}

const IGNORE_RULES: ReadLimit = { what: 'ignore rules', maxBytes: DOCUMENT_BYTES };

/** Ignore rules (`.gitignore`, `.git/info/exclude`), or null when there are none or they cannot be read. */
async function loadRules(root: string, directory: string, file: string, warnings: ScanWarning[]): Promise<Rules | null> {
  try {
    const text = await readBoundedTextIfExists(join(root, directory, file), IGNORE_RULES);
    return text ? { base: directory, matcher: ignore({ allowRelativePaths: true }).add(text) } : null;
  } catch (error) {
    warnings.push({ path: directory ? `${directory}/${file}` : file, message: (error as Error).message });
    return null;
  }
}

/**
 * Lists the repository's files once, sorted by path. Symbolic links are never followed (they may
 * point outside the repository, or loop), so they are counted and left out.
 */
export async function walk(root: string, options: WalkOptions): Promise<WalkResult> {
  const result: WalkResult = {
    files: [],
    skippedDirectories: 0,
    skippedSymlinks: 0,
    truncated: false,
    warnings: [],
  };
  const exclude = await loadRules(root, '', '.git/info/exclude', result.warnings);
  const rootRules: Rules[] = exclude ? [exclude] : [];

  async function visit(directory: string, chain: readonly Rules[]): Promise<void> {
    if (result.truncated) return;
    let entries;
    try {
      entries = await readdir(join(root, directory), { withFileTypes: true });
    } catch (error) {
      result.warnings.push({ path: directory || '.', message: `could not list directory: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` });
      return;
    }
    entries.sort((a, b) => compareStrings(a.name, b.name));
    if (directory !== '' && entries.some((entry) => ENVIRONMENT_MARKERS.includes(entry.name))) {
      result.skippedDirectories += 1;
      return;
    }
    let rules = chain;
    if (entries.some((entry) => entry.name === '.gitignore' && entry.isFile())) {
      const loaded = await loadRules(root, directory, '.gitignore', result.warnings);
      if (loaded) rules = [...chain, loaded];
    }

    const subdirectories: string[] = [];
    const files: string[] = [];
    for (const entry of entries) {
      const path = directory === '' ? entry.name : `${directory}/${entry.name}`;
      if (entry.isSymbolicLink()) {
        result.skippedSymlinks += 1;
      } else if (entry.isDirectory()) {
        if (SKIPPED_DIRECTORIES.has(entry.name) || entry.name.endsWith('.egg-info') || SKIPPED_PATHS.has(path) || isIgnored(rules, path, true)) {
          result.skippedDirectories += 1;
        } else {
          subdirectories.push(path);
        }
      } else if (entry.isFile()) {
        // A `.git` file is a worktree or submodule pointer, not project content.
        if (!(directory === '' && entry.name === '.git') && !isIgnored(rules, path, false)) files.push(path);
      }
    }

    const sizes = await Promise.all(
      files.map((path) =>
        lstat(join(root, path)).then(
          (stats) => stats.size,
          () => -1,
        ),
      ),
    );
    for (let i = 0; i < files.length; i++) {
      if (result.files.length >= options.maxFiles) {
        result.truncated = true;
        return;
      }
      const bytes = sizes[i]!;
      if (bytes < 0) result.warnings.push({ path: files[i]!, message: 'could not read file size' });
      else result.files.push({ path: files[i]!, bytes });
    }
    await Promise.all(subdirectories.map((subdirectory) => visit(subdirectory, rules)));
  }

  await visit('', rootRules);
  // Directories are listed concurrently; sorting once restores a stable order.
  result.files.sort((a, b) => compareStrings(a.path, b.path));
  return result;
}
