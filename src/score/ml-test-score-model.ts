import { join } from 'node:path';
import { loadShippedData } from '../util/data-file.js';
import { PACKAGE_ROOT } from '../util/package-root.js';
import type { MlTestScoreModel } from './ml-test-score.js';

/** The ML Test Score model shipped in data/; it has no published schema: its shape and rule ids are checked by the tests. */
export const ML_TEST_SCORE_FILE = 'data/ml-test-score.yaml';

export async function loadMlTestScoreModel(): Promise<MlTestScoreModel> {
  return (await loadShippedData(join(PACKAGE_ROOT, ML_TEST_SCORE_FILE), null)) as MlTestScoreModel;
}
