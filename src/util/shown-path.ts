import { basename, isAbsolute, join, normalize, relative, resolve, sep } from 'node:path';

/*
 * A report goes to a client: it must not show the layout of the auditor's machine (a home
 * directory, a user name, a temporary folder). Files the auditor named, such as the answers, the
 * configuration, a baseline or a report read by `portfolio`, are shown relative to the working
 * directory when they are inside it, else relative to a directory that names them well (the
 * audited repository, a folder `portfolio` walked), else by their own name.
 */

/** `path` relative to `directory` when inside it; null when it is not. */
function inside(path: string, directory: string): string | null {
  const rel = relative(directory, path);
  return rel === '' ? '.' : rel.startsWith(`..${sep}`) || rel === '..' || isAbsolute(rel) ? null : rel;
}

export interface ShownPathPlaces {
  /** The working directory. */
  cwd: string;
  /** Directories shown by their own name and the path below them: `churn/answers.yaml`. */
  anchors?: readonly string[];
}

/** How a file of the auditor's machine is named in a deliverable: never absolute, never climbing out. */
export function shownPath(path: string, { cwd, anchors = [] }: ShownPathPlaces): string {
  if (!isAbsolute(path) && !normalize(path).startsWith('..')) return normalize(path);
  const full = resolve(cwd, path);
  const fromCwd = inside(full, cwd);
  if (fromCwd !== null) return fromCwd;
  for (const anchor of anchors) {
    const below = inside(full, resolve(cwd, anchor));
    if (below !== null) return below === '.' ? basename(full) : join(basename(resolve(cwd, anchor)), below);
  }
  return basename(full);
}
