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

  it("runs the command a wrapper script is given, when the script runs its arguments", () => {
    const develop = '#!/usr/bin/env bash\nset -e\ndocker run --rm \\\n  -v "${PWD}:/workspace" \\\n  "${DEVELOPER_IMG}" "$@"\n';
    const makefile = 'test:\n\tgo test -coverprofile cover.out ./...\n';
    expect(stepsRunning('./scripts/develop.sh make test', { 'scripts/develop.sh': develop, 'Makefile': makefile })).toEqual([
      'test@7 ./scripts/develop.sh make test → Makefile:2 go test -coverprofile cover.out ./...',
    ]);
    // A script that only reads its arguments (a loop, a message, an assignment) runs none of them.
    const reads = '#!/bin/sh\nfor target in "$@"; do echo "$target"; done\nargs="$@"\necho building "$@"\n';
    expect(stepsRunning('./scripts/build.sh pytest', { 'scripts/build.sh': reads })).toEqual([]);
  });

  it('does not run a script whose syntax `bash -n` only checks', () => {
    const deploy = { 'ops/rollout.sh': '#!/usr/bin/env bash\nkubectl rollout status deployment/api\n' };
    expect(stepsRunning('bash -n ops/rollout.sh', deploy)).toEqual([]);
    expect(stepsRunning('sh -en ops/rollout.sh', deploy)).toEqual([]);
    expect(stepsRunning('bash -e ops/rollout.sh', deploy)).toEqual(['deploy@7 bash -e ops/rollout.sh → ops/rollout.sh:2 kubectl rollout status deployment/api']);
  });

  it('does not run a Python file as a shell script, nor the text of a here-document', () => {
    expect(stepsRunning('scripts/check', { 'scripts/check': '#!/usr/bin/env python\nimport subprocess\nsubprocess.run(["pytest"])\n' })).toEqual([]);
    expect(stepsRunning('./setup.sh', { 'setup.sh': 'cat > run.sh <<EOF\npytest\nEOF\nchmod +x run.sh\n' })).toEqual([]);
  });

  it('reads the commands of Python code a step runs in a here-document or with -c, and a here-document fed to a shell', () => {
    /** The steps of a workflow step whose script is these lines, in a block from line 7. */
    const steps = (...lines: string[]) => {
      const workflow = `on: push\njobs:\n  ci:\n    runs-on: ubuntu-latest\n    steps:\n      - run: |\n${lines.map((line) => `          ${line}\n`).join('')}`;
      return pipelineAt(collect(ciCollector, { '.github/workflows/ci.yml': workflow }).facts, '.github/workflows/ci.yml').steps.map(shown);
    };
    // Steps that deploy from Python here-documents (KHUSHWANTsRathore11's Azure pipelines): the list given to subprocess is the command.
    expect(steps('echo deploying', "python3 << 'EOF'", 'import subprocess', 'for model in models:', '    subprocess.run([', "        'az', 'ml', 'batch-deployment', 'create',", "        '--name', name,", '    ], check=True)', 'EOF')).toEqual([
      'deploy@12 az ml batch-deployment create --name',
    ]);
    expect(steps('python -c "import sys, pytest; sys.exit(pytest.main([\'tests\', \'-q\']))"')).toEqual(['test@7 python -c "import sys, pytest; sys.exit(pytest.main([\'tests\', \'-q\']))"']);
    // pytest's own -c names its configuration file, not code.
    expect(steps('python -m pytest -c pytest.ini')).toEqual(['test@7 python -m pytest -c pytest.ini']);
    expect(steps('uv run python - <<EOF', 'import os', 'os.system("ruff check .")', 'EOF')).toEqual(['lint@9 ruff check .']);
    expect(steps('bash -s <<EOF', 'cd app', 'pytest -x', 'EOF')).toEqual(['test@9 pytest -x']);
    // Data for a program, Python that runs nothing, and text written to a file are no commands.
    expect(steps('python train.py <<EOF', 'pytest', 'EOF')).toEqual(['train@7 python train.py <<EOF']);
    expect(steps("python3 - <<'EOF'", 'import json', "print(json.load(open('models.json')))", 'EOF')).toEqual([]);
    expect(steps('cat > run.py <<EOF', 'subprocess.run(["pytest"])', 'EOF')).toEqual([]);
  });

  it('runs a command the script kept in a variable, shown where it is written', () => {
    const evaluated = '#!/usr/bin/env bash\ncommand="python3 -m pytest --cov=app tests"\necho "$command"\neval "$command"\n';
    expect(stepsRunning('./run_tests.sh', { 'run_tests.sh': evaluated })).toEqual([
      'coverage@7 ./run_tests.sh → run_tests.sh:2 python3 -m pytest --cov=app tests',
      'test@7 ./run_tests.sh → run_tests.sh:2 python3 -m pytest --cov=app tests',
    ]);
    expect(stepsRunning('./ci.sh', { 'ci.sh': 'TEST_CMD=\'pytest -q\'\n${TEST_CMD} tests/unit\n' })).toEqual(['test@7 ./ci.sh → ci.sh:1 pytest -q tests/unit']);
  });

  it('does not run a variable that is only assigned or printed, nor one the script never set', () => {
    expect(stepsRunning('./ci.sh', { 'ci.sh': 'command="pytest -q"\necho "$command"\n' })).toEqual([]);
    expect(stepsRunning('./ci.sh', { 'ci.sh': 'eval "$TEST_COMMAND"\n$RUNNER\n' })).toEqual([]);
  });

  it('puts in the variables a step assigned, and follows the scripts whose names it computes', () => {
    expect(stepsRunning('SCRIPT=scripts/check.sh\nbash "$SCRIPT" --all', { 'scripts/check.sh': 'pytest -q\n' })).toEqual(['test@7 bash "$SCRIPT" --all → scripts/check.sh:1 pytest -q']);
    // One script per job of a matrix: every script whose name fits around the computed part, and no other.
    const step = 'SCRIPT_NAME=${SERVICE}\nSCRIPT_NAME=${SCRIPT_NAME//-/_}\nSCRIPT_NAME="launch_${SCRIPT_NAME}_tests.sh"\nsh "scripts/${SCRIPT_NAME}" "$SUFFIX"';
    const scripts = {
      'scripts/launch_api_minio_tests.sh': 'docker exec "api-minio$1" python3 -m pytest --rootdir /app\n',
      'scripts/launch_api_gateway_tests.sh': 'docker exec "api-gateway$1" python3 -m pytest --rootdir /app\n',
      'scripts/setup-runners.sh': 'kubectl apply -f runners.yaml\n',
    };
    expect(stepsRunning(step, scripts)).toEqual([
      'test@7 sh "scripts/${SCRIPT_NAME}" "$SUFFIX" → scripts/launch_api_gateway_tests.sh:1 docker exec "api-gateway$1" python3 -m pytest --rootdir /app',
    ]);
    // A computed name that keeps nothing of its own fits every script of the folder: none is followed.
    expect(stepsRunning('bash "scripts/${TASK}.sh"', scripts)).toEqual([]);
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

  it("reads a lone -v as verbose for Python's test runners and linters, as a version elsewhere", () => {
    expect(stepsRunning('pytest -v')).toEqual(['test@7 pytest -v']);
    expect(stepsRunning('flake8 -v')).toEqual(['lint@7 flake8 -v']);
    expect(stepsRunning('.venv/bin/pytest -v')).toEqual(['test@7 .venv/bin/pytest -v']);
    expect(stepsRunning('pytest --version')).toEqual([]);
    expect(workflowFacts('node -v && docker -v').inert).toBe(true);
  });

  it('counts a step that uses an action as doing something, but not checking out the code', () => {
    const workflow = (step: string) => `on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - ${step}\n`;
    expect(pipelineAt(collect(ciCollector, { '.github/workflows/x.yml': workflow('run: echo hi') }).facts, '.github/workflows/x.yml').inert).toBe(true);
    expect(pipelineAt(collect(ciCollector, { '.github/workflows/x.yml': workflow('uses: acme/release-action@v1') }).facts, '.github/workflows/x.yml').inert).toBe(false);
  });
});

describe('task runners', () => {
  it('follows mise tasks, their dependencies, aliases and file tasks', () => {
    const miseToml = [
      '[tools]',
      'python = "3.12"',
      '',
      '[tasks.check]',
      'depends = ["check:*"]',
      '',
      '[tasks."check:lint"]',
      'run = "uv run ruff check ."',
      '',
      '[tasks."check:types"]',
      'run = ["uv run mypy src", "echo typed"]',
      '',
      '[tasks.test]',
      'alias = "t"',
      'description = "tests"',
      'run = "uv run pytest"',
      '',
    ].join('\n');
    expect(stepsRunning('mise run test', { 'mise.toml': miseToml })).toEqual(['test@7 mise run test → mise.toml:16 uv run pytest']);
    expect(stepsRunning('mise r t', { 'mise.toml': miseToml })).toEqual(['test@7 mise r t → mise.toml:16 uv run pytest']);
    expect(stepsRunning('mise run check', { 'mise.toml': miseToml })).toEqual([
      'lint@7 mise run check → mise.toml:8 uv run ruff check .',
      'typecheck@7 mise run check → mise.toml:11 uv run mypy src',
    ]);
    expect(stepsRunning('mise run e2e', { 'mise.toml': miseToml, 'mise-tasks/e2e': '#!/usr/bin/env bash\nplaywright test\n' })).toEqual([
      'test@7 mise run e2e → mise-tasks/e2e:2 playwright test',
    ]);
  });

  it('follows just recipes and their dependencies', () => {
    const justfile = 'default: lint test\n\nlint:\n    ruff check .\n\n# the suite\ntest *args: build\n    uv run pytest {{args}}\n\nbuild:\n    uv build\n';
    expect(stepsRunning('just test -x', { justfile })).toEqual(['build@7 just test -x → justfile:11 uv build', 'test@7 just test -x → justfile:8 uv run pytest {{args}}']);
    expect(stepsRunning('just', { justfile }).map((step) => step.split(' ')[0])).toEqual(['build@7', 'lint@7', 'test@7']);
  });

  it('follows Taskfile tasks, their deps and the tasks their commands call', () => {
    const taskfile = 'version: "3"\ntasks:\n  lint: ruff check .\n  test:\n    deps: [lint]\n    cmds:\n      - task: types\n      - cmd: pytest -q\n  types:\n    cmds:\n      - mypy src\n';
    expect(stepsRunning('task test', { 'Taskfile.yml': taskfile })).toEqual([
      'lint@7 task test → Taskfile.yml:3 ruff check .',
      'test@7 task test → Taskfile.yml:8 pytest -q',
      'typecheck@7 task test → Taskfile.yml:11 mypy src',
    ]);
  });

  it('follows a job submitted to a compute platform into the command its spec runs', () => {
    const spec = 'name: workloads\nruntime_env:\n  working_dir: .\nentrypoint: bash deploy/jobs/workloads.sh\nmax_retries: 0\n';
    const script = '#!/bin/bash\nset -e\npython -m pytest tests/code --verbose\n';
    expect(stepsRunning('anyscale jobs submit deploy/jobs/workloads.yaml', { 'deploy/jobs/workloads.yaml': spec, 'deploy/jobs/workloads.sh': script })).toEqual([
      'test@7 anyscale jobs submit deploy/jobs/workloads.yaml → deploy/jobs/workloads.yaml:4 bash deploy/jobs/workloads.sh → deploy/jobs/workloads.sh:3 python -m pytest tests/code --verbose',
    ]);
    const job = '$schema: https://azuremlschemas.azureedge.net/latest/commandJob.schema.json\ncommand: >-\n  python train.py\n  --data ${{inputs.data}}\ncode: src\n';
    expect(stepsRunning('az ml job create --file jobs/train.yml --web', { 'jobs/train.yml': job }).map((step) => step.split(' ')[0])).toEqual(['train@7']);
    // A spec that is not in the repository, or names no command, leaves the step as written.
    expect(stepsRunning('anyscale job submit missing.yaml')).toEqual([]);
  });

  it('follows tox environments in tox.ini, setup.cfg and pyproject.toml', () => {
    const toxIni = '[tox]\nenvlist = py{311,312}, lint\n\n[testenv]\ndeps = pytest\ncommands =\n    pytest {posargs:tests}\n    py312: coverage report\n\n[testenv:lint]\ncommands = ruff check .\n';
    expect(stepsRunning('tox -e lint', { 'tox.ini': toxIni })).toEqual(['lint@7 tox -e lint → tox.ini:11 ruff check .']);
    expect(stepsRunning('tox', { 'tox.ini': toxIni })).toEqual([
      'coverage@7 tox → tox.ini:8 coverage report',
      'lint@7 tox → tox.ini:11 ruff check .',
      'test@7 tox → tox.ini:7 pytest tests',
    ]);
    const setupCfg = '[metadata]\nname = x\n\n[tox:tox]\nenvlist = py3\n\n[testenv]\ncommands = python -m pytest\n';
    expect(stepsRunning('tox', { 'setup.cfg': setupCfg })).toEqual(['test@7 tox → setup.cfg:8 python -m pytest']);
    const legacy = '[project]\nname = "x"\n\n[tool.tox]\nlegacy_tox_ini = """\n[tox]\nenvlist = py3\n\n[testenv]\ncommands = pytest\n"""\n';
    expect(stepsRunning('tox', { 'pyproject.toml': legacy })).toEqual(['test@7 tox → pyproject.toml:10 pytest']);
    const native = '[tool.tox]\nenv_list = ["3.12", "type"]\n\n[tool.tox.env_run_base]\ncommands = [["pytest", "{posargs}"]]\n\n[tool.tox.env.type]\ncommands = [["mypy", "src"]]\n';
    expect(stepsRunning('tox run -e type', { 'pyproject.toml': native })).toEqual(['typecheck@7 tox run -e type → pyproject.toml:8 mypy src']);
  });

  it('reads the sessions of a noxfile as text, with the commands their session.run calls pass', () => {
    const noxfile = [
      'import nox',
      '',
      'nox.options.sessions = ["lint", "tests"]',
      '',
      '@nox.session(python=["3.11", "3.12"])',
      'def tests(session: nox.Session) -> None:',
      '    session.install(".[test]")',
      '    session.run(',
      '        "pytest",',
      '        "--cov",',
      '        *session.posargs,',
      '        env={"PYTHONWARNINGS": "error"},',
      '    )',
      '    session.notify("coverage")',
      '',
      '@nox.session',
      'def lint(session):',
      '    session.run("ruff", "check", ".")',
      '',
      '@nox.session(name="coverage")',
      'def report(session):',
      '    session.run("coverage", "report")',
      '',
      '@nox.session(default=False)',
      'def docs(session):',
      '    session.run("mkdocs", "build")',
      '',
    ].join('\n');
    expect(stepsRunning('nox -s tests-3.12', { 'noxfile.py': noxfile })).toEqual([
      'coverage@7 nox -s tests-3.12 → noxfile.py:10 pytest --cov',
      'test@7 nox -s tests-3.12 → noxfile.py:9 pytest --cov',
    ]);
    expect(stepsRunning('nox', { 'noxfile.py': noxfile }).map((step) => step.split(' → ')[1])).toEqual(['noxfile.py:10 pytest --cov', 'noxfile.py:18 ruff check .', 'noxfile.py:9 pytest --cov']);
  });

  it('follows invoke tasks, in a tasks package too, with their pre-tasks', () => {
    const tasks = 'from invoke import task\n\n@task\ndef clean(c):\n    c.run("rm -rf build")\n\n@task(pre=[clean])\ndef lint(c):\n    c.run("flake8 src")\n';
    expect(stepsRunning('inv lint', { 'tasks.py': tasks })).toEqual(['lint@7 inv lint → tasks.py:9 flake8 src']);
    const api = 'from invoke import task\n\n@task\ndef init_poetry_env(ctx):\n    ctx.run("poetry install")\n\n@task\ndef test(ctx):\n    """Run the API tests"""\n    with ctx.cd("api"):\n        print("Run tests")\n        ctx.run(f"poetry run pytest --last-failed {path}")\n';
    expect(stepsRunning('python -m poetry run inv api.test', { 'tasks/__init__.py': 'from tasks import api\n', 'tasks/api.py': api })).toEqual([
      'test@7 python -m poetry run inv api.test → tasks/api.py:12 poetry run pytest --last-failed {path}',
    ]);
  });

  it('follows package.json scripts with their pre and post scripts, and run-s', () => {
    const pkg = JSON.stringify({ name: 'web', scripts: { lint: 'eslint .', pretest: 'npm run lint', test: 'vitest run', ci: 'run-s lint test', 'test:e2e': 'playwright test' } }, null, 2);
    expect(stepsRunning('npm test', { 'web/package.json': pkg })).toEqual(['test@7 npm test']);
    expect(stepsRunning('cd web && npm test', { 'web/package.json': pkg })).toEqual([
      'lint@7 npm test → web/package.json:5 npm run lint → web/package.json:4 eslint .',
      'test@7 npm test → web/package.json:6 vitest run',
    ]);
    expect(stepsRunning('yarn --cwd web test:e2e', { 'web/package.json': pkg })).toEqual(['test@7 yarn --cwd web test:e2e → web/package.json:8 playwright test']);
    expect(stepsRunning('npm run ci --prefix web', { 'web/package.json': pkg }).map((step) => step.split(' ')[0])).toEqual(['lint@7', 'test@7']);
    expect(stepsRunning('npm run ci -- --bail', { 'package.json': pkg }).map((step) => step.split(' → ').pop())).toEqual(['package.json:4 eslint .', 'package.json:6 vitest run']);
  });

  it('follows poe, PDM, Hatch and Rye scripts and the project\'s own commands', () => {
    const pyproject = [
      '[project]',
      'name = "churn"',
      '',
      '[project.scripts]',
      'churn-train = "churn.training.train:main"',
      '',
      '[tool.poe.tasks]',
      'lint = "ruff check ."',
      'check = ["lint", "test"]',
      '',
      '[tool.poe.tasks.test]',
      'cmd = "pytest -q"',
      '',
      '[tool.pdm.scripts]',
      'pre_test = "ruff check ."',
      'test = "pytest"',
      'all = {composite = ["test", "mypy src"]}',
      '',
      '[tool.hatch.envs.default.scripts]',
      'cov = ["test-cov", "coverage report"]',
      'test-cov = "coverage run -m pytest"',
      '',
      '[tool.rye.scripts]',
      'check = { chain = ["lint:ruff", "test"] }',
      '"lint:ruff" = "ruff check ."',
      'test = { cmd = ["pytest", "-q"] }',
      '',
    ].join('\n');
    const files = { 'pyproject.toml': pyproject };
    expect(stepsRunning('uv run poe check', files)).toEqual(['lint@7 uv run poe check → pyproject.toml:8 ruff check .', 'test@7 uv run poe check → pyproject.toml:12 pytest -q']);
    expect(stepsRunning('pdm run all', files).map((step) => step.split(' → ').slice(1).join(' → '))).toEqual(['pyproject.toml:15 ruff check .', 'pyproject.toml:16 pytest', 'pyproject.toml:17 mypy src']);
    expect(stepsRunning('hatch run cov', files)).toEqual([
      'coverage@7 hatch run cov → pyproject.toml:21 coverage run -m pytest',
      'test@7 hatch run cov → pyproject.toml:21 coverage run -m pytest',
    ]);
    expect(stepsRunning('rye run check', files)).toEqual(['lint@7 rye run check → pyproject.toml:25 ruff check .', 'test@7 rye run check → pyproject.toml:26 pytest -q']);
    expect(stepsRunning('uv run churn-train --epochs 1', files)).toEqual(['train@7 uv run churn-train --epochs 1 → pyproject.toml:5 python -m churn.training.train']);
  });
});

describe('files a pipeline brings in', () => {
  it('reads the local files a GitLab pipeline includes, with jobs extending templates across files', () => {
    const main = 'include:\n  - local: ci/templates.yml\n  - "/ci/jobs/*.yml"\n  - template: Security/SAST.gitlab-ci.yml\n\nstages: [test]\n\nunit:\n  extends: .python\n  script:\n    - pytest -q\n';
    const templates = '.python:\n  image: python:3.12\n  before_script:\n    - pip install -e .\n\n.lint:\n  extends: .python\n  script:\n    - ruff check .\n';
    const lintJob = 'lint:\n  extends: .lint\n  rules:\n    - if: $CI_PIPELINE_SOURCE == "merge_request_event"\n';
    const { facts } = collect(ciCollector, { '.gitlab-ci.yml': main, 'ci/templates.yml': templates, 'ci/jobs/lint.yml': lintJob });
    const pipeline = pipelineAt(facts, '.gitlab-ci.yml');
    expect(pipeline).toMatchObject({ jobs: 2, triggers: ['push', 'pull_request'] });
    expect(pipeline.steps.map(shown)).toEqual([
      // The job is in ci/jobs/lint.yml; the script it inherits is written in ci/templates.yml.
      'lint@2 include: ci/templates.yml → ci/templates.yml:9 ruff check .',
      'sast@4 Security/SAST.gitlab-ci.yml',
      'test@11 pytest -q',
    ]);
  });

  it('follows a local composite action into the commands it runs', () => {
    const workflow = 'on: pull_request\njobs:\n  test:\n    runs-on: ubuntu-latest\n    defaults:\n      run:\n        working-directory: service\n    steps:\n      - uses: actions/checkout@v4\n      - uses: ./.github/actions/test\n        with:\n          python: "3.12"\n';
    const action = 'name: test\nruns:\n  using: composite\n  steps:\n    - uses: ./.github/actions/setup\n    - run: make test\n      shell: bash\n';
    const setup = 'name: setup\nruns:\n  using: composite\n  steps:\n    - uses: actions/setup-python@v5\n    - run: pip install -r requirements.txt\n      shell: bash\n';
    const { facts } = collect(ciCollector, {
      '.github/workflows/ci.yml': workflow,
      '.github/actions/test/action.yml': action,
      '.github/actions/setup/action.yaml': setup,
      'service/Makefile': 'test:\n\tpytest\n',
    });
    expect(pipelineAt(facts, '.github/workflows/ci.yml').steps.map(shown)).toEqual([
      'test@10 ./.github/actions/test → .github/actions/test/action.yml:6 make test → service/Makefile:2 pytest',
    ]);
  });

  it('reads an Azure template called from a pipeline wherever it is kept, and a Bash task\'s script file', () => {
    const pipeline = 'trigger: [main]\nsteps:\n  - template: ../shared/checks.yaml\n  - task: Bash@3\n    inputs:\n      filePath: $(System.DefaultWorkingDirectory)/ci/test.sh\n';
    const { facts } = collect(ciCollector, {
      'pipelines/ci.yml': pipeline,
      'shared/checks.yaml': 'parameters:\n  - name: strict\nsteps:\n  - ${{ if parameters.strict }}:\n    - script: mypy src\n',
      'ci/test.sh': 'pytest\n',
    });
    expect(pipelineAt(facts, 'pipelines/ci.yml').steps.map(shown)).toEqual(['test@6 bash $(System.DefaultWorkingDirectory)/ci/test.sh → ci/test.sh:1 pytest']);
    expect(pipelineAt(facts, 'shared/checks.yaml')).toMatchObject({ triggers: ['push', 'pull_request'], steps: [{ kind: 'typecheck', line: 5 }] });
  });

  it('reads the tasks of a Taskcluster file, whatever JSON-e template wraps them, and the events it reacts to', () => {
    const taskcluster = [
      'version: 1',
      'tasks:',
      '  $let:',
      '    head: ${event.after}',
      '  in:',
      '    $if: \'tasks_for == "github-push" || tasks_for[:19] == "github-pull-request"\'',
      '    then:',
      '      - $mergeDeep:',
      '          - { $eval: default_task }',
      '          - payload:',
      '              command:',
      '                - "/bin/bash"',
      '                - "-cx"',
      '                - "git clone --quiet ${repository} &&',
      '                  cd project &&',
      '                  uv run pytest --cov=./ tests/"',
      '',
    ].join('\n');
    const { facts } = collect(ciCollector, { '.taskcluster.yml': taskcluster });
    expect(pipelineAt(facts, '.taskcluster.yml')).toMatchObject({ provider: 'taskcluster', triggers: ['push', 'pull_request'], jobs: 1 });
    expect(pipelineAt(facts, '.taskcluster.yml').steps.map((step) => `${step.kind}@${step.line}`)).toEqual(['coverage@14', 'test@14']);
  });
});

describe('AWS CodePipeline declared as code', () => {
  it('reads a Terraform aws_codepipeline, and gives the buildspecs of its module\'s CodeBuild projects its trigger', () => {
    const pipeline = [
      'resource "aws_codepipeline" "ci" {',
      '  name = "modelbuild"',
      '  stage {',
      '    name = "Source"',
      '    action {',
      '      name     = "Source"',
      '      category = "Source"',
      '      provider = "GitHub"',
      '      configuration = { Repo = "x" }',
      '    }',
      '  }',
      '  stage {',
      '    name = "DeployStaging"',
      '    action {',
      '      name     = "Deploy"',
      '      category = "Deploy"',
      '      provider = "CloudFormation"',
      '    }',
      '  }',
      '}',
      '',
    ].join('\n');
    const codebuild = [
      'data "template_file" "buildspec" {',
      '  template = file("${path.module}/modelbuild_buildspec.yml")',
      '}',
      'resource "aws_codebuild_project" "build" {',
      '  source {',
      '    type      = "CODEPIPELINE"',
      '    buildspec = data.template_file.buildspec.rendered',
      '  }',
      '}',
      'resource "aws_codebuild_project" "test" {',
      '  source {',
      '    type      = "CODEPIPELINE"',
      '    buildspec = <<EOF',
      'version: 0.2',
      'phases:',
      '  build:',
      '    commands:',
      '      - pytest tests/',
      'EOF',
      '  }',
      '}',
      '',
    ].join('\n');
    const { facts } = collect(ciCollector, {
      'terraform/pipeline.tf': pipeline,
      'terraform/codebuild.tf': codebuild,
      'terraform/modelbuild_buildspec.yml': 'version: 0.2\nphases:\n  build:\n    commands:\n      - python run_pipeline.py\n',
      'terraform/variables.tf': 'variable "env" {}\n',
    });
    expect(pipelineAt(facts, 'terraform/pipeline.tf')).toMatchObject({ provider: 'aws-codepipeline', triggers: ['push'], jobs: 2, environments: ['staging'] });
    expect(pipelineAt(facts, 'terraform/pipeline.tf').steps.map(shown)).toEqual([
      'test@1 aws_codepipeline: the CodeBuild projects of its module → terraform/codebuild.tf:18 pytest tests/',
      'deploy@16 CloudFormation deploy: DeployStaging/Deploy',
    ]);
    expect(pipelineAt(facts, 'terraform/modelbuild_buildspec.yml')).toMatchObject({ provider: 'aws-codebuild', triggers: ['push'] });
    expect(facts.pipelines.map((p) => p.path)).not.toContain('terraform/variables.tf');
  });

  it('reads a CDK pipeline in TypeScript or Python: its source, the commands of its builds and its deploy actions', () => {
    const typescript = [
      "import { aws_codebuild, aws_codepipeline, aws_codepipeline_actions } from 'aws-cdk-lib';",
      'const build = new aws_codebuild.PipelineProject(this, "Build", {',
      '  buildSpec: aws_codebuild.BuildSpec.fromObject({',
      '    phases: {',
      '      install: { commands: ["pip install -r requirements.txt"] },',
      '      build: { commands: ["cd model", "python train.py", "pytest -q"] },',
      '    },',
      '  }),',
      '});',
      'new aws_codepipeline.Pipeline(this, "Pipeline", {',
      '  stages: [',
      '    { stageName: "Source", actions: [new aws_codepipeline_actions.CodeStarConnectionsSourceAction({ actionName: "GitHub" })] },',
      '    { stageName: "Deploy", actions: [new aws_codepipeline_actions.CloudFormationCreateUpdateStackAction({ actionName: "Deploy" })] },',
      '  ],',
      '});',
      '',
    ].join('\n');
    const ts = pipelineAt(collect(ciCollector, { 'infra/lib/pipeline-stack.ts': typescript }).facts, 'infra/lib/pipeline-stack.ts');
    expect(ts).toMatchObject({ provider: 'aws-codepipeline', triggers: ['push'] });
    expect(ts.steps.map((step) => `${step.kind}@${step.line}`)).toEqual(['test@6', 'train@6', 'deploy@13']);
    const python = 'from aws_cdk import pipelines\npipeline = pipelines.CodePipeline(self, "Pipeline",\n    synth=pipelines.ShellStep("Synth",\n        input=pipelines.CodePipelineSource.connection("org/repo", "main", connection_arn=arn),\n        commands=["pip install -r requirements.txt", "pytest", "npx cdk synth"]))\npipeline.add_stage(Prod(self, "Prod"))\n';
    const py = pipelineAt(collect(ciCollector, { 'app/pipeline_stack.py': python }).facts, 'app/pipeline_stack.py');
    expect(py).toMatchObject({ triggers: ['push'] });
    expect(py.steps.map((step) => `${step.kind}@${step.line}`)).toEqual(['test@5', 'deploy@6']);
  });

  it('does not take a program that names the constructs without importing the CDK for a pipeline', () => {
    const detector = [
      '// Finds `new codepipeline.Pipeline(…)` with a GitHub source and CloudFormationCreateUpdateStackAction deploys.',
      "const CDK_PIPELINE = /codepipeline\\.Pipeline\\s*\\(/;",
      "const SOURCES = ['GitHubSourceAction', 'CodePipelineSource.gitHub(this, x)'];",
      'export const example = `new codepipeline.Pipeline(this, "P", { stages: [] })`;',
      '',
    ].join('\n');
    expect(collect(ciCollector, { 'src/detect/codepipeline.ts': detector }).facts.pipelines).toEqual([]);
  });

  it('does not take code that only mentions a pipeline for one', () => {
    const { facts } = collect(ciCollector, { 'src/pipeline.py': 'from sklearn.pipeline import Pipeline\nmodel = Pipeline([("clf", clf)])\n', 'docs/cdk.ts': 'new codepipeline.Pipeline(this, "P")\n' });
    expect(facts.pipelines).toEqual([]);
  });
});
