import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { compareStrings } from '../util/compare.js';
import { InputError } from '../util/errors.js';

async function jsonFilesUnder(dir: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of (await readdir(dir, { withFileTypes: true })).sort((a, b) => compareStrings(a.name, b.name))) {
    const path = join(dir, entry.name);
    // Links are not followed, as in the scan: a link loop cannot hang the run.
    if (entry.isDirectory()) found.push(...(await jsonFilesUnder(path)));
    else if (entry.isFile() && entry.name.endsWith('.json')) found.push(path);
  }
  return found;
}

/**
 * The report files named on the command line: each file as given, and every `*.json` below each
 * directory (a CI system's downloaded artifacts are often one folder per repository).
 */
export async function reportFiles(paths: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    const info = await stat(path).catch((error: NodeJS.ErrnoException) => {
      throw new InputError(`cannot read: ${error.code === 'ENOENT' ? 'no such file or directory' : (error.code ?? error.message)}`, path);
    });
    if (!info.isDirectory()) {
      files.push(path);
      continue;
    }
    const found = await jsonFilesUnder(path);
    if (found.length === 0) throw new InputError('no JSON report (*.json) in this directory', path);
    files.push(...found);
  }
  return [...new Set(files)];
}
