import { ciCollector } from './ci/index.js';
import { codeCollector } from './code/index.js';
import { containersCollector } from './containers.js';
import { dependenciesCollector } from './dependencies/index.js';
import { docsCollector } from './docs.js';
import { iacCollector } from './iac/index.js';
import { kubernetesCollector } from './kubernetes.js';
import { notebooksCollector } from './notebooks.js';
import { secretsCollector } from './secrets.js';
import { testsCollector } from './tests.js';

/**
 * The collectors every scan runs, in the order their slices appear in Facts. Adding one here is
 * all it takes for its slice to be in Facts, its type in `Facts` and its key among the fact roots
 * rules may read.
 */
export const BUILTIN_COLLECTORS = [
  dependenciesCollector,
  notebooksCollector,
  testsCollector,
  ciCollector,
  containersCollector,
  kubernetesCollector,
  iacCollector,
  docsCollector,
  secretsCollector,
  codeCollector,
] as const;
