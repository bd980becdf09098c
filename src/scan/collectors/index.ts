import type { SignalDefinition } from '../../rules/types.js';
import type { Collector } from '../collector.js';
import { ciCollector } from './ci.js';
import { codeCollector } from './code.js';
import { containersCollector } from './containers.js';
import { dependenciesCollector } from './dependencies.js';
import { docsCollector } from './docs.js';
import { iacCollector } from './iac.js';
import { kubernetesCollector } from './kubernetes.js';
import { notebooksCollector } from './notebooks.js';
import { secretsCollector } from './secrets.js';
import { testsCollector } from './tests.js';

/** A fresh set of collectors for one scan: each keeps state while files stream past. */
export function defaultCollectors(options: { signals: readonly SignalDefinition[] }): Collector[] {
  return [
    dependenciesCollector(),
    notebooksCollector(),
    testsCollector(),
    ciCollector(),
    containersCollector(),
    kubernetesCollector(),
    iacCollector(),
    docsCollector(),
    secretsCollector(),
    codeCollector(options.signals),
  ];
}
