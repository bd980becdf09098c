import { describe, it } from 'vitest';
import type { CollectorDefinition } from '../../src/scan/collector.js';
import { ciCollector } from '../../src/scan/collectors/ci/index.js';
import { codeCollector } from '../../src/scan/collectors/code/index.js';
import { containersCollector } from '../../src/scan/collectors/containers.js';
import { dependenciesCollector } from '../../src/scan/collectors/dependencies/index.js';
import { docsCollector } from '../../src/scan/collectors/docs.js';
import { kubernetesCollector } from '../../src/scan/collectors/kubernetes.js';
import { secretsCollector } from '../../src/scan/collectors/secrets.js';
import { testsCollector } from '../../src/scan/collectors/tests.js';
import { collect } from '../helpers/collect.js';
import { expectRoughlyLinear } from '../helpers/growth.js';

/*
 * Repository files written to cost the scan time: one instruction continued over a hundred
 * thousand lines, YAML maps with tens of thousands of keys (unique-key checks are quadratic),
 * anchors referenced from everywhere. Each collector that reads such a file must finish in time
 * linear in its size; the cost is compared between two sizes, never against a clock.
 */
const lines = (n: number, line: (i: number) => string) => Array.from({ length: n }, (_, i) => line(i)).join('\n');

/** A job is several lines and objects: fewer of them show the same growth. */
const JOBS = 300;

const cases: Array<[string, CollectorDefinition<string, unknown>, string, (n: number) => string, number?]> = [
  ['a Dockerfile RUN continued over every line', containersCollector, 'Dockerfile', (n) => `FROM python:3.12-slim\nRUN true \\\n${lines(n, (i) => `  && echo step${i} \\`)}\n  && true\nUSER app\n`],
  ['a conda environment with many keys', dependenciesCollector, 'environment.yml', (n) => `name: env\n${lines(n, (i) => `key${i}: value`)}\ndependencies:\n  - numpy=1.26.0\n`],
  ['a workflow with many env keys', ciCollector, '.github/workflows/ci.yml', (n) => `on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    env:\n${lines(n, (i) => `      KEY_${i}: value`)}\n    steps:\n      - run: pytest\n`],
  ['a workflow referencing one anchor from every step', ciCollector, '.github/workflows/ci.yml', (n) => `on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - &step { run: pytest }\n${lines(n, () => '      - *step')}\n`],
  ['a GitLab CI file with many jobs', ciCollector, '.gitlab-ci.yml', (n) => `default:\n  image: python:3.12\n${lines(n, (i) => `job${i}:\n  stage: test\n  script: [pytest]`)}\n`, JOBS],
  ['a GitHub workflow with many jobs, each needing the one before', ciCollector, '.github/workflows/ci.yml', (n) => `on: push\njobs:\n${lines(n, (i) => `  j${i}:\n    runs-on: ubuntu-latest\n    needs: [${i > 0 ? `j${i - 1}` : ''}]\n    steps:\n      - run: pytest`)}\n`, JOBS],
  ['a Kubernetes manifest with many labels', kubernetesCollector, 'k8s/deployment.yaml', (n) => `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\n  labels:\n${lines(n, (i) => `    l${i}: v`)}\n`],
  ['a test file of placeholder tests, one nested in the next', testsCollector, 'tests/test_x.py', (n) => lines(n, (i) => `${' '.repeat(i % 200)}def test_${i}(): pass`)],
  ['a README of results: metric sentences and a table as wide as its lines allow', docsCollector, 'README.md', (n) => `## Results\n${lines(n, (i) => (i % 2 ? `accuracy ${'of the model '.repeat(i % 50)}is 9${i}% and 0.${i} F1, precision >= 0.${i}` : `| ${'Accuracy | '.repeat(i % 100)}`))}\n`],
  ['a settings file with many secret-named keys', secretsCollector, 'config/settings.yaml', (n) => lines(n, (i) => `service${i}_password: \${SECRET_${i}}`)],
  ['a JSON syntax tree whose every line gives a key that names nothing, a token at its end', secretsCollector, 'out/output.json', (n) => `{\n${lines(n, (i) => `"key": {"type": "Identifier", "name": "k${i}"},`)}\n"token": "abcdefghijkl"\n}\n`],
  ['one line of assignments to keys that name nothing, then one that names a secret', secretsCollector, 'config/min.yaml', (n) => `${'key: 1, '.repeat(n)}api_key: "abcdefghijkl"\n`],
];

describe('hostile repository content: cost linear in the size of the file', () => {
  it.each(cases)('%s', (_name, collector, path, text, small = 1_000) => {
    expectRoughlyLinear((size) => {
      const files = { [path]: text(size) };
      return () => collect(collector, files);
    }, small);
  });

  it('a YAML file of quoted strings, each holding a text signal, one of them never closed', () => {
    const signals = [{ id: 'insights', description: 'insights', files: ['*.yaml'], pattern: '\\bappInsightsEnabled\\s*:\\s*true\\b', match: 'text' as const, source: 't' }];
    expectRoughlyLinear((size) => {
      const files = { 'notes.yaml': `${lines(size, (i) => `k${i}: "see appInsightsEnabled: true, 'x' \\" y"`)}\nlast: "appInsightsEnabled: true\n` };
      return () => collect(codeCollector, files, { signals });
    }, 1_000);
  });
});
