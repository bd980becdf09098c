import { posix } from 'node:path';
import type { FileContent, ScanIndex } from '../../../collector.js';
import { globMatcher } from '../../../../util/glob.js';
import { walkedFile } from '../../../walk.js';
import { unquote } from '../shell.js';

/*
 * The repository as the CI collector sees it while following a pipeline into other files: paths
 * are repository paths, only files the walk listed exist, and reads are few and bounded.
 */

/** Files followed per scan: a pipeline reaches a handful; a hostile repository must not make the scan read thousands. */
const MAX_FOLLOWED_FILES = 300;
/** Scripts, Makefiles and task files are small; a larger file is not a definition worth reading. */
const MAX_FOLLOWED_BYTES = 512 * 1024;
/** Paths a glob (`include: ci/*.yml`) may expand to. */
const MAX_GLOB_MATCHES = 50;

/**
 * How CI scripts name the checkout's root: `$(Build.SourcesDirectory)/train.py`,
 * `${{ github.workspace }}/scripts/test.sh`, `$CI_PROJECT_DIR/x`, Cloud Build's `/workspace`.
 */
const ROOT_PREFIX =
  /^(?:\$\((?:Build\.SourcesDirectory|Build\.Repository\.LocalPath|System\.DefaultWorkingDirectory)\)|\$\{\{\s*github\.workspace\s*\}\}|\$\{?(?:GITHUB_WORKSPACE|CI_PROJECT_DIR|BITBUCKET_CLONE_DIR|CODEBUILD_SRC_DIR|WORKSPACE|CIRCLE_WORKING_DIRECTORY|BUILD_SOURCESDIRECTORY|SYSTEM_DEFAULTWORKINGDIRECTORY|DRONE_WORKSPACE|BUILDKITE_BUILD_CHECKOUT_PATH|PWD)\}?|\/workspace|~\/project)(?=\/|$)/;

/**
 * A path as written in a script, resolved against the directory it runs in: a repository path
 * ('' for the root), or null when it leaves the repository, is absolute or is computed at run time.
 */
export function repoPath(cwd: string, written: string): string | null {
  let path = unquote(written);
  let base = cwd;
  const root = ROOT_PREFIX.exec(path);
  if (root) {
    path = path.slice(root[0].length).replace(/^\/+/, '');
    base = '';
  } else if (/^[/~]|[$`*?[]/.test(path)) {
    return null;
  }
  const joined = posix.normalize(posix.join(base, path || '.')).replace(/\/$/, '');
  if (joined === '..' || joined.startsWith('../')) return null;
  return joined === '.' ? '' : joined;
}

/** A path written relative to a directory, then relative to the root: CI steps run at the root, scripts often name paths from there. */
export function candidatePaths(cwd: string, written: string): string[] {
  return [...new Set([repoPath(cwd, written), repoPath('', written)].filter((path): path is string => path !== null && path !== ''))];
}

export class RepoFiles {
  private readonly contents = new Map<string, FileContent | null>();
  private readonly parsed = new Map<string, unknown>();

  constructor(private readonly index: ScanIndex) {}

  private sizeOf(path: string): number | undefined {
    return walkedFile(this.index.files, path)?.bytes;
  }

  has(path: string): boolean {
    return this.sizeOf(path) !== undefined;
  }

  /** The first of `names` that exists in `directory`. */
  findIn(directory: string, names: readonly string[]): string | undefined {
    return names.map((name) => (directory ? `${directory}/${name}` : name)).find((path) => this.has(path));
  }

  /** The first of `names` in `directory` or the nearest directory above it that has one (as npm finds package.json). */
  findUp(directory: string, names: readonly string[]): string | undefined {
    for (let dir = directory; ; dir = posix.dirname(dir) === '.' ? '' : posix.dirname(dir)) {
      const found = this.findIn(dir, names);
      if (found || dir === '') return found;
    }
  }

  /** Walked paths matching a glob from the root (`ci/*.yml`), sorted, at most a few dozen. */
  matching(glob: string): string[] {
    const matches = globMatcher(glob);
    const anchored = glob.includes('/');
    return this.index.files
      .filter((file) => (anchored || !file.path.includes('/')) && matches(file.path))
      .slice(0, MAX_GLOB_MATCHES)
      .map((file) => file.path);
  }

  /** A file's text, read once, within the scan's limits on how many and how large. */
  read(path: string): FileContent | null {
    const cached = this.contents.get(path);
    if (cached !== undefined) return cached;
    const size = this.sizeOf(path);
    const content = size !== undefined && size <= MAX_FOLLOWED_BYTES && this.contents.size < MAX_FOLLOWED_FILES ? this.index.read(path) : null;
    this.contents.set(path, content);
    return content;
  }

  /** A file parsed once per kind of reading, whoever asks: a pyproject.toml serves poe, PDM, Hatch and Rye alike. */
  parse<T>(path: string, kind: string, parse: (file: FileContent) => T): T | null {
    const key = `${kind}\u0000${path}`;
    if (this.parsed.has(key)) return this.parsed.get(key) as T | null;
    const file = this.read(path);
    let value: T | null = null;
    try {
      value = file ? parse(file) : null;
    } catch {
      // A definition file that does not parse is one the CI cannot be followed into; its own collector reports it.
      value = null;
    }
    this.parsed.set(key, value);
    return value;
  }
}
