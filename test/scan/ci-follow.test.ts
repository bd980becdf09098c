import { describe, expect, it } from 'vitest';
import { ciCollector } from '../../src/scan/collectors/ci/index.js';
import type { CiFacts, CiPipeline, CiStep } from '../../src/scan/facts.js';
import { collect } from '../helpers/collect.js';

/*
 * Following what a CI step runs into the repository's scripts, Makefiles and task runners, with
 * the chain of places as evidence; and pipelines that run nothing.
 */

function pipelineAt(facts: CiFacts, path: string): CiPipeline {
  const found = facts.pipelines.find((pipeline) => pipeline.path === path);
  if (!found) throw new Error(`no pipeline at ${path}; have ${facts.pipelines.map((p) => p.path).join(', ')}`);
  return found;
}

/** A step as a reviewer reads it: `kind@line command → path:line command`. */
function shown(step: CiStep): string {
  return [`${step.kind}@${step.line} ${step.command}`, ...(step.via ?? []).map((hop) => `${hop.path}:${hop.line} ${hop.command}`)].join(' → ');
}

/** The steps of the workflow `.github/workflows/ci.yml`, which runs `run` on push, next to the other files. */
function stepsRunning(run: string, files: Record<string, string> = {}): string[] {
  const workflow = `on: push\njobs:\n  ci:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: ${JSON.stringify(run)}\n`;
  const { facts, warnings } = collect(ciCollector, { ...files, '.github/workflows/ci.yml': workflow });
  expect(warnings).toEqual([]);
  return pipelineAt(facts, '.github/workflows/ci.yml').steps.map(shown);
}

function workflowFacts(run: string, files: Record<string, string> = {}): CiPipeline {
  const workflow = `on: push\njobs:\n  ci:\n    runs-on: ubuntu-latest\n    steps:\n      - run: ${JSON.stringify(run)}\n`;
  return pipelineAt(collect(ciCollector, { ...files, '.github/workflows/ci.yml': workflow }).facts, '.github/workflows/ci.yml');
}

describe('shell scripts kept in the repository', () => {
  const ci = '#!/usr/bin/env bash\nset -euo pipefail\n\n./scripts/lint.sh\nbash scripts/test.sh --fast\n';
  const lint = '#!/bin/sh\nruff check .\n';
  const test = '#!/bin/sh -e\nexport PREFIX=""\nif [ -d venv ]; then PREFIX="venv/bin/"; fi\n${PREFIX}coverage run -m pytest "$@"\n';

  it('follows a script that calls scripts, and shows the chain', () => {
    expect(stepsRunning('./scripts/ci.sh', { 'scripts/ci.sh': ci, 'scripts/lint.sh': lint, 'scripts/test.sh': test })).toEqual([
      'coverage@7 ./scripts/ci.sh → scripts/ci.sh:5 bash scripts/test.sh --fast → scripts/test.sh:4 ${PREFIX}coverage run -m pytest "$@"',
      'lint@7 ./scripts/ci.sh → scripts/ci.sh:4 ./scripts/lint.sh → scripts/lint.sh:2 ruff check .',
      'test@7 ./scripts/ci.sh → scripts/ci.sh:5 bash scripts/test.sh --fast → scripts/test.sh:4 ${PREFIX}coverage run -m pytest "$@"',
    ]);
  });

  it('follows a script without an extension, run by path', () => {
    expect(stepsRunning('scripts/test', { 'scripts/test': test })).toEqual([
      'coverage@7 scripts/test → scripts/test:4 ${PREFIX}coverage run -m pytest "$@"',
      'test@7 scripts/test → scripts/test:4 ${PREFIX}coverage run -m pytest "$@"',
    ]);
  });

  it('runs a script from the directory a step changes to, and resolves `cd "$(dirname "$0")"`', () => {
    const runTests = '#!/usr/bin/env bash\ncd "$(dirname "$0")"/..\n./tools/check.sh\n';
    const check = 'python setup.py nosetests\n';
    expect(stepsRunning('cd component/vectoriser && bash run_tests.sh', { 'component/vectoriser/run_tests.sh': runTests, 'component/tools/check.sh': check })).toEqual([
      'test@7 bash run_tests.sh → component/vectoriser/run_tests.sh:3 ./tools/check.sh → component/tools/check.sh:1 python setup.py nosetests',
    ]);
  });

  it('reads a script by its name when it is not in the repository, and a script that prints by what it runs', () => {
    expect(stepsRunning('./scripts/run_tests.sh')).toEqual(['test@7 ./scripts/run_tests.sh']);
    expect(stepsRunning('./scripts/run_tests.sh', { 'scripts/run_tests.sh': 'echo "tests: skipped"\nexit 0\n' })).toEqual([]);
  });

  it('does not run a Python file as a shell script, nor the text of a here-document', () => {
    expect(stepsRunning('scripts/check', { 'scripts/check': '#!/usr/bin/env python\nimport subprocess\nsubprocess.run(["pytest"])\n' })).toEqual([]);
    expect(stepsRunning('./setup.sh', { 'setup.sh': 'cat > run.sh <<EOF\npytest\nEOF\nchmod +x run.sh\n' })).toEqual([]);
  });

  it('stops at a script that calls itself', () => {
    expect(stepsRunning('./ci.sh', { 'ci.sh': './ci.sh\npytest\n' })).toEqual(['test@7 ./ci.sh → ci.sh:2 pytest']);
  });

  it('never reads a path outside the repository', () => {
    expect(stepsRunning('../other/test.sh')).toEqual(['test@7 ../other/test.sh']);
    expect(stepsRunning('/usr/local/bin/deploy.sh')).toEqual(['deploy@7 /usr/local/bin/deploy.sh']);
  });
});

describe('Makefile targets', () => {
  const makefile = [
    'PYTHON ?= python3',
    'SRC := src tests',
    '',
    '.PHONY: all lint test ci',
    'all: ci',
    '',
    'lint:',
    '\t@$(PYTHON) -m ruff check $(SRC)',
    '',
    'test: lint  ## run the tests',
    '\t$(PYTHON) -m pytest \\',
    '\t  --cov=src tests/',
    '',
    'test-components:',
    '\t@cd "components/$${GROUP}" && pipenv run pytest',
    '',
    'test-all-components:',
    '\t@set -e && for g in components/*/ ; do \\',
    '\t  $(MAKE) test-components GROUP=$$(basename $$g) ; \\',
    '\tdone',
    '',
    'ci: test',
    '',
  ].join('\n');

  it('follows a target, its prerequisites and the variables it uses', () => {
    expect(stepsRunning('make test', { Makefile: makefile })).toEqual([
      'coverage@7 make test → Makefile:12 python3 -m pytest --cov=src tests/',
      'lint@7 make test → Makefile:8 python3 -m ruff check src tests',
      'test@7 make test → Makefile:11 python3 -m pytest --cov=src tests/',
    ]);
  });

  it('follows the default goal, and `$(MAKE)` inside a recipe', () => {
    expect(stepsRunning('make', { Makefile: makefile })).toHaveLength(3);
    expect(stepsRunning('make -j4 test-all-components', { Makefile: makefile })).toEqual([
      'test@7 make -j4 test-all-components → Makefile:19 make test-components GROUP=$(basename $g) → Makefile:15 pipenv run pytest',
    ]);
  });

  it('finds the Makefile of `make -C dir` and of a step run in a directory', () => {
    const sub = 'check:\n\tflake8 .\n';
    expect(stepsRunning('make -C service check', { 'service/Makefile': sub })).toEqual(['lint@7 make -C service check → service/Makefile:2 flake8 .']);
    expect(stepsRunning('cd service && make check', { 'service/Makefile': sub })).toEqual(['lint@7 make check → service/Makefile:2 flake8 .']);
  });

  it('reads targets from included files', () => {
    expect(stepsRunning('make test', { Makefile: 'include make/*.mk\n', 'make/test.mk': 'test:\n\tpytest -q\n' })).toEqual(['test@7 make test → make/test.mk:2 pytest -q']);
  });

  it('goes by the target name when the target is not in the repository, and by nothing when it only echoes', () => {
    expect(stepsRunning('make test')).toEqual(['test@7 make test']);
    expect(stepsRunning('make unit-test', { Makefile: 'build:\n\tgo build\n' })).toEqual(['test@7 make unit-test']);
    expect(stepsRunning('make test', { Makefile: 'test:\n\t@echo "no tests yet"\n' })).toEqual([]);
    expect(stepsRunning('make test', { Makefile: 'test:\n\t./tools/run-everything\n' })).toEqual(['test@7 make test']);
  });

  it('stops at prerequisite cycles', () => {
    expect(stepsRunning('make a', { Makefile: 'a: b\n\tpytest\nb: a\n\truff check .\n' })).toEqual(['lint@7 make a → Makefile:4 ruff check .', 'test@7 make a → Makefile:2 pytest']);
  });
});

describe('pipelines that run nothing', () => {
  it('marks a pipeline whose every command only echoes as inert, and one that runs a check as not', () => {
    const decoy = ['on: [push, pull_request]', 'jobs:', ...['build_test', 'coverage', 'semgrep', 'gitleaks', 'deploy'].map((job) => `  ${job}: { runs-on: ubuntu-latest, steps: [ { run: "echo ok" } ] }`), ''].join('\n');
    const { facts } = collect(ciCollector, { '.github/workflows/ci.yml': decoy });
    expect(pipelineAt(facts, '.github/workflows/ci.yml')).toMatchObject({ jobs: 5, steps: [], inert: true, disabled: false });
    expect(workflowFacts('pip install -r requirements.txt').inert).toBe(false);
  });

  it.each([
    ['echo ok'],
    ['echo "Running tests"; sleep 5; exit 0'],
    ['true'],
    ['python --version && pip list'],
    ['cd src && ls -la'],
    ['bash -c "echo done"'],
    ['make test'],
    ['./ci/test.sh'],
  ])('%s is a no-op', (run) => {
    expect(workflowFacts(run, { Makefile: 'test:\n\t@echo skipped\n', 'ci/test.sh': 'echo "all tests passed"\n' }).inert).toBe(true);
  });

  it('counts a step that uses an action as doing something, but not checking out the code', () => {
    const workflow = (step: string) => `on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - ${step}\n`;
    expect(pipelineAt(collect(ciCollector, { '.github/workflows/x.yml': workflow('run: echo hi') }).facts, '.github/workflows/x.yml').inert).toBe(true);
    expect(pipelineAt(collect(ciCollector, { '.github/workflows/x.yml': workflow('uses: acme/release-action@v1') }).facts, '.github/workflows/x.yml').inert).toBe(false);
  });
});
