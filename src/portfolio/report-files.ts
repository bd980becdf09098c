import { readdir, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import picomatch from 'picomatch';
import { compareStrings } from '../util/compare.js';
import { InputError } from '../util/errors.js';

/** Every file below `dir` that `keep` accepts (by its path relative to `root`), in a stable order. */
async function filesUnder(dir: string, root: string, keep: (path: string) => boolean): Promise<string[]> {
  const found: string[] = [];
  for (const entry of (await readdir(dir, { withFileTypes: true })).sort((a, b) => compareStrings(a.name, b.name))) {
    const path = join(dir, entry.name);
    // Links are not followed, as in the scan: a link loop cannot hang the run.
    if (entry.isDirectory()) found.push(...(await filesUnder(path, root, keep)));
    else if (entry.isFile() && keep(relative(root, path).split(sep).join('/'))) found.push(path);
  }
  return found;
}

/**
 * A glob pattern the shell left alone (quoted, or a shell without globbing), expanded as a shell
 * would: the directory before the first wildcard is walked, and the rest of the pattern matched
 * against the paths below it.
 */
async function expandGlob(pattern: string): Promise<string[]> {
  const { base, glob } = picomatch.scan(pattern);
  const root = base || '.';
  const matches = picomatch(glob);
  const found = await stat(root).then(
    (info) => (info.isDirectory() ? filesUnder(root, root, matches) : []),
    () => [],
  );
  if (found.length === 0) throw new InputError('no file matches this pattern', pattern);
  return found;
}

/**
 * The report files named on the command line: each file as given, every `*.json` below each
 * directory (a CI system's downloaded artifacts are often one folder per repository), and the files
 * a glob pattern matches.
 */
export async function reportFiles(paths: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    const info = await stat(path).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT' && picomatch.scan(path).isGlob) return 'glob' as const;
      throw new InputError(`cannot read: ${error.code === 'ENOENT' ? 'no such file or directory' : (error.code ?? error.message)}`, path);
    });
    if (info === 'glob') files.push(...(await expandGlob(path)));
    else if (!info.isDirectory()) files.push(path);
    else {
      const found = await filesUnder(path, path, (name) => name.endsWith('.json'));
      if (found.length === 0) throw new InputError('no JSON report (*.json) in this directory', path);
      files.push(...found);
    }
  }
  return [...new Set(files)];
}
