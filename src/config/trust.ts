import { realpath } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import { nearestDotGit } from '../scan/git-files.js';

/*
 * Where the audited repository ends. Everything inside the repository that contains the target is
 * the repository's, so data and untrusted: auditing `monorepo/services/model` must not trust a
 * `.scale-audit.yaml` in `monorepo/`, which the same pull request can change. The repository is the
 * nearest directory upward holding `.git` (a directory, or a file for worktrees and submodules);
 * outside any repository, only the target itself. Found by looking, never by running git.
 */

const real = (path: string) => realpath(path).catch(() => resolve(path));

export async function repositoryRoot(target: string): Promise<string> {
  const start = await real(target);
  return (await nearestDotGit(start))?.toplevel ?? start;
}

/** True when `file` lies inside the repository that contains `target`, links resolved. */
export async function isInsideRepository(file: string, target: string): Promise<boolean> {
  const from = relative(await repositoryRoot(target), await real(file));
  return from === '' || (!from.startsWith('..') && !isAbsolute(from));
}
