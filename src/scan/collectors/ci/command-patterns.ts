import type { CiStepKind } from './facts.js';

/*
 * What a command counts as: one table of shell command patterns, matched against each simple
 * command of a script (split on `&&`, `;`, `|`…), anchored at the command's first word so that
 * `pip install pytest` or `echo "run tests"` never count as running tests.
 */

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

export const COMMAND_PATTERNS: CommandPattern[] = [
  { kind: 'test', regex: re`^${PY}(?:pytest|py\.test)${END}` },
  { kind: 'test', regex: re`^python[\d.]*\s+-m\s+unittest${END}` },
  { kind: 'test', regex: re`^python[\d.]*\s+(?:\S*\/)?(?:setup\.py\s+(?:test|nosetests|pytest)|manage\.py\s+test|run[-_]?tests?\.py)${END}` },
  // A test script run directly: `python test.py`, `python tests/test_model.py`, `python -m tests`.
  { kind: 'test', regex: re`^python[\d.]*(?:\s+-[A-Za-ln-z]\S*)*\s+(?:-m\s+tests?(?:\.[\w.]+)?|(?:\S*\/)?(?:tests?|test_\w+|\w+_tests?)\.py)${END}` },
  { kind: 'test', regex: re`^(?:tox|nox)${END}(?!.*\s(?:-e|-s|--sessions?|--env)[\s=])` },
  { kind: 'test', regex: re`^(?:hatch\s+test|go\s+test|cargo\s+test|dotnet\s+test|playwright\s+test|cypress\s+run)${END}` },
  // Xcode's build actions come after its options: `xcodebuild -scheme App -destination … clean build test`.
  { kind: 'test', regex: re`^(?:swift\s+test|xcodebuild${ARGS}(?:test|test-without-building))${END}` },
  { kind: 'test', regex: re`^(?:jest|vitest|mocha|behave|nosetests|nose2)${END}` },
  { kind: 'test', regex: re`^${JVM_BUILD}${ARGS}(?:test|verify|check)${END}` },
  { kind: 'test', regex: re`^sbt${ARGS}["']?(?:\+\s*)?(?:test|testOnly|it:test)${END}` },
  // R runs a package's testthat suite in `R CMD check`, or by devtools, testthat, rcmdcheck or covr's coverage run; Julia by `Pkg.test()`.
  { kind: 'test', regex: re`^(?:R\s+CMD\s+check|Rscript\s.*\b(?:devtools::test|devtools::check|testthat::test_(?:dir|local|package|check)|rcmdcheck::rcmdcheck|covr::(?:package_coverage|codecov|coveralls))\s*\(|julia\s.*\bPkg\.test\s*\()` },
  // Ruby runs RSpec directly or through Rake's spec task, Rails' Minitest through `rails test` or Rake.
  { kind: 'test', regex: re`^(?:bin\/)?(?:rspec|rake\s+(?:spec|test)(?::[\w:]+)?|rails\s+test)${END}` },
  { kind: 'test', regex: shellScript(String.raw`(?:run[-_]?)?(?:unit[-_]?|integration[-_]?)?tests?`) },
  { kind: 'test', regex: target(String.raw`(?:unit|integration|e2e|smoke)?[-_]?tests?(?:[-_:.][\w.-]*)?|pytest|py[\d.]*(?:-[\w.-]+)?|cov(?:erage)?`) },

  { kind: 'coverage', regex: re`^${PY}(?:pytest|py\.test)\b.*?\s(--cov)(?:[=-]\S*)?${END}` },
  { kind: 'coverage', regex: re`^(?:jest|vitest|(?:npm|pnpm|yarn)\s+(?:run\s+)?test)\b.*?\s(--coverage)${END}` },
  { kind: 'coverage', regex: re`^${PY}coverage\s+(?:run|report|xml|html|lcov|json|combine)${END}` },
  { kind: 'coverage', regex: re`^Rscript\s.*\bcovr::(?:package_coverage|codecov|coveralls)\s*\(` },
  { kind: 'coverage', regex: re`^(?:\S*\/)?(?:codecov(?:cli)?|coveralls|diff-cover)${END}` },
  { kind: 'coverage', regex: re`^(?:curl|wget)\b.*codecov\.io` },
  { kind: 'coverage', regex: target(String.raw`cov(?:erage)?(?:[-_:.][\w.-]*)?`) },

  { kind: 'lint', regex: re`^${PY}ruff${END}(?!\s+format(?!.*\s--(?:check|diff)))` },
  { kind: 'lint', regex: re`^${PY}(?:flake8|pylint|pycodestyle|pydocstyle|pyflakes|prospector|pylama|vulture|interrogate|nbqa)${END}` },
  { kind: 'lint', regex: re`^(?:yamllint|shellcheck|markdownlint(?:-cli2?)?|codespell|eslint|stylelint|golangci-lint|djlint|actionlint|tflint)${END}` },
  { kind: 'lint', regex: re`^(?:sqlfluff\s+lint|go\s+vet|cargo\s+clippy)${END}` },
  { kind: 'lint', regex: re`^(?:bin\/)?(?:rubocop|standardrb|erb_?lint)${END}` },
  { kind: 'lint', regex: re`^(?:cargo\s+fmt|air\s+format|gofmt)\b.*\s--?(?:check|l)${END}` },
  // The JVM builds' style and static checks (Scalastyle, Checkstyle, Spotless, ktlint, detekt, scalafmt, SpotBugs, PMD), and R's lintr.
  { kind: 'lint', regex: re`^(?:${JVM_BUILD}|sbt)${ARGS}["']?(?:scalaStyle|scalastyle|test:scalastyle|checkstyle\w*|spotlessCheck|ktlintCheck|detekt|scalafmtCheck\w*|scalafmtSbtCheck|spotbugs\w*|pmd\w*)${END}` },
  { kind: 'lint', regex: re`^Rscript\s.*\blintr::lint_(?:package|dir)\s*\(` },
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
  // An image a JVM build defines: sbt-docker's and sbt-native-packager's tasks, Jib's goals.
  { kind: 'docker-build', regex: re`^(?:sbt${ARGS}["']?(?:docker(?:Build\w*|:publish(?:Local)?)?|Docker\s*/\s*publish(?:Local)?)|${JVM_BUILD}${ARGS}(?:jib(?::build|:dockerBuild)?|jibDockerBuild))${END}` },
  { kind: 'docker-build', regex: shellScript(String.raw`(?:docker[-_])?build[-_](?:image|docker)|docker[-_]build`) },
  { kind: 'docker-build', regex: target(String.raw`docker(?:[-_:.]?(?:build|images?))?|(?:build|docker)[-_:.](?:images?|docker|containers?)|images?|containers?`) },

  { kind: 'docker-push', regex: re`^(?:docker|podman|buildah|nerdctl)\s+(?:image\s+)?push${END}` },
  { kind: 'docker-push', regex: re`^docker\s+buildx\s+(?:build|bake)\b.*?\s(--push)${END}` },
  { kind: 'docker-push', regex: re`^(?:docker\s+compose|docker-compose)${ARGS}push${END}` },
  { kind: 'docker-push', regex: re`^(?:\/kaniko\/)?executor${END}(?!.*\s--no-push${END})` },
  { kind: 'docker-push', regex: re`^gcloud\s+builds\s+submit\b.*?\s(--tag)${END}` },
  { kind: 'docker-push', regex: re`^(?:az\s+acr\s+build|crane\s+push|skopeo\s+copy|cog\s+push)${END}` },
  { kind: 'docker-push', regex: re`^(?:sbt${ARGS}["']?(?:dockerBuildAndPush|docker:publish|Docker\s*/\s*publish)|${JVM_BUILD}${ARGS}jib(?::build)?)${END}` },
  { kind: 'docker-push', regex: target(String.raw`(?:docker[-_:.])?push(?:[-_:.](?:images?|docker))?|publish[-_:.](?:images?|docker)`) },

  { kind: 'deploy', regex: re`^kubectl${ARGS}(?:apply|rollout|replace|set\s+image|create\s+deployment)${END}` },
  { kind: 'deploy', regex: re`^(?:helm|helmfile)${ARGS}(?:upgrade|install|apply|sync)${END}` },
  { kind: 'deploy', regex: re`^(?:argocd\s+app\s+sync|skaffold\s+(?:run|deploy)|ansible-playbook)${END}` },
  { kind: 'deploy', regex: re`^gcloud(?:\s+(?:beta|alpha))?\s+(?:run\s+(?:deploy|services\s+(?:update|replace))|app\s+deploy|functions\s+deploy)${END}` },
  { kind: 'deploy', regex: re`^gcloud(?:\s+(?:beta|alpha))?\s+(?:ai\s+endpoints\s+deploy-model|ai-platform\s+versions\s+create|deploy\s+releases\s+create)${END}` },
  { kind: 'deploy', regex: re`^gke-deploy\s+run${END}` },
  { kind: 'deploy', regex: re`^az\s+ml\s+(?:(?:online|batch)-(?:deployment|endpoint)\s+(?:create|update)|model\s+deploy|service\s+update)${END}` },
  { kind: 'deploy', regex: re`^az\s+(?:webapp\s+(?:deploy|up|deployment|config\s+container\s+set)|functionapp\s+(?:deploy|deployment)|containerapp\s+(?:up|update|create))${END}` },
  { kind: 'deploy', regex: re`^aws\s+(?:ecs\s+update-service|sagemaker\s+(?:create|update)-endpoint|apprunner\s+(?:start-deployment|update-service))${END}` },
  { kind: 'deploy', regex: re`^aws\s+(?:lambda\s+update-function-(?:code|configuration)|deploy\s+create-deployment|elasticbeanstalk\s+update-environment)${END}` },
  { kind: 'deploy', regex: re`^(?:sam|cdk|serverless|sls|fly|flyctl|modal|bentoml|baseten|chalice|zappa|eb|copilot\s+svc)\s+deploy${END}` },
  { kind: 'deploy', regex: re`^(?:firebase|netlify|wrangler|railway|vercel)\s+deploy${END}` },
  { kind: 'deploy', regex: re`^(?:zappa\s+update|truss\s+push|cf\s+push|git\s+push\s+heroku|heroku\s+container:release|mlflow\s+deployments\s+(?:create|update))${END}` },
  { kind: 'deploy', regex: re`^(?:anyscale\s+services?\s+(?:rollout|deploy)|mda\s+deploy)${END}` },
  // Ray Serve's CLI sends a config to a running cluster's dashboard, which rolls the applications out.
  { kind: 'deploy', regex: re`^serve\s+deploy${END}` },
  // A Hugging Face Space or a Heroku app is deployed by pushing to its git URL (a remote the script added is put back in its place).
  { kind: 'deploy', regex: re`^git\s+push${ARGS}\S*(?:huggingface\.co\/spaces\/|hf\.co\/spaces\/|git\.heroku\.com\/)` },
  { kind: 'deploy', regex: re`^(?:huggingface-cli|hf)\s+upload\b.*?\s--repo-type(?:=|\s+)["']?spaces?["']?(?![\w.-])` },
  // A Databricks asset bundle deploys its jobs, model serving endpoints and monitors to the workspace.
  { kind: 'deploy', regex: re`^databricks${ARGS}bundle\s+deploy${END}` },
  { kind: 'deploy', regex: re`^vercel\b.*\s--prod${END}` },
  { kind: 'deploy', regex: shellScript(String.raw`deploy(?![-_]?docs?(?:$|\s|\.))[\w-]*`) },
  // A Python deployment script: SageMaker templates' `python deploy_stack.py` creates the endpoint's stack with boto3
  // (`build_deployment_configs.py` only writes the stack's parameters).
  { kind: 'deploy', regex: pythonScript(String.raw`deploy(?=[-_.\s]|$)(?![-_]docs?\b)`) },
  // A project's own command-line tool told to deploy: `python -m src.deployment.cli deploy api`, `python manage.py deploy`.
  { kind: 'deploy', regex: re`^python[\d.]*(?:\s+-[^m\s]\S*)*\s+(?:-m\s+[\w.]+|(?:[^\s/]+\/)*[\w.-]+\.py)\s+deploy(?:[-_](?!docs?\b)[\w-]+)?${END}` },
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

  // A script that reports on a training run (`generate_training_report.py --pipeline training_pipeline`) trains nothing.
  { kind: 'train', regex: pythonScript(String.raw`(?:re|pre)?train(?!\w*[_-](?:reports?|summary|summari[sz]e)\b)|fine[-_]?tun`) },
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
  { kind: 'ml-pipeline', regex: re`^databricks${ARGS}bundle\s+run${ARGS}[\w-]*train[\w-]*${END}` },
  { kind: 'ml-pipeline', regex: re`^gcloud(?:\s+(?:beta|alpha))?\s+(?:ai\s+(?:custom-jobs|hp-tuning-jobs)\s+create|ai-platform\s+jobs\s+submit)${END}` },
  { kind: 'ml-pipeline', regex: re`^aws\s+sagemaker\s+(?:start-pipeline-execution|create-training-job|create-processing-job)${END}` },
  // Metaflow: `python flow.py run`, `python training_flow.py argo-workflows create`; its scheduler
  // commands name Metaflow whatever the flow's file is called (`python hello.py --branch main argo-workflows create`).
  { kind: 'ml-pipeline', regex: re`^python[\d.]*\s+(?:\S*\/)?\w*flow\w*\.py(?:\s+--\S+)*\s+(?:run|argo-workflows|step-functions)${END}` },
  { kind: 'ml-pipeline', regex: re`^python[\d.]*\s+(?:\S*\/)?\w+\.py${ARGS}(?:argo-workflows|step-functions)\s+(?:create|trigger)${END}` },
  // A script that builds, submits or runs the training pipeline: `python model/run_pipeline.py`,
  // `python -m ml_service.pipelines.build_train_pipeline`; not a scoring or inference pipeline,
  // nor a package on the way to the module (`pipelines.`), nor a script that checks a pipeline's
  // definition without running it (`validate_pipeline_compute.py`, `lint_pipelines.py`).
  { kind: 'ml-pipeline', regex: pythonScript(String.raw`(?<!(?:scor|predict|infer|serv)\w*|(?:validate|check|lint|verify)[_-])pipeline(?!\w*\.(?!py\b))`) },
  // A project's runner told which pipeline to run: `python run.py --pipeline training`, `python run.py --training-pipeline`.
  { kind: 'ml-pipeline', regex: re`^python[\d.]*\s+(?:\S*\/)?\w+\.py${ARGS}--(?:pipeline(?:\s+|=)["']?(?:re)?train(?:ing)?|(?:re)?train(?:ing)?[-_]pipeline)${END}` },
  { kind: 'ml-pipeline', regex: target(String.raw`(?:ml-)?pipeline|repro`) },

  { kind: 'secret-scan', regex: re`^(?:gitleaks|trufflehog3?|detect-secrets(?:-hook)?|ggshield|git-secrets|git\s+secrets\s+--scan)${END}` },
  { kind: 'secret-scan', regex: re`^(?:talisman|whispers|noseyparker|secretlint)${END}` },
  { kind: 'secret-scan', regex: re`^trivy\b.*?\s--scanners[\s=]\S*(secret)` },

  { kind: 'dependency-scan', regex: re`^(?:${PY}pip-audit|safety\s+(?:check|scan)|osv-scanner|snyk\s+(?:test|monitor))${END}` },
  { kind: 'dependency-scan', regex: re`^(?:(?:npm|pnpm)\s+audit|yarn\s+(?:npm\s+)?audit|bundler?[-\s]audit|cargo\s+audit|govulncheck|retire)${END}` },
  { kind: 'dependency-scan', regex: re`^(?:trivy\s+(?:fs|filesystem|repo|repository|rootfs|sbom)|dependency-check(?:\.sh)?)${END}` },
  { kind: 'dependency-scan', regex: re`^grype\s+(?:-\S+\s+)*(?:dir:|sbom:|file:|\.{1,2}(?:\/\S*)?${END}|\/)` },

  { kind: 'sast', regex: re`^(?:${PY}bandit|semgrep|codeql|sonar-scanner|gosec|brakeman|njsscan|bearer|horusec)${END}` },
  { kind: 'sast', regex: re`^(?:checkov|tfsec|kics|terrascan|hadolint|trivy\s+(?:config|conf)|snyk\s+(?:code|iac)\s+test|Assert-PSRule)${END}` },
  { kind: 'sast', regex: re`^(?:${PY}zizmor|poutine\s+analyze\w*)${END}` },
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
