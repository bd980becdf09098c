import { llmAssistant, llmAssistantCase, notebook, pretrainedModelService, pretrainedModelServiceCase, pushToMain, releasedLibrary, releasedLibraryCase, requirements, schedule, testWorkflow, workflow } from '../../helpers/repo-snippets.js';
import type { RuleCases } from '../../helpers/rule-tester.js';

// With a linter step, so that one CI pipeline serves the code-quality cases as well.
const ciOnPush = testWorkflow('run: ruff check .');

/** A decoy: many named jobs, each of which only says it passed. */
const echoOnlyWorkflow = ['on: [push, pull_request]', 'jobs:', ...['build_test', 'coverage', 'lint', 'semgrep', 'deploy'].map((job) => `  ${job}: { runs-on: ubuntu-latest, steps: [ { run: "echo ok" } ] }`), ''].join('\n');

/** A Cloud Build config running the tests through a Makefile target; its trigger lives in the Google Cloud project. */
const cloudBuildMakeTest = 'steps:\n  - name: python:3.11\n    entrypoint: bash\n    args: ["-c", "make test"]\n';
const makefileTest = '.PHONY: test\ntest:\n\tpython -m pytest tests/\n';
const aTest = { 'tests/test_features.py': 'from churn.features import encode\n\ndef test_encode():\n    assert encode("a") == 1\n' };

const nightlyTraining = workflow({ name: 'retrain', on: schedule('0 3 * * *'), job: 'train', steps: ['run: python -m src.train --config params.yaml'] });

/** A Mage project keeps each pipeline's blocks, and its triggers, in a folder of their own. */
const mageTrainingPipeline = 'blocks:\n- name: load_data\n  type: data_loader\n  upstream_blocks: []\n- name: train_evaluate\n  type: transformer\n  upstream_blocks: [load_data]\ntype: python\nuuid: training_workflow\n';
const mageTrigger = (pipeline: string, interval: string) =>
  `triggers:\n- name: ${pipeline}_trigger\n  pipeline_uuid: ${pipeline}\n  schedule_interval: ${interval}\n  schedule_type: ${interval === 'null' ? 'api' : 'time'}\n  status: active\n`;
const manualTraining = workflow({ name: 'train', on: 'workflow_dispatch', job: 'train', steps: ['run: python src/train.py'] });

const trainModule = `import mlflow
from sklearn.ensemble import RandomForestClassifier

def train(X, y, params):
    with mlflow.start_run():
        mlflow.log_params(params)
        model = RandomForestClassifier(random_state=42, **params).fit(X, y)
        mlflow.log_metric("accuracy", model.score(X, y))
        mlflow.sklearn.log_model(model, "model", registered_model_name="churn")
    return model
`;

/** A module that trains, so that the project trains a model of its own. */
const databricksTrain = 'from sklearn.linear_model import LinearRegression\n\nmodel = LinearRegression().fit(X, y)\n';

/** An asset bundle's training job (train, then validate), with what follows its tasks. */
function databricksTrainingJob(after: string): string {
  return `resources:
  jobs:
    model_training_job:
      name: \${bundle.target}-model-training-job
      tasks:
        - task_key: Train
          spark_python_task:
            python_file: ../src/train.py
        - task_key: ModelValidation
          depends_on:
            - task_key: Train
          notebook_task:
            notebook_path: ../validation/notebooks/ModelValidation.py
${after}`;
}

export const cases: RuleCases = {
  'mlops.version-control': [
    { name: 'git history and a remote', git: { commits: 12, hasRemote: true }, status: 'pass' },
    { name: 'git history without a remote', git: { hasRemote: false }, status: 'partial', evidence: 'the repository has no remote' },
    { name: 'not a repository', git: null, status: 'fail' },
  ],
  'mlops.dependency-pinning': [
    { name: 'poetry lock file', files: { 'pyproject.toml': '[tool.poetry]\nname = "x"\n[tool.poetry.dependencies]\npython = "^3.11"\npandas = "^2.0"\n', 'poetry.lock': '[[package]]\nname = "pandas"\nversion = "2.1.0"\n' }, status: 'pass' },
    { name: 'every requirement exact', files: { 'requirements.txt': requirements('pandas==2.1.0', 'scikit-learn==1.3.2') }, status: 'pass' },
    {
      // The Swift compiler rejects an import the package does not declare: no dependency, none to pin.
      name: 'a Swift package that depends on no other package',
      files: { 'Package.swift': '// swift-tools-version: 5.10\nimport PackageDescription\n\nlet package = Package(name: "YOLO", targets: [.target(name: "YOLO")])\n', 'Sources/YOLO/YOLO.swift': 'import CoreML\n' },
      status: 'pass',
      firstEvidence: 'no dependency to pin: the build declares none',
    },
    // What floats leads, where it is declared: the line the team has to change.
    { name: 'some requirements float', files: { 'requirements.txt': requirements('pandas==2.1.0', 'scikit-learn>=1.3') }, status: 'partial', firstEvidence: 'requirements.txt:2 scikit-learn >=1.3, not an exact version' },
    { name: 'a requirement with no version among pinned ones', files: { 'requirements.txt': requirements('pandas==2.1.0', 'numpy==1.26.4', 'scikit-learn==1.4.2'), 'functions/trigger/requirements.txt': requirements('kfp==1.6.2', 'google-cloud-storage') }, status: 'partial', firstEvidence: 'functions/trigger/requirements.txt:2 google-cloud-storage with no version' },
    // Each thing that would do is named once, though two of the accepted values read alike.
    { name: 'nothing pinned', files: { 'requirements.txt': requirements('pandas', 'scikit-learn') }, status: 'fail', firstEvidence: 'no dependency version pinned (needs a lock file or pinned versions)' },
    { name: 'a dvc.lock is not a dependency lock', files: { 'requirements.txt': requirements('pandas'), 'dvc.lock': 'schema: "2.0"\nstages: {}\n' }, status: 'fail' },
    { name: 'a lock file in an example does not count', files: { 'requirements.txt': requirements('pandas'), 'examples/demo/poetry.lock': '[[package]]\nname = "x"\n' }, status: 'fail' },
  ],
  'mlops.ci-pipeline': [
    { name: 'workflow on push and pull request', files: { '.github/workflows/ci.yml': ciOnPush }, status: 'pass', evidence: '.github/workflows/ci.yml' },
    { name: 'only a scheduled workflow', files: { '.github/workflows/retrain.yml': nightlyTraining }, status: 'partial' },
    { name: 'no CI', files: { 'train.py': 'print(1)\n' }, status: 'fail', evidence: 'no CI pipeline' },
    // Microsoft's best-practice repositories keep their Azure Pipelines in tests/ci/: the team's CI, not a fixture.
    {
      name: "Azure Pipelines kept in a test tree's ci/ folder",
      files: { 'tests/ci/cpu_unit_tests_linux.yml': 'pr:\n- master\ntrigger:\n- master\njobs:\n- job: unit\n  steps:\n  - bash: pytest lib/tests\n    displayName: Run unit tests\n' },
      status: 'pass',
      firstEvidence: 'tests/ci/cpu_unit_tests_linux.yml',
    },
    {
      name: 'an Azure pipeline among the test data of a CI tool is no CI',
      files: { 'tests/data/pipelines/azure.yml': 'pr:\n- master\ntrigger:\n- master\njobs:\n- job: unit\n  steps:\n  - bash: pytest lib/tests\n' },
      status: 'fail',
    },
    {
      // YAML forbids tabs in indentation, and GitHub rejects such a workflow: the team has CI that never runs.
      name: 'a workflow indented with tabs',
      files: { '.github/workflows/ci.yml': 'name: CI\non:\n\tpush:\njobs:\n\tquality:\n\t\truns-on: ubuntu-latest\n\t\tsteps:\n\t\t\t- run: uv run pytest -q\n' },
      status: 'fail',
      evidence: ['.github/workflows/ci.yml:3 not counted: the file is not valid YAML (Tabs are not allowed as indentation', 'so it cannot run'],
    },
    { name: 'every job only echoes', files: { '.github/workflows/ci.yml': echoOnlyWorkflow }, status: 'partial', evidence: 'only prints, sleeps or exits' },
    { name: 'a Cloud Build config, whose trigger is set up in the cloud project', files: { 'cloudbuild.yaml': cloudBuildMakeTest }, status: 'pass', evidence: 'a trigger set outside the repository' },
  ],
  'mlops.automated-tests': [
    { name: 'tests run by CI', files: { '.github/workflows/ci.yml': ciOnPush, 'tests/test_features.py': 'def test_x():\n    assert scale([2]) == [1]\n' }, status: 'pass', evidence: 'pytest' },
    { name: 'tests that CI does not run', files: { 'tests/test_features.py': 'def test_x():\n    assert scale([2]) == [1]\n' }, status: 'partial', firstEvidence: 'no CI pipeline found', evidence: '1 test file' },
    { name: "only a template's placeholder tests, even run by CI", files: { '.github/workflows/ci.yml': ciOnPush, 'tests/test_features.py': 'def test_x():\n    assert True\n' }, status: 'fail', evidence: 'no test files' },
    { name: 'tests only in an example project', files: { 'examples/demo/tests/test_demo.py': 'def test_x():\n    pass\n' }, status: 'fail' },
    { name: 'a script named like a test tests nothing', files: { 'local_flow/src/test_gantry.py': 'import gantry\n\nif __name__ == "__main__":\n    gantry.init(logs_location="firehose://demo-stream")\n' }, status: 'fail', evidence: 'no test files' },
    {
      name: 'tests named *_tests.py that CI runs by path',
      files: { 'src/tests/model_tests.py': 'def test_model_output_shape():\n    assert model(batch).shape == (3, 1)\n', '.github/workflows/ci.yml': workflow({ on: 'push', steps: ['run: pytest src/tests/model_tests.py'] }) },
      status: 'pass',
      evidence: 'pytest src/tests/model_tests.py',
    },
    {
      // A Swift package's XCTest target, run by xcodebuild on a simulator; the example apps' tests are someone else's.
      name: 'XCTest cases of a Swift package that CI runs with xcodebuild',
      files: {
        'Tests/YOLOTests/LetterboxTests.swift': 'import XCTest\n@testable import UltralyticsYOLO\n\nfinal class LetterboxTests: XCTestCase {\n  func testScale() {\n    XCTAssertEqual(letterbox(640, 480).scale, 1.0)\n  }\n}\n',
        'ExampleApps/Demo/DemoTests/DemoTests.swift': 'import XCTest\n\nfinal class DemoTests: XCTestCase {\n  func testLaunch() {}\n}\n',
        '.github/workflows/ci.yml': workflow({ on: 'push', steps: ['run: |\n  xcodebuild \\\n    -scheme UltralyticsYOLO \\\n    -sdk iphonesimulator \\\n    clean build test'] }),
      },
      status: 'pass',
      evidence: ['1 test file', 'xcodebuild'],
    },
    { name: 'jobs named for tests that only echo', files: { '.github/workflows/ci.yml': echoOnlyWorkflow, ...aTest }, status: 'partial', firstEvidence: 'runs test in .github/workflows/ci.yml' },
    { name: 'tests CI lets fail gate nothing', files: { '.github/workflows/ci.yml': workflow({ on: 'push', steps: ['run: pytest tests || true'] }), ...aTest }, status: 'partial', evidence: 'test step: pytest tests (allowed to fail)' },
    { name: 'a test job with continue-on-error beside one that gates', files: { '.github/workflows/ci.yml': workflow({ on: 'push', steps: ['run: pytest tests/slow\ncontinue-on-error: true', 'run: pytest tests/unit'] }), ...aTest }, status: 'pass', evidence: 'test step: pytest tests/unit' },
    {
      name: 'tests run through a Makefile target from Cloud Build',
      files: { 'cloudbuild.yaml': cloudBuildMakeTest, Makefile: makefileTest, ...aTest },
      status: 'pass',
      evidence: 'make test → Makefile:3 python -m pytest tests/',
    },
    {
      name: 'a test target that only prints runs no tests',
      files: { '.github/workflows/ci.yml': workflow({ on: '[push, pull_request]', steps: ['run: make test'] }), Makefile: 'test:\n\t@echo "TODO: add tests"\n', ...aTest },
      status: 'partial',
    },
  ],
  'mlops.code-quality': [
    { name: 'ruff in CI', files: { '.github/workflows/ci.yml': ciOnPush }, status: 'pass', evidence: 'ruff' },
    { name: 'a linter CI lets fail enforces nothing', files: { '.github/workflows/ci.yml': workflow({ on: 'push', steps: ['run: ruff check .\ncontinue-on-error: true'] }), 'ruff.toml': 'line-length = 100\n' }, status: 'partial', evidence: 'lint step: ruff check . (allowed to fail)' },
    { name: 'pre-commit config', files: { '.pre-commit-config.yaml': 'repos: []\n' }, status: 'pass' },
    { name: 'ruff configured in pyproject only', files: { 'pyproject.toml': '[project]\nname = "x"\n\n[tool.ruff]\nline-length = 100\n' }, status: 'partial', evidence: 'pyproject.toml:4' },
    { name: 'nothing configured', files: { 'src/app.py': 'x = 1\n' }, status: 'fail' },
    // A data platform's code is its dbt SQL as much as its Python.
    { name: 'sqlfluff configured in pyproject for the dbt models', files: { 'pyproject.toml': '[project]\nname = "x"\n\n[tool.sqlfluff.core]\ndialect = "snowflake"\n' }, status: 'partial', evidence: 'pyproject.toml:4' },
    { name: 'a .sqlfluff file beside the dbt project', files: { 'dbt/.sqlfluff': '[sqlfluff]\ndialect = bigquery\n', 'src/app.py': 'x = 1\n' }, status: 'partial', evidence: 'dbt/.sqlfluff' },
    { name: "an ESLint and Prettier configuration of the app's front end", files: { 'frontend/.eslintrc.json': '{ "extends": "eslint:recommended" }\n', 'frontend/.prettierrc.json': '{}\n', 'app.py': 'x = 1\n' }, status: 'partial', evidence: 'frontend/.eslintrc.json' },
    // The Python side leads the evidence of a Python project with a front end.
    { name: "ruff in pyproject leads a front end's ESLint configuration", files: { 'pyproject.toml': '[project]\nname = "x"\n\n[tool.ruff]\nline-length = 100\n', 'frontend/eslint.config.mjs': 'export default [];\n' }, status: 'partial', firstEvidence: 'pyproject.toml:4' },
    { name: "a Go service's golangci-lint configuration", files: { '.golangci.yml': 'linters:\n  enable: [errcheck, govet]\n', 'main.go': 'package main\n' }, status: 'partial', evidence: '.golangci.yml' },
    { name: 'rustfmt and clippy settings of a Rust server', files: { 'rustfmt.toml': 'max_width = 100\n', 'clippy.toml': 'msrv = "1.75"\n', 'src/main.rs': 'fn main() {}\n' }, status: 'partial', firstEvidence: 'clippy.toml' },
    { name: "a Scala library's scalastyle and scalafmt configurations", files: { 'scalastyle-config.xml': '<scalastyle/>\n', '.scalafmt.conf': 'version = 3.7.0\n', 'build.sbt': 'name := "x"\n' }, status: 'partial', evidence: 'scalastyle-config.xml' },
    { name: "an R package's lintr configuration", files: { '.lintr': 'linters: linters_with_defaults()\n', 'R/model.R': 'fit <- function(d) lm(y ~ x, d)\n' }, status: 'partial', evidence: '.lintr' },
    { name: 'a section of another tool named like a linter is no linter configuration', files: { 'setup.cfg': '[metadata]\nname = sqlfluffer-plugin\n[tool:pytest]\naddopts = -q\n' }, status: 'fail' },
  ],
  'mlops.notebook-hygiene': [
    { name: 'code in modules, no notebooks', files: { 'src/model.py': 'a = 1\nb = 2\n' }, status: 'pass' },
    {
      name: 'notebooks with outputs stripped by pre-commit',
      files: { 'src/model.py': 'a = 1\nb = 2\nc = 3\nd = 4\n', 'notebooks/eda.ipynb': notebook('x = 1', 'ok'), '.pre-commit-config.yaml': 'repos:\n  - repo: https://github.com/kynan/nbstripout\n    hooks:\n      - id: nbstripout\n' },
      status: 'pass',
    },
    { name: 'half the code in notebooks', files: { 'src/model.py': 'a = 1\nb = 2\n', 'notebooks/eda.ipynb': notebook('x = 1\ny = 2') }, status: 'partial' },
    { name: 'a notebook-only PoC', files: { 'poc.ipynb': notebook('import pandas as pd\ndf = pd.read_csv("data.csv")\nmodel = fit(df)'), 'util.py': 'x = 1\n' }, status: 'fail', evidence: 'of the code in notebooks' },
  ],
  'mlops.experiment-tracking': [
    // Autologging switched off before logging by hand: the hand-written calls are the tracking.
    {
      name: 'autologging switched off, then parameters and metrics logged by hand',
      files: { 'src/model_train.py': 'import mlflow\n\n\ndef train(X, y, param):\n    mlflow.lightgbm.autolog(disable=True)\n    mlflow.log_params(param)\n    bst = lgb.train(param, lgb.Dataset(X, y))\n    mlflow.log_metric("rmse", rmse(bst, X, y))\n' },
      status: 'pass',
      firstEvidence: 'src/model_train.py:6 mlflow.log_params(param)',
    },
    { name: 'autologging switched off and nothing else', files: { 'src/train.py': 'import mlflow\n\nmlflow.sklearn.autolog(disable=True)\nmodel = RandomForestClassifier().fit(X, y)\n' }, status: 'partial', firstEvidence: 'src/train.py:1 imports mlflow' },
    // MLRun keeps each run of a function - parameters, results, artifacts - in its database.
    {
      name: 'a pipeline of MLRun function runs, a hub trainer among them',
      files: {
        'src/workflow.py': 'import mlrun\n\n\ndef kfpipeline(dataset_name: str):\n    prep = mlrun.run_function(function="data-prep", params={"dataset_name": dataset_name}, outputs=["train_dataset"])\n    mlrun.run_function(\n        function="hugging_face_classifier_trainer",\n        inputs={"dataset": prep.outputs["train_dataset"]},\n        outputs=["model"],\n    )\n',
        'src/serving.py': 'from transformers import AutoTokenizer\n\ntokenizer = AutoTokenizer.from_pretrained("distilbert-base-uncased")\n',
      },
      status: 'pass',
      firstEvidence: 'src/workflow.py:5',
    },
    {
      name: 'an app that runs prompts stored in Braintrust calls an LLM and trains nothing',
      files: { 'app/api/summary/route.ts': 'import { invoke, initLogger, wrapTraced } from "braintrust";\n\nexport async function POST(req: Request) {\n  return Response.json(await invoke({ projectName: "docs", slug: "summarize", input: await req.json() }));\n}\n' },
      status: 'not_applicable',
    },
    releasedLibraryCase,
    {
      name: 'the same tracker callback in a package nobody releases is tracking',
      files: { ...releasedLibrary, 'README.md': '# forecastkit\n' },
      status: 'pass',
      firstEvidence: 'forecastkit/callbacks.py:6',
    },
    {
      name: 'a released package that also runs training recipes of its own',
      files: { ...releasedLibrary, 'recipes/sft/config.yaml': 'learning_rate: 2.0e-05\nreport_to:\n- wandb\n' },
      status: 'pass',
      firstEvidence: 'forecastkit/callbacks.py:6',
    },
    {
      // A Java RAG application calls a hosted model through LangChain4j and trains nothing.
      name: 'a Spring Boot application on a hosted LLM',
      files: { 'app/backend/src/main/java/com/acme/ChatService.java': 'package com.acme;\n\nimport com.azure.ai.openai.OpenAIClient;\nimport dev.langchain4j.model.chat.ChatLanguageModel;\n\npublic class ChatService {}\n' },
      status: 'not_applicable',
    },
    {
      name: 'a Java service that only mentions an LLM client in a comment is taken to train',
      files: { 'src/main/java/com/acme/Trainer.java': 'package com.acme;\n\n// import dev.langchain4j.model.chat.ChatLanguageModel;\nimport org.apache.spark.ml.classification.LogisticRegression;\n' },
      status: 'fail',
    },
    {
      name: 'a Julia model logging its losses to TensorBoard',
      files: { 'vision/vae_mnist/vae_mnist.jl': 'using Flux\nusing TensorBoardLogger: TBLogger, tb_overwrite\nfunction train(args)\n    tblogger = TBLogger(args.save_path, tb_overwrite)\nend\n' },
      status: 'pass',
      firstEvidence: 'vision/vae_mnist/vae_mnist.jl:4',
    },
    {
      name: "an R model logging its runs with MLflow's R API",
      files: { 'train.R': 'library(mlflow)\nlibrary(ranger)\nwith(mlflow_start_run(), {\n  fit <- ranger(y ~ ., train)\n  mlflow_log_metric("rmse", rmse)\n})\n' },
      status: 'pass',
      firstEvidence: 'train.R:3',
    },
    {
      name: 'a Spark job in Scala logging to MLflow through the Java client',
      files: { 'src/main/scala/Train.scala': 'import org.apache.spark.ml.classification.LogisticRegression\nobject Train {\n  val client = new MlflowClient("http://mlflow:5000")\n}\n' },
      status: 'pass',
      firstEvidence: 'src/main/scala/Train.scala:3',
    },
    {
      // A commented-out call, and a function of the project's own that happens to read like one.
      name: 'tracking calls commented out in Julia and R are no tracking',
      files: { 'model.jl': 'using Flux\n# tblogger = TBLogger("runs")\n', 'fit.R': 'library(ranger)\n# mlflow_log_metric("rmse", rmse)\nfit <- ranger(y ~ ., train)\n' },
      status: 'fail',
    },
    {
      // A map of the embeddings for the citation view draws; it trains no model.
      name: 'an LLM assistant that projects its embeddings with UMAP for a plot',
      files: { ...llmAssistant, 'src/assistant/visualize.py': 'import umap\n\n\ndef project(embeddings):\n    return umap.UMAP(n_neighbors=15, min_dist=0.1).fit(embeddings)\n' },
      status: 'not_applicable',
    },
    {
      name: 'an LLM assistant that also fits a classifier of its own',
      files: { ...llmAssistant, 'src/assistant/router.py': 'from sklearn.linear_model import LogisticRegression\n\nrouter = LogisticRegression().fit(X, y)\n' },
      status: 'fail',
    },
    {
      // fAIr's Celery task fine-tunes with its own library's train(); the model it loads afterwards is the one it trained.
      name: "a task that trains through the team's training library, then loads the result",
      files: {
        'core/tasks.py': 'import tensorflow as tf\n\n\ndef model_training(epochs):\n    from fair_utils.training.ramp import run_feedback, train\n\n    accuracy, path = train(epochs=epochs)\n    model = tf.keras.models.load_model(path)\n',
      },
      status: 'fail',
    },
    {
      // Transformers.js runs a Hub model in the user's browser; nothing in the repository trains one.
      name: 'an in-browser app that runs a pretrained model with Transformers.js',
      files: { 'src/worker.js': 'import { pipeline } from "@xenova/transformers";\n\nexport const transcribe = await pipeline("automatic-speech-recognition", "Xenova/whisper-tiny");\n', 'package.json': '{"dependencies": {"@xenova/transformers": "^2.7.0"}}\n' },
      status: 'not_applicable',
    },
    {
      name: 'an on-device Core ML app beside a training script is taken to train',
      files: { 'Sources/App/Detector.swift': 'import CoreML\n', 'training/train.py': 'import torch\n' },
      status: 'fail',
    },
    {
      name: 'a service that only loads a model and imports no train function',
      files: { 'core/tasks.py': 'import tensorflow as tf\nfrom fair_utils.training import train_config\n\nmodel = tf.keras.models.load_model("checkpoint.tf")\n' },
      status: 'not_applicable',
    },
    {
      name: 'training runs logged to TensorBoard by the Keras callback',
      files: { 'src/models/keras_model/model.py': 'import tensorflow as tf\n\n\ndef run_fn(fn_args):\n    tensorboard_callback = tf.keras.callbacks.TensorBoard(\n        log_dir=fn_args.model_run_dir, update_freq="batch")\n    model.fit(train_ds, callbacks=[tensorboard_callback])\n' },
      status: 'pass',
      evidence: 'src/models/keras_model/model.py:5',
    },
    {
      name: 'TensorBoard only named in a message is no tracking',
      files: { 'src/train.py': 'def train(model, ds):\n    print("TensorBoard (run it yourself): tensorboard --logdir logs")\n    model.fit(ds)\n' },
      status: 'fail',
    },
    {
      name: 'a pipeline component that outputs a Metrics artifact, recorded in the pipeline metadata store',
      files: { 'components/train.py': 'from kfp.dsl import Metrics, Output, component\n\n@component\ndef train(metrics: Output[Metrics]):\n    metrics.log_metric("auc", 0.91)\n' },
      status: 'pass',
      evidence: 'components/train.py:4',
    },
    {
      name: 'SageMaker training step tracked in SageMaker Experiments',
      files: { 'model/run_pipeline.py': 'training_step = steps.TrainingStep(\n    "Training Job",\n    estimator=xgb,\n    experiment_config={"ExperimentName": execution_input["ExperimentName"], "TrialName": execution_input["TrialName"]},\n)\n' },
      status: 'pass',
      evidence: 'model/run_pipeline.py:4',
    },
    { name: 'Vertex AI Experiments from a notebook', files: { '02-experimentation.ipynb': notebook('vertex_ai.init(project=PROJECT, location=REGION, experiment=EXPERIMENT_NAME)\nvertex_ai.start_run(run_id)\nvertex_ai.log_params(hyperparams)') }, status: 'partial', evidence: 'cell 1' },
    { name: 'training module logs to MLflow', files: { 'src/train.py': trainModule }, status: 'pass', evidence: 'src/train.py:6' },
    {
      name: "a ZenML step logs its metrics to the run's model version",
      files: { 'steps/train_model.py': 'from zenml import log_metadata, step\n\n\n@step\ndef train_model(data):\n    model.fit(X, y)\n    log_metadata(\n        artifact_name="model",\n        infer_artifact=True,\n        metadata={"metrics": {"r2": r2}},\n    )\n' },
      status: 'pass',
      evidence: 'steps/train_model.py:7',
    },
    {
      name: "a project's own log_metadata helper is no tracker",
      files: { 'src/train.py': 'from utils import log_metadata\n\nmodel.fit(X, y)\nlog_metadata(path, model)\n' },
      status: 'fail',
    },
    {
      name: 'DVCLive logging from the training script',
      files: { 'src/train.py': 'from dvclive import Live\n\nwith Live() as live:\n    model.fit(X, y)\n    live.log_metric("acc", model.score(X, y))\n' },
      status: 'pass',
      evidence: 'src/train.py:5',
    },
    {
      name: 'DVCLive plots from an evaluation stage',
      files: { 'src/train.py': 'model.fit(X, y)\n', 'src/evaluate.py': 'from dvclive import Live\n\nwith Live("eval", dvcyaml=False) as live:\n    live.log_sklearn_plot("roc", labels, predictions)\n' },
      status: 'pass',
      evidence: 'src/evaluate.py:4',
    },
    {
      // rich's console display is also called Live.
      name: 'a live console display beside the training script is no tracker',
      files: { 'src/train.py': 'model.fit(X, y)\n', 'src/cli.py': 'from rich.live import Live\n\nwith Live(console=console, refresh_per_second=4) as live:\n    live.update(table)\n' },
      status: 'fail',
    },
    { name: 'tracking only from a notebook', files: { 'exp.ipynb': notebook('import wandb\nwandb.init(project="x")') }, status: 'partial', evidence: 'cell 1' },
    { name: 'tracker declared but never imported', files: { 'requirements.txt': requirements('mlflow==2.9.0'), 'src/train.py': 'import pandas as pd\n' }, status: 'fail', evidence: 'no import of mlflow' },
    { name: 'tracker imported, no tracking call recognised', files: { 'src/train.py': 'import mlflow\n\nclient = mlflow.tracking.MlflowClient()\n' }, status: 'partial', evidence: 'imports mlflow' },
    {
      // jeromelegal/AVR25_Rakuten_MLOps: inference services read their models from the MLflow registry; the only fit is an inference transformer's.
      name: 'a tracker imported only to load registered models tracks no experiment',
      files: {
        'src/api/config/model_loader.py': 'import mlflow\nfrom mlflow.exceptions import RestException\n\n\ndef get_model(name, version):\n    mlflow.artifacts.download_artifacts(artifact_uri=f"models:/{name}/{version}", dst_path="/tmp/model")\n    return mlflow.pyfunc.load_model(model_uri=f"models:/{name}/{version}")\n',
        'src/api/text.py': 'from sklearn.pipeline import Pipeline\n\npipeline = Pipeline([("clean", Cleaner())])\npipeline.fit(texts)\n',
      },
      status: 'fail',
      evidence: 'src/api/config/model_loader.py:7 return mlflow.pyfunc.load_model(',
    },
    {
      name: 'a W&B artifact fetched through its API to serve it tracks no experiment',
      files: {
        'src/serve.py': 'import wandb\n\nartifact = wandb.Api().artifact("team/churn/model:production")\nmodel_dir = artifact.download()\n',
        'src/train.py': 'from sklearn.linear_model import LogisticRegression\n\nmodel = LogisticRegression().fit(X, y)\n',
      },
      status: 'fail',
      evidence: 'src/serve.py:3',
    },
    pretrainedModelServiceCase,
    {
      // Wikimedia's MinT serves NLLB and OPUS-MT models, converted elsewhere, through CTranslate2.
      name: 'a translation service running converted models with CTranslate2 trains no model',
      files: { 'translator/models/base.py': 'from ctranslate2 import Translator\n\n\ndef load(path):\n    return Translator(path, device="cpu")\n' },
      status: 'not_applicable',
      evidence: 'translator/models/base.py:1',
    },
    {
      // Mixed precision writes the loop as scaler.scale(loss).backward() and scaler.step(optimizer).
      name: 'a training script with a mixed-precision loop, beside an inference module that loads weights',
      files: {
        ...pretrainedModelService,
        'train.py': 'import torch\n\nfor images, targets in loader:\n    loss = criterion(model(images), targets)\n    scaler.scale(loss).backward()\n    scaler.step(opt)\n',
      },
      status: 'fail',
    },
    {
      name: 'an assistant behind NeMo Guardrails, which trains no model',
      files: { 'app/main.py': 'from nemoguardrails import RailsConfig, LLMRails\n\nrails = LLMRails(RailsConfig.from_path("config"))\n\n\nasync def answer(messages):\n    return await rails.generate_async(messages=messages)\n' },
      status: 'not_applicable',
      evidence: 'nemoguardrails',
    },
    {
      // Online learning: each run loads the last model and updates it with the newest data.
      name: 'a model updated online with partial_fit, beside a module that loads it',
      files: {
        ...pretrainedModelService,
        'app/workflow.py': 'import joblib\n\ndef update_model(model_file, features, targets):\n    model = joblib.load(model_file)\n    model.partial_fit(features, targets)\n    return model\n',
      },
      status: 'fail',
    },
    {
      name: 'a River model that learns one record at a time',
      files: { ...pretrainedModelService, 'stream/learner.py': 'from river import linear_model\n\nmodel = linear_model.LogisticRegression()\nfor x, y in stream:\n    model.learn_one(x, y)\n' },
      status: 'fail',
    },
    {
      name: 'a training script the scan cannot read into, beside an inference module that loads weights',
      files: { ...pretrainedModelService, 'scripts/train.py': 'from detector import run\n\nrun(epochs=300)\n' },
      status: 'fail',
    },
    {
      name: 'a pretrained model fine-tuned here is a model of its own',
      files: { ...pretrainedModelService, 'train/finetune.py': 'from transformers import AutoModelForSequenceClassification, Trainer\n\nmodel = AutoModelForSequenceClassification.from_pretrained("bert-base-uncased")\nTrainer(model=model, train_dataset=train).train()\n' },
      status: 'fail',
    },
    {
      name: 'tracking calls shown in a docstring and a message are not tracking',
      files: { 'src/train.py': 'def train(df):\n    """Call mlflow.log_metric("auc", auc) to record the run."""\n    print("tip: wandb.init(project=\'x\') tracks runs")\n    return fit(df)\n' },
      status: 'fail',
    },
    {
      name: "Comet's Experiment imported by name",
      files: { 'src/flow.py': 'import os\nfrom comet_ml import Experiment\n\nexperiment = Experiment(\n    api_key=os.getenv("COMET_API_KEY"),\n    project_name="recs",\n)\nexperiment.log_parameters(hypers)\n' },
      status: 'pass',
      evidence: 'src/flow.py:4',
    },
    {
      // Azure ML's Experiment names a workspace; runs submitted to it log nothing by themselves.
      name: "Azure ML's Experiment is not Comet's",
      files: { 'src/submit.py': 'from azureml.core import Experiment\n\nexperiment = Experiment(workspace=ws, name="churn")\n' },
      status: 'fail',
    },
    { name: 'a tracking call over several lines', files: { 'src/train.py': 'import mlflow\n\nmlflow.log_metrics(\n    {"auc": auc},\n    step=epoch,\n)\n' }, status: 'pass', evidence: 'src/train.py:3' },
    {
      name: 'kedro-mlflow datasets in the data catalog',
      files: { 'conf/base/catalog.yml': 'model:\n  type: pickle.PickleDataSet\n  filepath: data/06_models/model.pkl\n\ntrain_auc:\n  type: kedro_mlflow.io.metrics.MlflowMetricHistoryDataSet\n' },
      status: 'pass',
      evidence: 'conf/base/catalog.yml:6',
    },
    { name: 'a Lightning logger class in a Hydra config', files: { 'configs/logger/wandb.yaml': 'wandb:\n  _target_: lightning.pytorch.loggers.wandb.WandbLogger\n  project: churn\n' }, status: 'pass', evidence: 'configs/logger/wandb.yaml:2' },
    { name: 'report_to a tracker in a training config', files: { 'configs/sft/config.yaml': 'learning_rate: 2.0e-05\nreport_to: [wandb]\n' }, status: 'pass', evidence: 'configs/sft/config.yaml:2' },
    {
      name: 'report_to a list of trackers, one declared',
      files: { 'configs/sft/config.yaml': 'learning_rate: 2.0e-05\nreport_to:\n- tensorboard\n- wandb\n', 'requirements.txt': requirements('trl==0.12.0', 'wandb==0.18.0') },
      status: 'partial',
      evidence: 'configs/sft/config.yaml:2',
    },
    { name: 'report_to none', files: { 'configs/sft/config.yaml': 'report_to: none\n', 'requirements.txt': requirements('wandb==0.18.0') }, status: 'fail' },
    { name: 'report_to a list, no tracker installed', files: { 'configs/sft/config.yaml': 'report_to:\n- tensorboard\n', 'requirements.txt': requirements('trl==0.12.0') }, status: 'fail' },
    {
      name: 'a SageMaker step run with experiment_config over several lines',
      files: { 'pipelines/run.py': 'execution = pipeline.start(\n    parameters={"ModelApprovalStatus": "Approved"},\n    experiment_config={"ExperimentName": name, "TrialName": trial},\n)\n' },
      status: 'pass',
      evidence: 'pipelines/run.py:3',
    },
    { name: 'a parameter named experiment_config is not tracking', files: { 'flows/config.py': 'experiment_config = Parameter(\n    "config", default="base.yaml"\n)\n' }, status: 'fail' },
    { name: 'a commented-out call is not tracking', files: { 'src/train.py': '# mlflow.log_param("a", 1)\nprint("train")\n' }, status: 'fail' },
    {
      name: 'Ray Train logs through its MLflow callback',
      files: { 'src/train.py': 'from ray.air.integrations.mlflow import MLflowLoggerCallback\n\nrun_config = RunConfig(callbacks=[MLflowLoggerCallback(tracking_uri=uri, experiment_name="llm", save_artifact=True)])\n' },
      status: 'pass',
      evidence: 'src/train.py:3',
    },
    {
      name: 'a Ray Train worker starts its W&B run with setup_wandb',
      files: { 'src/train.py': 'from ray.air.integrations.wandb import setup_wandb\n\ndef train_loop(config):\n    wb = setup_wandb(project="distill", trial_name=config["name"])\n    wb.log({"loss": loss})\n' },
      status: 'pass',
      firstEvidence: 'src/train.py:4',
    },
    { name: 'a function named setup_mlflow, never called, is not tracking', files: { 'src/tracking.py': 'def setup_mlflow(uri):\n    return uri\n' }, status: 'fail' },
    { name: 'Hugging Face Trainer reports to W&B', files: { 'src/finetune.py': 'args = TrainingArguments(output_dir="out", report_to="wandb", num_train_epochs=3)\n' }, status: 'pass' },
    { name: 'Azure ML run logging', files: { 'src/train.py': 'from azureml.core import Run\nrun = Run.get_context()\nrun.log("mse", mse)\n' }, status: 'pass', evidence: 'src/train.py:2' },
    llmAssistantCase,
  ],
  'mlops.model-registry': [
    // A registry of the team's own: model versions with stages in its database (anik081's SQL Server, mayur0522's PostgreSQL).
    {
      name: 'a model registry table created in SQL',
      files: { 'database/phase_01_schema.sql': 'IF OBJECT_ID(\'dbo.aml_model_registry\') IS NULL\nBEGIN\n    CREATE TABLE dbo.aml_model_registry (\n        model_id INT IDENTITY PRIMARY KEY,\n        model_version VARCHAR(100) NOT NULL,\n        status VARCHAR(30) NOT NULL\n    );\nEND\n', 'src/train.py': 'model = RandomForestClassifier().fit(X, y)\n' },
      status: 'pass',
      firstEvidence: 'database/phase_01_schema.sql:3',
    },
    {
      name: 'a table of ML models with a promotion column',
      files: {
        'backend/app/models/ml_model.py': 'from sqlalchemy import Column, DateTime, String\n\n\nclass MLModel(Base):\n    __tablename__ = "ml_models"\n    version = Column(String(50), nullable=False)\n    status = Column(String(50), default="TRAINED")\n    promoted_at = Column(DateTime, nullable=True)\n',
        'src/train.py': 'model = RandomForestClassifier().fit(X, y)\n',
      },
      status: 'pass',
      firstEvidence: 'backend/app/models/ml_model.py:5 __tablename__ = "ml_models"',
    },
    // A shop's catalogue of car models, or models without a stage, registers nothing.
    {
      name: 'a table of models without a promotion column',
      files: { 'app/db.py': 'class TrainedModel(Base):\n    __tablename__ = "trained_models"\n    path = Column(String(200))\n', 'src/train.py': 'model = RandomForestClassifier().fit(X, y)\n' },
      status: 'fail',
    },
    releasedLibraryCase,
    {
      name: 'a W&B artifact linked into a registry collection with a production alias',
      files: { 'src/ct/promote_model.py': 'import wandb\n\n\ndef promote(artifact_path: str, target_path: str) -> None:\n    with wandb.init(job_type="promote") as run:\n        artifact = run.use_artifact(artifact_path)\n        run.link_artifact(artifact, target_path=target_path, aliases=["production"])\n' },
      status: 'pass',
      firstEvidence: 'src/ct/promote_model.py:7',
    },
    {
      name: "an R package submitted to CRAN versions its users' models",
      files: {
        'DESCRIPTION': 'Package: pinmodels\nTitle: Version Models\nImports: pins, vetiver\n',
        'cran-comments.md': '## R CMD check results\n\n0 errors | 0 warnings | 0 notes\n',
        'R/pin.R': 'pin_model <- function(board, v) {\n  vetiver_pin_write(board, v)\n}\n',
      },
      status: 'not_applicable',
      firstEvidence: 'cran-comments.md',
    },
    {
      name: 'a released package that runs a training pipeline of its own operates its models',
      files: { ...releasedLibrary, 'pipelines/retrain.py': 'from prefect import flow\n\n\n@flow\ndef retrain():\n    Forecaster().fit(load_series())\n' },
      status: 'pass',
      firstEvidence: 'forecastkit/serve.py:12',
    },
    {
      name: 'a released package with a training script of its own registers its models',
      files: { ...releasedLibrary, 'scripts/train.py': 'from forecastkit.models import Forecaster\n\nForecaster().fit(series)\n' },
      status: 'pass',
      firstEvidence: 'forecastkit/serve.py:12',
    },
    { name: 'a ClearML OutputModel published from training', files: { 'train.py': 'from clearml import OutputModel, Task\n\ntask = Task.init(project_name="brainscan", task_name="train")\nmodel.train(data="data.yaml", epochs=50)\noutput_model = OutputModel(task=task)\noutput_model.update_weights("runs/best.pt")\noutput_model.publish()\n' }, status: 'pass', firstEvidence: 'train.py:5 output_model = OutputModel(task=task)' },
    {
      // LiteLLM's register_model records an LLM's price and features, not a version of a model.
      name: "LiteLLM's model cost map",
      files: { 'src/llm/config.py': 'import litellm\n\nlitellm.register_model(model_cost={"ollama_chat/llama3": {"supports_function_calling": True}})\n', 'src/train.py': 'model.fit(X, y)\n' },
      status: 'fail',
    },
    { name: 'a registry client built inline', files: { 'src/register.py': 'MlflowClient().register_model(name="churn", source=uri)\n' }, status: 'pass', evidence: 'src/register.py:1' },
    {
      // boto3 names the group in every call; the deploy script reads the latest approved package.
      name: 'the SageMaker registration leads, not the deploy script that reads the registry or the parameter naming the group',
      files: {
        'build_deployment_configs.py': 'import boto3\n\nsm_client = boto3.client("sagemaker")\nresponse = sm_client.list_model_packages(\n    ModelPackageGroupName=model_package_group_name,\n    ModelApprovalStatus="Approved",\n)\n',
        'pipelines/pipeline.py':
          'from sagemaker.model import Model\n\n\ndef get_pipeline(\n    region,\n    model_package_group_name="AbalonePackageGroup",\n):\n    group = model_package_group_name\n    step_args = model.register(\n        content_types=["text/csv"],\n        model_package_group_name=group,\n    )\n    return step_args\n',
        'pipelines/train.py': 'model.fit(X, y)\n',
      },
      status: 'pass',
      firstEvidence: 'pipelines/pipeline.py:11 step_args = model.register(',
    },
    {
      name: 'a model package created with boto3',
      files: { 'src/register.py': 'import boto3\n\nsm = boto3.client("sagemaker")\nsm.create_model_package(\n    ModelPackageGroupName="churn",\n    InferenceSpecification=spec,\n)\n', 'src/train.py': 'model.fit(X, y)\n' },
      status: 'pass',
      evidence: 'src/register.py:4',
    },
    {
      // tensor2tensor's decorator adds the class to its table of architectures; no trained model is versioned anywhere.
      name: 'a model architecture registered by decorator',
      files: {
        'src/t2t/similarity.py': 'from tensor2tensor.utils import registry\nfrom tensor2tensor.models import transformer\n\n\n@registry.register_model(MODEL_NAME)\nclass SimilarityTransformer(transformer.Transformer):\n    pass\n',
        'src/train.py': 'model.fit(X, y)\n',
      },
      status: 'fail',
    },
    { name: 'a registry client on a client object', files: { 'src/register.py': 'self.client.register_model(name="churn", source=uri)\n' }, status: 'pass', evidence: 'src/register.py:1' },
    {
      name: 'Azure ML Model imported under another name',
      files: { 'src/register/register_model.py': 'from azureml.core import Model as AMLModel\n\nmodel = AMLModel.register(workspace=ws, model_path=path, model_name=name, tags=tags)\n' },
      status: 'pass',
      evidence: 'src/register/register_model.py:3',
    },
    { name: 'model declared as a DVC artifact', files: { 'dvc.yaml': 'artifacts:\n  text-classification:\n    path: model.pkl\n    type: model\nstages:\n  train:\n    cmd: python src/train.py\n' }, status: 'pass', evidence: 'dvc.yaml:4' },
    {
      name: 'an LLM application pulls its prompts by tag from a prompt registry',
      files: { ...llmAssistant, 'src/assistant/prompts.py': 'from langsmith import Client\n\nSYSTEM_PROMPT = Client().pull_prompt("acme/docs-assistant:prod")\n' },
      status: 'pass',
      evidence: 'src/assistant/prompts.py:3',
    },
    { name: 'a dataset declared in dvc.yaml is no model registry', files: { 'dvc.yaml': 'artifacts:\n  raw-data:\n    path: data/data.xml\n    type: dataset\n' }, status: 'fail' },
    { name: 'registered from the training module', files: { 'src/train.py': trainModule }, status: 'pass', evidence: 'registered_model_name' },
    {
      name: "a ZenML pipeline versions its model in the Model Control Plane",
      files: { 'pipeline/training_pipeline.py': 'from zenml import Model, pipeline\n\n\n@pipeline(\n    enable_cache=True,\n    model=Model(\n        name=config.model.name,\n        tags=config.model.tags,\n    ),\n)\ndef training_pipeline():\n    train_model(load_data())\n', 'steps/train.py': 'model.fit(X, y)\n' },
      status: 'pass',
      evidence: 'pipeline/training_pipeline.py:6',
    },
    {
      name: "a Keras functional model is no registry",
      files: { 'src/train.py': 'from tensorflow.keras import Model\n\nmodel = Model(inputs=inputs, outputs=outputs, name="encoder")\nmodel.fit(X, y)\n' },
      status: 'fail',
    },
    { name: 'registered by hand in a notebook', files: { 'deploy.ipynb': notebook('mlflow.register_model("runs:/1/model", "churn")') }, status: 'partial' },
    {
      name: 'a Vertex AI training job uploads a new version of the parent model',
      files: { 'components/train.py': 'def train(parent_model: str = None):\n    uploaded = job.run(\n        parent_model=parent_model,\n        is_default_version=not parent_model,\n    )\n' },
      status: 'pass',
      evidence: 'components/train.py:3',
    },
    { name: 'a parameter named parent_model proves nothing', files: { 'components/train.py': 'def train(parent_model: str = None):\n    return parent_model\n' }, status: 'fail' },
    { name: 'a model package group declared with the CDK', files: { 'lib/registry.ts': "import { CfnModelPackageGroup } from 'aws-cdk-lib/aws-sagemaker';\n\nnew CfnModelPackageGroup(this, 'Registry', { modelPackageGroupName: 'churn' });\n" }, status: 'pass', evidence: 'AWS::SageMaker::ModelPackageGroup' },
    { name: 'register_model.py that registers nothing', files: { 'src/register_model.py': 'import joblib\njoblib.dump(model, "model.pkl")\n' }, status: 'fail' },
    {
      name: 'a method named register_model is defined, never called',
      files: { 'src/registry.py': 'class Store:\n    def register_model(self, name, path):\n        self.models[name] = path\n\n\nasync def register_model(name):\n    ...\n' },
      status: 'fail',
    },
    {
      // The project's own function logs a run to the tracker: its name says register, no registry is called.
      name: 'a call of the project\'s own register_model function is no registry call',
      files: {
        'src/register.py': 'import mlflow\n\ndef register_model(model_id, host):\n    with mlflow.start_run(run_name=model_id):\n        mlflow.log_artifacts("results")\n',
        'scripts/register.py': 'from src.register import register_model\n\nregister_model(args.model_id, args.host)\n',
      },
      status: 'fail',
    },
    {
      name: 'a fine-tuned model pushed to the Hugging Face Hub, by call or by training argument',
      files: {
        'train/finetune.py': 'args = TrainingArguments(output_dir="out", push_to_hub=True, hub_model_id="org/churn-bert")\nTrainer(model=model, args=args).train()\n',
        'train/upload.py': 'merged = model.merge_and_unload()\nmerged.push_to_hub("org/churn-bert", private=True)\n',
      },
      status: 'pass',
      evidence: 'train/finetune.py:1',
    },
    {
      name: 'a dataset pushed to the Hugging Face Hub is no model registry',
      files: { 'scripts/release.py': 'data = load_dataset("json", data_files="conv.json")\ndata.push_to_hub("org/conversations")\ntrain_ds.push_to_hub("org/train")\nDatasetDict(splits).push_to_hub("org/all")\nDataset.from_pandas(df).push_to_hub("org/table")\n' },
      status: 'fail',
    },
    {
      name: 'an R model pinned with versions by vetiver',
      files: { 'R/train.R': 'library(tidymodels)\nlibrary(vetiver)\n\nv <- vetiver_model(rf_fit, "housing_rf")\nvetiver_pin_write(board_s3("models"), v)\n' },
      status: 'pass',
      evidence: 'R/train.R:5',
    },
    { name: 'an R model pinned from an R Markdown document', files: { 'train.Rmd': '```{r}\nboard <- board_connect()\nvetiver_pin_write(board, v)\n```\n' }, status: 'partial', evidence: 'train.Rmd:3' },
    { name: 'a registry client registers the model', files: { 'src/promote.py': 'client = MlflowClient()\nmv = mlflow.register_model(f"runs:/{run_id}/model", "churn")\n' }, status: 'pass', evidence: 'src/promote.py:2' },
    { name: 'a registry call in a comment is not one', files: { 'src/train.py': '# mlflow.register_model(uri, "churn") once the registry is up\nmodel.save("model.pkl")\n' }, status: 'fail' },
    { name: 'Azure ML Model.register from a pipeline step', files: { 'src/register/register_model.py': 'model = Model.register(workspace=ws, model_path="outputs/model.pkl", model_name=name, tags=tags)\n' }, status: 'pass', evidence: 'Model.register' },
  ],
  'mlops.training-reproducible': [
    { name: "a split seeded through Hugging Face datasets' seed argument", files: { 'src/dataset.py': 'split = cleaned.train_test_split(test_size=0.1, seed=42)\n' }, status: 'partial', evidence: 'src/dataset.py:1' },
    { name: 'a seed only read from the command line is set nowhere', files: { 'src/train.py': 'parser.add_argument("--seed", type=int)\nmodel.fit(X, y)\n' }, status: 'fail' },
    {
      name: 'seeds, params.yaml and a lock file',
      files: { 'src/train.py': 'import numpy as np\nnp.random.seed(0)\n', 'params.yaml': 'lr: 0.1\n', 'uv.lock': 'version = 1\n[[package]]\nname = "numpy"\n', 'pyproject.toml': '[project]\nname = "x"\ndependencies = ["numpy"]\n' },
      status: 'pass',
    },
    { name: 'seeds only', files: { 'src/train.py': 'import torch\ntorch.manual_seed(1)\n' }, status: 'partial', evidence: 'torch.manual_seed' },
    // Kedro's parameters, in the project's folder, in .yml; its OmegaConf comes with Kedro in a freeze, imported by no code.
    {
      name: "seeds, a Kedro project's conf/base parameters and a pinned freeze",
      files: {
        'claims/src/claims/pipelines/split/nodes.py': 'def split(df, config):\n    return train_test_split(df, test_size=0.2, random_state=config.seed)\n',
        'claims/conf/base/parameters.yml': 'seed: 42\n',
        'claims/requirements.txt': ['certifi==2024.2.2', 'charset-normalizer==3.3.2', 'idna==3.7', 'kedro==0.19.3', 'numpy==1.26.4', 'omegaconf==2.3.0', 'packaging==24.0', 'pandas==2.2.2', 'python-dateutil==2.9.0', 'pytz==2024.1', 'requests==2.31.0', 'scikit-learn==1.4.2', 'six==1.16.0', 'urllib3==2.2.1', 'zipp==3.20.2'].join('\n') + '\n',
      },
      status: 'pass',
    },
    { name: 'a .yml in another folder named conf is not training configuration', files: { 'src/train.py': 'import torch\ntorch.manual_seed(1)\n', 'deploy/conf/nginx.yml': 'server: {}\n', 'uv.lock': 'version = 1\n', 'pyproject.toml': '[project]\nname = "x"\ndependencies = ["torch"]\n' }, status: 'partial' },
    {
      name: 'random_state as a typed default parameter',
      files: { 'src/split.py': 'from sklearn.model_selection import train_test_split\n\n\ndef split(df, test_size: float = 0.2, random_state: int = 42):\n    return train_test_split(df, test_size=test_size, random_state=random_state)\n' },
      status: 'partial',
      evidence: 'src/split.py:4',
    },
    { name: 'a seed passed on from the configuration', files: { 'src/train.py': 'cfg = load_config()\nmodel = RandomForestClassifier(\n    n_estimators=200,\n    random_state=cfg.seed,\n)\n' }, status: 'partial', evidence: 'src/train.py:4' },
    { name: 'a seed constant given by keyword', files: { 'src/split.py': 'train, test = train_test_split(df, test_size=0.2, seed=RANDOM_SEED)\n' }, status: 'partial', evidence: 'src/split.py:1' },
    { name: 'a seed in a parameter dictionary', files: { 'src/model_factory.py': 'params = {"n_estimators": 500, "random_state": 42}\n' }, status: 'partial', evidence: 'src/model_factory.py:1' },
    { name: 'a seed filled in as a parameter default', files: { 'src/model_factory.py': 'def build(params, seed):\n    params.setdefault("random_state", seed)\n    return XGBRegressor(**params)\n' }, status: 'partial', evidence: 'src/model_factory.py:2' },
    { name: 'random_state=None and a seed only read fix nothing', files: { 'src/train.py': 'seed = args.seed\nmodel = RandomForestClassifier(random_state=None)\n' }, status: 'fail' },
    { name: 'nothing fixed', files: { 'src/train.py': 'model.fit(X, y)\n' }, status: 'fail' },
    llmAssistantCase,
  ],
  'mlops.training-pipeline': [
    { name: 'a ClearML pipeline of decorated components', files: { 'pipeline.py': 'from clearml.automation.controller import PipelineDecorator\n\n\n@PipelineDecorator.component(return_values=["dataset_id"], cache=True)\ndef prepare(raw_id):\n    return raw_id\n\n\n@PipelineDecorator.pipeline(name="brainscan", project="brainscan", version="1.0")\ndef run(raw_id):\n    prepare(raw_id)\n' }, status: 'pass', firstEvidence: 'pipeline.py:4 @PipelineDecorator.component(' },
    { name: 'a ClearML PipelineController', files: { 'pipeline.py': 'from clearml import PipelineController\n\npipe = PipelineController(name="churn", project="churn", version="1.0")\npipe.add_step(name="train", base_task_project="churn", base_task_name="train")\npipe.start()\n' }, status: 'pass', evidence: 'pipeline.py:3' },
    {
      name: 'an MLflow Recipe runs ingest to register',
      files: {
        'recipe.yaml': 'recipe: "regression/v1"\ntarget_col: "fare_amount"\nprimary_metric: "root_mean_squared_error"\nsteps:\n  ingest: {{INGEST_CONFIG}}\n  train:\n    using: "custom"\n    estimator_method: estimator_fn\n',
        'steps/train.py': 'def estimator_fn():\n    from sklearn.linear_model import SGDRegressor\n    return SGDRegressor(random_state=42)\n',
      },
      status: 'pass',
      firstEvidence: 'recipe.yaml:1',
    },
    // A project template's placeholders (cookiecutter-data-science leaves `train_model.py` empty) train nothing.
    {
      name: "a template's empty training script",
      files: { 'src/models/train_model.py': '', 'src/models/model.py': 'from sklearn.linear_model import LogisticRegression\n\nmodel = LogisticRegression().fit(X, y)\n' },
      status: 'fail',
      evidence: 'not counted: src/models/train_model.py is empty',
    },
    { name: 'a Helm chart template path is no recipe', files: { 'deploy/values.yaml': 'image: churn\ntemplate: charts/classification/v1\n', 'src/train.py': 'model.fit(X, y)\n' }, status: 'partial' },
    { name: 'a Databricks asset bundle job whose tasks depend on one another', files: { 'src/train.py': databricksTrain, 'resources/model-workflow.yml': databricksTrainingJob('') }, status: 'pass', evidence: 'resources/model-workflow.yml:6' },
    // One task is a scheduled script; docker-compose services also declare `depends_on:`.
    { name: 'a single-task Databricks job and a docker-compose file', files: { 'src/train.py': databricksTrain, 'resources/train-job.yml': 'resources:\n  jobs:\n    train:\n      tasks:\n        - task_key: train\n          spark_python_task:\n            python_file: ../src/train.py\n', 'docker-compose.yml': 'services:\n  api:\n    build: .\n    depends_on:\n      - db\n  db:\n    image: postgres:16\n' }, status: 'partial' },
    { name: 'a TFX pipeline run on Vertex AI Pipelines', files: { 'src/tfx_pipelines/training_pipeline.py': 'from tfx.orchestration import pipeline, data_types\n\ndef create_pipeline(root, components):\n    return pipeline.Pipeline(pipeline_name="churn-train", pipeline_root=root, components=components)\n' }, status: 'pass', evidence: 'src/tfx_pipelines/training_pipeline.py:1' },
    { name: 'a Step Functions workflow of SageMaker jobs', files: { 'model/run_pipeline.py': 'from stepfunctions import steps\nfrom stepfunctions.workflow import Workflow\n\nworkflow = Workflow(model_name, steps.states.Chain([training_step, model_step]), role_arn)\n' }, status: 'pass', evidence: 'model/run_pipeline.py:2' },
    { name: 'an Azure ML pipeline of script steps', files: { 'ml_service/pipelines/build_train_pipeline.py': 'train_step = PythonScriptStep(name="Train Model", script_name="train_aml.py", compute_target=aml_compute)\npipeline = Pipeline(workspace=aml_workspace, steps=[train_step])\n' }, status: 'pass', evidence: 'PythonScriptStep' },
    { name: 'DVC pipeline', files: { 'dvc.yaml': 'stages:\n  train:\n    cmd: python train.py\n' }, status: 'pass' },
    {
      name: 'a model trained in a Dagster asset',
      files: {
        'src/defs/cv_assets.py': 'from dagster import AssetExecutionContext, asset\nfrom xgboost import XGBRegressor\n\n\n@asset(tags={"layer": "research"}, deps=["features"])\ndef trained_cv_model(context: AssetExecutionContext) -> None:\n    XGBRegressor().fit(X, y)\n',
      },
      status: 'pass',
      firstEvidence: 'src/defs/cv_assets.py:5 @asset(',
    },
    // Both modules train (the serving asset refits a calibrator); the one grouped for training leads.
    {
      name: 'the Dagster assets grouped for training lead, before a serving asset that also fits',
      files: {
        'src/assets/serving.py': 'from dagster import asset\n\n\n@asset\ndef serving_bundle(model):\n    return CalibratedClassifierCV(model).fit(X_cal, y_cal)\n',
        'src/assets/training.py': 'from dagster import asset\n\n\n@asset(group_name="model_training")\ndef fitted_model(model_input):\n    return LGBMClassifier().fit(model_input.X, model_input.y)\n',
      },
      status: 'pass',
      firstEvidence: 'src/assets/training.py:4 @asset(group_name="model_training")',
    },
    // The asset only scores with a model trained by hand elsewhere: its module trains nothing.
    {
      name: 'a Dagster asset that only scores, beside a training script',
      files: {
        'defs/science.py': 'from dagster import asset\n\n\n@asset(key=["dwh_science", "win_probability_predictions"])\ndef win_probability_predictions(_):\n    return predict_and_write_to_snowflake()\n',
        'models/win_probability.py': 'from xgboost import XGBClassifier\n\n\ndef train_and_save(X, y):\n    XGBClassifier().fit(X, y).save_model("model.json")\n',
      },
      status: 'fail',
    },
    {
      name: 'a Metaflow flow with several base classes',
      files: { 'flows/train_flow.py': 'from metaflow import FlowSpec, step\n\nclass TrainFlow(FlowSpec, ConfigBase):\n    @step\n    def start(self):\n        self.next(self.end)\n' },
      status: 'pass',
      evidence: 'flows/train_flow.py:3',
    },
    {
      name: 'a training flow beside a prediction flow that comes first by path',
      files: {
        'flows/predict.py': 'from metaflow import FlowSpec, step\n\nclass PredictFlow(FlowSpec):\n    @step\n    def start(self):\n        self.preds = self.model.predict(self.X)\n        self.next(self.end)\n',
        'flows/train_models.py': 'from metaflow import FlowSpec, step\n\nclass TrainFlow(FlowSpec):\n    @step\n    def train_model(self):\n        self.model = build_model().fit(self.X, self.y)\n        self.next(self.end)\n',
      },
      status: 'pass',
      firstEvidence: 'flows/train_models.py:3 class TrainFlow(FlowSpec):',
    },
    {
      name: 'an Argo WorkflowTemplate of training steps',
      files: { 'pipelines/training/workflow.yaml': 'apiVersion: argoproj.io/v1alpha1\nkind: WorkflowTemplate\nmetadata:\n  name: train\nspec:\n  entrypoint: main\n  templates:\n    - name: main\n      dag:\n        tasks:\n          - name: train\n            template: train\n' },
      status: 'pass',
      evidence: 'WorkflowTemplate',
    },
    {
      name: 'an Azure ML pipeline job in YAML',
      files: { 'pipelines/pipeline.yml': '$schema: https://azuremlschemas.azureedge.net/latest/pipelineJob.schema.json\ntype: pipeline\njobs:\n  train:\n    type: command\n' },
      status: 'pass',
      evidence: 'pipelines/pipeline.yml:1',
    },
    {
      name: 'an Azure ML pipeline job whose schema URL is quoted',
      files: { 'pipelines/pipeline.yml': '"$schema": "https://azuremlschemas.azureedge.net/latest/pipelineJob.schema.json"\ntype: pipeline\n' },
      status: 'pass',
      evidence: 'pipelines/pipeline.yml:1',
    },
    {
      name: 'a Mage pipeline of blocks',
      files: { 'mlops/pipelines/training_workflow/metadata.yaml': mageTrainingPipeline, 'mlops/transformers/train.py': 'model.fit(X, y)\n' },
      status: 'pass',
      evidence: 'mlops/pipelines/training_workflow/metadata.yaml:3 type: data_loader',
    },
    // The batch inference pipeline comes first by path; the one whose blocks train leads.
    {
      name: "a Mage project's training pipeline leads, before its inference pipeline",
      files: {
        'mlops/pipelines/batch_inference/metadata.yaml': 'blocks:\n- name: load_batch_data\n  type: data_loader\n- name: batch_inference\n  type: transformer\ntype: python\nuuid: batch_inference\n',
        'mlops/pipelines/training_workflow/metadata.yaml': mageTrainingPipeline,
        'mlops/transformers/train.py': 'model.fit(X, y)\n',
      },
      status: 'pass',
      firstEvidence: 'mlops/pipelines/training_workflow/metadata.yaml:3 type: data_loader',
    },
    {
      name: 'a Prefect training task named with a capital leads, before the data flow',
      files: {
        'src/data_preprocess.py': 'from prefect import flow\n\n\n@flow(name="Data-preprocess-feature-engg")\ndef preprocess():\n    pass\n',
        'src/model_train.py': 'from prefect import flow, task\n\n\n@task(name="Model Training")\ndef fit_model(X, y):\n    return lgb.train(params, lgb.Dataset(X, y))\n\n\n@flow(name="Sales-Model-Training")\ndef main():\n    fit_model(X, y)\n',
      },
      status: 'pass',
      firstEvidence: 'src/model_train.py:9 @flow(name="Sales-Model-Training")',
    },
    {
      // A model config's `type: transformer` names an architecture, not a pipeline block.
      name: 'a model config with a transformer type is no pipeline',
      files: { 'configs/model/metadata.yaml': 'model:\n  type: transformer\n  layers: 12\n', 'train.py': 'model.fit(X, y)\n' },
      status: 'partial',
    },
    { name: 'an MLproject file: entry points, not a pipeline', files: { MLproject: 'name: bikes\nentry_points:\n  main:\n    command: "python -m bikes train"\n' }, status: 'partial', evidence: 'MLproject' },
    { name: 'Kubeflow pipeline', files: { 'pipelines/train.py': 'from kfp import dsl\n\n@dsl.pipeline(name="train")\ndef pipeline():\n    pass\n' }, status: 'pass', evidence: 'pipelines/train.py:3' },
    { name: 'a training script', files: { 'src/train_model.py': 'print("training")\n' }, status: 'partial' },
    { name: 'training only in a notebook', files: { 'Model.ipynb': notebook('model.fit(X, y)') }, status: 'fail' },
    {
      name: 'an LLM application that fine-tunes its own model is judged like any training project',
      files: { ...llmAssistant, 'src/assistant/train_adapter.py': 'trainer = SFTTrainer(model=base_model, train_dataset=dataset, args=config)\ntrainer.train()\n' },
      status: 'partial',
      evidence: 'train_adapter.py',
    },
    llmAssistantCase,
    {
      name: "an assistant that reaches its LLM through LlamaIndex's LLM classes trains no model either",
      files: { 'app/engine.py': 'from llama_index.core.llms import LLM, ChatMessage\n\ndef answer(llm: LLM, question: str) -> str:\n    return llm.chat([ChatMessage(role="user", content=question)]).message.content\n' },
      status: 'not_applicable',
      evidence: 'imports llama_index.core.llms',
    },
    {
      name: "a LangChain assistant on Azure OpenAI (AzureChatOpenAI) trains no model",
      files: { 'api/chains/answer.py': 'from langchain.chat_models import AzureChatOpenAI\n\nllm = AzureChatOpenAI(deployment_name="gpt-35-turbo", temperature=0)\n' },
      status: 'not_applicable',
      evidence: 'AzureChatOpenAI(',
    },
  ],
  'mlops.model-unit-tests': [
    {
      name: 'loss test run by CI',
      files: { '.github/workflows/ci.yml': ciOnPush, 'tests/test_model.py': 'def test_loss_decreases():\n    assert after < before\n    assert loss < 1.0\n' },
      status: 'pass',
    },
    { name: 'NaN test that CI does not run', files: { 'tests/test_model.py': 'import numpy as np\ndef test_outputs():\n    assert not np.isnan(out).any()\n' }, status: 'partial' },
    {
      // mlops.automated-tests says these tests do not run on every change: this rule must not say they run in CI.
      name: 'loss test run by CI only by hand',
      files: { '.github/workflows/ci.yml': workflow({ on: 'workflow_dispatch', steps: ['run: pytest'] }), 'tests/test_model.py': 'def test_loss_decreases():\n    assert after < before\n' },
      status: 'partial',
    },
    { name: 'tests that never look at the model', files: { 'tests/test_io.py': 'def test_read():\n    assert read("x") == "x"\n' }, status: 'fail' },
    {
      name: '"nan" inside a word of a test name is no NaN test',
      files: { '.github/workflows/ci.yml': ciOnPush, 'tests/unit/test_trace.py': 'def test_trace_metadata_includes_provenance_and_version(monkeypatch):\n    assert metadata["prompt_commit"] == "abc123"\n' },
      status: 'fail',
    },
    { name: 'a NaN test named for it', files: { 'tests/test_model.py': 'def test_no_nan_in_predictions(model, batch):\n    check(model(batch))\n' }, status: 'partial', evidence: 'test_no_nan_in_predictions' },
    // The loss functions a tool offers are a list to test, not the model's loss.
    { name: 'a test listing the loss functions a tool offers', files: { '.github/workflows/ci.yml': ciOnPush, 'tests/test_commands.py': 'def test_start_list_hyperopt_loss_functions(capsys):\n    assert "SharpeHyperOptLoss" in capsys.readouterr().out\n' }, status: 'fail' },
    llmAssistantCase,
    { name: 'a service on a model trained elsewhere still has outputs to test', files: pretrainedModelService, status: 'fail' },
  ],
  'mlops.model-validation-gate': [
    releasedLibraryCase,
    // An evaluation suite someone runs by hand holds answers to a bar, but blocks no release.
    {
      name: 'a promptfoo suite that no CI step runs',
      files: { 'evals/promptfooconfig.yaml': '# Run with: promptfoo eval\ndescription: "Translation evals"\nprompts:\n  - file://prompt.txt\nproviders:\n  - openai:gpt-4o-mini\ntests:\n  - vars:\n      text: Hola\n    assert:\n      - type: contains\n        value: Hello\n', 'src/translate.py': 'from openai import OpenAI\n\nclient = OpenAI()\n' },
      status: 'partial',
      firstEvidence: 'evals/promptfooconfig.yaml:7 tests:',
    },
    {
      name: 'a deepeval test of the answers',
      files: { 'tests/test_answers.py': 'from deepeval import assert_test\nfrom deepeval.metrics import AnswerRelevancyMetric\n\n\ndef test_answer():\n    assert_test(case, [AnswerRelevancyMetric(threshold=0.7)])\n' },
      status: 'partial',
      evidence: 'tests/test_answers.py:1',
    },
    { name: 'a promptfoo configuration without tests evaluates nothing', files: { 'promptfooconfig.yaml': 'prompts:\n  - file://prompt.txt\nproviders:\n  - openai:gpt-4o-mini\n' }, status: 'fail' },
    {
      name: 'a promotion policy taking the candidate and the champion, its comparison over several lines',
      files: {
        'src/training/promotion_policy.py':
          'def evaluate_promotion_policy(\n    *,\n    candidate_metrics: dict[str, float],\n    champion_metrics: dict[str, float],\n    config: dict,\n) -> PromotionDecision:\n    change = relative_change(\n        candidate=candidate_metrics["rmse"],\n        champion=champion_metrics["rmse"],\n    )\n    passed = (\n        change\n        <= -config["minimum_improvement"]\n    )\n    return PromotionDecision(accepted=passed)\n',
      },
      status: 'pass',
      evidence: 'src/training/promotion_policy.py:1',
    },
    { name: 'a challenger held against the champion by a should_promote function', files: { 'src/promote.py': 'def should_promote(champion_metrics: dict, challenger_metrics: dict) -> bool:\n    return challenger_metrics["rmse"] < champion_metrics["rmse"] * 0.98\n' }, status: 'pass', evidence: 'src/promote.py:1' },
    { name: 'a cache entry promoted after two hits is no model gate', files: { 'src/cache.py': 'class Entry:\n    def should_promote(self, current_tier: int) -> bool:\n        return self.access_count >= 2\n' }, status: 'fail' },
    { name: 'a comparison of a new run with nothing else decides nothing', files: { 'src/evaluate.py': 'def compare_models(new_run_id: str, val_path: str | None = None):\n    return evaluate(new_run_id, val_path)\n' }, status: 'fail' },
    {
      name: 'an Airflow branch that merges the fine-tuned model only above BLEU and BERTScore minimums',
      files: {
        'dags/continuous_finetune.py':
          'def quality_gate(**context):\n    bleu_min = float(Variable.get("BLEU_MIN", default_var=DEF_BLEU_MIN))\n    bleu_ok = bleu.get("bleu", 0) >= bleu_min\n    bert_ok = bert.get("f1", 0) >= berts_min\n    return "merge_lora" if (bleu_ok and bert_ok) else "stop_pipeline"\n',
      },
      status: 'pass',
      evidence: 'dags/continuous_finetune.py:3',
    },
    { name: 'an evaluation step that exits below an accuracy threshold', files: { 'src/pipeline/evaluate.py': 'passed = metrics["accuracy"] >= ACCURACY_THRESHOLD\nif not passed:\n    sys.exit(1)\n' }, status: 'pass', evidence: 'src/pipeline/evaluate.py:1' },
    { name: "an API test counting the loss functions it lists", files: { 'tests/test_api.py': 'def test_api_lists_losses(client):\n    response = client.get("/losses").json()\n    assert len(response["loss_functions"]) > 0\n' }, status: 'fail' },
    { name: 'a flow that only alerts when the RMSE passes a threshold', files: { 'flows/main_flow.py': 'if reported_rmse and reported_rmse > RMSE_THRESHOLD:\n    notify_telegram.submit("High RMSE")\n' }, status: 'fail' },
    {
      // A best-so-far in a training loop, and a decision threshold at inference, gate nothing.
      name: 'a training loop keeping its best loss, and a classifier thresholding probabilities',
      files: { 'src/train.py': 'for epoch in range(10):\n    if val_loss < min_val_loss:\n        min_val_loss = val_loss\n    if val_acc > max_acc:\n        max_acc = val_acc\n', 'src/predict.py': 'def predict(x):\n    if prob > self.threshold:\n        return 1\n' },
      status: 'fail',
    },
    {
      name: 'evaluation step that compares the candidate with the production model',
      files: { 'src/evaluate/evaluate_model.py': 'if new_model_mse < production_model_mse:\n    print("New trained model performs better, registering it")\nelse:\n    run.parent.cancel()\n' },
      status: 'pass',
      evidence: 'src/evaluate/evaluate_model.py:1',
    },
    { name: 'evaluation script run by CI', files: { '.github/workflows/eval.yml': workflow({ on: 'pull_request', job: 'eval', steps: ['run: python src/evaluate.py --candidate models/candidate.pkl --fail-below 0.82'] }) }, status: 'pass', evidence: 'model-evaluation step' },
    {
      name: 'a CML report of metric and plot diffs on the pull request blocks nothing',
      files: { '.github/workflows/cml.yaml': workflow({ on: 'pull_request', job: 'report', steps: ['uses: iterative/setup-cml@v2', 'run: dvc plots diff main workspace --show-vega --targets ROC > vega.json', 'run: cml comment create --publish report.md'] }) },
      status: 'partial',
      evidence: 'model-report step: dvc plots diff',
    },
    { name: 'SageMaker ConditionStep', files: { 'pipeline/build.py': 'step = ConditionStep(name="CheckAUC", conditions=[cond], if_steps=[register])\n' }, status: 'pass' },
    { name: 'a metric assertion in tests only', files: { 'tests/test_quality.py': 'def test_quality():\n    assert accuracy >= 0.8\n' }, status: 'partial' },
    // Two computations of one value agree: nothing holds a model to a bar.
    { name: 'a language probability checked against the top score it came from', files: { 'tests/test_transcribe.py': 'def test_detect_language(model):\n    info = model.detect_language(audio)\n    assert abs(info.language_probability - top_lang_score) < 1e-16\n' }, status: 'fail' },
    { name: 'a loss compared with its known value within a tolerance', files: { 'tests/test_losses.py': 'def test_focal_loss():\n    foc_loss = focal(y_true, y_pred)\n    assert np.abs(foc_loss - 0.24845211) < epsilon\n' }, status: 'fail' },
    { name: 'a validation accuracy asserted in tests', files: { 'tests/test_quality.py': 'def test_quality():\n    assert val_acc_top1 > 0.8\n' }, status: 'partial', evidence: 'tests/test_quality.py:2' },
    {
      // A count of accounts is no accuracy: the metric's word must end the name or one of its parts.
      name: 'a connector test asserting on account ids',
      files: { 'tests/test_salesforce.py': 'def test_accounts():\n    assert len(account_ids) > 0, "No accounts"\n    assert accumulated_rows >= 1\n' },
      status: 'fail',
    },
    { name: 'no gate', files: { 'src/train.py': 'model.fit(X, y)\n' }, status: 'fail' },
  ],
  'mlops.continuous-delivery': [
    { name: 'helm upgrade in CI', files: { '.github/workflows/deploy.yml': workflow({ on: pushToMain, job: 'deploy', steps: ['run: helm upgrade --install churn ./chart'] }) }, status: 'pass', evidence: 'helm upgrade' },
    { name: 'Argo CD application', files: { 'deploy/app.yaml': 'apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata:\n  name: churn\n' }, status: 'pass' },
    {
      // KHUSHWANTsRathore11/azure-ml-sensor-predictions keeps its former release pipeline in archive/pipelines/.
      name: 'a release pipeline kept in an archive folder deploys nothing',
      files: {
        '.github/workflows/build.yml': workflow({ on: 'push', job: 'build', steps: ['run: docker build -t churn .'] }),
        'archive/pipelines/release-pipeline-old.yml': 'trigger:\n  - main\npool:\n  vmImage: ubuntu-latest\nsteps:\n  - script: kubectl apply -f k8s/\n',
      },
      status: 'partial',
      firstEvidence: 'docker-build step',
    },
    { name: 'image built but deployed by hand', files: { '.github/workflows/build.yml': workflow({ on: 'push', job: 'build', steps: ['run: docker build -t churn .'] }) }, status: 'partial' },
    {
      // The push is what puts an image within reach of a deployment; the build before it leads nothing.
      name: 'an image built in one step and pushed in a later one',
      files: { '.github/workflows/build.yml': workflow({ on: 'push', job: 'build', steps: ['run: docker build -t ghcr.io/acme/churn:latest .', 'run: docker push ghcr.io/acme/churn:latest'] }) },
      status: 'partial',
      firstEvidence: 'docker-push step: docker push ghcr.io/acme/churn:latest',
    },
    {
      // The Space builds and runs the pushed Dockerfile: the push is the deployment, whatever the remote is called.
      name: 'a Hugging Face Space deployed by pushing to a remote the workflow adds',
      files: {
        '.github/workflows/deploy.yml': workflow({
          on: pushToMain,
          job: 'sync',
          steps: ['run: |\n          git remote add space https://user:$HF_TOKEN@huggingface.co/spaces/acme/docs-chat\n          git push space main:main --force'],
        }),
      },
      status: 'pass',
      firstEvidence: 'deploy step: git push space main:main --force',
    },
    { name: 'a Ray Serve config deployed to the cluster by CI', files: { '.github/workflows/serve.yml': workflow({ on: pushToMain, job: 'deploy', steps: ['run: serve deploy serve_config.yaml --address http://localhost:8265'] }) }, status: 'pass', evidence: 'serve deploy' },
    {
      // Creating the namespace may fail when it exists; the chart's rollout is the deployment.
      name: 'a deploy step allowed to fail before one that is not',
      files: { '.github/workflows/deploy.yml': workflow({ on: pushToMain, job: 'deploy', steps: ['run: kubectl create ns ml --dry-run=client -o yaml | kubectl apply -f - || true', 'run: helm upgrade --install churn ./chart -n ml'] }) },
      status: 'pass',
      firstEvidence: 'deploy step: helm upgrade --install churn ./chart -n ml',
    },
    { name: 'a push to the repository itself deploys nothing', files: { '.github/workflows/bump.yml': workflow({ on: pushToMain, job: 'bump', steps: ['run: |\n          git remote add upstream https://github.com/acme/model.git\n          git push upstream main'] }) }, status: 'fail' },
    { name: 'nothing deploys', files: { '.github/workflows/ci.yml': ciOnPush }, status: 'fail' },
  ],
  'mlops.continuous-training': [
    { name: 'a Databricks training job on a quartz cron schedule', files: { 'src/train.py': databricksTrain, 'resources/model-workflow.yml': databricksTrainingJob('      schedule:\n        quartz_cron_expression: "0 0 9 * * ?"\n        timezone_id: UTC\n') }, status: 'pass', evidence: 'resources/model-workflow.yml:15 quartz_cron_expression' },
    {
      // The schedule belongs to another job: features are refreshed daily, training is run by hand.
      name: 'a scheduled Databricks feature job beside an unscheduled training job',
      files: {
        'src/train.py': databricksTrain,
        'resources/model-workflow.yml': databricksTrainingJob(''),
        'resources/features.yml': 'resources:\n  jobs:\n    write_feature_table_job:\n      tasks:\n        - task_key: PickupFeatures\n          notebook_path: ../features/notebooks/GenerateFeatures.py\n      schedule:\n        quartz_cron_expression: "0 0 7 * * ?"\n',
      },
      status: 'fail',
    },
    { name: 'nightly retraining', files: { '.github/workflows/retrain.yml': nightlyTraining }, status: 'pass', evidence: 'python -m src.train' },
    { name: 'training on demand only', files: { '.github/workflows/train.yml': manualTraining }, status: 'partial' },
    {
      // The nightly run of a workflow that also checks every pull request trains to test the code.
      name: 'a one-epoch training smoke test run nightly and on pull requests',
      files: {
        '.github/workflows/ci.yml': workflow({ on: `${schedule('0 0 * * *')}\npush:\npull_request:`, job: 'tests', steps: ['run: python train.py --epochs 1 --data sample.yaml'] }),
      },
      status: 'partial',
      evidence: ['train step: python train.py --epochs 1', 'no CI step on schedule, in a pipeline that does not also run on pull_request, runs train'],
    },
    {
      name: 'nightly retraining beside a pull-request workflow that smoke-trains',
      files: {
        '.github/workflows/retrain.yml': nightlyTraining,
        '.github/workflows/ci.yml': workflow({ on: '[push, pull_request]', job: 'tests', steps: ['run: python train.py --epochs 1'] }),
      },
      status: 'pass',
      evidence: '.github/workflows/retrain.yml',
    },
    {
      name: 'an Airflow DAG retrains daily, its schedule a named constant',
      files: {
        'src/train.py': 'model.fit(X, y)\n',
        'dags/retraining_dag.py':
          'from schedules import RETRAINING_DAILY_SCHEDULE\n\nwith DAG(dag_id="model_retraining_daily", schedule=RETRAINING_DAILY_SCHEDULE, catchup=False):\n    PythonOperator(task_id="run_retraining", python_callable=run, op_args=["src.orchestration.retrain"])\n',
      },
      status: 'pass',
      evidence: 'dags/retraining_dag.py:3',
    },
    {
      name: 'a Prefect deployment runs the retraining flow on a cron',
      files: {
        'flows/auto_retrain_flow.py': 'from prefect import flow\n\n@flow\ndef auto_retrain_flow():\n    model.fit(X, y)\n',
        'prefect.yaml': 'deployments:\n- name: auto-retrain\n  entrypoint: flows/auto_retrain_flow.py:auto_retrain_flow\n  schedules:\n  - cron: 0 3 * * *\n',
      },
      status: 'pass',
      evidence: 'prefect.yaml:5',
    },
    {
      name: 'a Mage trigger runs the training pipeline weekly',
      files: {
        'mlops/pipelines/training_workflow/metadata.yaml': mageTrainingPipeline,
        'mlops/pipelines/training_workflow/triggers.yaml': mageTrigger('training_workflow', "'@weekly'"),
      },
      status: 'pass',
      evidence: "mlops/pipelines/training_workflow/triggers.yaml:4 schedule_interval: '@weekly'",
    },
    {
      // Mage gives every trigger a schedule field: null for one called through the API.
      name: 'a Mage trigger of the training pipeline called through its API, on no schedule',
      files: {
        'mlops/pipelines/training_workflow/metadata.yaml': mageTrainingPipeline,
        'mlops/pipelines/training_workflow/triggers.yaml': mageTrigger('training_workflow', 'null'),
      },
      status: 'fail',
    },
    {
      name: 'a Mage trigger runs batch inference daily, and nothing retrains',
      files: {
        'mlops/pipelines/training_workflow/metadata.yaml': mageTrainingPipeline,
        'mlops/pipelines/batch_inference/triggers.yaml': mageTrigger('batch_inference', "'@daily'"),
      },
      status: 'fail',
    },
    {
      name: 'Celery beat retrains the classifier hourly',
      files: {
        'src/app/tasks.py': 'from celery import shared_task\n\n@shared_task\ndef train_classifier():\n    model.fit(X, y)\n',
        'src/app/celery.py': 'from celery.schedules import crontab\n\napp.conf.beat_schedule = {\n    "train-classifier": {"task": "app.tasks.train_classifier", "schedule": crontab(minute=5)},\n}\n',
      },
      status: 'pass',
      evidence: 'src/app/celery.py:4',
    },
    {
      name: 'an APScheduler cron job retrains nightly',
      files: { 'service/scheduler.py': 'from apscheduler.schedulers.background import BackgroundScheduler\nfrom service.training import retrain_model\n\nscheduler = BackgroundScheduler()\nscheduler.add_job(retrain_model, "cron", hour=3)\n', 'service/training.py': 'def retrain_model():\n    model.fit(X, y)\n' },
      status: 'pass',
      evidence: 'service/scheduler.py:5',
    },
    {
      // The beat schedule cleans up; training runs only when someone calls it.
      name: 'Celery beat schedules a clean-up, and the training task runs by hand',
      files: {
        'src/app/tasks.py': 'from celery import shared_task\n\n@shared_task\ndef train_classifier():\n    model.fit(X, y)\n',
        'src/app/celery.py': 'from celery.schedules import crontab\n\napp.conf.beat_schedule = {\n    "clean-up": {"task": "app.tasks.empty_trash", "schedule": crontab(hour=0)},\n}\n',
      },
      status: 'fail',
    },
    {
      // A scheduled DAG that loads data says nothing about the training DAG, which runs by hand.
      name: 'a scheduled ingestion DAG beside a training DAG with no schedule',
      files: {
        'src/train.py': 'model.fit(X, y)\n',
        'dags/ingest.py': 'with DAG(dag_id="ingest_events", schedule="@hourly"):\n    PythonOperator(task_id="load", python_callable=load)\n',
        'dags/training.py': 'with DAG(dag_id="train_model", schedule=None):\n    PythonOperator(task_id="train", python_callable=train)\n',
      },
      status: 'fail',
      evidence: 'not in the same file as what it must go with',
    },
    {
      name: 'a noise schedule in a training script is no retraining schedule',
      files: { 'src/train.py': 'def train(model, data):\n    scheduler = DDPMScheduler(schedule="cosine", num_train_timesteps=1000)\n    model.fit(data)\n' },
      status: 'fail',
    },
    { name: 'no training in CI', files: { '.github/workflows/ci.yml': ciOnPush }, status: 'fail' },
    llmAssistantCase,
    pretrainedModelServiceCase,
  ],
  'mlops.pipeline-integration-test': [
    { name: 'dvc repro on pull requests', files: { '.github/workflows/ci.yml': workflow({ on: 'pull_request', job: 'e2e', steps: ['run: dvc repro'] }) }, status: 'pass' },
    { name: 'integration tests not run by CI', files: { 'tests/integration/test_pipeline.py': 'def test_pipeline():\n    run_pipeline(sample=True)\n' }, status: 'partial' },
    { name: 'nothing end to end', files: { 'tests/test_unit.py': 'def test_x():\n    pass\n' }, status: 'fail' },
    llmAssistantCase,
  ],
};
