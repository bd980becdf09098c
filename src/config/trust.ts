import { lstat, realpath } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';

/*
 * Where the audited repository ends. Everything inside the repository that contains the target is
 * the repository's, so data and untrusted: auditing `monorepo/services/model` must not trust a
 * `.scale-audit.yaml` in `monorepo/`, which the same pull request can change. The repository is the
 * nearest directory upward holding `.git` (a directory, or a file for worktrees and submodules);
 * outside any repository, only the target itself. Found by looking, never by running git.
 */

const real = (path: string) => realpath(path).catch(() => resolve(path));

/** The top of the git work tree holding `target` (links resolved); null when no directory upward holds `.git`. */
export async function enclosingWorkTree(target: string): Promise<string | null> {
  for (let directory = await real(target); ; directory = dirname(directory)) {
    if (await lstat(join(directory, '.git')).then(() => true, () => false)) return directory;
    if (dirname(directory) === directory) return null;
  }
}

export async function repositoryRoot(target: string): Promise<string> {
  return (await enclosingWorkTree(target)) ?? (await real(target));
}

/** True when `file` lies inside the repository that contains `target`, links resolved. */
export async function isInsideRepository(file: string, target: string): Promise<boolean> {
  const from = relative(await repositoryRoot(target), await real(file));
  return from === '' || (!from.startsWith('..') && !isAbsolute(from));
}
