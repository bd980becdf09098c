import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { PACKAGE_ROOT } from '../util/package-root.js';
import type { MlTestScoreModel } from './ml-test-score.js';

/** Reads the ML Test Score model shipped in data/; its shape and rule ids are checked by the tests. */
export async function loadMlTestScoreModel(): Promise<MlTestScoreModel> {
  return parse(await readFile(join(PACKAGE_ROOT, 'data', 'ml-test-score.yaml'), 'utf8')) as MlTestScoreModel;
}
