import { posix } from 'node:path';
import { LineCounter, isAlias, isMap, isNode, isScalar, isSeq, parseAllDocuments, type Document, type Scalar } from 'yaml';
import { compareStrings } from '../../util/compare.js';
import { defineCollector, type Collector, type FileContent } from '../collector.js';
import type { Warn } from '../location.js';
import type { CiFacts, CiPipeline, CiProvider, CiStep, CiStepKind, CiTrigger } from './ci/facts.js';
import { pathContext } from '../path-context.js';
import { redactSecrets } from '../secret-patterns.js';

/*
 * CI collector: for every CI configuration file, what its pipeline runs (steps classified by
 * kind, each with the line that proves it), on which triggers, and whether it can run at all.
 * Rules then ask questions such as "does an enabled pipeline triggered on pull requests run the
 * tests?" and show the step's line as evidence.
 */

// ---------------------------------------------------------------------------------------------
// Command classification: one table of shell command patterns, matched against each simple
// command of a script (split on `&&`, `;`, `|`…), anchored at the command's first word so that
// `pip install pytest` or `echo "run tests"` never count as running tests.
// ---------------------------------------------------------------------------------------------

interface CommandPattern {
  kind: CiStepKind;
  /** Matched against one simple command. A capture group, when present, marks the word whose line is the evidence. */
  regex: RegExp;
}

/** A regex written as a raw template so that patterns read like the commands they match. */
function re(strings: TemplateStringsArray, ...parts: string[]): RegExp {
  return new RegExp(String.raw(strings, ...parts), 'd');
}

/** A tool run directly or as `python -m tool`. */
const PY = String.raw`(?:python[\d.]*\s+-m\s+)?`;
/** The end of a command word. */
const END = String.raw`(?![\w.-])`;
/** Any words before the one that matters (lazy: one word at a time, never ambiguous). */
const ARGS = String.raw`(?:\s+\S+)*?\s+`;
/** Maven or Gradle, through their wrappers too. */
const JVM_BUILD = String.raw`(?:\.\/)?(?:mvnw?|gradlew?)`;

/** A script or target run by a task runner: `make test`, `npm run lint`, `tox -e docs`, `hatch run cov`. */
function target(names: string): RegExp {
  const runners = [
    String.raw`(?:make|just|task|invoke|inv|mage|doit)${ARGS}`,
    String.raw`(?:npm|pnpm|yarn|bun)(?:\s+-\S+)*(?:\s+run(?:-script)?(?:\s+-\S+)*)?\s+`,
    String.raw`(?:poe|hatch\s+run|pdm\s+run|rye\s+run|pixi\s+run)\s+(?:[\w.-]+:)?`,
    String.raw`(?:tox|nox)\b.*?\s(?:-e|-s|--sessions?|--env)[\s=]+(?:[\w.-]+,)*`,
  ];
  return new RegExp(String.raw`^(?:${runners.join('|')})(?:${names})(?=[\s,]|$)`, 'd');
}

/** A shell script run by path: `./scripts/deploy.sh`, `bash ci/test.sh`. */
function shellScript(names: string): RegExp {
  return new RegExp(String.raw`^(?:(?:ba)?sh\s+(?:-\S+\s+)*)?(?:[^\s/]*\/)*(?:${names})\.sh${END}`, 'd');
}

/**
 * A Python script or module whose name starts a word with `names`: `python src/train.py`,
 * `python -m pipeline.train_model`, `accelerate launch train.py` (not `constraint.py`).
 */
function pythonScript(names: string): RegExp {
  return new RegExp(
    String.raw`^(?:python[\d.]*|accelerate\s+launch|torchrun|deepspeed)(?:\s+-\S+)*\s+(?:-m\s+(?:\w+\.)*|(?:[^\s/]+\/)*)(?:[\w-]*[_-])?(?:${names})[\w.]*${END}`,
    'd',
  );
}

const COMMAND_PATTERNS: CommandPattern[] = [
  { kind: 'test', regex: re`^${PY}(?:pytest|py\.test)${END}` },
  { kind: 'test', regex: re`^python[\d.]*\s+-m\s+unittest${END}` },
  { kind: 'test', regex: re`^python[\d.]*\s+(?:\S*\/)?(?:(?:setup|manage)\.py\s+test|run[-_]?tests?\.py)${END}` },
  { kind: 'test', regex: re`^${PY}coverage\s+run\b.*\s-m\s+(?:pytest|unittest)${END}` },
  { kind: 'test', regex: re`^(?:tox|nox)${END}(?!.*\s(?:-e|-s|--sessions?|--env)[\s=])` },
  { kind: 'test', regex: re`^(?:hatch\s+test|go\s+test|cargo\s+test|dotnet\s+test|playwright\s+test|cypress\s+run)${END}` },
  { kind: 'test', regex: re`^(?:jest|vitest|mocha|behave|nosetests|nose2)${END}` },
  { kind: 'test', regex: re`^${JVM_BUILD}${ARGS}(?:test|verify|check)${END}` },
  { kind: 'test', regex: shellScript(String.raw`(?:run[-_]?)?(?:unit[-_]?|integration[-_]?)?tests?`) },
  { kind: 'test', regex: target(String.raw`(?:unit|integration|e2e|smoke)?[-_]?tests?(?:[-_:.][\w.-]*)?|pytest|py[\d.]*(?:-[\w.-]+)?|cov(?:erage)?`) },

  { kind: 'coverage', regex: re`^${PY}(?:pytest|py\.test)\b.*?\s(--cov)(?:[=-]\S*)?${END}` },
  { kind: 'coverage', regex: re`^(?:jest|vitest|(?:npm|pnpm|yarn)\s+(?:run\s+)?test)\b.*?\s(--coverage)${END}` },
  { kind: 'coverage', regex: re`^${PY}coverage\s+(?:run|report|xml|html|lcov|json|combine)${END}` },
  { kind: 'coverage', regex: re`^(?:\S*\/)?(?:codecov(?:cli)?|coveralls|diff-cover)${END}` },
  { kind: 'coverage', regex: re`^(?:curl|wget)\b.*codecov\.io` },
  { kind: 'coverage', regex: target(String.raw`cov(?:erage)?(?:[-_:.][\w.-]*)?`) },

  { kind: 'lint', regex: re`^${PY}ruff${END}(?!\s+format(?!.*\s--(?:check|diff)))` },
  { kind: 'lint', regex: re`^${PY}(?:flake8|pylint|pycodestyle|pydocstyle|pyflakes|prospector|pylama|vulture|interrogate|nbqa)${END}` },
  { kind: 'lint', regex: re`^(?:yamllint|shellcheck|markdownlint(?:-cli2?)?|codespell|eslint|stylelint|golangci-lint|djlint|actionlint|tflint)${END}` },
  { kind: 'lint', regex: re`^(?:sqlfluff\s+lint|go\s+vet|cargo\s+clippy)${END}` },
  { kind: 'lint', regex: re`^${PY}(?:black|isort|yapf|autopep8|prettier|docformatter|blackdoc)\b.*\s--(?:check|diff)` },
  { kind: 'lint', regex: re`^pre-commit\s+run${END}` },
  { kind: 'lint', regex: shellScript(String.raw`lint|check[-_]?(?:style|format)|format[-_]check`) },
  { kind: 'lint', regex: target(String.raw`lint(?:[-_:.][\w.-]*)?|style|(?:format|fmt)[-_:]check|check[-_:](?:format|fmt|style|lint)|pre-commit|flake8|ruff|pylint`) },

  { kind: 'typecheck', regex: re`^${PY}(?:mypy|dmypy|pyright|basedpyright|pytype|pyre|ty\s+check|nbqa\s+mypy)${END}` },
  { kind: 'typecheck', regex: re`^(?:tsc|vue-tsc)${END}` },
  { kind: 'typecheck', regex: target(String.raw`type-?check(?:[-_:.][\w.-]*)?|types?|typing|mypy|pyright|tsc`) },

  { kind: 'build', regex: re`^python[\d.]*\s+(?:-m\s+build|setup\.py\s+(?:sdist|bdist\w*|build))${END}` },
  { kind: 'build', regex: re`^(?:poetry|hatch|pdm|uv|flit|rye|maturin|go|cargo|conda|mamba)\s+(?:build|mambabuild)${END}` },
  { kind: 'build', regex: re`^${PY}pip[\d.]*\s+wheel${END}` },
  { kind: 'build', regex: re`^${JVM_BUILD}${ARGS}(?:package|assemble|build)${END}` },
  { kind: 'build', regex: target(String.raw`build(?![-_:.](?:docs?|images?|docker|containers?)(?:$|\s))(?:[-_:.][\w.-]*)?|dist|wheels?|sdist|package`) },

  { kind: 'docker-build', regex: re`^(?:docker|podman|nerdctl)\s+(?:image\s+)?build${END}` },
  { kind: 'docker-build', regex: re`^docker\s+buildx\s+(?:build|bake)${END}` },
  { kind: 'docker-build', regex: re`^(?:docker\s+compose|docker-compose|podman-compose)${ARGS}(?:build${END}|up\b.*\s--build${END})` },
  { kind: 'docker-build', regex: re`^(?:\/kaniko\/)?executor${END}` },
  { kind: 'docker-build', regex: re`^(?:buildah\s+(?:bud|build)|gcloud\s+builds\s+submit|az\s+acr\s+build|skaffold\s+(?:build|run))${END}` },
  { kind: 'docker-build', regex: re`^(?:bentoml\s+containerize|cog\s+(?:build|push)|pack\s+build|mlflow\s+models\s+build-docker)${END}` },
  { kind: 'docker-build', regex: shellScript(String.raw`(?:docker[-_])?build[-_](?:image|docker)|docker[-_]build`) },
  { kind: 'docker-build', regex: target(String.raw`docker(?:[-_:.]?(?:build|images?))?|(?:build|docker)[-_:.](?:images?|docker|containers?)|images?|containers?`) },

  { kind: 'docker-push', regex: re`^(?:docker|podman|buildah|nerdctl)\s+(?:image\s+)?push${END}` },
  { kind: 'docker-push', regex: re`^docker\s+buildx\s+(?:build|bake)\b.*?\s(--push)${END}` },
  { kind: 'docker-push', regex: re`^(?:docker\s+compose|docker-compose)${ARGS}push${END}` },
  { kind: 'docker-push', regex: re`^(?:\/kaniko\/)?executor${END}(?!.*\s--no-push${END})` },
  { kind: 'docker-push', regex: re`^gcloud\s+builds\s+submit\b.*?\s(--tag)${END}` },
  { kind: 'docker-push', regex: re`^(?:az\s+acr\s+build|crane\s+push|skopeo\s+copy|cog\s+push)${END}` },
  { kind: 'docker-push', regex: target(String.raw`(?:docker[-_:.])?push(?:[-_:.](?:images?|docker))?|publish[-_:.](?:images?|docker)`) },

  { kind: 'deploy', regex: re`^kubectl${ARGS}(?:apply|rollout|replace|set\s+image|create\s+deployment)${END}` },
  { kind: 'deploy', regex: re`^(?:helm|helmfile)${ARGS}(?:upgrade|install|apply|sync)${END}` },
  { kind: 'deploy', regex: re`^(?:argocd\s+app\s+sync|skaffold\s+(?:run|deploy)|ansible-playbook)${END}` },
  { kind: 'deploy', regex: re`^gcloud(?:\s+(?:beta|alpha))?\s+(?:run\s+(?:deploy|services\s+(?:update|replace))|app\s+deploy|functions\s+deploy)${END}` },
  { kind: 'deploy', regex: re`^gcloud(?:\s+(?:beta|alpha))?\s+(?:ai\s+endpoints\s+deploy-model|ai-platform\s+versions\s+create|deploy\s+releases\s+create)${END}` },
  { kind: 'deploy', regex: re`^gke-deploy\s+run${END}` },
  { kind: 'deploy', regex: re`^az\s+ml\s+(?:online|batch)-(?:deployment|endpoint)\s+(?:create|update)${END}` },
  { kind: 'deploy', regex: re`^az\s+(?:webapp\s+(?:deploy|up|deployment|config\s+container\s+set)|functionapp\s+(?:deploy|deployment)|containerapp\s+(?:up|update|create))${END}` },
  { kind: 'deploy', regex: re`^aws\s+(?:ecs\s+update-service|sagemaker\s+(?:create|update)-endpoint|apprunner\s+(?:start-deployment|update-service))${END}` },
  { kind: 'deploy', regex: re`^aws\s+(?:lambda\s+update-function-(?:code|configuration)|deploy\s+create-deployment|elasticbeanstalk\s+update-environment)${END}` },
  { kind: 'deploy', regex: re`^(?:sam|cdk|serverless|sls|fly|flyctl|modal|bentoml|baseten|chalice|zappa|eb|copilot\s+svc)\s+deploy${END}` },
  { kind: 'deploy', regex: re`^(?:firebase|netlify|wrangler|railway|vercel)\s+deploy${END}` },
  { kind: 'deploy', regex: re`^(?:zappa\s+update|truss\s+push|cf\s+push|git\s+push\s+heroku|heroku\s+container:release|mlflow\s+deployments\s+(?:create|update))${END}` },
  { kind: 'deploy', regex: re`^(?:anyscale\s+services?\s+(?:rollout|deploy)|mda\s+deploy)${END}` },
  { kind: 'deploy', regex: re`^vercel\b.*\s--prod${END}` },
  { kind: 'deploy', regex: shellScript(String.raw`deploy(?![-_]?docs?(?:$|\s|\.))[\w-]*`) },
  { kind: 'deploy', regex: target(String.raw`deploy(?![-_:.]?docs?(?:$|\s))(?:[-_:.][\w.-]*)?|rollout`) },

  { kind: 'infra', regex: re`^(?:terraform|tofu)(?:\s+-\S+)*\s+(?:plan|apply)${END}` },
  { kind: 'infra', regex: re`^(?:terragrunt|pulumi)${ARGS}(?:plan|apply|run-all|up|preview|update)${END}` },
  { kind: 'infra', regex: re`^aws\s+cloudformation\s+(?:deploy|create-stack|update-stack|create-change-set)${END}` },
  { kind: 'infra', regex: re`^(?:az\s+deployment\s+(?:group|sub|mg|tenant)\s+(?:create|what-if)|gcloud\s+deployment-manager\s+deployments\s+(?:create|update))${END}` },
  { kind: 'infra', regex: target(String.raw`(?:infra|tf|terraform)(?:[-_:.][\w.-]*)?|plan|apply`) },

  { kind: 'data-validation', regex: re`^(?:great_expectations|great-expectations|gx)${ARGS}checkpoint${END}` },
  { kind: 'data-validation', regex: re`^(?:soda\s+scan|dbt\s+(?:test|build)|datacontract\s+test)${END}` },
  // A `tests/data/` folder, not any path that starts so (`tests/datasource_utils_tests.py`).
  { kind: 'data-validation', regex: re`^${PY}(?:pytest|py\.test)${ARGS}((?:\S*\/)?tests?\/data(?=[\/\s:]|$)|-m\s+["']?data)` },
  { kind: 'data-validation', regex: re`^python[\d.]*(?:\s+-\S+)*\s+(?:-m\s+)?(?=\S*data)(?=\S*validat)` },
  { kind: 'data-validation', regex: target(String.raw`(?:validate|check)[-_:]?data\w*|data[-_:]?(?:validat\w*|checks?|tests?|quality|contracts?)|expectations`) },

  { kind: 'data-pipeline', regex: re`^(?:dvc\s+(?:pull|fetch)|kedro\s+run|dbt\s+(?:run|build|seed|snapshot)|meltano\s+(?:run|elt))${END}` },
  { kind: 'data-pipeline', regex: re`^(?:airflow\s+(?:dags\s+(?:test|trigger|backfill)|tasks\s+test)|prefect\s+deployment\s+run)${END}` },
  { kind: 'data-pipeline', regex: re`^dagster\s+(?:job\s+(?:execute|launch)|asset\s+materialize)${END}` },
  { kind: 'data-pipeline', regex: pythonScript(String.raw`etl|ingest|preprocess|prepare[-_]?data|make[-_]?dataset|build[-_]?features|featuri[sz]e|download[-_]?data`) },
  { kind: 'data-pipeline', regex: target(String.raw`data(?:set)?|etl|ingest\w*|preprocess\w*|features`) },

  { kind: 'train', regex: pythonScript(String.raw`(?:re|pre)?train|fine[-_]?tun`) },
  { kind: 'train', regex: re`^(?:yolo(?:\s+\w+)?\s+train|ludwig\s+train|allennlp\s+train|fairseq-train|tune\s+run)${END}` },
  { kind: 'train', regex: re`^aws\s+sagemaker\s+create-training-job${END}` },
  { kind: 'train', regex: shellScript(String.raw`(?:run[-_])?(?:re)?train[\w-]*`) },
  { kind: 'train', regex: target(String.raw`(?:re)?train\w*(?:[-_:.][\w.-]*)?|fine-?tune`) },

  // Comparing and reporting metrics puts them in front of a reviewer; it fails no build.
  { kind: 'model-report', regex: re`^dvc\s+(?:(?:metrics|plots)\s+(?:diff|show)|exp\s+(?:diff|show))${END}` },
  { kind: 'model-report', regex: re`^(?:cml\s+(?:comment|send-comment|publish|report)|cml-send-comment)${END}` },
  { kind: 'model-evaluation', regex: re`^(?:promptfoo\s+eval|deepeval\s+test|lm[-_]eval|inspect\s+eval|mteb)${END}` },
  { kind: 'model-evaluation', regex: pythonScript(String.raw`eval|benchmark`) },
  { kind: 'model-evaluation', regex: target(String.raw`eval\w*(?:[-_:.][\w.-]*)?|benchmarks?|metrics`) },

  { kind: 'ml-pipeline', regex: re`^(?:dvc\s+(?:repro|exp\s+run)|mlflow\s+run|kedro\s+run|zenml\s+pipeline\s+run|pyflyte\s+run)${END}` },
  { kind: 'ml-pipeline', regex: re`^(?:az\s+ml\s+job\s+create|kfp\s+(?:run|pipeline)\s+(?:create|submit|upload))${END}` },
  { kind: 'ml-pipeline', regex: re`^gcloud(?:\s+(?:beta|alpha))?\s+(?:ai\s+(?:custom-jobs|hp-tuning-jobs)\s+create|ai-platform\s+jobs\s+submit)${END}` },
  { kind: 'ml-pipeline', regex: re`^aws\s+sagemaker\s+(?:start-pipeline-execution|create-training-job|create-processing-job)${END}` },
  // Metaflow: `python flow.py run`, `python training_flow.py argo-workflows create`.
  { kind: 'ml-pipeline', regex: re`^python[\d.]*\s+(?:\S*\/)?\w*flow\w*\.py(?:\s+--\S+)*\s+(?:run|argo-workflows|step-functions)${END}` },
  // A script that builds, submits or runs the training pipeline: `python model/run_pipeline.py`,
  // `python -m ml_service.pipelines.build_train_pipeline`; not a scoring or inference pipeline,
  // nor a package on the way to the module (`pipelines.`).
  { kind: 'ml-pipeline', regex: pythonScript(String.raw`(?<!(?:scor|predict|infer|serv)\w*)pipeline(?!\w*\.(?!py\b))`) },
  { kind: 'ml-pipeline', regex: target(String.raw`(?:ml-)?pipeline|repro`) },

  { kind: 'secret-scan', regex: re`^(?:gitleaks|trufflehog3?|detect-secrets(?:-hook)?|ggshield|git-secrets|git\s+secrets\s+--scan)${END}` },
  { kind: 'secret-scan', regex: re`^(?:talisman|whispers|noseyparker|secretlint)${END}` },
  { kind: 'secret-scan', regex: re`^trivy\b.*?\s--scanners[\s=]\S*(secret)` },

  { kind: 'dependency-scan', regex: re`^(?:${PY}pip-audit|safety\s+(?:check|scan)|osv-scanner|snyk\s+(?:test|monitor))${END}` },
  { kind: 'dependency-scan', regex: re`^(?:(?:npm|pnpm)\s+audit|yarn\s+(?:npm\s+)?audit|bundler?[-\s]audit|cargo\s+audit|govulncheck|retire)${END}` },
  { kind: 'dependency-scan', regex: re`^(?:trivy\s+(?:fs|filesystem|repo|repository|rootfs|sbom)|dependency-check(?:\.sh)?)${END}` },
  { kind: 'dependency-scan', regex: re`^grype\s+(?:-\S+\s+)*(?:dir:|sbom:|file:|\.{1,2}(?:\/\S*)?${END}|\/)` },

  { kind: 'sast', regex: re`^(?:${PY}bandit|semgrep|codeql|sonar-scanner|gosec|brakeman|njsscan|bearer|horusec)${END}` },
  { kind: 'sast', regex: re`^(?:checkov|tfsec|kics|terrascan|hadolint|trivy\s+(?:config|conf)|snyk\s+(?:code|iac)\s+test)${END}` },
  { kind: 'sast', regex: re`^${JVM_BUILD}${ARGS}(sonar\S*)` },

  { kind: 'image-scan', regex: re`^(?:trivy\s+(?:image|i)|docker\s+scout|docker\s+scan|snyk\s+container\s+(?:test|monitor))${END}` },
  { kind: 'image-scan', regex: re`^(?:dockle|clair-scanner|clairctl|gcloud\s+artifacts\s+docker\s+images\s+scan)${END}` },
  { kind: 'image-scan', regex: re`^grype\s+(?:-\S+\s+)*(?!dir:|sbom:|file:|\.|\/|-)\S` },

  { kind: 'sbom', regex: re`^(?:syft|cyclonedx(?:-py|-bom|-npm|-py-bom)?|cdxgen|docker\s+sbom|cosign\s+(?:sign|attest|sign-blob|attest-blob))${END}` },
  { kind: 'sbom', regex: re`^trivy\b.*?\s--format[\s=](cyclonedx|spdx)` },

  { kind: 'load-test', regex: re`^(?:${PY}locust|k6\s+(?:run|cloud)|artillery\s+(?:run|quick)|vegeta\s+attack)${END}` },
  { kind: 'load-test', regex: re`^(?:(?:\S*\/)?jmeter(?:\.sh)?|gatling\.sh|ghz|wrk|hey|oha)${END}` },

  { kind: 'docs', regex: re`^(?:${PY}mkdocs\s+(?:build|gh-deploy)|mike\s+deploy)${END}` },
  { kind: 'docs', regex: re`^(?:sphinx-(?:build|multiversion|autobuild)|python[\d.]*\s+-m\s+sphinx)${END}` },
  { kind: 'docs', regex: re`^(?:(?:jupyter-book|jb)\s+build|quarto\s+(?:render|publish))${END}` },
  { kind: 'docs', regex: re`^(?:pdoc3?|portray|pydoctor|lazydocs|typedoc|doxygen)${END}` },
  { kind: 'docs', regex: target(String.raw`docs?(?:[-_:.][\w.-]*)?|(?:build|gen|generate)[-_:.]docs?|html|dirhtml|singlehtml|latexpdf|apidocs?`) },
];

// ---------------------------------------------------------------------------------------------
// Reference classification: the second table, for what a step *uses* rather than runs: GitHub
// actions, Azure tasks, GitLab templates, CircleCI orbs, Bitbucket pipes, Drone and Cloud Build
// images, Buildkite plugins, Jenkins pipeline steps. References are matched lower-cased.
// ---------------------------------------------------------------------------------------------

/** A step's settings (`with:`, `inputs:`, `settings:`…), keys lower-cased, values as text. */
type Inputs = ReadonlyMap<string, string>;

interface ReferencePattern {
  kind: CiStepKind;
  regex: RegExp;
  /** When the reference alone does not say (a build action that may or may not push). */
  when?: (inputs: Inputs) => boolean;
}

const NO_INPUTS: Inputs = new Map();

function truthy(value: string | undefined): boolean {
  return value !== undefined && !/^(?:false|no|off|0|)$/i.test(value.trim());
}

/** True when input `name` (or `fallback` when unset) is one of `values`. */
function inputIs(name: string, fallback: string, ...values: string[]): (inputs: Inputs) => boolean {
  return (inputs) => values.includes((inputs.get(name) || fallback).toLowerCase());
}

const has = (name: string) => (inputs: Inputs) => inputs.has(name);

function literal(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** GitHub actions, Bitbucket pipes and images by (lower-case) name, at any version: `docker/build-push-action@v5`. */
function named(...names: string[]): RegExp {
  return new RegExp(`^(?:${names.map(literal).join('|')})(?:[@:]|$)`);
}

/** Azure Pipelines tasks by (lower-case) name, at any version: `Docker@2`. */
function tasks(...names: string[]): RegExp {
  return new RegExp(`^(?:${names.map(literal).join('|')})@\\d+$`);
}

/** GitLab security templates (`Security/SAST.gitlab-ci.yml`, `Jobs/…`) and CI/CD components (`…/components/sast/sast@1`). */
function gitlabScanner(name: string): RegExp {
  return new RegExp(String.raw`(?:^(?:security|jobs)\/|\/components\/)${name}\b`);
}

/** GitLab's Auto DevOps template runs the whole build, test, scan and deploy chain. */
const AUTO_DEVOPS_KINDS: CiStepKind[] = ['docker-build', 'docker-push', 'test', 'lint', 'sast', 'secret-scan', 'dependency-scan', 'image-scan', 'deploy'];

const DOCKER_BUILD_ACTIONS = named('docker/build-push-action', 'docker/bake-action');
const TRIVY_ACTION = named('aquasecurity/trivy-action');
const ANCHORE_SCAN_ACTION = named('anchore/scan-action');
const DOCKER_TASK = tasks('docker');
const SNYK_TASK = tasks('snyksecurityscan');
const DRONE_DOCKER_PLUGINS = /^plugins\/(?:docker|ecr|gcr|acr|kaniko[\w-]*)(?::|$)/;
const BUILDKITE_COMPOSE_PLUGIN = /(?:^|\/)docker-compose(?:-buildkite-plugin)?(?:#|$)/;

const REFERENCE_PATTERNS: ReferencePattern[] = [
  // GitHub Actions
  { kind: 'docker-build', regex: DOCKER_BUILD_ACTIONS },
  { kind: 'docker-push', regex: DOCKER_BUILD_ACTIONS, when: (inputs) => truthy(inputs.get('push')) },
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
  { kind: 'model-report', regex: named('iterative/setup-cml') },
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
      'azurespringcloud', 'azurefunctiononkubernetes',
    ),
  },
  { kind: 'coverage', regex: tasks('publishcodecoverageresults') },
  { kind: 'infra', regex: tasks('terraformtaskv1', 'terraformtaskv2', 'terraformtaskv3', 'terraformtaskv4', 'terraformcli', 'terraform'), when: inputIs('command', '', 'plan', 'apply') },
  { kind: 'infra', regex: tasks('azureresourcemanagertemplatedeployment') },
  { kind: 'sast', regex: tasks('sonarqubeanalyze', 'sonarcloudanalyze', 'advancedsecurity-codeql-analyze') },
  { kind: 'secret-scan', regex: tasks('credscan') },
  { kind: 'dependency-scan', regex: tasks('advancedsecurity-dependency-scanning', 'whitesource', 'mend') },
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

  // Drone plugins (images) and Buildkite plugins
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
const MANUAL_APPROVAL = /^(?:[\w.-]+\/)?manual-approval(?:@|$)|^manualvalidation@\d+$|^input$/;

function normalizeReference(reference: string): string {
  return reference.trim().toLowerCase().replace(/^docker:\/\//, '');
}

function referenceSteps(reference: string, line: number, inputs: Inputs = NO_INPUTS, shown = reference): CiStep[] {
  const key = normalizeReference(reference);
  return REFERENCE_PATTERNS.filter(({ regex, when }) => regex.test(key) && (when?.(inputs) ?? true)).map(({ kind }) => ({
    kind,
    command: shown,
    line,
  }));
}

// ---------------------------------------------------------------------------------------------
// Shell scripts: lines → logical lines (`\` continuations, folded YAML) → simple commands → words.
// ---------------------------------------------------------------------------------------------

interface ScriptLine {
  text: string;
  line: number;
  /** The command goes on on the next line (`\` at the end, or a folded YAML block). */
  joinsNext: boolean;
}

interface Word {
  text: string;
  line: number;
}

/** One line of a script; a trailing `\` continues its command on the next line. */
function scriptLine(raw: string, line: number, continued = false): ScriptLine {
  const text = raw.trim();
  return { text: text.replace(/\\$/, ''), line, joinsNext: continued || text.endsWith('\\') };
}

const SEPARATORS = new Set([';', '&', '|', '(', ')']);

/**
 * Splits a logical line into simple commands (on `&&`, `||`, `;`, `|`, `&` and subshell
 * parentheses) made of words, keeping quotes inside words and dropping comments. Each word keeps
 * the line it starts on.
 */
function simpleCommands(pieces: readonly ScriptLine[]): Word[][] {
  const commands: Word[][] = [];
  let words: Word[] = [];
  let word = '';
  let wordLine = 0;
  let quote = '';
  const endWord = () => {
    if (word) words.push({ text: word, line: wordLine });
    word = '';
  };
  const endCommand = () => {
    endWord();
    if (words.length > 0) commands.push(words);
    words = [];
  };
  for (const piece of pieces) {
    const text = piece.text;
    for (let i = 0; i < text.length; i++) {
      const c = text[i]!;
      if (!word) wordLine = piece.line;
      if (quote) {
        word += c;
        if (c === quote) quote = '';
        else if (c === '\\' && quote === '"' && i + 1 < text.length) word += text[++i];
      } else if (c === '"' || c === "'") {
        quote = c;
        word += c;
      } else if (c === '\\' && i + 1 < text.length) {
        word += c + text[++i];
      } else if (c === '#' && !word) {
        break;
      } else if (/\s/.test(c)) {
        endWord();
      } else if (SEPARATORS.has(c)) {
        endCommand();
      } else {
        word += c;
      }
    }
    if (quote) word += ' ';
    else endWord();
  }
  endCommand();
  return commands;
}

/** Groups lines that continue one another into logical lines. */
function logicalLines(lines: readonly ScriptLine[]): ScriptLine[][] {
  const groups: ScriptLine[][] = [];
  let current: ScriptLine[] = [];
  for (const line of lines) {
    current.push(line);
    if (line.joinsNext) continue;
    groups.push(current);
    current = [];
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

/** Shell keywords before a command, as in `if …; then pytest; fi`: not part of the command. */
const SHELL_KEYWORDS = new Set(['if', 'then', 'do', 'else', 'elif', 'while', 'until', '!', '{']);

function withoutKeywords(words: readonly Word[]): readonly Word[] {
  const first = words.findIndex((word) => !SHELL_KEYWORDS.has(word.text));
  return first < 0 ? [] : words.slice(first);
}

/** `shown`: the command to show as evidence when the script is nested in another command (`bash -c "…"`). */
function scriptSteps(lines: readonly ScriptLine[], shown?: string, depth = 0): CiStep[] {
  return logicalLines(lines).flatMap((group) =>
    simpleCommands(group).flatMap((words) => {
      const command = withoutKeywords(words);
      return commandSteps(command, shown ?? wordsText(command), depth);
    }),
  );
}

/** Words that run the command after them: `sudo`, `time`, `npx`… (value: how many arguments they take). */
const PREFIX_COMMANDS = new Map<string, number>([
  ...['sudo', 'time', 'exec', 'env', 'nohup', 'nice', 'command', 'xvfb-run', 'npx', 'bunx', 'uvx'].map((word) => [word, 0] as const),
  ['timeout', 1],
]);

/** Environment and package runners whose arguments are the command itself. */
const RUNNERS = [
  'poetry run', 'uv run', 'uv tool run', 'pipenv run', 'pdm run', 'rye run', 'hatch run', 'pixi run', 'conda run', 'mamba run',
  'micromamba run', 'pipx run', 'npm exec', 'pnpm exec', 'pnpm dlx', 'yarn dlx', 'yarn exec', 'bundle exec',
].map((runner) => runner.split(' '));

const RUNNER_OPTIONS_WITH_VALUE = new Set(['-n', '--name', '-p', '--prefix', '-e', '--env', '--environment', '--with', '--extra', '--group', '--python', '--directory', '--project', '--package', '--from', '--spec']);

const CONTAINER_TOOLS = new Set(['docker', 'podman', 'nerdctl', 'docker-compose', 'podman-compose']);
const CONTAINER_OPTIONS_WITH_VALUE = new Set([
  '-v', '--volume', '-e', '--env', '--env-file', '-w', '--workdir', '-u', '--user', '--name', '-p', '--publish', '--entrypoint', '--network', '--net',
  '--mount', '--platform', '--gpus', '-l', '--label', '-m', '--memory', '--shm-size', '--ipc', '--cpus', '--add-host', '-h', '--hostname', '--device',
  '--runtime', '--pull', '-f', '--file', '--project-name', '--profile',
]);

const SHELL = /^(?:\/(?:usr\/)?bin\/)?(?:ba|z|da)?sh$/;
const SHELL_COMMAND_FLAG = /^-[a-z]*c[a-z]*$/;
const ENV_ASSIGNMENT = /^[A-Za-z_]\w*=/;
const NO_OPTIONS_WITH_VALUE = new Set<string>();
/** `sh -c "…"` inside `docker run … sh -c "…"` inside a script is as deep as real scripts go. */
const MAX_NESTING = 3;

function skipOptions(words: readonly Word[], from: number, withValue: ReadonlySet<string>): number {
  let i = from;
  while (i < words.length && words[i]!.text.startsWith('-')) {
    const option = words[i]!.text;
    i += !option.includes('=') && withValue.has(option) ? 2 : 1;
  }
  return i;
}

function skipPrefixes(words: readonly Word[]): readonly Word[] {
  let i = 0;
  while (i < words.length) {
    const word = words[i]!.text;
    if (ENV_ASSIGNMENT.test(word)) {
      i++;
      continue;
    }
    const argumentCount = PREFIX_COMMANDS.get(word);
    if (argumentCount === undefined) break;
    i = skipOptions(words, i + 1, NO_OPTIONS_WITH_VALUE) + argumentCount;
  }
  return words.slice(i);
}

function skipRunner(words: readonly Word[]): readonly Word[] {
  const runner = RUNNERS.find((parts) => parts.every((part, k) => words[k]?.text === part));
  if (!runner) return words;
  const rest = words.slice(skipOptions(words, runner.length, RUNNER_OPTIONS_WITH_VALUE));
  // `hatch run test:pytest` names the environment before the command.
  const first = rest[0];
  if (first && /^[\w.-]+:\S/.test(first.text)) rest[0] = { ...first, text: first.text.replace(/^[\w.-]+:/, '') };
  return rest;
}

/**
 * The ways to read one command: as written (minus `sudo`, variables…), and, for `poetry run
 * pytest` or `npx eslint`, as the command the runner runs. `pdm run test` is only meaningful as
 * written (a project script), `uv run pytest` only as run.
 */
function commandForms(words: readonly Word[]): Array<readonly Word[]> {
  const direct = skipPrefixes(words);
  const run = skipPrefixes(skipRunner(direct));
  return run.length === direct.length ? [direct] : [direct, run];
}

/** `docker run [options] image command…`, `docker compose run service command…`. */
function containerCommand(words: readonly Word[]): { image: Word; command: readonly Word[] } | null {
  if (!CONTAINER_TOOLS.has(words[0]?.text ?? '')) return null;
  const verb = words.findIndex((word, i) => i > 0 && i <= 4 && (word.text === 'run' || word.text === 'exec'));
  if (verb < 0) return null;
  const at = skipOptions(words, verb + 1, CONTAINER_OPTIONS_WITH_VALUE);
  const image = words[at];
  return image ? { image, command: words.slice(at + 1) } : null;
}

/** The script of `bash -c "…"` / `sh -ec '…'`. */
function shellArgument(words: readonly Word[]): Word | null {
  if (!SHELL.test(words[0]?.text ?? '')) return null;
  const flag = words.findIndex((word, i) => i > 0 && SHELL_COMMAND_FLAG.test(word.text));
  const script = flag > 0 ? words[flag + 1] : undefined;
  return script ? { text: unquote(script.text), line: script.line } : null;
}

function unquote(text: string): string {
  const first = text[0];
  return text.length >= 2 && (first === '"' || first === "'") && text.endsWith(first) ? text.slice(1, -1) : text;
}

function wordsText(words: readonly Word[]): string {
  return words.map((word) => word.text).join(' ');
}

function matchCommand(words: readonly Word[], shown: string): CiStep[] {
  const starts: number[] = [];
  let text = '';
  for (const word of words) {
    starts.push(text ? text.length + 1 : 0);
    text = text ? `${text} ${word.text}` : word.text;
  }
  const lineAt = (offset: number) => {
    let i = 0;
    while (i + 1 < starts.length && starts[i + 1]! <= offset) i++;
    return words[i]?.line ?? 0;
  };
  return COMMAND_PATTERNS.flatMap(({ kind, regex }) => {
    const match = regex.exec(text);
    if (!match) return [];
    const offset = match.indices?.[1]?.[0] ?? match.index;
    return [{ kind, command: shown, line: lineAt(offset) }];
  });
}

/** Every kind one simple command runs, each once, with the line of the word that shows it. */
function commandSteps(words: readonly Word[], shown = wordsText(words), depth = 0): CiStep[] {
  if (depth > MAX_NESTING || words.length === 0) return [];
  const found = new Map<CiStepKind, CiStep>();
  const add = (steps: CiStep[]) => {
    for (const step of steps) if (!found.has(step.kind)) found.set(step.kind, step);
  };
  for (const form of commandForms(words)) {
    add(matchCommand(form, shown));
    const script = shellArgument(form);
    if (script) add(scriptSteps([scriptLine(script.text, script.line)], shown, depth + 1));
    const container = containerCommand(form);
    if (container) {
      add(referenceSteps(container.image.text, container.image.line, NO_INPUTS, shown));
      add(commandSteps(container.command, shown, depth + 1));
    }
  }
  return [...found.values()];
}

// ---------------------------------------------------------------------------------------------
// YAML access: nodes (not plain JS) so every value keeps its line. Aliases and `<<` merge keys
// are followed, since GitLab and Bitbucket files lean on anchors.
// ---------------------------------------------------------------------------------------------

interface Yaml {
  doc: Document.Parsed;
  lines: LineCounter;
  text: string;
}

interface Entry {
  key: string;
  value: unknown;
  line: number;
}

/*
 * Walkers that follow aliases keep a set of the nodes they have entered: anchors let an untrusted
 * file refer to a node from many places, and expanding every reference can grow exponentially.
 */

function resolved(y: Yaml, node: unknown): unknown {
  return isAlias(node) ? node.resolve(y.doc) : node;
}

function lineOf(y: Yaml, node: unknown): number {
  const target = resolved(y, node);
  return isNode(target) && target.range ? y.lines.linePos(target.range[0]).line : 0;
}

/** A node's text as written in the file. */
function sourceOf(y: Yaml, node: unknown): string {
  const target = resolved(y, node);
  return isNode(target) && target.range ? y.text.slice(target.range[0], target.range[1]) : '';
}

function keyText(key: unknown): string | undefined {
  return isScalar(key) ? String(key.value) : undefined;
}

function entries(y: Yaml, node: unknown, seen = new Set<unknown>()): Entry[] {
  const map = resolved(y, node);
  if (!isMap(map) || seen.has(map)) return [];
  seen.add(map);
  const own: Entry[] = [];
  const merged: Entry[] = [];
  for (const pair of map.items) {
    const key = keyText(pair.key);
    if (key === undefined) continue;
    if (key !== '<<') {
      own.push({ key, value: resolved(y, pair.value), line: lineOf(y, pair.key) });
      continue;
    }
    const sources = resolved(y, pair.value);
    for (const source of isSeq(sources) ? sources.items : [sources]) merged.push(...entries(y, source, seen));
  }
  // A key written in the map overrides a merged one; among merged maps the first listed wins.
  const result = [...own];
  const keys = new Set(own.map((entry) => entry.key));
  for (const entry of merged) {
    if (keys.has(entry.key)) continue;
    keys.add(entry.key);
    result.push(entry);
  }
  return result;
}

function child(y: Yaml, node: unknown, key: string): unknown {
  return entries(y, node).find((entry) => entry.key === key)?.value;
}

function items(y: Yaml, node: unknown): unknown[] {
  const seq = resolved(y, node);
  return isSeq(seq) ? seq.items.map((item) => resolved(y, item)) : [];
}

function text(y: Yaml, node: unknown): string | undefined {
  const scalar = resolved(y, node);
  if (!isScalar(scalar) || scalar.value === null || typeof scalar.value === 'object') return undefined;
  return String(scalar.value);
}

/** A value that is one item or a list of items (`on: push`, `extends: [.a, .b]`). */
function texts(y: Yaml, node: unknown): string[] {
  const value = resolved(y, node);
  const list = isSeq(value) ? items(y, value) : [value];
  return list.map((item) => text(y, item)).filter((item): item is string => item !== undefined);
}

function inputs(y: Yaml, node: unknown): Inputs {
  return new Map(entries(y, node).map((entry) => [entry.key.toLowerCase(), text(y, entry.value) ?? '']));
}

const FALSE_CONDITION = /^\s*(?:\$\{\{\s*)?false\s*(?:\}\})?\s*$/;

/** `if: false`, `if: ${{ false }}`, `enabled: false`, `condition: false`. */
function isFalse(y: Yaml, node: unknown): boolean {
  const scalar = resolved(y, node);
  return isScalar(scalar) && (scalar.value === false || (typeof scalar.value === 'string' && FALSE_CONDITION.test(scalar.value)));
}

/** `environment: production` or `environment: { name: production, url: … }`. */
function environmentName(y: Yaml, node: unknown): string | undefined {
  return text(y, node) ?? text(y, child(y, node, 'name'));
}

/** The lines of a script scalar, each with its real line: block scalars are read from the source. */
function scalarLines(y: Yaml, scalar: Scalar): ScriptLine[] {
  const start = lineOf(y, scalar);
  const folded = scalar.type === 'BLOCK_FOLDED';
  if ((folded || scalar.type === 'BLOCK_LITERAL') && scalar.range) {
    const body = y.text.slice(scalar.range[0], scalar.range[1]).split(/\r?\n/).slice(1);
    // A folded block joins its lines into one command up to a blank line.
    return body.map((raw, i) => scriptLine(raw, start + 1 + i, folded && raw.trim() !== '' && (body[i + 1]?.trim() ?? '') !== ''));
  }
  return String(scalar.value)
    .split('\n')
    .map((part) => scriptLine(part, start));
}

/** GitLab's `!reference [.job, script]`: the node at that path from the document root. */
function gitlabReference(y: Yaml, path: readonly string[]): unknown {
  return path.reduce<unknown>((node, key) => child(y, node, key), y.doc.contents);
}

/** The scripts of a node: a string, or a (nested) list of strings, each item its own script. */
function scriptsOf(y: Yaml, node: unknown, seen = new Set<unknown>()): ScriptLine[][] {
  const value = resolved(y, node);
  if (isSeq(value)) {
    if (seen.has(value)) return [];
    seen.add(value);
    if (value.tag === '!reference') return scriptsOf(y, gitlabReference(y, texts(y, value)), seen);
    return value.items.flatMap((item) => scriptsOf(y, item, seen));
  }
  return isScalar(value) && text(y, value) !== undefined ? [scalarLines(y, value)] : [];
}

function yamlScriptSteps(y: Yaml, node: unknown): CiStep[] {
  return scriptsOf(y, node).flatMap((lines) => scriptSteps(lines));
}

// ---------------------------------------------------------------------------------------------
// Providers: each reads its format into a draft pipeline.
// ---------------------------------------------------------------------------------------------

interface Draft {
  triggers: CiTrigger[];
  jobs: number;
  steps: CiStep[];
  environments: string[];
  manualApproval: boolean;
  disabled: boolean;
  /** Other CI files of the repository this one runs (local reusable workflows, Azure templates). */
  calls: string[];
  /** How the triggers of the pipelines that run this file combine with its own: Azure ignores a template's `trigger:`. */
  inheritedTriggers: 'add' | 'replace';
}

function emptyDraft(): Draft {
  return { triggers: [], jobs: 0, steps: [], environments: [], manualApproval: false, disabled: false, calls: [], inheritedTriggers: 'add' };
}

function addEnvironment(draft: Draft, name: string | undefined): void {
  if (name) draft.environments.push(name);
}

function addReference(draft: Draft, reference: string, line: number, settings: Inputs = NO_INPUTS): void {
  draft.steps.push(...referenceSteps(reference, line, settings));
  if (MANUAL_APPROVAL.test(normalizeReference(reference))) draft.manualApproval = true;
}

// GitHub Actions ------------------------------------------------------------------------------

const GITHUB_EVENTS = new Map<string, CiTrigger>([
  ['push', 'push'],
  ['pull_request', 'pull_request'],
  ['pull_request_target', 'pull_request'],
  // The merge queue checks pull requests before they merge.
  ['merge_group', 'pull_request'],
  ['schedule', 'schedule'],
  ['workflow_dispatch', 'manual'],
  ['repository_dispatch', 'manual'],
]);

function githubEventTriggers(y: Yaml, event: string, config: unknown): CiTrigger[] {
  if (event !== 'push') return [GITHUB_EVENTS.get(event) ?? 'other'];
  const keys = new Set(entries(y, config).map((entry) => entry.key));
  const tags = keys.has('tags') || keys.has('tags-ignore');
  const branches = keys.has('branches') || keys.has('branches-ignore');
  if (tags && !branches) return ['tag'];
  return tags ? ['push', 'tag'] : ['push'];
}

function githubTriggers(y: Yaml, on: unknown): CiTrigger[] {
  const events = isMap(resolved(y, on)) ? entries(y, on).map((entry) => ({ event: entry.key, config: entry.value })) : texts(y, on).map((event) => ({ event, config: undefined }));
  return events.flatMap(({ event, config }) => githubEventTriggers(y, event, config));
}

function githubWorkflow(y: Yaml): Draft {
  const draft = emptyDraft();
  const root = y.doc.contents;
  draft.triggers = githubTriggers(y, child(y, root, 'on'));
  const jobs = entries(y, child(y, root, 'jobs'));
  const running = jobs.filter((job) => !isFalse(y, child(y, job.value, 'if')));
  draft.jobs = jobs.length;
  for (const { value: job } of running) {
    addEnvironment(draft, environmentName(y, child(y, job, 'environment')));
    const called = text(y, child(y, job, 'uses'));
    if (called?.startsWith('./')) draft.calls.push(posix.normalize(called));
    for (const step of items(y, child(y, job, 'steps'))) {
      if (isFalse(y, child(y, step, 'if'))) continue;
      draft.steps.push(...yamlScriptSteps(y, child(y, step, 'run')));
      const uses = child(y, step, 'uses');
      const reference = text(y, uses);
      if (reference) addReference(draft, reference, lineOf(y, uses), inputs(y, child(y, step, 'with')));
    }
  }
  draft.disabled = draft.triggers.length === 0 || running.length === 0;
  return draft;
}

// GitLab CI -----------------------------------------------------------------------------------

const GITLAB_KEYWORDS = new Set(['image', 'services', 'stages', 'types', 'before_script', 'after_script', 'variables', 'cache', 'include', 'workflow', 'default', 'spec']);
const GITLAB_SCRIPT_KEYS = ['before_script', 'script', 'after_script'];

/** Pipeline sources named in a rule's `if:` (only in comparisons that select, not `!=`). */
const GITLAB_CONDITIONS: Array<{ trigger: CiTrigger; regex: RegExp }> = [
  { trigger: 'pull_request', regex: /merge_request_event|external_pull_request_event|\$CI_MERGE_REQUEST_\w+/ },
  { trigger: 'schedule', regex: /["']schedule["']/ },
  { trigger: 'tag', regex: /\$CI_COMMIT_TAG\b/ },
  { trigger: 'manual', regex: /["']web["']/ },
  { trigger: 'other', regex: /["'](?:api|trigger|pipeline|parent_pipeline|chat|webide)["']/ },
];

const GITLAB_ONLY_REFS = new Map<string, CiTrigger>([
  ['merge_requests', 'pull_request'],
  ['external_pull_requests', 'pull_request'],
  ['schedules', 'schedule'],
  ['tags', 'tag'],
  ['web', 'manual'],
  ['api', 'other'],
  ['triggers', 'other'],
  ['pipelines', 'other'],
  ['chat', 'other'],
]);

interface GitlabFile {
  y: Yaml;
  /** Every job definition, hidden (`.template`) ones included, by name. */
  definitions: ReadonlyMap<string, unknown>;
}

/** A job's keyword, from the job itself or the jobs it `extends:` (the last one listed wins). */
function gitlabLookup(file: GitlabFile, job: unknown, key: string, seen = new Set<unknown>()): unknown {
  const own = child(file.y, job, key);
  if (own !== undefined || seen.has(job)) return own;
  seen.add(job);
  for (const parent of texts(file.y, child(file.y, job, 'extends')).reverse()) {
    const found = gitlabLookup(file, file.definitions.get(parent), key, seen);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** `before_script`/`after_script` come from `default:` (or the top level) unless `inherit: default:` says otherwise. */
function gitlabDefault(file: GitlabFile, job: unknown, key: string): unknown {
  const { y } = file;
  const inherit = child(y, gitlabLookup(file, job, 'inherit'), 'default');
  if (isFalse(y, inherit) || (isSeq(resolved(y, inherit)) && !texts(y, inherit).includes(key))) return undefined;
  const root = y.doc.contents;
  return child(y, child(y, root, 'default'), key) ?? child(y, root, key);
}

function gitlabRuleTriggers(y: Yaml, rules: unknown): CiTrigger[] {
  return items(y, rules).flatMap((rule) => {
    if (text(y, child(y, rule, 'when')) === 'never') return [];
    const selecting = (text(y, child(y, rule, 'if')) ?? '')
      .split(/&&|\|\|/)
      .filter((part) => !/!=|!~|==\s*null/.test(part))
      .join(' ');
    return GITLAB_CONDITIONS.filter(({ regex }) => regex.test(selecting)).map(({ trigger }) => trigger);
  });
}

function gitlabOnlyTriggers(y: Yaml, only: unknown): CiTrigger[] {
  const refs = isMap(resolved(y, only)) ? child(y, only, 'refs') : only;
  return texts(y, refs).map((ref) => GITLAB_ONLY_REFS.get(ref) ?? 'push');
}

/** `include:` entries; `template:` and `component:` ones are classified, local files are out of scope. */
function gitlabIncludes(y: Yaml, include: unknown): unknown[] {
  const value = resolved(y, include);
  return value === undefined || value === null ? [] : isSeq(value) ? items(y, value) : [value];
}

function gitlabPipeline(docs: Yaml[]): Draft {
  const draft = emptyDraft();
  // A file may start with a `spec:` header document (CI/CD inputs) before the pipeline itself.
  const y = docs.find((doc) => child(doc, doc.doc.contents, 'spec') === undefined) ?? docs[0]!;
  const root = y.doc.contents;
  const definitions = new Map(
    entries(y, root)
      .filter((entry) => !GITLAB_KEYWORDS.has(entry.key) && isMap(entry.value))
      .map((entry) => [entry.key, entry.value] as const),
  );
  const file: GitlabFile = { y, definitions };
  const includes = gitlabIncludes(y, child(y, root, 'include'));
  for (const include of includes) {
    for (const key of ['template', 'component']) {
      const reference = child(y, include, key);
      const name = text(y, reference);
      if (name) addReference(draft, name, lineOf(y, reference));
    }
  }
  const triggers: CiTrigger[] = ['push', ...gitlabRuleTriggers(y, child(y, child(y, root, 'workflow'), 'rules'))];
  const jobs = [...definitions].filter(([name]) => !name.startsWith('.'));
  for (const [, job] of jobs) {
    for (const key of GITLAB_SCRIPT_KEYS) {
      const script = gitlabLookup(file, job, key) ?? (key === 'script' ? undefined : gitlabDefault(file, job, key));
      draft.steps.push(...yamlScriptSteps(y, script));
    }
    const rules = gitlabLookup(file, job, 'rules');
    triggers.push(...gitlabRuleTriggers(y, rules), ...gitlabOnlyTriggers(y, gitlabLookup(file, job, 'only')));
    const whens = [gitlabLookup(file, job, 'when'), ...items(y, rules).map((rule) => child(y, rule, 'when'))];
    if (whens.some((when) => text(y, when) === 'manual')) draft.manualApproval = true;
    addEnvironment(draft, environmentName(y, gitlabLookup(file, job, 'environment')));
  }
  draft.triggers = triggers;
  draft.jobs = jobs.length;
  draft.disabled = jobs.length === 0 && includes.length === 0;
  return draft;
}

// Azure Pipelines -----------------------------------------------------------------------------

const AZURE_SCRIPT_KEYS = ['script', 'bash', 'powershell', 'pwsh'];
/** Task inputs that hold an inline script (`Bash@3`, `PowerShell@2`, `AzureCLI@2`…). */
const AZURE_INLINE_SCRIPT_INPUTS = new Set(['script', 'inlinescript']);
const AZURE_RESOURCE_KINDS = ['pipelines', 'repositories', 'containers', 'packages', 'webhooks'];

/** Items of a list, with `${{ if … }}:` / `${{ each … }}:` template blocks flattened. */
function azureItems(y: Yaml, node: unknown, seen = new Set<unknown>()): unknown[] {
  const list = resolved(y, node);
  if (seen.has(list)) return [];
  seen.add(list);
  return items(y, list).flatMap((item) => {
    const [only, ...others] = entries(y, item);
    return only && others.length === 0 && only.key.startsWith('${{') ? azureItems(y, only.value, seen) : [item];
  });
}

/** A `template:` path as a repository path: relative to the including file, `/` from the root, none for other repositories. */
function azureTemplatePath(from: string, reference: string | undefined): string | undefined {
  if (!reference || reference.includes('${{')) return undefined;
  const [file = '', repository] = reference.split('@');
  if (repository !== undefined && repository !== 'self') return undefined;
  const path = file.startsWith('/') ? posix.normalize(file.slice(1)) : posix.join(posix.dirname(from), file);
  return path.startsWith('..') ? undefined : path;
}

function isNone(y: Yaml, node: unknown): boolean {
  const value = resolved(y, node);
  return text(y, value) === 'none' || (isSeq(value) && value.items.length === 0);
}

/** `trigger:` / `pr:`: absent means every branch (Azure's default), `none` means never. */
function azureBranchTriggers(y: Yaml, node: unknown, trigger: CiTrigger): CiTrigger[] {
  if (node === undefined) return [trigger];
  if (isNone(y, node)) return [];
  const keys = new Set(entries(y, node).map((entry) => entry.key));
  if (keys.has('tags') && !keys.has('branches')) return ['tag'];
  return keys.has('tags') ? [trigger, 'tag'] : [trigger];
}

function azureTriggers(y: Yaml, root: unknown): CiTrigger[] {
  const triggers = [...azureBranchTriggers(y, child(y, root, 'trigger'), 'push'), ...azureBranchTriggers(y, child(y, root, 'pr'), 'pull_request')];
  if (items(y, child(y, root, 'schedules')).length > 0) triggers.push('schedule');
  const resources = child(y, root, 'resources');
  const resourceTriggers = AZURE_RESOURCE_KINDS.flatMap((kind) => items(y, child(y, resources, kind)).map((resource) => child(y, resource, 'trigger')));
  if (resourceTriggers.some((trigger) => trigger !== undefined && !isNone(y, trigger) && !isFalse(y, trigger))) triggers.push('other');
  // Any pipeline can still be queued by hand.
  return triggers.length > 0 ? triggers : ['manual'];
}

/** Every `steps:` list of a job, including a deployment job's `strategy: … deploy: steps:` hooks. */
function nestedSteps(y: Yaml, node: unknown, seen = new Set<unknown>()): unknown[] {
  const map = resolved(y, node);
  if (seen.has(map)) return [];
  seen.add(map);
  return entries(y, map).flatMap((entry) => (entry.key === 'steps' ? [entry.value] : nestedSteps(y, entry.value, seen)));
}

class AzureReader {
  readonly draft = emptyDraft();

  constructor(
    private readonly y: Yaml,
    private readonly path: string,
  ) {}

  /** Records the file a `template:` names; true when the item is a template reference. */
  followTemplate(node: unknown): boolean {
    if (node === undefined) return false;
    const target = azureTemplatePath(this.path, text(this.y, node));
    if (target) this.draft.calls.push(target);
    return true;
  }

  stages(node: unknown): void {
    for (const stage of azureItems(this.y, node)) {
      if (!this.followTemplate(child(this.y, stage, 'template'))) this.jobs(child(this.y, stage, 'jobs'));
    }
  }

  jobs(node: unknown): void {
    const { y } = this;
    for (const job of azureItems(y, node)) {
      if (this.followTemplate(child(y, job, 'template'))) continue;
      this.draft.jobs++;
      if (isFalse(y, child(y, job, 'condition'))) continue;
      if (child(y, job, 'deployment') !== undefined) addEnvironment(this.draft, environmentName(y, child(y, job, 'environment')));
      for (const steps of nestedSteps(y, job)) this.steps(steps);
    }
  }

  steps(node: unknown): void {
    const { y, draft } = this;
    for (const step of azureItems(y, node)) {
      if (isFalse(y, child(y, step, 'enabled')) || isFalse(y, child(y, step, 'condition')) || this.followTemplate(child(y, step, 'template'))) continue;
      for (const key of AZURE_SCRIPT_KEYS) draft.steps.push(...yamlScriptSteps(y, child(y, step, key)));
      const task = child(y, step, 'task');
      const name = text(y, task);
      if (!name) continue;
      const settings = child(y, step, 'inputs');
      addReference(draft, name, lineOf(y, task), inputs(y, settings));
      for (const input of entries(y, settings)) {
        if (AZURE_INLINE_SCRIPT_INPUTS.has(input.key.toLowerCase())) draft.steps.push(...yamlScriptSteps(y, input.value));
      }
    }
  }
}

function azurePipeline(y: Yaml, path: string): Draft {
  const root = y.doc.contents;
  const reader = new AzureReader(y, path);
  reader.followTemplate(child(y, child(y, root, 'extends'), 'template'));
  reader.stages(child(y, root, 'stages'));
  reader.jobs(child(y, root, 'jobs'));
  if (child(y, root, 'steps') !== undefined) {
    reader.draft.jobs++;
    reader.steps(child(y, root, 'steps'));
  }
  const { draft } = reader;
  draft.triggers = azureTriggers(y, root);
  draft.inheritedTriggers = 'replace';
  draft.disabled = draft.jobs === 0 && draft.calls.length === 0;
  return draft;
}

// CircleCI ------------------------------------------------------------------------------------

/** Orb commands and jobs are named `orb/name`; other names are the file's own jobs and commands, read where defined. */
function addOrb(draft: Draft, name: string, line: number, settings: Inputs = NO_INPUTS): void {
  if (name.includes('/')) addReference(draft, name, line, settings);
}

function circleciStep(y: Yaml, step: unknown, draft: Draft): void {
  const name = text(y, step);
  if (name) {
    addOrb(draft, name, lineOf(y, step));
    return;
  }
  for (const { key, value, line } of entries(y, step)) {
    if (key === 'run') draft.steps.push(...yamlScriptSteps(y, isMap(value) ? child(y, value, 'command') : value));
    else addOrb(draft, key, line, inputs(y, value));
  }
}

function circleciPipeline(y: Yaml): Draft {
  const draft = emptyDraft();
  const root = y.doc.contents;
  const jobs = entries(y, child(y, root, 'jobs'));
  const commands = entries(y, child(y, root, 'commands'));
  for (const { value } of [...jobs, ...commands]) {
    for (const step of items(y, child(y, value, 'steps'))) circleciStep(y, step, draft);
  }
  draft.jobs = jobs.length;
  const workflows = entries(y, child(y, root, 'workflows')).filter((entry) => entry.key !== 'version');
  for (const { value: workflow } of workflows) {
    const scheduled =
      items(y, child(y, workflow, 'triggers')).some((trigger) => child(y, trigger, 'schedule') !== undefined) ||
      sourceOf(y, child(y, workflow, 'when')).includes('scheduled_pipeline');
    draft.triggers.push(...(scheduled ? (['schedule'] as const) : (['push', 'pull_request'] as const)));
    for (const job of items(y, child(y, workflow, 'jobs'))) {
      const [entry] = entries(y, job);
      const name = text(y, job) ?? entry?.key ?? '';
      if (name.includes('/')) draft.jobs++;
      if (text(y, child(y, entry?.value, 'type')) === 'approval') draft.manualApproval = true;
      addOrb(draft, name, entry?.line ?? lineOf(y, job), inputs(y, entry?.value));
    }
  }
  if (workflows.length === 0) draft.triggers.push('push', 'pull_request');
  draft.disabled = draft.jobs === 0;
  return draft;
}

// Bitbucket Pipelines -------------------------------------------------------------------------

const BITBUCKET_SECTIONS = new Map<string, { trigger: CiTrigger; byName: boolean }>([
  ['default', { trigger: 'push', byName: false }],
  ['branches', { trigger: 'push', byName: true }],
  ['bookmarks', { trigger: 'push', byName: true }],
  ['pull-requests', { trigger: 'pull_request', byName: true }],
  ['tags', { trigger: 'tag', byName: true }],
  ['custom', { trigger: 'manual', byName: true }],
]);

/** A deployment step or stage: who approves it and which environment it targets. */
function bitbucketGate(y: Yaml, node: unknown, draft: Draft): void {
  if (text(y, child(y, node, 'trigger')) === 'manual') draft.manualApproval = true;
  addEnvironment(draft, text(y, child(y, node, 'deployment')));
}

/** The `step:` nodes of a list, through `parallel:` and `stage:` groups. */
function bitbucketSteps(y: Yaml, list: unknown, draft: Draft, seen = new Set<unknown>()): unknown[] {
  const value = resolved(y, list);
  if (seen.has(value)) return [];
  seen.add(value);
  return items(y, value).flatMap((item) => {
    const step = child(y, item, 'step');
    if (step !== undefined) return [step];
    const parallel = child(y, item, 'parallel');
    if (parallel !== undefined) return bitbucketSteps(y, isMap(parallel) ? child(y, parallel, 'steps') : parallel, draft, seen);
    const stage = child(y, item, 'stage');
    bitbucketGate(y, stage, draft);
    return bitbucketSteps(y, child(y, stage, 'steps'), draft, seen);
  });
}

function bitbucketStep(y: Yaml, step: unknown, draft: Draft): void {
  bitbucketGate(y, step, draft);
  for (const key of ['script', 'after-script']) {
    for (const item of items(y, child(y, step, key))) {
      const pipe = child(y, item, 'pipe');
      const name = text(y, pipe);
      if (name) addReference(draft, name, lineOf(y, pipe), inputs(y, child(y, item, 'variables')));
      else draft.steps.push(...yamlScriptSteps(y, item));
    }
  }
}

function bitbucketPipeline(y: Yaml): Draft {
  const draft = emptyDraft();
  // Anchored steps reused by several sections are one step.
  const seen = new Set<unknown>();
  for (const { key, value } of entries(y, child(y, y.doc.contents, 'pipelines'))) {
    const section = BITBUCKET_SECTIONS.get(key);
    if (!section) continue;
    const lists = section.byName ? entries(y, value).map((entry) => entry.value) : [value];
    const steps = lists.flatMap((list) => bitbucketSteps(y, list, draft));
    if (steps.length > 0) draft.triggers.push(section.trigger);
    for (const step of steps) {
      if (seen.has(step)) continue;
      seen.add(step);
      bitbucketStep(y, step, draft);
    }
  }
  draft.jobs = seen.size;
  draft.disabled = seen.size === 0;
  return draft;
}

// Travis CI -----------------------------------------------------------------------------------

const TRAVIS_PHASES = ['before_install', 'install', 'before_script', 'script', 'after_success', 'after_failure', 'after_script', 'before_deploy', 'after_deploy'];

function travisDeploy(y: Yaml, deploy: unknown, draft: Draft): void {
  const provider = child(y, deploy, 'provider');
  const name = text(y, provider);
  if (name === 'script') draft.steps.push(...yamlScriptSteps(y, child(y, deploy, 'script')));
  else if (name) addReference(draft, `provider: ${name}`, lineOf(y, provider));
}

function travisPipeline(y: Yaml): Draft {
  const draft = emptyDraft();
  const root = y.doc.contents;
  const included = items(y, child(y, child(y, root, 'jobs') ?? child(y, root, 'matrix'), 'include'));
  for (const job of [root, ...included]) {
    for (const phase of TRAVIS_PHASES) draft.steps.push(...yamlScriptSteps(y, child(y, job, phase)));
    const deploy = child(y, job, 'deploy');
    for (const target of isSeq(resolved(y, deploy)) ? items(y, deploy) : [deploy]) travisDeploy(y, target, draft);
  }
  draft.triggers = ['push', 'pull_request'];
  draft.jobs = Math.max(1, included.length);
  draft.disabled = !isMap(resolved(y, root));
  return draft;
}

// Google Cloud Build --------------------------------------------------------------------------

/** The command a builder image runs by default: `gcr.io/cloud-builders/docker` → `docker`, `python:3.11` → `python`. */
function builderCommand(image: string): string {
  return (image.split('/').pop() ?? '').split(/[:@]/)[0] ?? '';
}

function cloudBuildStep(y: Yaml, step: unknown, draft: Draft): void {
  const name = child(y, step, 'name');
  const image = text(y, name) ?? '';
  addReference(draft, image, lineOf(y, name));
  const script = child(y, step, 'script');
  if (script !== undefined) {
    draft.steps.push(...yamlScriptSteps(y, script));
    return;
  }
  const entrypoint = text(y, child(y, step, 'entrypoint')) ?? builderCommand(image);
  const args = items(y, child(y, step, 'args'));
  const flag = SHELL.test(entrypoint) ? args.findIndex((arg) => SHELL_COMMAND_FLAG.test(text(y, arg) ?? '')) : -1;
  if (flag >= 0) {
    draft.steps.push(...yamlScriptSteps(y, args[flag + 1]));
    return;
  }
  const words = [{ text: entrypoint, line: lineOf(y, name) }, ...args.map((arg) => ({ text: text(y, arg) ?? '', line: lineOf(y, arg) }))];
  draft.steps.push(...commandSteps(words.filter((word) => word.text !== '')));
}

function cloudBuildPipeline(y: Yaml): Draft {
  const draft = emptyDraft();
  const root = y.doc.contents;
  const steps = items(y, child(y, root, 'steps'));
  for (const step of steps) cloudBuildStep(y, step, draft);
  // Images listed under `images:` are pushed once the steps succeed.
  for (const image of items(y, child(y, root, 'images'))) {
    const name = text(y, image);
    if (name) draft.steps.push({ kind: 'docker-push', command: name, line: lineOf(y, image) });
  }
  draft.triggers = ['other'];
  draft.jobs = steps.length;
  draft.disabled = steps.length === 0;
  return draft;
}

// AWS CodeBuild -------------------------------------------------------------------------------

function codeBuildPipeline(y: Yaml): Draft {
  const draft = emptyDraft();
  const phases = entries(y, child(y, y.doc.contents, 'phases'));
  for (const { value } of phases) {
    for (const key of ['commands', 'finally']) draft.steps.push(...yamlScriptSteps(y, child(y, value, key)));
  }
  draft.triggers = ['other'];
  draft.jobs = phases.length;
  draft.disabled = phases.length === 0;
  return draft;
}

// AWS CodePipeline (declared in CloudFormation or SAM) ------------------------------------------

/** Source providers that start a run when the branch changes (CodeCommit through its event rule). */
const CODEPIPELINE_GIT_SOURCE = /^(?:CodeCommit|GitHub|CodeStarSourceConnection|Bitbucket|GitLab\w*)$/;

/** Environment words in a stage or action name: `DeployDev`, `Deploy-Staging`, `DeployPrd`. */
const ENVIRONMENT_WORD = /\b(dev|development|test|staging|stage|stg|qa|uat|preprod|prod|prd|production)\b/i;

function environmentWord(name: string): string | undefined {
  return ENVIRONMENT_WORD.exec(name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[_-]/g, ' '))?.[1]?.toLowerCase();
}

function resourcesOfType(y: Yaml, type: string): Entry[] {
  return entries(y, child(y, y.doc.contents, 'Resources')).filter((resource) => text(y, child(y, resource.value, 'Type')) === type);
}

function codePipelineAction(y: Yaml, stage: string, action: unknown, draft: Draft): void {
  const typeId = child(y, action, 'ActionTypeId');
  const category = text(y, child(y, typeId, 'Category'));
  const providerNode = child(y, typeId, 'Provider');
  const provider = text(y, providerNode) ?? '';
  const shown = `${provider} ${category?.toLowerCase() ?? ''}: ${stage}/${text(y, child(y, action, 'Name')) ?? ''}`;
  draft.jobs += 1;
  if (category === 'Source') draft.triggers.push(CODEPIPELINE_GIT_SOURCE.test(provider) ? 'push' : 'other');
  else if (category === 'Approval') draft.manualApproval = true;
  else if (category === 'Test') draft.steps.push({ kind: 'test', command: shown, line: lineOf(y, providerNode) });
  else if (category === 'Deploy') {
    draft.steps.push({ kind: 'deploy', command: shown, line: lineOf(y, providerNode) });
    addEnvironment(draft, environmentWord(stage) ?? environmentWord(text(y, child(y, action, 'Name')) ?? ''));
  }
}

/** V2 pipelines filter their git triggers: `Triggers: [{ GitConfiguration: { Push: …, PullRequest: … } }]`. */
function codePipelineGitTriggers(y: Yaml, properties: unknown): CiTrigger[] {
  return items(y, child(y, properties, 'Triggers')).flatMap((trigger) => {
    const git = child(y, trigger, 'GitConfiguration');
    return [...(child(y, git, 'Push') ? ['push' as const] : []), ...(child(y, git, 'PullRequest') ? ['pull_request' as const] : [])];
  });
}

/** An enabled EventBridge schedule whose target is one of the pipelines (by ARN or logical id). */
function schedulesPipeline(y: Yaml, rule: unknown, pipelines: readonly string[]): boolean {
  const properties = child(y, rule, 'Properties');
  if (!child(y, properties, 'ScheduleExpression') || /^disabled$/i.test(text(y, child(y, properties, 'State')) ?? '')) return false;
  const targets = sourceOf(y, child(y, properties, 'Targets'));
  const words = new Set(targets.split(/\W+/));
  return /codepipeline/i.test(targets) || pipelines.some((id) => words.has(id));
}

/**
 * CodePipeline runs the stages a template declares: git sources trigger it on push, Deploy actions
 * release (to the environment the stage is named for), Approval actions wait for a person. The
 * CodeBuild projects it drives run their buildspec files, which take on the pipeline's triggers.
 */
function codePipeline(y: Yaml): Draft {
  const draft = emptyDraft();
  const pipelines = resourcesOfType(y, 'AWS::CodePipeline::Pipeline');
  for (const { value: pipeline } of pipelines) {
    const properties = child(y, pipeline, 'Properties');
    draft.triggers.push(...codePipelineGitTriggers(y, properties));
    for (const stage of items(y, child(y, properties, 'Stages'))) {
      const name = text(y, child(y, stage, 'Name')) ?? '';
      for (const action of items(y, child(y, stage, 'Actions'))) codePipelineAction(y, name, action, draft);
    }
  }
  const ids = pipelines.map((pipeline) => pipeline.key);
  if (resourcesOfType(y, 'AWS::Events::Rule').some(({ value }) => schedulesPipeline(y, value, ids))) draft.triggers.push('schedule');
  for (const { value: project } of resourcesOfType(y, 'AWS::CodeBuild::Project')) {
    const source = child(y, child(y, project, 'Properties'), 'Source');
    if (text(y, child(y, source, 'Type')) !== 'CODEPIPELINE') continue;
    // An inline buildspec is YAML text, not a path; CodeBuild reads buildspec.yml at the root by default.
    const buildspec = text(y, child(y, source, 'BuildSpec')) ?? 'buildspec.yml';
    if (/^[\w./-]+\.ya?ml$/.test(buildspec)) draft.calls.push(posix.normalize(buildspec));
  }
  draft.triggers = [...new Set(draft.triggers)];
  draft.disabled = draft.jobs === 0;
  return draft;
}

// Buildkite -----------------------------------------------------------------------------------

/** `plugins:` as a list of `name#version: config` maps (or bare names), or as one map. */
function buildkitePlugins(y: Yaml, plugins: unknown): Entry[] {
  if (isMap(resolved(y, plugins))) return entries(y, plugins);
  return items(y, plugins).flatMap((plugin) => {
    const name = text(y, plugin);
    return name ? [{ key: name, value: undefined, line: lineOf(y, plugin) }] : entries(y, plugin);
  });
}

function buildkiteSteps(y: Yaml, steps: unknown, draft: Draft, seen = new Set<unknown>()): void {
  const list = resolved(y, steps);
  if (seen.has(list)) return;
  seen.add(list);
  for (const step of items(y, list)) {
    buildkiteSteps(y, child(y, step, 'steps'), draft, seen);
    if (child(y, step, 'block') !== undefined || child(y, step, 'input') !== undefined) draft.manualApproval = true;
    const command = child(y, step, 'command') ?? child(y, step, 'commands');
    const plugins = buildkitePlugins(y, child(y, step, 'plugins'));
    if (command === undefined && plugins.length === 0) continue;
    draft.jobs++;
    draft.steps.push(...yamlScriptSteps(y, command));
    for (const plugin of plugins) addReference(draft, plugin.key, plugin.line, inputs(y, plugin.value));
  }
}

function buildkitePipeline(y: Yaml): Draft {
  const draft = emptyDraft();
  const root = y.doc.contents;
  buildkiteSteps(y, isSeq(resolved(y, root)) ? root : child(y, root, 'steps'), draft);
  draft.triggers = ['push', 'pull_request'];
  draft.disabled = draft.jobs === 0;
  return draft;
}

// Drone ---------------------------------------------------------------------------------------

const DRONE_EVENTS = new Map<string, CiTrigger>([
  ['push', 'push'],
  ['pull_request', 'pull_request'],
  ['tag', 'tag'],
  ['cron', 'schedule'],
  ['promote', 'manual'],
  ['rollback', 'manual'],
  ['custom', 'manual'],
]);
/** What a pipeline without `trigger: event:` runs on. */
const DRONE_DEFAULT_EVENTS = ['push', 'pull_request', 'tag'];

function droneEvents(y: Yaml, event: unknown): string[] {
  if (event === undefined) return DRONE_DEFAULT_EVENTS;
  if (!isMap(resolved(y, event))) return texts(y, event);
  const include = child(y, event, 'include');
  const excluded = new Set(texts(y, child(y, event, 'exclude')));
  return (include === undefined ? DRONE_DEFAULT_EVENTS : texts(y, include)).filter((name) => !excluded.has(name));
}

function dronePipeline(docs: Yaml[]): Draft {
  const draft = emptyDraft();
  for (const y of docs) {
    const root = y.doc.contents;
    const kind = text(y, child(y, root, 'kind'));
    if (kind !== undefined && kind !== 'pipeline') continue;
    for (const step of items(y, child(y, root, 'steps'))) {
      draft.jobs++;
      const image = child(y, step, 'image');
      addReference(draft, text(y, image) ?? '', lineOf(y, image), inputs(y, child(y, step, 'settings')));
      draft.steps.push(...yamlScriptSteps(y, child(y, step, 'commands')));
    }
    const events = droneEvents(y, child(y, child(y, root, 'trigger'), 'event'));
    draft.triggers.push(...events.map((event) => DRONE_EVENTS.get(event) ?? 'other'));
  }
  draft.disabled = draft.jobs === 0;
  return draft;
}

// Jenkins -------------------------------------------------------------------------------------

/** `sh '…'`, `sh "…"`, `sh """…"""`, `bat`, `powershell`, also as `sh(script: '…', returnStdout: true)`. */
const JENKINS_SHELL_STEP =
  /(?<![\w.$/-])(?:sh|bat|powershell|pwsh)\s*\(?\s*(?:(?:label|encoding|returnStdout|returnStatus)\s*:\s*(?:'[^'\n]*'|"[^"\n]*"|\w+)\s*,\s*)*(?:script\s*:\s*)?('''|"""|'|")/g;
/** Calls such as `docker.build(…)`, `app.push()`, `.push()` after a call, `recordCoverage(…)`, classified by the reference table. */
const JENKINS_CALL = /(?<![\w$])(\.?[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)\s*\(/g;
const JENKINS_STAGE = /(?<![\w.])stage\s*(?:\(|['"])/g;
const JENKINS_INPUT = /(?<![\w.])input\s*(?:\(|\{|message\s*:|id\s*:)/;
const JENKINS_TRIGGERS: Array<{ trigger: CiTrigger; regex: RegExp }> = [
  { trigger: 'schedule', regex: /(?<![\w.])cron\s*\(/ },
  // Polling builds when the repository changes: a push trigger that checks on a timer.
  { trigger: 'push', regex: /(?<![\w.])(?:pollSCM|githubPush|gitlab|bitbucketPush|GenericTrigger)\s*\(/ },
  { trigger: 'other', regex: /(?<![\w.])upstream\s*\(/ },
];

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function lineAtOffset(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle]! <= offset) low = middle;
    else high = middle - 1;
  }
  return low + 1;
}

/** Where a Groovy string that opened with `quote` at `start` closes, or -1. */
function groovyStringEnd(text: string, start: number, quote: string): number {
  if (quote.length === 3) return text.indexOf(quote, start);
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (c === quote) return i;
    else if (c === '\n') return -1;
  }
  return -1;
}

function inLineComment(text: string, starts: readonly number[], offset: number): boolean {
  return /^\s*\/\//.test(text.slice(starts[lineAtOffset(starts, offset) - 1], offset));
}

/** The script of every shell step, line by line. */
function jenkinsShellScripts(text: string, starts: readonly number[]): ScriptLine[][] {
  const scripts: ScriptLine[][] = [];
  const regex = new RegExp(JENKINS_SHELL_STEP);
  for (let match = regex.exec(text); match; match = regex.exec(text)) {
    const quote = match[1]!;
    const start = match.index + match[0].length;
    const end = groovyStringEnd(text, start, quote);
    if (end < 0) continue;
    regex.lastIndex = end + quote.length;
    if (inLineComment(text, starts, match.index)) continue;
    const first = lineAtOffset(starts, start);
    scripts.push(text.slice(start, end).split(/\r?\n/).map((part, i) => scriptLine(part, first + i)));
  }
  return scripts;
}

function jenkinsPipeline(text: string): Draft {
  const draft = emptyDraft();
  const starts = lineStarts(text);
  const scripts = jenkinsShellScripts(text, starts);
  draft.steps.push(...scripts.flatMap((lines) => scriptSteps(lines)));
  for (const match of text.matchAll(JENKINS_CALL)) {
    if (inLineComment(text, starts, match.index)) continue;
    const line = lineAtOffset(starts, match.index);
    const source = text.slice(starts[line - 1], starts[line] ?? text.length);
    draft.steps.push(...referenceSteps(match[1]!, line, NO_INPUTS, source));
  }
  const stages = [...text.matchAll(JENKINS_STAGE)].length;
  const triggers = JENKINS_TRIGGERS.filter(({ regex }) => regex.test(text)).map(({ trigger }) => trigger);
  draft.triggers = triggers.length > 0 ? triggers : ['push'];
  draft.manualApproval = JENKINS_INPUT.test(text);
  draft.jobs = stages || (scripts.length > 0 ? 1 : 0);
  draft.disabled = draft.jobs === 0;
  return draft;
}

// ---------------------------------------------------------------------------------------------
// Files, reading, and the collector.
// ---------------------------------------------------------------------------------------------

interface CiFormat {
  provider: CiProvider;
  path: RegExp;
  /** Formats found by file name at any depth count only in project code (not examples, fixtures, vendored code). */
  anywhere?: boolean;
  /** For paths that many kinds of file share: the text must look like this format. */
  sniff?: RegExp[];
  read: (file: FileContent, warn: Warn) => Draft;
}

/**
 * Azure DevOps pipelines often live in a folder of the team's choosing (`.pipelines/`, `devops/`),
 * next to other YAML such as Azure ML or Kubeflow pipeline definitions. Both shapes must show: the
 * top-level keys of a pipeline and its step or job syntax.
 */
const AZURE_DEVOPS_TEXT = [/^(?:trigger|pr|pool|stages|jobs|steps|extends|schedules):/m, /^\s*-\s*(?:task|script|bash|pwsh|powershell|template|checkout|job|stage|deployment):/m];
const AZURE_DEVOPS_FOLDER = /^(?:\.?pipelines|\.?ado|\.?devops|\.?azure|azure-devops|ci|build)\/(?:.+\/)?[^/]+\.ya?ml$/;

/** Cloud Build's shape: top-level `steps:` whose items name a builder image and give it `args`, an `entrypoint` or `waitFor`. */
const CLOUD_BUILD_TEXT = [/^steps:/m, /^\s*-\s*name:\s*\S/m, /^\s+(?:args|entrypoint|waitFor):/m];

type YamlParser = (docs: Yaml[], path: string) => Draft;

/** Formats read from one document: a second one (after `---`) is ignored, as the CI services do. */
function firstDocument(parse: (y: Yaml, path: string) => Draft): YamlParser {
  return (docs, path) => parse(docs[0]!, path);
}

/** A broken file cannot run: it still shows the team has CI, as a disabled pipeline. */
function brokenDraft(): Draft {
  return { ...emptyDraft(), disabled: true };
}

function yamlFormat(parse: YamlParser): CiFormat['read'] {
  return (file, warn) => {
    const lines = new LineCounter();
    const documents = parseAllDocuments(file.text, { lineCounter: lines, uniqueKeys: false });
    const docs = Array.from(documents);
    const error = docs.flatMap((doc) => doc.errors)[0];
    if (error) {
      warn({ path: file.path, line: error.linePos?.[0].line, message: `invalid YAML in CI file: ${error.message.split('\n')[0]}` });
      return brokenDraft();
    }
    if (docs.length === 0) return brokenDraft();
    return parse(docs.map((doc) => ({ doc, lines, text: file.text })), file.path);
  };
}

const FORMATS: CiFormat[] = [
  { provider: 'github-actions', path: /^\.github\/workflows\/[^/]+\.ya?ml$/, read: yamlFormat(firstDocument(githubWorkflow)) },
  { provider: 'gitlab-ci', path: /^\.gitlab-ci\.ya?ml$/, read: yamlFormat(gitlabPipeline) },
  { provider: 'azure-pipelines', path: /(?:^|\/)azure-pipelines[^/]*\.ya?ml$/, anywhere: true, read: yamlFormat(firstDocument(azurePipeline)) },
  { provider: 'azure-pipelines', path: /^\.(?:azure-pipelines|azuredevops)\/.+\.ya?ml$/, read: yamlFormat(firstDocument(azurePipeline)) },
  { provider: 'azure-pipelines', path: AZURE_DEVOPS_FOLDER, sniff: AZURE_DEVOPS_TEXT, read: yamlFormat(firstDocument(azurePipeline)) },
  { provider: 'jenkins', path: /(?:^|\/)(?:Jenkinsfile(?:\.[^/]+)?|[^/]+\.Jenkinsfile)$/i, anywhere: true, read: (file) => jenkinsPipeline(file.text) },
  { provider: 'circleci', path: /^\.circleci\/config\.ya?ml$/, read: yamlFormat(firstDocument(circleciPipeline)) },
  { provider: 'bitbucket-pipelines', path: /^bitbucket-pipelines\.ya?ml$/, read: yamlFormat(firstDocument(bitbucketPipeline)) },
  { provider: 'travis', path: /^\.travis\.ya?ml$/, read: yamlFormat(firstDocument(travisPipeline)) },
  { provider: 'cloud-build', path: /(?:^|\/)cloudbuild[^/]*\.(?:ya?ml|json)$/, anywhere: true, read: yamlFormat(firstDocument(cloudBuildPipeline)) },
  { provider: 'aws-codebuild', path: /(?:^|\/)buildspec[^/]*\.ya?ml$/, anywhere: true, read: yamlFormat(firstDocument(codeBuildPipeline)) },
  { provider: 'buildkite', path: /^\.buildkite\/pipeline[^/]*\.ya?ml$/, read: yamlFormat(firstDocument(buildkitePipeline)) },
  { provider: 'drone', path: /^\.drone\.ya?ml$/, read: yamlFormat(dronePipeline) },
  // Formats recognised by what a file holds, wherever the team keeps it: a Cloud Build config run
  // with `gcloud builds submit --config build/deploy.yaml`, a CloudFormation template declaring a CodePipeline.
  { provider: 'cloud-build', path: /\.ya?ml$/, anywhere: true, sniff: CLOUD_BUILD_TEXT, read: yamlFormat(firstDocument(cloudBuildPipeline)) },
  { provider: 'aws-codepipeline', path: /\.(?:ya?ml|json|template)$/, anywhere: true, sniff: [/AWS::CodePipeline::Pipeline/], read: yamlFormat(firstDocument(codePipeline)) },
];

function formatsOf(path: string): CiFormat[] {
  return FORMATS.filter((format) => format.path.test(path) && (!format.anywhere || pathContext(path) === 'project'));
}

/** The first format the file is named for whose content, where a format needs it, matches. */
function formatOf(file: FileContent): CiFormat | undefined {
  return formatsOf(file.path).find((format) => !format.sniff || format.sniff.every((pattern) => pattern.test(file.text)));
}

const MAX_COMMAND_LENGTH = 120;

/** Redacted before shortening, so a secret cut in half is still recognised. */
function shownCommand(command: string): string {
  const redacted = redactSecrets(command.trim());
  return redacted.length <= MAX_COMMAND_LENGTH ? redacted : `${redacted.slice(0, MAX_COMMAND_LENGTH - 1)}…`;
}

function finalSteps(steps: readonly CiStep[]): CiStep[] {
  const unique = new Map<string, CiStep>();
  for (const step of steps) {
    const shown = { kind: step.kind, command: shownCommand(step.command), line: step.line };
    unique.set(`${shown.line}\u0000${shown.kind}\u0000${shown.command}`, shown);
  }
  return [...unique.values()].sort((a, b) => a.line - b.line || compareStrings(a.kind, b.kind) || compareStrings(a.command, b.command));
}

const TRIGGER_ORDER: CiTrigger[] = ['push', 'pull_request', 'tag', 'schedule', 'manual', 'other'];

interface PipelineRecord {
  path: string;
  provider: CiProvider;
  draft: Draft;
}

/** A pipeline calls files of its own provider; a CodePipeline also runs the buildspecs of its CodeBuild projects. */
function runsFilesOf(caller: CiProvider, callee: CiProvider | undefined): boolean {
  return callee === caller || (caller === 'aws-codepipeline' && callee === 'aws-codebuild');
}

/**
 * A reusable workflow or an Azure template runs whenever a pipeline that calls it runs, so it
 * takes on its callers' triggers (through chains of calls). Azure ignores a template's own
 * `trigger:`; a GitHub reusable workflow keeps its own triggers too.
 */
function effectiveTriggers(records: readonly PipelineRecord[]): Map<string, Set<CiTrigger>> {
  const byPath = new Map(records.map((record) => [record.path, record]));
  const callers = new Map<string, PipelineRecord[]>();
  for (const record of records) {
    for (const callee of new Set(record.draft.calls)) {
      if (callee === record.path || !runsFilesOf(record.provider, byPath.get(callee)?.provider)) continue;
      callers.set(callee, [...(callers.get(callee) ?? []), record]);
    }
  }
  const triggers = new Map(
    records.map(({ path, draft }) => [path, new Set(draft.inheritedTriggers === 'replace' && callers.has(path) ? [] : draft.triggers)] as const),
  );
  for (let changed = true, round = 0; changed && round <= records.length; round++) {
    changed = false;
    for (const [callee, calling] of callers) {
      const into = triggers.get(callee)!;
      for (const caller of calling.filter((record) => !record.draft.disabled)) {
        for (const trigger of triggers.get(caller.path)!) {
          if (into.has(trigger)) continue;
          into.add(trigger);
          changed = true;
        }
      }
    }
  }
  return triggers;
}

function toPipeline({ path, provider, draft }: PipelineRecord, triggers: ReadonlySet<CiTrigger>): CiPipeline {
  return {
    path,
    provider,
    triggers: TRIGGER_ORDER.filter((trigger) => triggers.has(trigger)),
    disabled: draft.disabled,
    jobs: draft.jobs,
    steps: finalSteps(draft.steps),
    environments: [...new Set(draft.environments)].sort(compareStrings),
    manualApproval: draft.manualApproval,
  };
}

export const ciCollector = defineCollector({ key: 'ci', create: collectPipelines });

function collectPipelines(): Collector<CiFacts> {
  const records: PipelineRecord[] = [];
  return {
    wants: (path) => formatsOf(path).length > 0,
    visit(file, warn) {
      const format = formatOf(file);
      if (!format) return;
      let draft: Draft;
      try {
        draft = format.read(file, warn);
      } catch (error) {
        // Untrusted files can be shaped in ways no parser anticipates; one must not stop the scan.
        warn({ path: file.path, message: `could not read CI file: ${error instanceof Error ? error.message : String(error)}` });
        draft = brokenDraft();
      }
      records.push({ path: file.path, provider: format.provider, draft });
    },
    finish() {
      const triggers = effectiveTriggers(records);
      const pipelines = records.map((record) => toPipeline(record, triggers.get(record.path)!)).sort((a, b) => compareStrings(a.path, b.path));
      const providers = [...new Set(pipelines.map((pipeline) => pipeline.provider))].sort(compareStrings);
      return { providers, pipelines };
    },
  };
}
