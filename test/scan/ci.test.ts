import { describe, expect, it } from 'vitest';
import { ciCollector, PROVIDERS } from '../../src/scan/collectors/ci/index.js';
import { CiFileTable } from '../../src/scan/collectors/ci/provider.js';
import type { CiFacts, CiPipeline, CiStepKind } from '../../src/scan/facts.js';
import { enclosingInMemory } from '../../src/scan/enclosing.js';
import { collect } from '../helpers/collect.js';

function run(files: Record<string, string>) {
  return collect(ciCollector, files);
}

function pipelineAt(facts: CiFacts, path: string): CiPipeline {
  const found = facts.pipelines.find((pipeline) => pipeline.path === path);
  if (!found) throw new Error(`no pipeline at ${path}; have ${facts.pipelines.map((p) => p.path).join(', ')}`);
  return found;
}

/** The single pipeline read from one file. */
function only(path: string, text: string): CiPipeline {
  const { facts, warnings } = run({ [path]: text });
  expect(warnings).toEqual([]);
  return pipelineAt(facts, path);
}

/** Each step as `kind@line`, the way a reviewer reads evidence. */
function stepsOf(pipeline: CiPipeline): string[] {
  return pipeline.steps.map((step) => `${step.kind}@${step.line}`);
}

function kindsOf(pipeline: CiPipeline): CiStepKind[] {
  return [...new Set(pipeline.steps.map((step) => step.kind))].sort();
}

/** The kinds one shell command is classified as, in a minimal GitHub workflow. */
function commandKinds(command: string): CiStepKind[] {
  const workflow = `on: push\njobs:\n  ci:\n    runs-on: ubuntu-latest\n    steps:\n      - run: ${JSON.stringify(command)}\n`;
  return kindsOf(only('.github/workflows/ci.yml', workflow));
}

const GITHUB_CI = `name: CI

on:
  push:
    branches: [main]
  pull_request:

jobs:
  test:
    runs-on: ubuntu-latest
    strategy:
      matrix:
        python-version: ["3.10", "3.11"]
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-python@v5
        with:
          python-version: \${{ matrix.python-version }}
      - name: Install dependencies
        run: |
          python -m pip install --upgrade pip
          pip install -r requirements.txt
          pip install pytest pytest-cov
      - name: Lint
        run: ruff check src tests
      - name: Test
        run: |
          echo "Running the test suite"
          pytest tests/ \\
            --cov=src --cov-report=xml
      - uses: codecov/codecov-action@v4
  image:
    needs: test
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: docker/setup-buildx-action@v3
      - uses: docker/build-push-action@v5
        with:
          context: .
          push: \${{ github.event_name != 'pull_request' }}
          tags: ghcr.io/acme/churn-model:latest
`;

const GITHUB_RETRAIN = `name: Nightly retraining
on:
  schedule:
    - cron: "0 3 * * 1"
  workflow_dispatch:
    inputs:
      epochs:
        default: "20"
jobs:
  retrain:
    runs-on: [self-hosted, gpu]
    steps:
      - uses: actions/checkout@v4
      - run: pip install -e .
      - run: dvc pull data/raw
      - name: Train
        run: python -m src.train --epochs \${{ inputs.epochs || 20 }}
      - name: Evaluate
        run: python scripts/evaluate.py --model models/latest.pt
      - run: dvc metrics diff --md >> report.md
`;

const GITHUB_DOCS = `name: docs
on:
  push:
    branches: [main]
    paths: ["docs/**", "mkdocs.yml"]
jobs:
  deploy-docs:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: pip install mkdocs-material
      - run: mkdocs build --strict
      - uses: actions/upload-pages-artifact@v3
        with:
          path: site
      - uses: actions/deploy-pages@v4
`;

const GITHUB_DISABLED = `name: Old GPU benchmarks
on: [push, pull_request]
jobs:
  bench:
    if: false
    runs-on: ubuntu-latest
    steps:
      - run: pytest benchmarks/
  gpu:
    if: \${{ false }}
    runs-on: [self-hosted, gpu]
    steps:
      - run: python benchmark.py
`;

const GITHUB_DEPLOY = `name: Deploy model API
on:
  workflow_dispatch:
    inputs:
      image_tag:
        required: true
jobs:
  deploy:
    runs-on: ubuntu-latest
    environment:
      name: production
      url: https://api.acme.ai
    steps:
      - uses: actions/checkout@v4
      - uses: google-github-actions/auth@v2
        with:
          credentials_json: \${{ secrets.GCP_SA_KEY }}
      - name: Deploy to Cloud Run
        run: >
          gcloud run deploy churn-api
          --image europe-docker.pkg.dev/acme/models/churn-api:\${{ inputs.image_tag }}
          --region europe-west1
  smoke:
    needs: deploy
    runs-on: ubuntu-latest
    environment: production
    steps:
      - run: locust -f load/locustfile.py --headless -u 50 -t 1m --host https://api.acme.ai
`;

describe('GitHub Actions', () => {
  it('reads a CI workflow: triggers, jobs, and each step on its own line', () => {
    const pipeline = only('.github/workflows/ci.yml', GITHUB_CI);
    expect(pipeline).toMatchObject({
      provider: 'github-actions',
      triggers: ['push', 'pull_request'],
      disabled: false,
      jobs: 2,
      environments: [],
      manualApproval: false,
    });
    expect(stepsOf(pipeline)).toEqual(['lint@25', 'test@29', 'coverage@30', 'coverage@31', 'docker-build@38', 'docker-push@38']);
    expect(pipeline.steps.find((step) => step.kind === 'test')?.command).toBe('pytest tests/ --cov=src --cov-report=xml');
    expect(pipeline.steps.find((step) => step.kind === 'docker-build')?.command).toBe('docker/build-push-action@v5');
  });

  it('reads a scheduled retraining workflow', () => {
    const pipeline = only('.github/workflows/retrain.yml', GITHUB_RETRAIN);
    expect(pipeline.triggers).toEqual(['schedule', 'manual']);
    expect(stepsOf(pipeline)).toEqual(['data-pipeline@15', 'train@17', 'model-evaluation@19', 'model-report@20']);
  });

  it('sees that a docs workflow only builds docs', () => {
    const pipeline = only('.github/workflows/docs.yml', GITHUB_DOCS);
    expect(pipeline.triggers).toEqual(['push']);
    expect(kindsOf(pipeline)).toEqual(['docs']);
  });

  it('marks a workflow whose every job is switched off as disabled', () => {
    const pipeline = only('.github/workflows/bench.yml', GITHUB_DISABLED);
    expect(pipeline).toMatchObject({ disabled: true, jobs: 2, steps: [] });
  });

  it('reads a manual deployment with its environment', () => {
    const pipeline = only('.github/workflows/deploy.yml', GITHUB_DEPLOY);
    expect(pipeline).toMatchObject({ triggers: ['manual'], environments: ['production'], disabled: false });
    expect(stepsOf(pipeline)).toEqual(['deploy@20', 'load-test@28']);
    expect(pipeline.steps[0]!.command).toMatch(/^gcloud run deploy churn-api --image/);
  });

  it.each([
    ['on: push', ['push']],
    ['on: [push, pull_request_target]', ['push', 'pull_request']],
    ['on:\n  push:\n    tags: ["v*"]', ['tag']],
    ['on:\n  push:\n    branches: [main]\n    tags: ["v*"]', ['push', 'tag']],
    ['on:\n  release:\n    types: [published]\n  repository_dispatch:', ['manual', 'other']],
    ['on:\n  workflow_run:\n    workflows: [CI]\n  merge_group:', ['pull_request', 'other']],
  ])('reads triggers from %j', (on, triggers) => {
    const pipeline = only('.github/workflows/x.yml', `${on}\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make test\n`);
    expect(pipeline.triggers).toEqual(triggers);
    expect(pipeline.disabled).toBe(false);
  });

  it('marks a workflow without `on:` as disabled', () => {
    const pipeline = only('.github/workflows/x.yml', 'jobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: pytest\n');
    expect(pipeline).toMatchObject({ triggers: [], disabled: true });
  });

  it('skips steps switched off with `if: false`', () => {
    const pipeline = only(
      '.github/workflows/x.yml',
      'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: pytest\n        if: false\n      - run: mypy src\n',
    );
    expect(stepsOf(pipeline)).toEqual(['typecheck@8']);
  });

  it('gives a reusable workflow the triggers of the workflows that call it', () => {
    const { facts } = run({
      '.github/workflows/ci.yml': 'on: [pull_request]\njobs:\n  tests:\n    uses: ./.github/workflows/tests.yml\n    secrets: inherit\n',
      '.github/workflows/tests.yml': 'on:\n  workflow_call:\njobs:\n  pytest:\n    runs-on: ubuntu-latest\n    steps:\n      - run: uv run pytest\n',
      '.github/workflows/orphan.yml': 'on: workflow_call\njobs:\n  lint:\n    runs-on: ubuntu-latest\n    steps:\n      - run: ruff check .\n',
    });
    expect(pipelineAt(facts, '.github/workflows/tests.yml')).toMatchObject({ triggers: ['pull_request', 'other'], disabled: false });
    expect(pipelineAt(facts, '.github/workflows/orphan.yml')).toMatchObject({ triggers: ['other'], disabled: false });
  });

  it("follows a call of this repository's own workflow written with its owner and name", () => {
    const { facts } = run({
      '.github/workflows/_cicd.yml': 'on:\n  push:\n    branches: [main]\njobs:\n  release-preprod:\n    uses: acme/app/.github/workflows/build-and-release.yml@main\n    with:\n      environment: preprod\n    secrets: inherit\n',
      '.github/workflows/build-and-release.yml': 'on:\n  workflow_call:\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make test\n',
    });
    expect(pipelineAt(facts, '.github/workflows/build-and-release.yml')).toMatchObject({ triggers: ['push', 'other'], disabled: false });
    expect(stepsOf(pipelineAt(facts, '.github/workflows/_cicd.yml'))).toEqual([]);
  });

  it("reads a template's seed repository's workflows from the seed's root, when the project has no .github of its own", () => {
    const seed = {
      'seedcode/.github/workflows/build.yml': 'on:\n  push:\n    branches: [main]\njobs:\n  test:\n    uses: ./.github/workflows/tests.yml\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: ./.github/actions/setup\n      - run: make test\n',
      'seedcode/.github/workflows/tests.yml': 'on: workflow_call\njobs:\n  pytest:\n    runs-on: ubuntu-latest\n    steps:\n      - run: pytest tests\n',
      'seedcode/.github/actions/setup/action.yml': 'runs:\n  using: composite\n  steps:\n    - run: ruff check .\n      shell: bash\n',
      'seedcode/Makefile': 'test:\n\tpython -m pytest tests/\n',
      'project/template.yml': 'Resources: {}\n',
    };
    const { facts } = run(seed);
    expect(facts.pipelines.map((pipeline) => pipeline.path)).toEqual(['seedcode/.github/workflows/build.yml', 'seedcode/.github/workflows/tests.yml']);
    const build = pipelineAt(facts, 'seedcode/.github/workflows/build.yml');
    expect(build.steps.map((step) => `${step.kind} ${(step.via ?? []).map((hop) => hop.path).join(' ')}`)).toEqual([
      'lint seedcode/.github/actions/setup/action.yml',
      'test seedcode/Makefile',
    ]);
    expect(pipelineAt(facts, 'seedcode/.github/workflows/tests.yml')).toMatchObject({ triggers: ['push', 'other'], disabled: false });
    // GitHub runs only the root's workflows: beside them, a folder's own are not the project's CI.
    const beside = run({ ...seed, '.github/workflows/ci.yml': 'on: push\njobs:\n  lint:\n    runs-on: ubuntu-latest\n    steps:\n      - run: ruff check .\n' });
    expect(beside.facts.pipelines.map((pipeline) => pipeline.path)).toEqual(['.github/workflows/ci.yml']);
  });

  it("reads another repository's reusable workflows by the names of their files", () => {
    const pipeline = only(
      '.github/workflows/release.yml',
      [
        'on: push',
        'jobs:',
        '  start-runner:',
        '    uses: acme/core-actions/.github/workflows/start-runner.yml@main',
        '  build-image:',
        '    uses: acme/core-actions/.github/workflows/build-docker.yml@main',
        '  release-terraform:',
        '    uses: acme/core-actions/.github/workflows/apply-terraform.yml@main',
        '  codeql:',
        '    uses: huggingface/security-workflows/.github/workflows/codeql-reusable.yml@v1.2.0',
        '  docs:',
        '    uses: huggingface/doc-builder/.github/workflows/build_pr_documentation.yml@main',
        '  latest:',
        '    uses: acme/core-actions/.github/workflows/latest-release.yml@main',
        '',
      ].join('\n'),
    );
    expect(stepsOf(pipeline)).toEqual(['docker-build@6', 'infra@8', 'sast@10', 'docs@12']);
  });

  it("reads infrastructure another repository's workflow applies with this run's image as a deployment", () => {
    // i-dot-ai/minute's release.yml: the app's ECS service is released by applying Terraform with the image tag.
    const release = only(
      '.github/workflows/release.yml',
      [
        'on:',
        '  workflow_run:',
        '    workflows: [build-push]',
        '    types: [completed]',
        'jobs:',
        '  apply-infra:',
        '    uses: i-dot-ai/core-github-actions/.github/workflows/apply-terraform.yml@main',
        '    with:',
        '      APP_NAME: minute',
        '      IMAGE_TAG: ${{ github.sha }}',
        '  plan-network:',
        '    uses: i-dot-ai/core-github-actions/.github/workflows/apply-terraform.yml@main',
        '    with:',
        '      APP_NAME: network',
        '      TERRAFORM_VERSION: 1.9.0',
        '',
      ].join('\n'),
    );
    expect(stepsOf(release)).toEqual(['deploy@7', 'infra@7', 'infra@12']);
  });

  it("reads another repository's reusable workflows by the tools they are named for, and by the inputs that ask them to test or lint", () => {
    const pipeline = only(
      '.github/workflows/ci.yml',
      [
        'on: [push, pull_request]',
        'jobs:',
        '  security-analysis:',
        '    uses: alphagov/govuk-infrastructure/.github/workflows/brakeman.yml@main',
        '  dependency-review:',
        '    uses: alphagov/govuk-infrastructure/.github/workflows/dependency-review.yml@main',
        '  lint-ruby:',
        '    uses: alphagov/govuk-infrastructure/.github/workflows/rubocop.yml@main',
        '  test-javascript:',
        '    uses: alphagov/govuk-infrastructure/.github/workflows/jasmine.yml@main',
        '  branch-ci:',
        '    uses: openclimatefix/.github/.github/workflows/nondefault_branch_push_ci_python.yml@main',
        '    with:',
        '      enable_linting: true',
        '      enable_typechecking: false',
        '      tests_folder: tests',
        '  other-ci:',
        '    uses: openclimatefix/.github/.github/workflows/nondefault_branch_push_ci_python.yml@main',
        '    with:',
        '      enable_linting: false',
        '      tests_folder: ""',
        '',
      ].join('\n'),
    );
    expect(stepsOf(pipeline)).toEqual(['sast@4', 'dependency-scan@6', 'lint@8', 'test@10', 'lint@12', 'test@12']);
  });
});

describe('R code run as a step', () => {
  it("reads a step whose shell is Rscript as the R command it runs, r-lib's coverage job among them", () => {
    const pipeline = only(
      '.github/workflows/test-coverage.yaml',
      [
        'on: [push, pull_request]',
        'jobs:',
        '  coverage:',
        '    runs-on: ubuntu-latest',
        '    steps:',
        '      - name: Test coverage',
        '        run: |',
        '          # every test of the package, with coverage',
        "          cov <- covr::package_coverage(quiet = FALSE, install_path = file.path(normalizePath(Sys.getenv('RUNNER_TEMP')), 'package'))",
        '          covr::to_cobertura(cov)',
        '        shell: Rscript {0}',
        '      - name: Site',
        '        shell: Rscript {0}',
        '        run: pkgdown::build_site_github_pages(new_process = FALSE)',
        '',
      ].join('\n'),
    );
    expect(stepsOf(pipeline)).toEqual(['coverage@9', 'test@9']);
  });
});

describe('Azure DevOps pipelines in a folder of the team\'s choosing', () => {
  const pipeline = `trigger:
  branches:
    include: [master]
pool:
  vmImage: ubuntu-latest
stages:
  - stage: Test
    jobs:
      - job: Unit
        steps:
          - script: python -m pytest tests/unit
`;
  const amlPipelineJob = `$schema: https://azuremlschemas.azureedge.net/latest/pipelineJob.schema.json
type: pipeline
jobs:
  train:
    command: python train.py
`;

  it('reads a pipeline under .pipelines/ and its test step', () => {
    const found = only('.pipelines/diabetes_regression-ci.yml', pipeline);
    expect(found).toMatchObject({ provider: 'azure-pipelines', triggers: ['push', 'pull_request'] });
    expect(stepsOf(found)).toEqual(['test@11']);
  });

  it('leaves other YAML in such folders alone (an Azure ML pipeline job)', () => {
    const { facts, warnings } = run({ 'pipelines/train.yml': amlPipelineJob });
    expect(facts.pipelines).toEqual([]);
    expect(warnings).toEqual([]);
  });

  it('recognises a pipeline by its shape in any folder, and the step template it calls', () => {
    const build = 'pr: none\ntrigger:\n  branches:\n    include: [master]\nstages:\n- stage: Model_CI\n  jobs:\n  - job: build\n    steps:\n    - template: azdo-base-pipeline.yml\n    - task: AzureCLI@1\n';
    const base = 'parameters:\n  pipelineType: training\nsteps:\n- script: |\n   flake8 src\n  workingDirectory: $(Build.SourcesDirectory)\n- script: |\n   pytest tests/unit\n';
    const { facts } = run({ 'devops_pipelines/azdo-ci-build-train.yml': build, 'devops_pipelines/azdo-base-pipeline.yml': base, 'azure-pipelines/PIPELINE-1-modeling.yml': pipeline });
    expect(facts.pipelines.map((p) => [p.path, p.provider, p.triggers.join(',')])).toEqual([
      ['azure-pipelines/PIPELINE-1-modeling.yml', 'azure-pipelines', 'push,pull_request'],
      ['devops_pipelines/azdo-base-pipeline.yml', 'azure-pipelines', 'push'],
      ['devops_pipelines/azdo-ci-build-train.yml', 'azure-pipelines', 'push'],
    ]);
    expect(stepsOf(pipelineAt(facts, 'devops_pipelines/azdo-base-pipeline.yml'))).toEqual(['lint@5', 'test@8']);
  });

  it.each([
    ['a GitLab CI file kept in a folder', 'ci/jobs.yml', 'stages: [test]\ntests:\n  stage: test\n  needs:\n    - job: build\n  script:\n    - pytest\n'],
    ['a GitLab file of includes', 'ci/main.yml', 'include:\n  - template: Security/SAST.gitlab-ci.yml\nstages:\n  - test\n'],
    ['docker-compose', 'docker-compose.yml', 'services:\n  api:\n    build: .\n    command: pytest\n'],
    ['a Kubernetes Job', 'k8s/job.yaml', 'apiVersion: batch/v1\nkind: Job\nspec:\n  template:\n    spec:\n      containers:\n        - name: train\n          command: ["python", "train.py"]\n'],
    ['a conda environment', 'environment.yml', 'name: churn\ndependencies:\n  - python=3.11\n  - pip:\n    - pytest\n'],
    ['Helm values', 'chart/values.yaml', 'jobs:\n  cleanup:\n    schedule: "0 3 * * *"\n    script: ./cleanup.sh\n'],
  ])('does not take %s for a pipeline', (_what, path, text) => {
    expect(run({ [path]: text }).facts.pipelines).toEqual([]);
  });
});

describe('line numbers', () => {
  it('points at the matching line inside a `run: |` block, not at `run:`', () => {
    const workflow = [
      'on: pull_request', // 1
      'jobs:', // 2
      '  ci:', // 3
      '    runs-on: ubuntu-latest', // 4
      '    steps:', // 5
      '      - name: Checks', // 6
      '        run: |', // 7
      '          set -euo pipefail', // 8
      '', // 9
      '          # static checks first', // 10
      '          pre-commit run --all-files', // 11
      '          poetry run mypy src', // 12
      '          poetry run python -m pytest -q tests/unit', // 13
      '', // 14
    ].join('\n');
    const pipeline = only('.github/workflows/ci.yml', workflow);
    expect(pipeline.steps).toEqual([
      { kind: 'lint', command: 'pre-commit run --all-files', line: 11 },
      { kind: 'typecheck', command: 'poetry run mypy src', line: 12 },
      { kind: 'test', command: 'poetry run python -m pytest -q tests/unit', line: 13 },
    ]);
  });

  it('shows the command itself, without the shell keywords around it', () => {
    const workflow = 'on: push\njobs:\n  a:\n    steps:\n      - run: |\n          if [ "$SLOW" = 1 ]; then pytest -m slow; fi\n';
    expect(only('.github/workflows/a.yml', workflow).steps).toEqual([{ kind: 'test', command: 'pytest -m slow', line: 6 }]);
  });

  it('reads a push to a remote the script added as a push to its URL, shown as written', () => {
    const workflow = [
      'on: push',
      'jobs:',
      '  a:',
      '    steps:',
      '      - run: |',
      '          git remote add space https://user:$HF_TOKEN@huggingface.co/spaces/${{ secrets.HF_USER }}/app || true',
      '          git push space main:main --force',
      '      - run: git push origin main',
      '',
    ].join('\n');
    expect(only('.github/workflows/a.yml', workflow).steps).toEqual([{ kind: 'deploy', command: 'git push space main:main --force', line: 7 }]);
  });

  it('handles CRLF line endings', () => {
    const workflow = 'on: push\r\njobs:\r\n  a:\r\n    steps:\r\n      - run: |\r\n          echo hi\r\n          tox\r\n';
    expect(stepsOf(only('.github/workflows/a.yml', workflow))).toEqual(['test@7']);
  });
});

describe('steps allowed to fail', () => {
  /** Each step as `kind@line`, with `~` for one whose failure fails nothing. */
  const toleratedOf = (pipeline: CiPipeline) => pipeline.steps.map((step) => `${step.kind}@${step.line}${step.tolerated ? '~' : ''}`);

  it('reads continue-on-error on a step or a job, and leaves an expression undecided', () => {
    const workflow = [
      'on: push',
      'jobs:',
      '  scan:',
      '    steps:',
      '      - run: bandit -r src',
      '        continue-on-error: true',
      '      - run: pip-audit',
      '  experimental:',
      '    continue-on-error: true',
      '    steps:',
      '      - uses: gitleaks/gitleaks-action@v2',
      '  matrix:',
      '    continue-on-error: ${{ matrix.experimental }}',
      '    steps:',
      '      - run: semgrep ci',
      '',
    ].join('\n');
    expect(toleratedOf(only('.github/workflows/a.yml', workflow))).toEqual(['sast@5~', 'dependency-scan@7', 'secret-scan@11~', 'sast@15']);
  });

  it.each([
    ['bandit -r src || true', true],
    ['bandit -r src || exit 0', true],
    ['bandit -r src || :', true],
    ['bandit -r src || echo "bandit found issues"', true],
    ['bandit -r src || exit 1', false],
    // The report is read by what comes next (a check that exits on high-severity findings, an upload).
    ['bandit -r src -f json -o bandit-report.json || true', false],
    ['bandit -r src --output=bandit.sarif -f sarif || true', false],
    ['bandit -r src > bandit.txt || true', false],
    ['bandit -r src || (echo "bandit found issues"; exit 1)', false],
    ['bandit -r src', false],
  ])('%s: tolerated %s', (command, expected) => {
    const [step] = only('.github/workflows/a.yml', `on: push\njobs:\n  a:\n    steps:\n      - run: ${JSON.stringify(command)}\n`).steps;
    expect(step).toMatchObject({ kind: 'sast' });
    expect(step!.tolerated ?? false).toBe(expected);
  });

  it('counts a scan allowed to fail in a job that uploads its SARIF to code scanning as reported, not tolerated', () => {
    const workflow = [
      'on: push',
      'jobs:',
      '  msdo:',
      '    steps:',
      '      - uses: microsoft/security-devops-action@v1',
      '        continue-on-error: true',
      '      - uses: github/codeql-action/upload-sarif@v3',
      '        with:',
      '          sarif_file: ${{ steps.msdo.outputs.sarifFile }}',
      '',
    ].join('\n');
    expect(toleratedOf(only('.github/workflows/a.yml', workflow))).toEqual(['sast@5']);
  });

  it('reads allow_failure on a GitLab job, through extends too, and continueOnError on an Azure step', () => {
    const gitlab = 'lenient:\n  allow_failure: true\nsecrets:\n  extends: .lenient\n  script:\n    - gitleaks detect --source .\ndeps:\n  script:\n    - pip-audit\n'.replace('lenient:', '.lenient:');
    expect(toleratedOf(only('.gitlab-ci.yml', gitlab))).toEqual(['secret-scan@6~', 'dependency-scan@9']);
    const azure = 'trigger: [main]\nsteps:\n  - script: bandit -r src\n    continueOnError: true\n  - script: pip-audit\n';
    expect(toleratedOf(only('azure-pipelines.yml', azure))).toEqual(['sast@3~', 'dependency-scan@5']);
  });
});

describe('command classification', () => {
  it.each<[string, CiStepKind[]]>([
    ['pytest -n auto --cov=src', ['coverage', 'test']],
    ['python -m pytest', ['test']],
    ['PYTHONPATH=apps/web "${ci_python}" -m pytest apps/web/tests -q', ['test']],
    ['$VENV_PYTHON -m ruff check src', ['lint']],
    ['"${ci_pythonpath}" -m pytest', []],
    ['python3 -m unittest discover -s tests', ['test']],
    ['python test.py', ['test']],
    ['python3 -u tests/test_model.py', ['test']],
    ['python -m tests.smoke', ['test']],
    ['python setup.py nosetests', ['test']],
    ['uv run pytest', ['test']],
    ['hatch test', ['test']],
    ['hatch run cov', ['coverage', 'test']],
    ['tox', ['test']],
    ['tox -e lint,type', ['lint', 'typecheck']],
    ['nox -s tests-3.11', ['test']],
    ['make test', ['test']],
    ['make -C docs html', ['docs']],
    ['npm test -- --coverage', ['coverage', 'test']],
    ['pnpm run lint', ['lint']],
    ['go test ./...', ['test']],
    ['xcodebuild -scheme UltralyticsYOLO -sdk iphonesimulator -destination "$DESTINATION" -enableCodeCoverage YES clean build test', ['test']],
    ['swift test --parallel', ['test']],
    ['xcodebuild -scheme App -testPlan Smoke build', []],
    ['sbt clean coverage test', ['test']],
    ['R CMD check --no-manual vetiver_0.2.tar.gz', ['test']],
    [`Rscript -e 'devtools::test()'`, ['test']],
    [`Rscript -e 'covr::codecov(quiet = FALSE)'`, ['coverage', 'test']],
    [`julia --project -e 'using Pkg; Pkg.test()'`, ['test']],
    ['bundle exec rake spec', ['test']],
    ['bundle exec rspec spec/lib', ['test']],
    ['bin/rails test', ['test']],
    ['bundle exec rake db:setup', []],
    ['bundle exec rubocop', ['lint']],
    [`Rscript -e 'pkgdown::build_site()'`, []],
    ['./gradlew --parallel scalaStyle testScoverageClasses', ['lint']],
    ['./gradlew checkstyleMain spotlessCheck test', ['lint', 'test']],
    ['sbt scalafmtCheckAll test', ['lint', 'test']],
    ['cargo fmt --all -- --check', ['lint']],
    ['cargo fmt --all', []],
    [`Rscript -e 'lintr::lint_package()'`, ['lint']],
    ['cd service && pip install -e ".[dev]" && pytest', ['test']],
    ['coverage run -m pytest && coverage xml', ['coverage', 'test']],
    ['coverage run manage.py test tests', ['coverage', 'test']],
    ['coverage run --source=src --branch -m unittest discover', ['coverage', 'test']],
    ['poetry run coverage run --rcfile .coveragerc setup.py test', ['coverage', 'test']],
    ['coverage run --module pytest -x', ['coverage', 'test']],
    ['coverage run src/train.py', ['coverage', 'train']],
    ['coverage run', ['coverage']],
    ['black --check .', ['lint']],
    ['isort --check-only --diff .', ['lint']],
    ['nbqa flake8 notebooks/', ['lint']],
    ['npx tsc --noEmit', ['typecheck']],
    ['python -m build', ['build']],
    ['docker build -t acme/model:$GITHUB_SHA .', ['docker-build']],
    ['docker buildx build --platform linux/amd64 --push -t acme/model .', ['docker-build', 'docker-push']],
    ['docker compose -f docker-compose.ci.yml build', ['docker-build']],
    ['docker push acme/model:latest', ['docker-push']],
    ['/kaniko/executor --context . --destination $IMAGE', ['docker-build', 'docker-push']],
    ['sbt docker', ['docker-build']],
    ['sbt clean test dockerBuildAndPush', ['docker-build', 'docker-push', 'test']],
    ['sbt Docker/publish', ['docker-build', 'docker-push']],
    ['./mvnw -B compile jib:build', ['docker-build', 'docker-push']],
    ['./gradlew jibDockerBuild', ['docker-build']],
    ['sbt dockerfile', []],
    ['kubectl -n serving apply -f k8s/', ['deploy']],
    ['helm upgrade --install churn ./chart --set image.tag=$TAG', ['deploy']],
    ['az ml online-deployment create -f deployment.yml --all-traffic', ['deploy']],
    ['aws sagemaker update-endpoint --endpoint-name churn', ['deploy']],
    ['terraform -chdir=infra plan -out tfplan', ['infra']],
    ['great_expectations checkpoint run raw_orders', ['data-validation']],
    ['python src/data/validate.py --input data/raw', ['data-validation']],
    ['pytest tests/data', ['data-validation', 'test']],
    ['dbt build --target ci', ['data-pipeline', 'data-validation']],
    ['kedro run --pipeline training', ['data-pipeline', 'ml-pipeline']],
    ['dvc repro', ['ml-pipeline']],
    ['accelerate launch --multi_gpu scripts/train_lora.py', ['train']],
    ['make train', ['train']],
    ['cml comment create report.md', ['model-report']],
    ['anyscale service rollout --service-config-file deploy/services/serve_model.yaml', ['deploy']],
    ['uv run mda deploy . --name "$NAME" --deployment-type prod', ['deploy']],
    ['databricks bundle deploy -t prod', ['deploy']],
    ['serve deploy combined.yaml --address http://localhost:8265', ['deploy']],
    ['serve run src.ray_serve:app', []],
    ['git push https://user:$HF_TOKEN@huggingface.co/spaces/acme/chat main --force', ['deploy']],
    ['git push https://git.heroku.com/acme-model.git HEAD:main', ['deploy']],
    ['git push https://huggingface.co/datasets/acme/reviews main', []],
    ['git push origin main', []],
    ['huggingface-cli upload acme/chat . --repo-type=space', ['deploy']],
    ['hf upload acme/chat ./app --repo-type space', ['deploy']],
    ['huggingface-cli upload acme/bert ./model --repo-type model', []],
    ['databricks --profile ci bundle deploy --var="git_sha=$SHA"', ['deploy']],
    ['databricks bundle run model_training_job -t test', ['ml-pipeline']],
    ['databricks bundle run -t test write_feature_table_job', []],
    ['databricks bundle validate -t staging', []],
    ['pytest --dataset-loc=$DATASET_LOC tests/data --verbose', ['data-validation', 'test']],
    ['pytest src/tests/datasource_utils_tests.py -s', ['test']],
    ['python model/run_pipeline.py --role-arn=$ROLE', ['ml-pipeline']],
    ['python hello.py --branch ${{ github.head_ref || github.ref_name }} argo-workflows create', ['ml-pipeline']],
    ['python flows/train.py --with retry step-functions trigger', ['ml-pipeline', 'train']],
    ['python scripts/validation/validate_pipeline_compute.py --pipelines-dir pipelines', []],
    ['python ci/check_pipelines.py', []],
    ['python run.py --pipeline training --environment staging', ['ml-pipeline']],
    ['python run.py --training-pipeline', ['ml-pipeline']],
    ['python run.py --pipeline batch_inference --environment production', []],
    ['python scripts/generate_training_report.py --pipeline training_pipeline --output training_report.md', []],
    ['python src/training_summary.py', []],
    ['python src/train_model.py --report', ['train']],
    ['python -m ml_service.pipelines.diabetes_regression_build_train_pipeline', ['ml-pipeline', 'train']],
    ['python -m ml_service.pipelines.diabetes_regression_build_parallel_batchscore_pipeline', []],
    ['gitleaks detect --source . --redact', ['secret-scan']],
    ['pip-audit -r requirements.txt', ['dependency-scan']],
    ['safety check --full-report', ['dependency-scan']],
    ['bandit -r src -ll', ['sast']],
    ['uvx zizmor --format sarif .', ['sast']],
    ['poutine analyze_local .', ['sast']],
    ['docker run --rm -i hadolint/hadolint < Dockerfile', ['sast']],
    ['Assert-PSRule -InputPath ./infra/ -Module PSRule.Rules.Azure -Baseline Azure.Pillar.Security', ['sast']],
    ['trivy image --exit-code 1 acme/model:latest', ['image-scan']],
    ['trivy fs --scanners vuln,secret .', ['dependency-scan', 'secret-scan']],
    ['grype dir:.', ['dependency-scan']],
    ['grype acme/model:latest', ['image-scan']],
    ['syft packages acme/model:latest -o cyclonedx-json', ['sbom']],
    ['k6 run load/smoke.js', ['load-test']],
    ['sphinx-build -W -b html docs docs/_build', ['docs']],
    ['docker compose run --rm app poetry run pytest -x', ['test']],
    // A package runner may fetch the tool at a version: the tool is what runs.
    ['npx promptfoo@latest eval -c evals/promptfooconfig.yaml', ['model-evaluation']],
    ['npx -y promptfoo@0.96.0 eval', ['model-evaluation']],
    ['bunx promptfoo@latest eval', ['model-evaluation']],
    ['uvx deepeval@3.1.0 test run tests/test_rag.py', ['model-evaluation']],
    ['pnpm dlx promptfoo@latest eval', ['model-evaluation']],
    ['uvx ruff@0.6.9 check .', ['lint']],
    // A substituted word where the image goes holds either the image or more options: both are read.
    ['docker compose run ${{ env.EXTRA_COMPOSE_OPTIONS }} app pytest -x', ['test']],
    ['docker compose run $COMPOSE_OPTS app bash -c "pip install pytest-split && pytest --splits 10"', ['test']],
    ['docker run --rm ${{ env.IMAGE }} python -m pytest tests', ['test']],
    ['docker run "$IMAGE" pytest', ['test']],
    ['docker run ${{ env.IMAGE }} ${{ matrix.command }}', []],
    ['bash -c "pip install . && pytest -q"', ['test']],
    ['./scripts/deploy.sh production', ['deploy']],
    ['python deploy_stack.py --region us-east-2 --stack-name github-stg --param-file staging-config-export.json', ['deploy']],
    ['python -m mlops.common.deploy_endpoint --env prod', ['deploy']],
    ['python scripts/deploy_docs.py', []],
    ['uv run --active python -m src.deployment.cli deploy prediction_api --tag abc123', ['deploy']],
    ['python manage.py deploy --env production', ['deploy']],
    ['python -m tools.cli deploy-docs', []],
    ['python -m src.deployment.cli verify prediction_api', []],
    ['python build_deployment_configs.py --region "$AWS_REGION"', []],
    ['sudo -E env PATH=$PATH python train.py', ['train']],
  ])('%s → %j', (command, kinds) => {
    expect(commandKinds(command)).toEqual(kinds);
  });

  it.each<[string, string, CiStepKind[]]>([
    ['docker/build-push-action@v6', 'push: false', ['docker-build']],
    ['docker/build-push-action@v6', 'push: true', ['docker-build', 'docker-push']],
    ['whoan/docker-build-with-cache-action@v5', 'image_name: acme/model', ['docker-build', 'docker-push']],
    ['whoan/docker-build-with-cache-action@v5', 'push_image_and_stages: false', ['docker-build']],
    ['whoan/docker-build-with-cache-action@v5', "push_image_and_stages: ${{ github.event_name != 'pull_request' }}", ['docker-build', 'docker-push']],
    ['mr-smithers-excellent/docker-build-push@v6', 'pushImage: false', ['docker-build']],
    ['elgohr/Publish-Docker-Github-Action@v5', 'name: acme/model', ['docker-build', 'docker-push']],
    ['elgohr/Publish-Docker-Github-Action@v5', 'no_push: true', ['docker-build']],
    ['aquasecurity/trivy-action@0.28.0', 'image-ref: acme/model:latest', ['image-scan']],
    ['promptfoo/promptfoo-action@v1', 'config: prompts/promptfooconfig.yaml', ['model-evaluation']],
    ['aquasecurity/trivy-action@0.28.0', 'scan-type: fs', ['dependency-scan']],
    ['aquasecurity/trivy-action@0.28.0', 'scan-type: config', ['sast']],
    ['anchore/scan-action@v4', 'path: .', ['dependency-scan']],
    ['github/codeql-action/analyze@v3', 'category: python', ['sast']],
    ['gitleaks/gitleaks-action@v2', 'config: .gitleaks.toml', ['secret-scan']],
    ['pypa/gh-action-pip-audit@v1.1.0', 'inputs: requirements.txt', ['dependency-scan']],
    ['iterative/setup-cml@v2', 'version: latest', ['model-report']],
    ['azure/webapps-deploy@v3', 'app-name: churn-api', ['deploy']],
    ['docker://hadolint/hadolint:v2.12.0', 'args: Dockerfile', ['sast']],
    ['zizmorcore/zizmor-action@6599ee8b7a49aef6a770f63d261d214911a7ce02', 'advanced-security: false', ['sast']],
    ['actions/setup-python@v5', 'python-version: "3.11"', []],
    ['microsoft/security-devops-action@preview', 'tools: templateanalyzer', ['sast']],
    ['microsoft/security-devops-action@v1', 'tools: bandit,trivy', ['dependency-scan', 'sast']],
    // PSRule for Azure checks Bicep and ARM templates, the security pillar among others.
    ['microsoft/ps-rule@v2.9.0', 'modules: PSRule.Rules.Azure', ['sast']],
    ['streamlit/streamlit-app-action@v0.0.3', 'app-path: Chatbot.py', ['test']],
    ['streamlit/streamlit-app-action@v0.0.3', 'ruff: true', ['lint', 'test']],
    ['r-lib/actions/check-r-package@v2', 'upload-snapshots: true', ['test']],
    ['julia-actions/julia-runtest@v1', 'coverage: true', ['test']],
    // Actions that run a command given as an input: the command is the step.
    ['nick-fields/retry@v3', 'command: python -m pytest tests/gpu -x', ['test']],
    ['GabrielBB/xvfb-action@v1', 'run: pytest tests/ui', ['test']],
    ['nick-fields/retry@v3', 'timeout_minutes: 10', []],
  ])('uses: %s with %s → %j', (uses, setting, kinds) => {
    const workflow = `on: push\njobs:\n  a:\n    steps:\n      - uses: ${uses}\n        with:\n          ${setting}\n`;
    expect(kindsOf(only('.github/workflows/a.yml', workflow))).toEqual(kinds);
  });

  it.each([
    'pip install pytest pytest-cov',
    'python -m pip install mypy ruff black',
    'echo "run tests; pytest --cov"',
    'echo pytest',
    "# pytest is run in the next step",
    'pip install great_expectations',
    'npm install',
    'python scripts/constraints.py',
    'make install',
    'mkdocs serve',
    'ruff format .',
    'helm lint chart/',
    'terraform init',
    'docker pull python:3.11',
    'conda env create -f environment.yml',
    'python testing_utils.py',
    'python latest.py',
  ])('%j is not a step', (command) => {
    expect(commandKinds(command)).toEqual([]);
  });
});

const GITLAB_CI = `stages: [lint, test, build, deploy]

include:
  - template: Security/SAST.gitlab-ci.yml
  - template: Jobs/Secret-Detection.gitlab-ci.yml
  - local: ci/notebooks.yml

default:
  image: python:3.11
  before_script:
    - pip install -r requirements-dev.txt

.python-job:
  rules:
    - if: $CI_PIPELINE_SOURCE == "merge_request_event"
    - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH
  script:
    - pytest --junitxml=report.xml

lint:
  stage: lint
  extends: .python-job
  script:
    - flake8 src
    - mypy src

unit-tests:
  stage: test
  extends: .python-job

nightly-training:
  stage: test
  rules:
    - if: $CI_PIPELINE_SOURCE == "schedule"
    - if: $CI_PIPELINE_SOURCE != "push"
      when: never
  script:
    - python train.py --config configs/prod.yaml

build-image:
  stage: build
  image: docker:24
  services: [docker:24-dind]
  before_script: []
  script:
    - docker build -t $CI_REGISTRY_IMAGE:$CI_COMMIT_SHA .
    - docker push $CI_REGISTRY_IMAGE:$CI_COMMIT_SHA

deploy-production:
  stage: deploy
  environment:
    name: production
    url: https://models.acme.ai
  when: manual
  script:
    - helm upgrade --install churn chart/ --set image.tag=$CI_COMMIT_SHA
`;

describe('GitLab CI', () => {
  const pipeline = only('.gitlab-ci.yml', GITLAB_CI);

  it('reads triggers from rules, manual jobs and environments', () => {
    expect(pipeline).toMatchObject({
      provider: 'gitlab-ci',
      triggers: ['push', 'pull_request', 'schedule'],
      jobs: 5,
      environments: ['production'],
      manualApproval: true,
      disabled: false,
    });
  });

  it('classifies scripts, with `extends:` and `default:` followed, and security templates', () => {
    expect(stepsOf(pipeline)).toEqual([
      'sast@4',
      'secret-scan@5',
      'test@18',
      'lint@24',
      'typecheck@25',
      'train@38',
      'docker-build@46',
      'docker-push@47',
      'deploy@56',
    ]);
  });

  it('follows anchors, merge keys and !reference', () => {
    const text = `.setup: &setup
  - pip install -e .
.test-template:
  script:
    - pytest tests/unit
test:
  before_script: *setup
  script:
    - !reference [.test-template, script]
    - ruff check .
lint:
  <<: *setup
`;
    expect(stepsOf(only('.gitlab-ci.yml', text))).toEqual(['test@5', 'lint@10']);
  });

  it('reads `only:` refs and `when: manual` in rules', () => {
    const text = 'deploy:\n  only: [tags, web]\n  rules:\n    - when: manual\n  script: [./deploy.sh]\n';
    expect(only('.gitlab-ci.yml', text)).toMatchObject({ triggers: ['push', 'tag', 'manual'], manualApproval: true });
  });
});

const AZURE_PIPELINE = `trigger: none

pr:
  branches:
    include: [main]

schedules:
  - cron: "0 2 * * *"
    branches:
      include: [main]

variables:
  imageRepository: churn-api

stages:
  - stage: Test
    jobs:
      - job: Pytest
        pool:
          vmImage: ubuntu-latest
        steps:
          - task: UsePythonVersion@0
            inputs:
              versionSpec: "3.11"
          - script: |
              pip install -r requirements.txt
              pytest --junitxml=junit.xml --cov=src --cov-report=xml
            displayName: Run tests
          - task: PublishCodeCoverageResults@2
            inputs:
              summaryFileLocation: coverage.xml
  - stage: Build
    jobs:
      - job: Image
        steps:
          - task: Docker@2
            inputs:
              containerRegistry: acr-connection
              repository: $(imageRepository)
              command: buildAndPush
              tags: $(Build.BuildId)
  - stage: Deploy
    jobs:
      - job: Approve
        pool: server
        steps:
          - task: ManualValidation@0
            inputs:
              notifyUsers: ml-team@acme.ai
      - deployment: Production
        environment: churn-prod
        strategy:
          runOnce:
            deploy:
              steps:
                - task: AzureCLI@2
                  inputs:
                    azureSubscription: prod
                    scriptType: bash
                    scriptLocation: inlineScript
                    inlineScript: |
                      az ml online-endpoint update -n churn
                      az ml online-deployment create -f deploy/blue.yml --all-traffic
                - template: templates/smoke-test.yml
`;

describe('Azure Pipelines', () => {
  it('reads `trigger: none`, `pr:`, schedules, tasks and deployment jobs', () => {
    const pipeline = only('azure-pipelines.yml', AZURE_PIPELINE);
    expect(pipeline).toMatchObject({
      provider: 'azure-pipelines',
      triggers: ['pull_request', 'schedule'],
      jobs: 4,
      environments: ['churn-prod'],
      manualApproval: true,
      disabled: false,
    });
    expect(stepsOf(pipeline)).toEqual(['coverage@27', 'test@27', 'coverage@29', 'docker-build@36', 'docker-push@36', 'deploy@62', 'deploy@63']);
  });

  it.each([
    ['steps:\n  - script: pytest\n', ['push', 'pull_request']],
    ['trigger: none\npr: none\nsteps:\n  - script: pytest\n', ['manual']],
    ['trigger:\n  tags:\n    include: ["v*"]\npr: none\nsteps:\n  - script: pytest\n', ['tag']],
    ['trigger: none\npr: none\nresources:\n  pipelines:\n    - pipeline: train\n      source: training\n      trigger: true\nsteps:\n  - bash: pytest\n', ['other']],
  ])('reads triggers of %j', (text, triggers) => {
    expect(only('azure-pipelines.yml', text).triggers).toEqual(triggers);
  });

  it('reads deployments by marketplace tasks under their full id, and by the Azure ML CLI v1', () => {
    const text = [
      'trigger: [master]',
      'steps:',
      '  - task: ms-air-aiagility.vss-services-azureml.azureml-model-deploy-task.AMLModelDeploy@0',
      '    inputs:',
      '      deploymentTarget: AKS',
      '  - task: AzureCLI@1',
      '    inputs:',
      '      scriptLocation: inlineScript',
      '      inlineScript: az ml model deploy -n churn -m churn:3 --ic inference_config.yml',
      '  - task: ms-air-aiagility.vss-services-azureml.azureml-model-deploy-task.AMLModelDeployment',
    ].join('\n');
    expect(stepsOf(only('azure-pipelines.yml', text))).toEqual(['deploy@3', 'deploy@9']);
  });

  it("reads PSRule's assert task as an analysis of the templates", () => {
    const text = ['trigger: [main]', 'steps:', '  - task: ps-rule-assert@2', '    inputs:', '      modules: PSRule.Rules.Azure', '      inputPath: infra/'].join('\n');
    expect(stepsOf(only('azure-pipelines.yml', text))).toEqual(['sast@3']);
  });

  it('gives a template the triggers of the pipeline that includes it', () => {
    const { facts } = run({
      'azure-pipelines.yml': 'trigger: [main]\npr: none\njobs:\n  - template: .azure-pipelines/jobs/test.yml\n',
      '.azure-pipelines/jobs/test.yml': 'jobs:\n  - job: test\n    steps:\n      - ${{ if eq(parameters.cov, true) }}:\n        - script: pytest --cov\n',
    });
    const template = pipelineAt(facts, '.azure-pipelines/jobs/test.yml');
    expect(template.triggers).toEqual(['push']);
    expect(stepsOf(template)).toEqual(['coverage@5', 'test@5']);
  });
});

const JENKINSFILE = `pipeline {
  agent { docker { image 'python:3.11' } }
  triggers {
    cron('H 2 * * *')
  }
  stages {
    stage('Install') {
      steps {
        sh 'pip install -r requirements.txt'
      }
    }
    stage('Test') {
      steps {
        sh 'pytest --junitxml=results.xml'
        // sh 'pytest --runslow'
      }
    }
    stage('Image') {
      steps {
        script {
          def image = docker.build("acme/churn:\${env.BUILD_ID}")
          image.push()
        }
      }
    }
    stage('Deploy') {
      steps {
        input message: 'Deploy to production?'
        sh """
          helm upgrade --install churn chart/ \\
            --set image.tag=\${env.BUILD_ID}
        """
        bat "scripts\\\\smoke.bat"
      }
    }
  }
}
`;

describe('Jenkins', () => {
  it('reads sh steps (one-line and multi-line), docker steps, the cron trigger and input', () => {
    const pipeline = only('Jenkinsfile', JENKINSFILE);
    expect(pipeline).toMatchObject({ provider: 'jenkins', triggers: ['schedule'], jobs: 4, manualApproval: true, disabled: false });
    expect(stepsOf(pipeline)).toEqual(['test@14', 'docker-build@21', 'docker-push@22', 'deploy@30']);
    expect(pipeline.steps.find((step) => step.kind === 'docker-build')?.command).toBe('def image = docker.build("acme/churn:${env.BUILD_ID}")');
    expect(pipeline.steps.find((step) => step.kind === 'deploy')?.command).toBe('helm upgrade --install churn chart/ --set image.tag=${env.BUILD_ID}');
  });

  it('leaves the trigger to the Jenkins job when the file names none, and reads `sh(script: …)`', () => {
    const pipeline = only('ci/deploy.Jenkinsfile', "node {\n  stage('lint') {\n    sh(script: 'ruff check .', returnStatus: true)\n  }\n}\n");
    expect(pipeline).toMatchObject({ triggers: ['external'], jobs: 1 });
    expect(stepsOf(pipeline)).toEqual(['lint@3']);
  });

  it('recognises a pipeline kept in a Groovy file of any name by what it holds, and leaves other Groovy alone', () => {
    const declarative = "pipeline {\n  agent any\n  stages {\n    stage('train') {\n      steps { sh 'python train.py' }\n    }\n  }\n}\n";
    const scripted = "node('gpu') {\n  stage('test') {\n    sh 'pytest'\n  }\n}\n";
    const { facts } = run({ 'ci/train.groovy': declarative, 'jobs/test.gvy': scripted, 'src/main/groovy/App.groovy': 'class App {\n  static void main(String[] args) { println "pipeline" }\n}\n' });
    expect(facts.pipelines.map((p) => `${p.path} ${p.provider} ${p.steps.map((step) => step.kind).join(',')}`)).toEqual(['ci/train.groovy jenkins train', 'jobs/test.gvy jenkins test']);
  });

  it('follows a repository script handed by path to a helper loaded from another Groovy file', () => {
    const jenkinsfile = [
      'def helpers = null',
      'pipeline {',
      '  agent any',
      '  stages {',
      "    stage('Component CI') {",
      '      steps {',
      '        script {',
      "          helpers = load 'ci/pipeline.groovy'",
      '          helpers.runSelectedComponentCi( // each component in its own branch',
      "            'ci/component_ci.sh',",
      '            "COVERAGE_MIN=90"',
      '          )',
      "          archiveArtifacts artifacts: 'dist/install.sh'",
      "          sh './ci/component_ci.sh web'",
      '        }',
      '      }',
      '    }',
      '  }',
      '}',
    ].join('\n');
    const { facts } = run({
      Jenkinsfile: jenkinsfile,
      'ci/component_ci.sh': '#!/usr/bin/env bash\nci_python="${CI_ENV}/bin/python"\nsource ci/components.sh\nrun_component_ci "$1"\n',
      'ci/components.sh': 'run_component_ci() {\n  "${ci_python}" -m pytest tests -q --cov-fail-under=90\n}\n',
    });
    expect(stepsOf(pipelineAt(facts, 'Jenkinsfile'))).toEqual(['coverage@10', 'test@10', 'coverage@14', 'test@14']);
  });

  it('treats pollSCM as a push trigger', () => {
    expect(only('Jenkinsfile', "pipeline { triggers { pollSCM('H/5 * * * *') } stages { stage('t') { steps { sh 'make test' } } } }").triggers).toEqual(['push']);
  });
});

const CIRCLECI = `version: 2.1
orbs:
  python: circleci/python@2.1
  codecov: codecov/codecov@4
jobs:
  test:
    docker:
      - image: cimg/python:3.11
    steps:
      - checkout
      - python/install-packages:
          pkg-manager: poetry
      - run:
          name: Tests
          command: poetry run pytest --cov=src
      - codecov/upload
  lint:
    docker:
      - image: cimg/python:3.11
    steps:
      - checkout
      - run: poetry run ruff check .
workflows:
  ci:
    jobs: [test, lint]
  nightly:
    triggers:
      - schedule:
          cron: "0 0 * * *"
          filters: { branches: { only: main } }
    jobs:
      - test
      - hold:
          type: approval
`;

const BITBUCKET = `image: python:3.11
definitions:
  steps:
    - step: &test
        name: Test
        caches: [pip]
        script:
          - pip install -r requirements.txt
          - pytest -q
pipelines:
  pull-requests:
    '**':
      - step: *test
  branches:
    main:
      - step: *test
      - step:
          name: Deploy
          deployment: production
          trigger: manual
          script:
            - pipe: atlassian/aws-ecs-deploy:1.12.1
              variables:
                CLUSTER_NAME: churn
  custom:
    retrain:
      - step:
          script:
            - python -m training.train
`;

const TRAVIS = `language: python
python: ["3.10", "3.11"]
install:
  - pip install -r requirements.txt
script:
  - flake8 .
  - pytest --cov
after_success:
  - codecov
deploy:
  provider: heroku
  api_key:
    secure: abc
`;

const CLOUD_BUILD = `steps:
  - name: python:3.11
    entrypoint: bash
    args:
      - -c
      - |
        pip install -r requirements.txt
        python -m pytest tests
  - name: gcr.io/cloud-builders/docker
    args: ['build', '-t', 'europe-docker.pkg.dev/$PROJECT_ID/models/churn:$SHORT_SHA', '.']
  - name: gcr.io/google.com/cloudsdktool/cloud-sdk
    entrypoint: gcloud
    args: ['run', 'deploy', 'churn', '--image', 'europe-docker.pkg.dev/$PROJECT_ID/models/churn:$SHORT_SHA']
images:
  - europe-docker.pkg.dev/$PROJECT_ID/models/churn:$SHORT_SHA
`;

const CODEBUILD = `version: 0.2
phases:
  install:
    runtime-versions:
      python: 3.11
    commands:
      - pip install -r requirements.txt
  build:
    commands:
      - python -m pytest
      - docker build -t $ECR_REPO:$CODEBUILD_RESOLVED_SOURCE_VERSION .
  post_build:
    commands:
      - docker push $ECR_REPO:$CODEBUILD_RESOLVED_SOURCE_VERSION
`;

const BUILDKITE = `steps:
  - label: ":pytest: tests"
    command:
      - pip install -e .
      - pytest
  - wait
  - block: ":rocket: Release?"
  - group: deploy
    steps:
      - label: build
        plugins:
          - docker-compose#v5.2.0:
              build: api
              push: api
      - command: kubectl apply -f k8s/
`;

const DRONE = `kind: pipeline
type: docker
name: ci

trigger:
  event: [push, pull_request]

steps:
  - name: test
    image: python:3.11
    commands:
      - pip install -r requirements.txt
      - pytest
  - name: publish
    image: plugins/docker
    settings:
      repo: acme/churn
      dry_run: true
---
kind: pipeline
type: docker
name: nightly
trigger:
  event: [cron]
steps:
  - name: retrain
    image: python:3.11
    commands:
      - python train.py
---
kind: secret
name: docker_password
`;

/** The GoCD YAML plugin's format in a file named for nothing (getsentry/seer's gocd/pipelines/*.yaml). */
const GOCD_YAML = `format_version: 10
pipelines:
  deploy-service:
    group: service
    materials:
      repo:
        git: git@github.com:acme/service.git
        branch: main
    stages:
      - checks:
          jobs:
            check:
              tasks:
                - script: |
                    pytest tests/
      - deploy:
          approval:
            type: manual
          jobs:
            deploy:
              tasks:
                - exec:
                    command: helm
                    arguments: [upgrade, --install, service, ./chart]
`;

/** Woodpecker 2: named steps in a map, plugins with settings, `when` as a list of conditions. */
const WOODPECKER = `when:
  - event: pull_request
  - event: push
    branch: main

steps:
  test:
    image: python:3.11
    commands:
      - pip install -r requirements.txt
      - pytest tests
  publish:
    image: woodpeckerci/plugin-docker-buildx
    settings:
      repo: acme/churn
`;

/** Before 1.0: \`pipeline:\` and a step list with names; a cron workflow in \`.woodpecker/\`. */
const WOODPECKER_CRON = `when:
  event: cron
pipeline:
  - name: retrain
    image: python:3.11
    commands: python -m churn.train
`;

/** The JSON plugin's: one pipeline a file, stages and jobs as lists, `type: exec` tasks. */
const GOCD_JSON = `{
  "format_version": 3,
  "name": "train",
  "timer": { "spec": "0 0 3 * * ?" },
  "materials": [{ "type": "git", "url": "https://github.com/acme/churn.git" }],
  "stages": [{
    "name": "train",
    "jobs": [
      { "name": "train", "tasks": [{ "type": "exec", "command": "python", "arguments": ["-m", "churn.train"] }] },
      { "name": "test", "tasks": [{ "type": "exec", "attributes": { "command": "pytest", "arguments": ["tests/"] } }] }
    ]
  }]
}
`;

describe('other providers', () => {
  it.each([
    ['.circleci/config.yml', CIRCLECI, 'circleci', ['push', 'pull_request', 'schedule'], 2, ['coverage@15', 'test@15', 'coverage@16', 'lint@22']],
    ['bitbucket-pipelines.yml', BITBUCKET, 'bitbucket-pipelines', ['push', 'pull_request', 'manual'], 3, ['test@9', 'deploy@22', 'train@29']],
    ['.travis.yml', TRAVIS, 'travis', ['push', 'pull_request'], 1, ['lint@6', 'coverage@7', 'test@7', 'coverage@9', 'deploy@11']],
    ['cloudbuild.yaml', CLOUD_BUILD, 'cloud-build', ['external'], 3, ['test@8', 'docker-build@9', 'deploy@11', 'docker-push@15']],
    ['buildspec.yml', CODEBUILD, 'aws-codebuild', ['external'], 3, ['test@10', 'docker-build@11', 'docker-push@14']],
    ['.buildkite/pipeline.yml', BUILDKITE, 'buildkite', ['push', 'pull_request'], 3, ['test@5', 'docker-build@12', 'docker-push@12', 'deploy@15']],
    ['.drone.yml', DRONE, 'drone', ['push', 'pull_request', 'schedule'], 3, ['test@13', 'docker-build@15', 'train@29']],
    ['.woodpecker.yml', WOODPECKER, 'woodpecker', ['push', 'pull_request'], 2, ['test@11', 'docker-build@13', 'docker-push@13']],
    ['.woodpecker/retrain.yaml', WOODPECKER_CRON, 'woodpecker', ['schedule'], 1, ['train@6']],
    ['gocd/pipelines/service.yaml', GOCD_YAML, 'gocd', ['push'], 2, ['test@15', 'deploy@23']],
    ['ci/train.gocd.json', GOCD_JSON, 'gocd', ['push', 'schedule'], 2, ['train@9', 'test@10']],
  ])('%s', (path, text, provider, triggers, jobs, steps) => {
    const pipeline = only(path, text);
    expect(pipeline).toMatchObject({ provider, triggers, jobs, disabled: false });
    expect(stepsOf(pipeline)).toEqual(steps);
  });

  it('reads approvals and deployment environments', () => {
    expect(only('.circleci/config.yml', CIRCLECI).manualApproval).toBe(true);
    expect(only('bitbucket-pipelines.yml', BITBUCKET)).toMatchObject({ manualApproval: true, environments: ['production'] });
    expect(only('.buildkite/pipeline.yml', BUILDKITE).manualApproval).toBe(true);
    expect(only('gocd/pipelines/service.yaml', GOCD_YAML).manualApproval).toBe(true);
  });

  it("reads GoCD pipelines rendered from Jsonnet, each task's imported script run as the task", () => {
    const { facts } = run({
      'gocd/templates/pipelines/service.libsonnet': [
        "local gocdtasks = import 'github.com/getsentry/gocd-jsonnet/libs/gocd-tasks.libsonnet';",
        '{',
        "  stages: [{ deploy: { jobs: { deploy: { tasks: [gocdtasks.script(importstr '../bash/deploy.sh')] } } } }],",
        '}',
        '',
      ].join('\n'),
      'gocd/templates/bash/deploy.sh': '#!/bin/bash\nkubectl apply -f k8s/\n',
      // Jsonnet that names no GoCD library is no pipeline.
      'config/app.jsonnet': "{ steps: [lib.script('make test')] }\n",
    });
    expect(facts.pipelines.map((pipeline) => pipeline.path)).toEqual(['gocd/templates/pipelines/service.libsonnet']);
    const pipeline = pipelineAt(facts, 'gocd/templates/pipelines/service.libsonnet');
    expect(pipeline).toMatchObject({ provider: 'gocd', triggers: ['push'], jobs: 1 });
    expect(pipeline.steps.map((step) => [step.kind, step.command, step.via?.at(-1)?.command])).toEqual([['deploy', 'gocd/templates/bash/deploy.sh', 'kubectl apply -f k8s/']]);
  });

  it('reads Tekton pipelines in .tekton/: Pipelines-as-Code events, embedded task steps, image builds, tasks run by bash -c', () => {
    const { facts } = run({
      '.tekton/model-server-push.yaml': [
        'apiVersion: tekton.dev/v1',
        'kind: PipelineRun',
        'metadata:',
        '  name: model-server-on-push',
        '  annotations:',
        '    pipelinesascode.tekton.dev/on-cel-expression: event == "push" && target_branch == "main"',
        'spec:',
        '  pipelineRef:',
        '    resolver: git',
        '    params:',
        '      - name: pathInRepo',
        '        value: pipelines/docker-build.yaml',
        '',
      ].join('\n'),
      '.tekton/unit-tests.yaml': [
        'apiVersion: tekton.dev/v1',
        'kind: PipelineRun',
        'metadata:',
        '  annotations:',
        '    pipelinesascode.tekton.dev/on-event: "[pull_request]"',
        'spec:',
        '  pipelineSpec:',
        '    tasks:',
        '      - name: test',
        '        taskSpec:',
        '          steps:',
        '            - name: pytest',
        '              image: python:3.11',
        '              script: |',
        '                pip install -r requirements.txt',
        '                pytest tests/',
        '      - name: sast-snyk-check',
        '        taskRef:',
        '          resolver: bundles',
        '          params:',
        '            - name: name',
        '              value: sast-snyk-check-oci-ta',
        '',
      ].join('\n'),
      '.tekton/task.yaml': [
        'apiVersion: tekton.dev/v1beta1',
        'kind: Task',
        'metadata:',
        '  name: lint',
        'spec:',
        '  steps:',
        '    - name: lint',
        '      command: ["/bin/bash", "-c"]',
        '      args:',
        '        - ruff check .',
        '',
      ].join('\n'),
      // A trigger template runs nothing by itself.
      '.tekton/listener.yaml': 'apiVersion: tekton.dev/v1beta1\nkind: TriggerTemplate\nmetadata:\n  name: template\n',
    });
    expect(facts.pipelines.map((pipeline) => [pipeline.path, pipeline.provider, pipeline.triggers, stepsOf(pipeline)])).toEqual([
      ['.tekton/model-server-push.yaml', 'tekton', ['push'], ['docker-push@9']],
      ['.tekton/task.yaml', 'tekton', ['external'], ['lint@10']],
      ['.tekton/unit-tests.yaml', 'tekton', ['pull_request'], ['test@16', 'sast@19']],
    ]);
  });

  it("reads Wikimedia's PipelineLib: a stage that runs a Blubber variant runs its entrypoint, copied files by their repository names", () => {
    const { facts } = run({
      '.pipeline/config.yaml': [
        'pipelines:',
        '  outlink:',
        '    blubberfile: outlink/blubber.yaml',
        '    stages:',
        '      - name: run-test',
        '        build: test',
        '        run: true',
        '      - name: production',
        '        build: production',
        '  outlink-publish:',
        '    blubberfile: outlink/blubber.yaml',
        '    stages:',
        '      - name: publish',
        '        build: production',
        '        publish:',
        '          image:',
        "            name: '${setup.project}-outlink'",
        // A stage given only its name builds and runs the variant of that name.
        '  lint:',
        '    blubberfile: outlink/blubber.yaml',
        '    stages:',
        '      - name: lint',
        // A stage may run the image an earlier one built.
        '      - name: codehealth_built',
        '        build: codehealth',
        '      - name: coverage',
        '        run:',
        "          image: '${codehealth_built.imageID}'",
        '',
      ].join('\n'),
      '.pipeline/outlink/blubber.yaml': [
        'version: v4',
        'variants:',
        '  build:',
        '    python: { version: python3 }',
        '  test:',
        '    includes: [build]',
        '    copies:',
        '      - from: local',
        '        source: ci_entrypoint.sh',
        '        destination: entrypoint.sh',
        '    entrypoint: ["./entrypoint.sh", "ci-lint", "ci-unit"]',
        '  lint:',
        '    entrypoint: [ruff, check, .]',
        '  codehealth:',
        '    entrypoint: [/bin/bash, utils/run_sonar.sh]',
        '  production:',
        '    entrypoint: ["./serve.sh"]',
        '',
      ].join('\n'),
      // The script's positional parameters are the words the entrypoint gives it.
      'ci_entrypoint.sh': '#!/bin/bash\ngit init\ntox -e "$1,$2"\n',
      'tox.ini': '[testenv:ci-lint]\ncommands = pre-commit run --all-files\n\n[testenv:ci-unit]\ncommands = pytest test/unit\n',
      'utils/run_sonar.sh': '#!/bin/bash\n/opt/sonar-scanner/bin/sonar-scanner -Dsonar.token="$SONAR_API_KEY"\n',
    });
    const pipeline = pipelineAt(facts, '.pipeline/config.yaml');
    expect(pipeline).toMatchObject({ provider: 'pipelinelib', triggers: ['external'], jobs: 6 });
    expect(pipeline.steps.map((step) => [step.kind, step.command, step.via?.at(-1)?.command])).toEqual([
      ['lint', './ci_entrypoint.sh ci-lint ci-unit', 'pre-commit run --all-files'],
      ['test', './ci_entrypoint.sh ci-lint ci-unit', 'pytest test/unit'],
      ['docker-push', 'publish image ${setup.project}-outlink', undefined],
      ['lint', 'ruff check .', undefined],
      ['sast', '/bin/bash utils/run_sonar.sh', '/opt/sonar-scanner/bin/sonar-scanner -Dsonar.token="$SONAR_API_KEY"'],
    ]);
    // SAP's Project Piper keeps its settings at the same path, with no pipelines.
    expect(run({ '.pipeline/config.yaml': 'general:\n  buildTool: npm\nsteps:\n  npmExecuteScripts:\n    runScripts: [test]\n' }).facts.pipelines).toEqual([]);
  });
});

/** A SageMaker project's CloudFormation template: CodeCommit and S3 sources, CodeBuild, a training stage, dev, approval, prod. */
const CODEPIPELINE_TEMPLATE = `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  BuildProject:
    Type: AWS::CodeBuild::Project
    Properties:
      Source:
        Type: CODEPIPELINE
        BuildSpec: model/buildspec.yml
  ModelPipeline:
    Type: AWS::CodePipeline::Pipeline
    Properties:
      Stages:
        - Name: Source
          Actions:
            - Name: Code
              ActionTypeId: { Category: Source, Owner: AWS, Version: "1", Provider: CodeCommit }
              Configuration:
                RepositoryName: !GetAtt Repository.Name
            - Name: TrainingData
              ActionTypeId: { Category: Source, Owner: AWS, Version: "1", Provider: S3 }
        - Name: Build
          Actions:
            - Name: BuildTemplates
              ActionTypeId: { Category: Build, Owner: AWS, Version: "1", Provider: CodeBuild }
              Configuration:
                ProjectName: !Ref BuildProject
        - Name: DeployStaging
          Actions:
            - Name: DeployEndpoint
              ActionTypeId:
                Category: Deploy
                Owner: AWS
                Version: "1"
                Provider: CloudFormation
            - Name: Approve
              ActionTypeId: { Category: Approval, Owner: AWS, Version: "1", Provider: Manual }
        - Name: DeployPrd
          Actions:
            - Name: DeployEndpoint
              ActionTypeId:
                Category: Deploy
                Owner: AWS
                Version: "1"
                Provider: CloudFormation
  MonthlyRetrain:
    Type: AWS::Events::Rule
    Properties:
      ScheduleExpression: "cron(0 12 1 * ? *)"
      State: DISABLED
      Targets:
        - Arn: !Sub "arn:aws:codepipeline:\${AWS::Region}:\${AWS::AccountId}:\${ModelPipeline}"
`;

describe('AWS CodePipeline declared in CloudFormation', () => {
  const buildspec = 'version: 0.2\nphases:\n  build:\n    commands:\n      - python model/run_pipeline.py --role-arn=$ROLE\n';

  it('reads triggers, deploy stages with their environments and the manual approval', () => {
    const pipeline = only('pipeline.yml', CODEPIPELINE_TEMPLATE);
    expect(pipeline).toMatchObject({ provider: 'aws-codepipeline', triggers: ['push', 'other'], jobs: 6, disabled: false, manualApproval: true, environments: ['prd', 'staging'] });
    expect(pipeline.steps).toEqual([
      { kind: 'deploy', command: 'CloudFormation deploy: DeployStaging/DeployEndpoint', line: 34 },
      { kind: 'deploy', command: 'CloudFormation deploy: DeployPrd/DeployEndpoint', line: 44 },
    ]);
  });

  it('gives the buildspec it runs its triggers; a disabled schedule is no trigger', () => {
    const { facts, warnings } = run({ 'pipeline.yml': CODEPIPELINE_TEMPLATE, 'model/buildspec.yml': buildspec });
    expect(warnings).toEqual([]);
    expect(pipelineAt(facts, 'model/buildspec.yml')).toMatchObject({ provider: 'aws-codebuild', triggers: ['push', 'other'], steps: [{ kind: 'ml-pipeline', line: 5 }] });
  });

  it('counts an enabled schedule that targets the pipeline', () => {
    const enabled = CODEPIPELINE_TEMPLATE.replace('State: DISABLED', 'State: ENABLED');
    expect(only('pipeline.yml', enabled).triggers).toEqual(['push', 'schedule', 'other']);
  });

  it('leaves other CloudFormation templates alone', () => {
    const { facts } = run({ 'assets/deploy-model.yml': 'Resources:\n  Endpoint:\n    Type: AWS::SageMaker::Endpoint\n' });
    expect(facts.pipelines).toEqual([]);
  });
});

describe('pipelines recognised by what a file holds', () => {
  const cloudBuild = `steps:
- name: 'gcr.io/cloud-builders/git'
  args: ['clone', '--single-branch', '--branch', '$_BRANCH', '$_REPO_URL']
  id: 'Clone Repository'
- name: '$_CICD_IMAGE_URI'
  entrypoint: 'pytest'
  args: ['src/tests/model_tests.py', '-s']
  waitFor: ['Clone Repository']
- name: '$_CICD_IMAGE_URI'
  entrypoint: 'python'
  args: ['build/utils.py', '--mode', 'deploy-model']
`;

  it('reads a Cloud Build config kept under build/, next to where Azure DevOps pipelines are looked for', () => {
    const pipeline = only('build/model-deployment.yaml', cloudBuild);
    expect(pipeline).toMatchObject({ provider: 'cloud-build', triggers: ['external'], jobs: 3 });
    expect(stepsOf(pipeline)).toEqual(['test@5']);
  });

  it.each([
    ['.github/dependabot.yml', 'version: 2\nupdates:\n  - package-ecosystem: pip\n    directory: /\n'],
    ['deploy/job.yaml', 'apiVersion: batch/v1\nkind: Job\nspec:\n  template:\n    spec:\n      containers:\n        - name: train\n          args: [train]\n'],
    ['examples/build/cloudbuild-like.yaml', cloudBuild],
    // GitHub reads workflows only directly under .github/workflows/.
    ['.github/workflows/nested/ci.yml', 'on: push\njobs:\n  test:\n    steps:\n      - run: pytest\n'],
  ])('is not misled by %s', (path, text) => {
    expect(run({ [path]: text }).facts.pipelines).toEqual([]);
  });
});

describe('files and results', () => {
  it.each([
    ['.github/workflows/ci.yml', true],
    ['docs/build/cloudbuild.yaml', false],
    ['.gitlab-ci.yml', true],
    ['azure-pipelines.yml', true],
    ['ci/azure-pipelines-release.yaml', true],
    ['.azure-pipelines/templates/steps.yml', true],
    ['Jenkinsfile', true],
    ['jenkins/Jenkinsfile.nightly', true],
    ['Jenkinsfile_model_serving', true],
    ['ci/Jenkinsfile-deploy', true],
    ['docs/Jenkinsfile_example', false],
    ['.circleci/config.yml', true],
    ['services/api/cloudbuild.yaml', true],
    ['buildspec-deploy.yml', true],
    ['examples/gcp/cloudbuild.yaml', false],
    ['tests/fixtures/Jenkinsfile', false],
    ['docs/.travis.yml', false],
    ['.buildkite/pipeline.deploy.yml', true],
    ['.drone.yml', true],
    ['.woodpecker.yml', true],
    ['.woodpecker/deploy.yaml', true],
    ['docs/.woodpecker.yml', false],
    ['deploy/train.gocd.yaml', true],
    ['.pipeline/config.yaml', true],
  ])('wants %s: %s', (path, wanted) => {
    expect(ciCollector.create({ signals: [] }).wants(path)).toBe(wanted);
  });

  it('sorts pipelines by path and lists each provider once', () => {
    const { facts } = run({
      'Jenkinsfile': "node { sh 'pytest' }",
      '.github/workflows/b.yml': 'on: push\njobs:\n  a:\n    steps:\n      - run: pytest\n',
      '.github/workflows/a.yml': 'on: push\njobs:\n  a:\n    steps:\n      - run: pytest\n',
    });
    expect(facts.pipelines.map((pipeline) => pipeline.path)).toEqual(['.github/workflows/a.yml', '.github/workflows/b.yml', 'Jenkinsfile']);
    expect(facts.providers).toEqual(['github-actions', 'jenkins']);
  });

  it('reads a buildspec named for what it builds', () => {
    expect(only('terraform/modelbuild_buildspec.yml', 'version: 0.2\nphases:\n  build:\n    commands:\n      - python run_pipeline.py\n')).toMatchObject({ provider: 'aws-codebuild', triggers: ['external'] });
  });

  it('reads a YAML file of a hundred thousand blank lines without trying its patterns from every line', () => {
    expect(run({ 'config/big.yml': `${'\n'.repeat(100_000)}steps:\n` }).facts.pipelines).toEqual([]);
  });

  it('returns nothing without CI files', () => {
    expect(run({ 'README.md': '# hi' }).facts).toEqual({ providers: [], pipelines: [] });
  });

  it('warns about malformed YAML, keeps the file as a disabled pipeline that says why, and does not throw', () => {
    const { facts, warnings } = run({ '.github/workflows/ci.yml': 'on: push\njobs:\n  test:\n    steps: [\n      - run: pytest\n' });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ path: '.github/workflows/ci.yml' });
    expect(warnings[0]!.message).toMatch(/^invalid YAML in CI file: /);
    expect(facts.pipelines).toEqual([
      {
        path: '.github/workflows/ci.yml',
        provider: 'github-actions',
        triggers: [],
        disabled: true,
        broken: { reason: expect.stringMatching(/^the file is not valid YAML \(.+\), so it cannot run$/), line: expect.any(Number) },
        jobs: 0,
        steps: [],
        environments: [],
        manualApproval: false,
        inert: false,
      },
    ]);
  });

  it.each([
    ['an empty file', ''],
    ['a scalar', 'just text'],
    ['a list', '- a\n- b\n'],
    ['odd shapes', 'on: [1, {a: b}]\njobs: [1, 2]\nsteps: {run: 3}\n'],
  ])('copes with %s', (_, text) => {
    const files = Object.fromEntries(
      ['.github/workflows/x.yml', '.gitlab-ci.yml', 'azure-pipelines.yml', '.circleci/config.yml', 'bitbucket-pipelines.yml', '.travis.yml', 'cloudbuild.yaml', 'buildspec.yml', '.buildkite/pipeline.yml', '.drone.yml'].map((path) => [path, text]),
    );
    expect(() => run(files)).not.toThrow();
  });

  it('redacts secrets and shortens long commands', () => {
    const workflow = `on: push\njobs:\n  a:\n    steps:\n      - run: HF_TOKEN=hf_abcdefghijklmnopqrstuvwxyzABCDEF123456 python train.py --push-to-hub\n      - run: pytest ${'tests/test_a.py '.repeat(10)}\n`;
    const pipeline = only('.github/workflows/a.yml', workflow);
    const train = pipeline.steps.find((step) => step.kind === 'train')!;
    expect(train.command).not.toContain('abcdefghijklmnop');
    expect(train.command).toContain('python train.py');
    const test = pipeline.steps.find((step) => step.kind === 'test')!;
    expect(test.command).toHaveLength(120);
    expect(test.command.endsWith('…')).toBe(true);
  });
});

describe('which files the CI collector reads', () => {
  it('is told by one pattern per set of flags, as the providers would tell it one by one', () => {
    const table = new CiFileTable(PROVIDERS);
    const paths = [
      '.github/workflows/ci.yml', 'examples/.github/workflows/ci.yml', 'buildspec.yml', 'ci/BUILDSPEC-prod.YAML', 'tests/fixtures/buildspec.yml',
      'src/app.ts', 'test/app.ts', 'x.d.ts', 'infra/pipeline.tf', 'vendor/infra/pipeline.tf', 'Jenkinsfile', 'vendor/Jenkinsfile', 'jobs/deploy.jenkinsfile',
      'azure-pipelines.yml', '.azure-pipelines/a.yml', 'docs/cloudbuild.yaml', '.gitlab-ci.yml', 'sub/.gitlab-ci.yml', 'README.md', 'a.groovy',
      'examples/a.groovy', 'deploy/template.json', 'bitbucket-pipelines.yml', '.circleci/config.yml', '.drone.yml', '.travis.yml',
    ];
    const read = paths.filter((path) => table.mayRead(path));
    expect(read).toEqual(paths.filter((path) => table.candidates(path).length > 0));
    expect(read).toContain('ci/BUILDSPEC-prod.YAML');
    expect(read).not.toContain('tests/fixtures/buildspec.yml');
  });
});

describe("a monorepo subdirectory's CI at the top of the repository", () => {
  const model = {
    'Makefile': 'test:\n\tpytest -q tests\n',
    'train.py': 'import sklearn\n',
  };
  const top = {
    '.github/workflows/model.yml': `on:
  pull_request:
    paths: ['services/model/**']
jobs:
  test:
    runs-on: ubuntu-latest
    defaults:
      run:
        working-directory: services/model
    steps:
      - uses: actions/checkout@v4
      - run: make test
  other:
    runs-on: ubuntu-latest
    steps:
      - uses: ./.github/actions/build
`,
    '.github/actions/build/action.yml': 'runs:\n  using: composite\n  steps:\n    - run: docker build services/model\n      shell: bash\n',
    '.github/workflows/web.yml': 'on: push\njobs:\n  t:\n    runs-on: x\n    steps:\n      - run: cd services/model-v2 && npm test\n      - run: cd old-services/model && npm test\n',
    '.gitlab-ci.yml': 'test:\n  script:\n    - cd services/model\n    - pytest\n',
  };

  it('counts the pipelines that name the directory, read as they run there, and names them from it', () => {
    const { facts, warnings } = collect(ciCollector, model, { signals: [] }, enclosingInMemory(top, 'services/model'));
    expect(warnings).toEqual([]);
    expect(facts.pipelines.map((pipeline) => pipeline.path)).toEqual(['../../.github/workflows/model.yml', '../../.gitlab-ci.yml']);
    const github = pipelineAt(facts, '../../.github/workflows/model.yml');
    expect(github.triggers).toEqual(['pull_request']);
    // The Makefile is the audited directory's own, reached through the job's working directory.
    expect(github.steps.find((step) => step.kind === 'test')).toMatchObject({ command: 'make test', line: 12, via: [{ path: 'Makefile', line: 2, command: 'pytest -q tests' }] });
    // A local action at the top is read there, and named from the audited directory too.
    expect(github.steps.find((step) => step.kind === 'docker-build')?.via?.[0]?.path).toBe('../../.github/actions/build/action.yml');
    expect(kindsOf(pipelineAt(facts, '../../.gitlab-ci.yml'))).toEqual(['test']);
  });

  it("takes from a workflow for several projects only what it runs at the top or in the directory, not another project's jobs", () => {
    const checks = `on:
  pull_request:
    paths: ['services/**']
jobs:
  model:
    runs-on: x
    defaults:
      run:
        working-directory: services/model
    steps:
      - run: make test
  web:
    runs-on: x
    defaults:
      run:
        working-directory: services/web
    steps:
      - run: npm run lint
      - run: npx playwright test
  deploy-web:
    runs-on: x
    steps:
      - run: npm run deploy
        working-directory: services/web
  audit:
    runs-on: x
    steps:
      - run: pip-audit -r services/model/requirements.txt
  image-web:
    runs-on: x
    steps:
      - uses: docker/build-push-action@v6
        with:
          context: ./services/web
          push: true
`;
    const { facts } = collect(ciCollector, model, { signals: [] }, enclosingInMemory({ '.github/workflows/checks.yml': checks }, 'services/model'));
    expect(kindsOf(pipelineAt(facts, '../../.github/workflows/checks.yml'))).toEqual(['dependency-scan', 'test']);
    // Audited as services/web, the same workflow gives the web project its lint, tests and deploy, and not the model's Makefile.
    const web = collect(ciCollector, { 'package.json': '{}' }, { signals: [] }, enclosingInMemory({ '.github/workflows/checks.yml': checks, 'services/model/Makefile': model.Makefile }, 'services/web')).facts;
    expect(kindsOf(pipelineAt(web, '../../.github/workflows/checks.yml'))).toEqual(['dependency-scan', 'deploy', 'docker-build', 'docker-push', 'lint', 'test']);
    expect(pipelineAt(web, '../../.github/workflows/checks.yml').steps.find((step) => step.kind === 'test')).toMatchObject({ command: 'npx playwright test' });
  });

  it('gives no credit for a pipeline that builds only other projects, nor reads the top without a directory', () => {
    const { facts } = collect(ciCollector, model, { signals: [] }, enclosingInMemory({ '.github/workflows/web.yml': top['.github/workflows/web.yml'] }, 'services/model'));
    expect(facts.pipelines).toEqual([]);
    expect(collect(ciCollector, model).facts.pipelines).toEqual([]);
  });

  it.each<[string, string, boolean]>([
    ['backend', 'working-directory: ./backend', true],
    ['backend', 'run: cd backend && make test', true],
    ['backend', "paths: ['backend/**']", true],
    ['backend', 'context: backend/', true],
    ['backend', 'run: docker build -f ./backend/Dockerfile .', true],
    ['backend', 'run: pytest ${{ github.workspace }}/backend/tests', true],
    ['backend', 'image: ghcr.io/acme/backend:latest', false],
    ['backend', 'name: Build backend', false],
    ['backend', 'run: curl https://github.com/acme/backend/archive.zip', false],
    ['backend', 'run: cd backend-v2 && make test', false],
    ['services/model', 'working-directory: services/model', true],
    ["services/model", "paths: ['services/model']", true],
    ['services/model', 'run: cd old-services/model && make', false],
    ['services/model', 'run: cd services/model-v2 && make', false],
  ])('for %s, a workflow with "%s" names it: %s', (directory, line, names) => {
    const workflow = `on: push\njobs:\n  t:\n    runs-on: x\n    steps:\n      - ${line}\n      - run: pytest\n`;
    const { facts } = collect(ciCollector, model, { signals: [] }, enclosingInMemory({ '.github/workflows/ci.yml': workflow }, directory));
    expect(facts.pipelines.length).toBe(names ? 1 : 0);
  });

  it("follows a checks workflow only into the reusable workflows it gives the directory", () => {
    const reusable = 'on: workflow_call\njobs:\n  t:\n    runs-on: x\n    steps:\n      - run: pytest\n        working-directory: ${{ inputs.directory }}\n';
    const checks = `on: pull_request
jobs:
  changes:
    runs-on: x
    steps:
      - uses: dorny/paths-filter@v3
        with:
          filters: |
            model: ['services/model/**']
  model:
    uses: ./.github/workflows/python.yml
    with:
      directory: services/model
  web:
    uses: ./.github/workflows/web.yml
`;
    const web = 'on: workflow_call\njobs:\n  t:\n    runs-on: x\n    steps:\n      - run: npm run lint\n';
    const { facts } = collect(ciCollector, model, { signals: [] }, enclosingInMemory({ '.github/workflows/checks.yml': checks, '.github/workflows/python.yml': reusable, '.github/workflows/web.yml': web }, 'services/model'));
    expect(facts.pipelines.map((pipeline) => pipeline.path)).toEqual(['../../.github/workflows/checks.yml', '../../.github/workflows/python.yml']);
    expect(pipelineAt(facts, '../../.github/workflows/python.yml').triggers).toEqual(['pull_request', 'other']);
  });

  it('follows a workflow that runs for the directory wholly (its triggers name it) into every workflow it calls', () => {
    const build = 'on: workflow_call\njobs:\n  b:\n    runs-on: x\n    steps:\n      - uses: docker/build-push-action@v6\n        with:\n          push: true\n';
    const ci = "on:\n  push:\n    paths: ['services/model/**']\njobs:\n  build:\n    uses: ./.github/workflows/build.yml\n    with:\n      hardware: cuda\n";
    const { facts } = collect(ciCollector, model, { signals: [] }, enclosingInMemory({ '.github/workflows/ci.yml': ci, '.github/workflows/build.yml': build }, 'services/model'));
    expect(facts.pipelines.map((pipeline) => pipeline.path)).toEqual(['../../.github/workflows/build.yml', '../../.github/workflows/ci.yml']);
  });

  it.each<[string, string, boolean]>([
    ['services/model', 'project: [model, web]', true],
    ['services/model', 'project:\n          - web\n          - "model"', true],
    ['services/api', 'project: [model, web]', false],
  ])('for %s, a job over a matrix with %j runs there: %s', (directory, matrix, runs) => {
    const workflow = `on: push\njobs:\n  t:\n    runs-on: x\n    strategy:\n      matrix:\n        ${matrix}\n    steps:\n      - run: pytest\n        working-directory: services/\${{ matrix.project }}\n`;
    const { facts } = collect(ciCollector, model, { signals: [] }, enclosingInMemory({ '.github/workflows/ci.yml': workflow }, directory));
    expect(facts.pipelines.length).toBe(runs ? 1 : 0);
  });

  it('reads a one-word folder a matrix names where a folder is expected', () => {
    const workflow = 'on: push\njobs:\n  t:\n    runs-on: x\n    strategy:\n      matrix:\n        service: [backend, frontend]\n    steps:\n      - run: cd ${{ matrix.service }} && make test\n';
    const { facts } = collect(ciCollector, model, { signals: [] }, enclosingInMemory({ '.github/workflows/ci.yml': workflow }, 'backend'));
    expect(facts.pipelines.map((pipeline) => pipeline.path)).toEqual(['../.github/workflows/ci.yml']);
  });

  it("lists a project's own GitHub workflow as never run, the CI reading workflows at the top only", () => {
    const workflow = 'on: push\njobs:\n  t:\n    runs-on: x\n    steps:\n      - run: pytest\n';
    const project = { ...model, '.github/workflows/ci.yml': workflow, '.gitlab-ci.yml': 'test:\n  script:\n    - pytest\n' };
    const { facts } = collect(ciCollector, project, { signals: [] }, enclosingInMemory({ 'README.md': '' }, 'services/model'));
    expect(pipelineAt(facts, '.github/workflows/ci.yml')).toMatchObject({ disabled: true, broken: { reason: 'GitHub Actions reads pipelines only at the top of the repository, so this one never runs' } });
    // GitLab can be pointed at a CI file in a folder.
    expect(pipelineAt(facts, '.gitlab-ci.yml').disabled).toBe(false);
    expect(pipelineAt(collect(ciCollector, project).facts, '.github/workflows/ci.yml').disabled).toBe(false);
  });

  it("reads a pipeline of the project's own that the top's calls once, as the project's", () => {
    const project = { ...model, 'azure-pipelines.yml': 'trigger: [main]\nsteps:\n- script: pytest\n' };
    const callsIt = { 'azure-pipelines.yml': 'trigger: [main]\nstages:\n- stage: model\n  jobs:\n  - job: t\n    steps:\n    - template: services/model/azure-pipelines.yml\n' };
    const { facts } = collect(ciCollector, project, { signals: [] }, enclosingInMemory(callsIt, 'services/model'));
    expect(facts.pipelines.map((pipeline) => pipeline.path)).toEqual(['../../azure-pipelines.yml', 'azure-pipelines.yml']);
  });

  it("leaves out a folder's own .github in the project when the monorepo's top has one, as GitHub does", () => {
    const seeded = { ...model, 'seed/.github/workflows/build.yml': 'on: push\njobs:\n  b:\n    runs-on: x\n    steps:\n      - run: pytest\n' };
    expect(collect(ciCollector, seeded).facts.pipelines.map((pipeline) => pipeline.path)).toEqual(['seed/.github/workflows/build.yml']);
    const { facts } = collect(ciCollector, seeded, { signals: [] }, enclosingInMemory(top, 'services/model'));
    expect(facts.pipelines.map((pipeline) => pipeline.path)).toEqual(['../../.github/workflows/model.yml', '../../.gitlab-ci.yml']);
  });
});
