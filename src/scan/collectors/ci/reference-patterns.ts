import { escapeRegExp } from '../../../util/escape-regexp.js';
import type { CiStepKind } from './facts.js';

/*
 * What a reference counts as: the second table, for what a step *uses* rather than runs: GitHub
 * actions, Azure tasks, GitLab templates, CircleCI orbs, Bitbucket pipes, Drone and Cloud Build
 * images, Buildkite plugins, Jenkins pipeline steps. References are matched lower-cased.
 */

/** A step's settings (`with:`, `inputs:`, `settings:`…), keys lower-cased, values as text. */
export type Inputs = ReadonlyMap<string, string>;

interface ReferencePattern {
  kind: CiStepKind;
  regex: RegExp;
  /** When the reference alone does not say (a build action that may or may not push). */
  when?: (inputs: Inputs) => boolean;
}

export const NO_INPUTS: Inputs = new Map();

function truthy(value: string | undefined): boolean {
  return value !== undefined && !/^(?:false|no|off|0|)$/i.test(value.trim());
}

/** True when input `name` (or `fallback` when unset) is one of `values`. */
function inputIs(name: string, fallback: string, ...values: string[]): (inputs: Inputs) => boolean {
  return (inputs) => values.includes((inputs.get(name) || fallback).toLowerCase());
}

const has = (name: string) => (inputs: Inputs) => inputs.has(name);

/** GitHub actions, Bitbucket pipes and images by (lower-case) name, at any version: `docker/build-push-action@v5`. */
function named(...names: string[]): RegExp {
  return new RegExp(`^(?:${names.map(escapeRegExp).join('|')})(?:[@:]|$)`);
}

/**
 * Azure Pipelines tasks by (lower-case) name, at any version: `Docker@2`, and marketplace tasks by
 * their full id too (`ms-air-aiagility.vss-services-azureml.azureml-model-deploy-task.AMLModelDeploy@0`).
 */
function tasks(...names: string[]): RegExp {
  return new RegExp(`^(?:[\\w-]+\\.)*(?:${names.map(escapeRegExp).join('|')})@\\d+$`);
}

/** GitLab security templates (`Security/SAST.gitlab-ci.yml`, `Jobs/…`) and CI/CD components (`…/components/sast/sast@1`). */
function gitlabScanner(name: string): RegExp {
  return new RegExp(String.raw`(?:^(?:security|jobs)\/|\/components\/)${name}\b`);
}

/** GitLab's Auto DevOps template runs the whole build, test, scan and deploy chain. */
const AUTO_DEVOPS_KINDS: CiStepKind[] = ['docker-build', 'docker-push', 'test', 'lint', 'sast', 'secret-scan', 'dependency-scan', 'image-scan', 'deploy'];

const DOCKER_BUILD_ACTIONS = named('docker/build-push-action', 'docker/bake-action');
/** An input that is on unless set to a false value. */
const unlessOff = (name: string) => (inputs: Inputs) => !inputs.has(name) || truthy(inputs.get(name));

/**
 * Community actions that build an image and push it unless an input says not to: whoan's (flytelab
 * builds each project's image with it), mr-smithers-excellent's, and elgohr's, whose `no_push`
 * says it the other way round.
 */
const PUSHING_BUILD_ACTIONS: ReadonlyArray<{ regex: RegExp; pushes: (inputs: Inputs) => boolean }> = [
  { regex: named('whoan/docker-build-with-cache-action'), pushes: unlessOff('push_image_and_stages') },
  { regex: named('mr-smithers-excellent/docker-build-push'), pushes: unlessOff('pushimage') },
  { regex: named('elgohr/publish-docker-github-action'), pushes: (inputs) => !truthy(inputs.get('no_push')) },
];
const TRIVY_ACTION = named('aquasecurity/trivy-action');
const ANCHORE_SCAN_ACTION = named('anchore/scan-action');
const DOCKER_TASK = tasks('docker');
const SNYK_TASK = tasks('snyksecurityscan');
/** Drone's image plugins, and Woodpecker's (`woodpeckerci/plugin-docker-buildx`, `woodpeckerci/plugin-kaniko`). */
const DRONE_DOCKER_PLUGINS = /^(?:plugins|woodpeckerci)\/(?:plugin-)?(?:docker(?:-buildx)?|ecr|gcr|acr|kaniko[\w-]*)(?::|$)/;
const BUILDKITE_COMPOSE_PLUGIN = /(?:^|\/)docker-compose(?:-buildkite-plugin)?(?:#|$)/;

export const REFERENCE_PATTERNS: ReferencePattern[] = [
  // GitHub Actions
  { kind: 'docker-build', regex: DOCKER_BUILD_ACTIONS },
  { kind: 'docker-push', regex: DOCKER_BUILD_ACTIONS, when: (inputs) => truthy(inputs.get('push')) },
  ...PUSHING_BUILD_ACTIONS.flatMap(({ regex, pushes }): ReferencePattern[] => [
    { kind: 'docker-build', regex },
    { kind: 'docker-push', regex, when: pushes },
  ]),
  { kind: 'docker-build', regex: named('redhat-actions/buildah-build') },
  { kind: 'docker-push', regex: named('redhat-actions/push-to-registry') },
  { kind: 'image-scan', regex: TRIVY_ACTION, when: inputIs('scan-type', 'image', 'image') },
  { kind: 'dependency-scan', regex: TRIVY_ACTION, when: inputIs('scan-type', 'image', 'fs', 'filesystem', 'repo', 'repository', 'rootfs', 'sbom') },
  { kind: 'sast', regex: TRIVY_ACTION, when: inputIs('scan-type', 'image', 'config') },
  { kind: 'sbom', regex: TRIVY_ACTION, when: inputIs('format', '', 'cyclonedx', 'spdx', 'spdx-json', 'github') },
  { kind: 'image-scan', regex: ANCHORE_SCAN_ACTION, when: has('image') },
  { kind: 'dependency-scan', regex: ANCHORE_SCAN_ACTION, when: (inputs) => !inputs.has('image') },
  {
    kind: 'sast',
    regex: named(
      'github/codeql-action/analyze', 'returntocorp/semgrep-action', 'semgrep/semgrep-action', 'returntocorp/semgrep', 'semgrep/semgrep',
      'hadolint/hadolint-action', 'hadolint/hadolint', 'bridgecrewio/checkov-action', 'aquasecurity/tfsec-action', 'aquasecurity/tfsec-sarif-action',
      'checkmarx/kics-github-action', 'sonarsource/sonarcloud-github-action', 'sonarsource/sonarqube-scan-action', 'snyk/actions/iac',
      // PSRule analyses Azure templates and Bicep against the Well-Architected rules, security among them.
      'microsoft/ps-rule',
      // Static analysis of the CI pipelines themselves: injection, over-broad tokens, unpinned actions.
      'zizmorcore/zizmor-action', 'woodruffw/zizmor-action', 'boostsecurityio/poutine-action',
    ),
  },
  // Bandit comes wrapped in many community actions: `pycqa/bandit-action`, `tj-actions/bandit`, `shundor/python-bandit-scan`…
  { kind: 'sast', regex: /^[\w-]+\/(?:[\w-]*-)?bandit(?:-[\w-]*)?(?:@|$)/ },
  {
    kind: 'secret-scan',
    regex: named('gitleaks/gitleaks-action', 'gitleaks/gitleaks', 'ghcr.io/gitleaks/gitleaks', 'zricethezav/gitleaks', 'trufflesecurity/trufflehog', 'gitguardian/ggshield-action'),
  },
  { kind: 'dependency-scan', regex: named('pypa/gh-action-pip-audit', 'actions/dependency-review-action', 'google/osv-scanner-action') },
  { kind: 'dependency-scan', regex: /^snyk\/actions\/(?!docker|iac|setup)[\w-]+(?:@|$)/ },
  { kind: 'image-scan', regex: named('snyk/actions/docker', 'docker/scout-action', 'crazy-max/ghaction-container-scan', 'erzz/dockle-action', 'azure/container-scan') },
  { kind: 'sbom', regex: named('anchore/sbom-action', 'sigstore/cosign-installer', 'advanced-security/sbom-generator-action') },
  { kind: 'sbom', regex: /^cyclonedx\/gh-[\w-]+-generate-sbom(?:@|$)/ },
  {
    kind: 'coverage',
    regex: named(
      'codecov/codecov-action', 'coverallsapp/github-action', 'py-cov-action/python-coverage-comment-action', 'orgoro/coverage', '5monkeys/cobertura-action',
      'irongut/codecoveragesummary', 'mishakav/pytest-coverage-comment',
    ),
  },
  // Microsoft Security DevOps runs the analysers it is given (templateanalyzer, checkov, bandit…); trivy among them scans dependencies.
  { kind: 'sast', regex: named('microsoft/security-devops-action') },
  { kind: 'dependency-scan', regex: named('microsoft/security-devops-action'), when: (inputs) => /\btrivy\b/i.test(inputs.get('tools') ?? '') },
  // Streamlit's app action runs the app's smoke test and the project's pytest suite, and ruff when asked.
  { kind: 'test', regex: named('streamlit/streamlit-app-action') },
  // An R package's check runs its testthat suite; Julia's runtest action runs `Pkg.test()`.
  { kind: 'test', regex: named('r-lib/actions/check-r-package', 'julia-actions/julia-runtest') },
  { kind: 'lint', regex: named('streamlit/streamlit-app-action'), when: (inputs) => truthy(inputs.get('ruff')) },
  { kind: 'model-report', regex: named('iterative/setup-cml') },
  // promptfoo's action runs the project's prompt evaluations and posts the before/after view on the pull request.
  { kind: 'model-evaluation', regex: named('promptfoo/promptfoo-action', 'typpo/promptfoo-action') },
  {
    kind: 'lint',
    regex: named(
      'pre-commit/action', 'pre-commit-ci/lite-action', 'github/super-linter', 'super-linter/super-linter', 'super-linter/super-linter/slim',
      'oxsecurity/megalinter', 'chartboost/ruff-action', 'astral-sh/ruff-action', 'psf/black', 'wearerequired/lint-action',
    ),
  },
  { kind: 'lint', regex: /^reviewdog\/action-(?:flake8|pylint|ruff|eslint|black|shellcheck|yamllint|markdownlint|actionlint)(?:@|$)/ },
  { kind: 'typecheck', regex: named('jakebailey/pyright-action') },
  {
    kind: 'deploy',
    regex: named(
      'google-github-actions/deploy-cloudrun', 'google-github-actions/deploy-cloud-functions', 'google-github-actions/deploy-appengine',
      'aws-actions/amazon-ecs-deploy-task-definition', 'aws-actions/amazon-ecs-deploy-express-service', 'azure/webapps-deploy', 'azure/k8s-deploy',
      'azure/functions-action', 'azure/container-apps-deploy-action', 'azure/aci-deploy', 'akhileshns/heroku-deploy', 'amondnet/vercel-action',
      'cloudflare/wrangler-action',
    ),
  },
  { kind: 'infra', regex: named('azure/arm-deploy', 'aws-actions/aws-cloudformation-github-deploy', 'pulumi/actions', 'dflook/terraform-plan', 'dflook/terraform-apply') },
  {
    kind: 'docs',
    regex: named('actions/deploy-pages', 'peaceiris/actions-gh-pages', 'jamesives/github-pages-deploy-action', 'ammaraskar/sphinx-action', 'mhausenblas/mkdocs-deploy-gh-pages'),
  },
  { kind: 'load-test', regex: named('grafana/k6-action', 'grafana/run-k6-action') },
  { kind: 'data-validation', regex: /^[\w-]+\/great_expectations_action(?:@|$)/ },

  // GitLab templates and components
  { kind: 'sast', regex: gitlabScanner('sast') },
  { kind: 'secret-scan', regex: gitlabScanner('secret-detection') },
  { kind: 'dependency-scan', regex: gitlabScanner('dependency-scanning') },
  { kind: 'image-scan', regex: gitlabScanner('container-scanning') },
  { kind: 'lint', regex: gitlabScanner('code-quality') },
  { kind: 'docker-build', regex: /^jobs\/build\b/ },
  { kind: 'docker-push', regex: /^jobs\/build\b/ },
  { kind: 'test', regex: /^jobs\/test\b/ },
  { kind: 'deploy', regex: /^jobs\/deploy\b/ },
  { kind: 'infra', regex: /^terraform\b/ },
  ...AUTO_DEVOPS_KINDS.map((kind) => ({ kind, regex: /^auto-devops\.gitlab-ci\.yml$/ })),

  // Azure Pipelines tasks
  { kind: 'docker-build', regex: DOCKER_TASK, when: inputIs('command', 'buildandpush', 'build', 'buildandpush') },
  { kind: 'docker-push', regex: DOCKER_TASK, when: inputIs('command', 'buildandpush', 'push', 'buildandpush') },
  { kind: 'deploy', regex: tasks('kubernetesmanifest'), when: inputIs('action', 'deploy', 'deploy', 'promote', 'patch', 'scale') },
  { kind: 'deploy', regex: tasks('kubernetes'), when: inputIs('command', '', 'apply', 'set', 'rollout', 'replace') },
  { kind: 'deploy', regex: tasks('helmdeploy'), when: inputIs('command', '', 'upgrade', 'install') },
  {
    kind: 'deploy',
    regex: tasks(
      'azurermwebappdeployment', 'azurewebapp', 'azurewebappcontainer', 'azurefunctionapp', 'azurefunctionappcontainer', 'azurecontainerapps',
      'azurespringcloud', 'azurefunctiononkubernetes', 'amlmodeldeploy',
    ),
  },
  { kind: 'coverage', regex: tasks('publishcodecoverageresults') },
  { kind: 'infra', regex: tasks('terraformtaskv1', 'terraformtaskv2', 'terraformtaskv3', 'terraformtaskv4', 'terraformcli', 'terraform'), when: inputIs('command', '', 'plan', 'apply') },
  { kind: 'infra', regex: tasks('azureresourcemanagertemplatedeployment') },
  { kind: 'sast', regex: tasks('sonarqubeanalyze', 'sonarcloudanalyze', 'advancedsecurity-codeql-analyze', 'microsoftsecuritydevops', 'ps-rule-assert') },
  { kind: 'secret-scan', regex: tasks('credscan') },
  // Component Governance detects the open-source components a build uses and alerts on their known vulnerabilities.
  { kind: 'dependency-scan', regex: tasks('advancedsecurity-dependency-scanning', 'whitesource', 'mend', 'componentgovernancecomponentdetection') },
  { kind: 'dependency-scan', regex: SNYK_TASK, when: inputIs('testtype', 'app', 'app') },
  { kind: 'image-scan', regex: SNYK_TASK, when: inputIs('testtype', 'app', 'container') },
  { kind: 'test', regex: tasks('dotnetcorecli'), when: inputIs('command', 'build', 'test') },

  // CircleCI orbs
  { kind: 'test', regex: /^python\/test$/ },
  { kind: 'coverage', regex: /^codecov\/upload$/ },
  { kind: 'docker-build', regex: /^(?:docker\/(?:build|publish)|(?:aws-ecr|gcp-gcr|azure-acr)\/build[-_]and[-_]push[-_]image|gcp-gcr\/build-image)$/ },
  { kind: 'docker-push', regex: /^(?:docker\/(?:push|publish)|(?:aws-ecr|gcp-gcr|azure-acr)\/build[-_]and[-_]push[-_]image|gcp-gcr\/push-image)$/ },
  {
    kind: 'deploy',
    regex: /^(?:aws-ecs|aws-eks|kubernetes|helm|gcp-cloud-run|gcp-gke|heroku|azure-aks|aws-code-deploy|aws-serverless|serverless-framework)\/[\w-]*(?:deploy|update-service|(?:upgrade|install)-helm-chart|create-or-update-resource)[\w-]*$/,
  },
  { kind: 'dependency-scan', regex: /^snyk\/scan$/ },
  { kind: 'sast', regex: /^sonarcloud\/scan$/ },
  { kind: 'infra', regex: /^terraform\/(?:plan|apply)$/ },

  // Bitbucket pipes
  { kind: 'deploy', regex: /^atlassian\/[\w-]*(?:deploy|kubectl-run)(?::|$)/ },
  { kind: 'docker-push', regex: /^atlassian\/[\w-]*push-image(?::|$)/ },
  { kind: 'secret-scan', regex: named('atlassian/git-secrets-scan') },
  { kind: 'dependency-scan', regex: named('snyk/snyk-scan') },
  { kind: 'sast', regex: named('sonarsource/sonarcloud-scan', 'atlassian/sonarcloud-scan', 'sonarsource/sonarqube-scan') },

  // Drone and Woodpecker plugins (images) and Buildkite plugins
  { kind: 'docker-build', regex: DRONE_DOCKER_PLUGINS },
  { kind: 'docker-push', regex: DRONE_DOCKER_PLUGINS, when: (inputs) => !truthy(inputs.get('dry_run')) },
  { kind: 'coverage', regex: named('plugins/codecov', 'robertstettner/drone-codecov') },
  { kind: 'deploy', regex: named('pelotech/drone-helm3', 'plugins/helm', 'sinlead/drone-kubectl', 'vallard/drone-kube', 'honestbee/drone-kubernetes') },
  { kind: 'docs', regex: named('plugins/gh-pages') },
  { kind: 'docker-build', regex: BUILDKITE_COMPOSE_PLUGIN, when: has('build') },
  { kind: 'docker-push', regex: BUILDKITE_COMPOSE_PLUGIN, when: has('push') },

  // Jenkins pipeline steps (`docker.build(…)`, `image.push()`, `docker.image(…).push()`)
  { kind: 'docker-build', regex: /^docker\.build$/ },
  { kind: 'docker-push', regex: /^[\w.]*\.push$/ },
  { kind: 'coverage', regex: /^(?:recordcoverage|publishcoverage|cobertura|jacoco)$/ },
  { kind: 'dependency-scan', regex: /^dependencycheck(?:publisher)?$/ },
  { kind: 'sast', regex: /^withsonarqubeenv$/ },
  { kind: 'deploy', regex: /^kubernetesdeploy$/ },

  // Travis deploy providers (`provider: heroku`): publishing a package or docs is not a deploy.
  { kind: 'docs', regex: /^provider: (?:pages|gh-pages)$/ },
  { kind: 'deploy', regex: /^provider: (?!script$|pypi$|releases$|npm$|pages$|gh-pages$)\S+$/ },
];

/** References that wait for a person: an approval action, Azure's `ManualValidation`, Jenkins' `input`. */
export const MANUAL_APPROVAL = /^(?:[\w.-]+\/)?manual-approval(?:@|$)|^manualvalidation@\d+$|^input$/;

/** Another repository's reusable GitHub workflow (an organisation's shared CI): `acme/ci/.github/workflows/build-docker.yml@main`. */
const REUSABLE_WORKFLOW = /^[\w.-]+\/[\w.-]+\/\.github\/workflows\/([^@/]+)\.ya?ml@/;

/**
 * What a reusable workflow runs, by a word of its file name (`build-docker`, `apply-terraform`,
 * `codeql-reusable`), the tools' names included (GOV.UK's shared `rspec.yml`, `rubocop.yml`,
 * `brakeman.yml`, `dependency-review.yml`).
 */
const REUSABLE_WORKFLOW_WORDS: ReadonlyArray<readonly [CiStepKind, ReadonlySet<string>]> = [
  ['sast', new Set(['codeql', 'semgrep', 'bandit', 'sast', 'brakeman'])],
  ['dependency-scan', new Set(['dependencyreview', 'pipaudit', 'osv'])],
  ['docker-build', new Set(['docker', 'image', 'container'])],
  ['deploy', new Set(['deploy', 'deployment', 'rollout'])],
  ['infra', new Set(['terraform', 'tf', 'infra', 'infrastructure', 'pulumi'])],
  ['test', new Set(['test', 'tests', 'pytest', 'rspec', 'jasmine', 'jest', 'minitest'])],
  ['lint', new Set(['lint', 'linting', 'precommit', 'rubocop', 'erblint', 'stylelint', 'eslint', 'ruff', 'flake8'])],
  ['docs', new Set(['docs', 'documentation'])],
];
/** Tool names written with a hyphen, read as one word. */
const HYPHENATED_TOOLS = /pre-commit|dependency-review|pip-audit/g;

/** An input that names the image a workflow is to run: `IMAGE_TAG: ${{ github.sha }}`, `image-uri`. */
const IMAGE_INPUT = /^(?:container[-_]?|docker[-_]?)?image(?:[-_]?(?:tag|uri|name|version|digest))?$|^docker[-_]?tag$/;

/**
 * Inputs by which an organisation's shared CI workflow is told to run the caller's tests or linters
 * (Open Climate Fix's Python CI takes `tests_folder: tests` and `enable_linting: true`): a folder
 * of tests given, or a switch to run them set on.
 */
const REUSABLE_WORKFLOW_INPUTS: ReadonlyArray<{ kind: CiStepKind; folder?: RegExp; switch?: RegExp }> = [
  { kind: 'test', folder: /^(?:unit[-_]?)?tests?[-_]?(?:folder|dir|directory|path|paths)$/, switch: /^(?:enable|run)[-_]?(?:unit[-_]?)?(?:tests?|testing|pytest)$/ },
  { kind: 'lint', switch: /^(?:enable|run)[-_]?(?:lint|linting|linters?)$/ },
  { kind: 'typecheck', switch: /^(?:enable|run)[-_]?(?:type[-_]?check(?:ing)?|mypy)$/ },
];

/**
 * The kinds another repository's reusable workflow is named for, or asked for by its inputs; its
 * steps are not in this repository to read. Infrastructure applied with the image this run built
 * (i-dot-ai/minute's `apply-terraform.yml` given `IMAGE_TAG: ${{ github.sha }}`) puts that image
 * into service: a deployment.
 */
export function reusableWorkflowKinds(key: string, inputs: Inputs): CiStepKind[] {
  const name = REUSABLE_WORKFLOW.exec(key)?.[1];
  if (name === undefined) return [];
  const words = new Set(name.replace(HYPHENATED_TOOLS, (tool) => tool.replace('-', '')).split(/[-_.]+/));
  const named = REUSABLE_WORKFLOW_WORDS.filter(([, tools]) => [...tools].some((word) => words.has(word))).map(([kind]) => kind);
  const releasesImage = named.includes('infra') && !named.includes('deploy') && [...inputs.keys()].some((input) => IMAGE_INPUT.test(input));
  const asked = REUSABLE_WORKFLOW_INPUTS.filter(({ folder, switch: on }) =>
    [...inputs].some(([input, value]) => (folder?.test(input) === true && value.trim() !== '') || (on?.test(input) === true && truthy(value))),
  ).map(({ kind }) => kind);
  return [...new Set([...named, ...(releasesImage ? ['deploy' as const] : []), ...asked])];
}

/**
 * Actions that run a shell command given as one of their inputs, on the runner: retrying a flaky
 * step, or running it under a virtual display (GUI and notebook tests). What the command does is
 * what the step does.
 */
const COMMAND_INPUT_ACTIONS: ReadonlyArray<{ action: RegExp; input: string }> = [
  { action: named('nick-fields/retry', 'nick-invision/retry', 'wandalen/wretry.action'), input: 'command' },
  { action: named('gabrielbb/xvfb-action', 'coactions/setup-xvfb'), input: 'run' },
];

/** The input holding the command an action runs for the step, if it is such an action. */
export function commandInputOf(reference: string): string | undefined {
  const key = normalizeReference(reference);
  return COMMAND_INPUT_ACTIONS.find(({ action }) => action.test(key))?.input;
}

export function normalizeReference(reference: string): string {
  return reference.trim().toLowerCase().replace(/^docker:\/\//, '');
}

/**
 * References that prepare a job and do nothing by themselves: checking out, setting up a
 * toolchain, caching, moving artifacts (GitHub actions, Azure tasks), and Jenkins' structural steps.
 */
export const SETUP_REFERENCE =
  /^(?:actions\/(?:checkout|cache|upload-artifact|download-artifact|setup-[\w-]+)|[\w-]+\/setup-[\w-]+|(?:usepythonversion|usenode|nodetool|usedotnet|javatoolinstaller|publishbuildartifacts|publishpipelineartifact|downloadpipelineartifact|downloadbuildartifacts|cache)@\d+|stage|node|echo|timeout|dir|script|checkout|git|parallel|retry|sleep|deletedir|cleanws|withenv|timestamps)(?:@|$)/;
