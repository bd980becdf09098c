import { readdirSync, type Dirent } from 'node:fs';
import { globMatcher } from '../util/glob.js';
import { compareStrings } from '../util/compare.js';
import type { EnclosingRepository, FileContent } from './collector.js';
import { fileContent } from './file-content.js';
import { readText, sizeOf } from './read.js';
import { walkedFile, type WalkedFile } from './walk.js';

/*
 * The top of the git work tree around an audited subdirectory of a monorepo. Its CI runs for every
 * directory in it: `.github/workflows/`, `.gitlab-ci.yml`, `azure-pipelines.yml` and what they use
 * (local actions, templates) sit at the top and in its dot-directories, never in the project's own
 * folder. Only those are listed, not the rest of the monorepo, which the audit of one project must
 * not pay to walk. The top is inside the repository the audited directory belongs to (the trust
 * boundary of the configuration too), and its files are data, read as the walk's are.
 */

/** Dot-directories deep enough for `.github/actions/<name>/action.yml` and `.gitlab/ci/<group>/x.yml`. */
const MAX_DEPTH = 4;
/** A hostile or huge top (a `.github` of thousands of files, or of empty folders) is listed only this far. */
const MAX_ENTRIES = 1_000;
/** CI definitions are small; the same bound as a followed file's. */
const MAX_BYTES = 512 * 1024;

function entriesOf(directory: string): Dirent[] {
  try {
    return readdirSync(directory, { withFileTypes: true }).sort((a, b) => compareStrings(a.name, b.name));
  } catch {
    return [];
  }
}

/**
 * The top's own files and those of its dot-directories (`.git` aside), paths from the top, sorted:
 * regular files only, links never followed, at most MAX_ENTRIES files and folders looked at.
 */
export function topConfigurationPaths(top: string): string[] {
  const paths: string[] = [];
  let entries = 0;
  const visit = (directory: string, depth: number) => {
    for (const entry of entriesOf(directory ? `${top}/${directory}` : top)) {
      if (++entries > MAX_ENTRIES) return;
      const path = directory ? `${directory}/${entry.name}` : entry.name;
      if (entry.isFile()) paths.push(path);
      else if (entry.isDirectory() && depth < MAX_DEPTH && (directory || (entry.name.startsWith('.') && entry.name !== '.git'))) visit(path, depth + 1);
    }
  };
  visit('', 0);
  return paths.sort(compareStrings);
}

function holdsGithub(files: readonly WalkedFile[]): boolean {
  return files.some((file) => file.path.startsWith('.github/'));
}

/** The enclosing repository of a directory `directory` below the work tree's top `top`, read from disk. */
export function enclosingOnDisk(top: string, directory: string): EnclosingRepository {
  const files: WalkedFile[] = topConfigurationPaths(top)
    .map((path) => ({ path, bytes: sizeOf(`${top}/${path}`) }))
    .filter((file) => file.bytes >= 0);
  // The CI collector reads the top's pipelines, then the other collectors read those it lends: once from disk.
  const read = new Map<string, FileContent | null>();
  return {
    directory,
    files,
    github: holdsGithub(files),
    read(path) {
      if (!walkedFile(files, path)) return null;
      let content = read.get(path);
      if (content === undefined) {
        const result = readText(`${top}/${path}`, MAX_BYTES);
        read.set(path, (content = result && 'text' in result ? fileContent(path, result.text, result.bytes) : null));
      }
      return content;
    },
  };
}

/** The same from files held in memory, for tests: paths from the top. */
export function enclosingInMemory(files: Record<string, string>, directory: string): EnclosingRepository {
  const listed = Object.keys(files)
    .sort(compareStrings)
    .map((path) => ({ path, bytes: Buffer.byteLength(files[path]!) }));
  return { directory, files: listed, github: holdsGithub(listed), read: (path) => (Object.hasOwn(files, path) ? fileContent(path, files[path]!) : null) };
}

/**
 * Files that configure the whole repository, wherever its projects sit: pre-commit hooks (run on
 * every file unless told otherwise), code owners, Renovate, the security policy, secret scanners'
 * configuration. A project of a monorepo without its own is covered by the top's.
 */
const REPOSITORY_WIDE = new Set([
  '.pre-commit-config.yaml',
  '.pre-commit-config.yml',
  'CODEOWNERS',
  '.github/CODEOWNERS',
  '.gitlab/CODEOWNERS',
  'renovate.json',
  'renovate.json5',
  '.renovaterc',
  '.renovaterc.json',
  '.renovaterc.json5',
  '.github/renovate.json',
  '.github/renovate.json5',
  'SECURITY.md',
  '.github/SECURITY.md',
  '.gitleaks.toml',
  '.secrets.baseline',
  '.gitguardian.yaml',
  '.gitguardian.yml',
]);

/** Dependabot updates only the folders its entries name (`directory: "/services/model"`, or `directories:` with globs). */
const DEPENDABOT = new Set(['.github/dependabot.yml', '.github/dependabot.yaml']);
/** A folder a Dependabot entry names: `directory: "/x"` or an item of `directories:`. */
const DEPENDABOT_FOLDER = /^[ \t]*(?:-[ \t]*)?(?:directory[ \t]*:[ \t]*|-[ \t]*)["']?\/([^"'\s#]*)["']?[ \t]*(?:#.*)?$/;

function coversDirectory(dependabot: string, directory: string): boolean {
  return dependabot.split('\n').some((line) => {
    const folder = DEPENDABOT_FOLDER.exec(line)?.[1]?.replace(/\/$/, '');
    return folder !== undefined && (folder === directory || (/[*?[{]/.test(folder) && globMatcher(folder)(directory)));
  });
}

/**
 * The top's repository-wide files that a project of a monorepo has none of at the same place
 * (paths from the top, which are also where the project would keep its own): the audit reads them
 * as the project's, and the report names them from the audited directory.
 */
export function repositoryWideFiles(enclosing: EnclosingRepository, own: (path: string) => boolean): string[] {
  return enclosing.files
    .map((file) => file.path)
    .filter((path) => (REPOSITORY_WIDE.has(path) || (DEPENDABOT.has(path) && coversDirectory(enclosing.read(path)?.text ?? '', enclosing.directory))) && !own(path));
}
