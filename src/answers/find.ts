import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { DEFAULT_ANSWERS_FILE } from './types.js';

/** The answers file `init` writes in the audited directory, when it exists: the answers a run uses when none is named. */
export async function findAnswers(path: string): Promise<string | null> {
  const file = join(path, DEFAULT_ANSWERS_FILE);
  return (await access(file).then(() => true, () => false)) ? file : null;
}
