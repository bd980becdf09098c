import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { InputError } from '../util/errors.js';

/**
 * Writes every output, or none if any cannot be written: each goes to a temporary file beside its
 * target, and only when all are written are they renamed into place (a rename within a directory
 * is atomic). A failed write leaves the previous files untouched and no temporary files behind.
 */
export async function writeOutputs(outputs: ReadonlyArray<{ path: string; content: string }>): Promise<void> {
  const staged: Array<{ temporary: string; path: string }> = [];
  try {
    for (const { path, content } of outputs) {
      await mkdir(dirname(path), { recursive: true });
      const temporary = `${path}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
      staged.push({ temporary, path });
      await writeFile(temporary, content, { flag: 'wx' });
    }
    for (const { temporary, path } of staged) await rename(temporary, path);
  } catch (error) {
    await Promise.all(staged.map(({ temporary }) => rm(temporary, { force: true })));
    const failure = error as NodeJS.ErrnoException;
    throw new InputError(`cannot write output: ${failure.code ?? failure.message}`, failure.path ?? outputs[0]?.path);
  }
}
