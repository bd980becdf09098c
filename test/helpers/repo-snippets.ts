import type { RuleCase } from './rule-tester.js';

/*
 * Files that rule cases in several categories put in their tiny repositories (test/rules/cases/*.ts), built here once.
 * A builder of a file returns its text ending in a newline. A snippet whose exact text is what a case is about
 * (a trap, a malformed file, a line a case points at) stays inline in that case.
 */

/** Indents every line after the first (a final newline is dropped), so that a multi-line value can follow a key at that depth. */
const indent = (text: string, spaces: number) => text.trimEnd().replaceAll('\n', `\n${' '.repeat(spaces)}`);

/** Lines joined into the text of a file. */
const lines = (...content: string[]) => `${content.join('\n')}\n`;

/** A GitHub Actions workflow with one job on ubuntu-latest; `on` and each step are YAML written at their own depth. */
export function workflow({ name, on, job = 'test', environment, steps }: { name?: string; on: string; job?: string; environment?: string; steps: string[] }): string {
  return lines(
    ...(name ? [`name: ${name}`] : []),
    on.includes('\n') ? `on:\n  ${indent(on, 2)}` : `on: ${on}`,
    'jobs:',
    `  ${job}:`,
    '    runs-on: ubuntu-latest',
    ...(environment ? [`    environment: ${environment}`] : []),
    '    steps:',
    ...steps.map((step) => `      - ${indent(step, 8)}`),
  );
}

/** The trigger of a deploy workflow: every merge to main. */
export const pushToMain = 'push:\n  branches: [main]';

/** The trigger of a workflow run on a cron schedule (retraining, drift reports, data checks). */
export const schedule = (cron: string) => `schedule:\n  - cron: "${cron}"`;

/** The usual CI of a Python project: install the requirements and run pytest on every push and pull request; `extraSteps` follow. */
export const testWorkflow = (...extraSteps: string[]) =>
  workflow({ name: 'ci', on: '[push, pull_request]', steps: ['uses: actions/checkout@v4', 'run: pip install -r requirements.txt', 'run: pytest', ...extraSteps] });

/** A Jupyter notebook (nbformat 4, saved as Jupyter does) with one code cell; `output` is what the cell printed. */
export function notebook(code: string, output?: string): string {
  const cell = {
    cell_type: 'code',
    source: code.split('\n').map((line) => `${line}\n`),
    outputs: output === undefined ? [] : [{ output_type: 'stream', name: 'stdout', text: [output] }],
    execution_count: 1,
    metadata: {},
  };
  return `${JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata: {}, cells: [cell] }, null, 1)}\n`;
}

/** A pip requirements file, one requirement a line. */
export const requirements = (...specifiers: string[]) => lines(...specifiers);

/** A PoC training script: reads a CSV, fits a scikit-learn model and dumps it; a repository with nothing around the model. */
export const trainScript = `import joblib
import pandas as pd
from sklearn.ensemble import GradientBoostingClassifier

df = pd.read_csv("data/train.csv")
model = GradientBoostingClassifier().fit(df.drop(columns="churn"), df["churn"])
joblib.dump(model, "model.joblib")
`;

/**
 * The churn API as a Kubernetes Deployment with one container; `container` is YAML added under it
 * (resources, probes, env). With `canarySteps` it is an Argo Rollout instead: the same spec, shipped as a canary.
 */
export function deployment({ replicas = 1, container, canarySteps }: { replicas?: number; container?: string; canarySteps?: string[] } = {}): string {
  const kind = canarySteps ? 'apiVersion: argoproj.io/v1alpha1\nkind: Rollout' : 'apiVersion: apps/v1\nkind: Deployment';
  const strategy = canarySteps ? lines('  strategy:', '    canary:', '      steps:', ...canarySteps.map((step) => `        - ${step}`)) : '';
  return `${kind}
metadata:
  name: churn-api
spec:
  replicas: ${replicas}
${strategy}  selector:
    matchLabels:
      app: churn-api
  template:
    metadata:
      labels:
        app: churn-api
    spec:
      containers:
        - name: api
          image: ghcr.io/acme/churn:1.4.2
          ports:
            - containerPort: 8080
${container ? lines(`          ${indent(container, 10)}`) : ''}`;
}

/** A KServe InferenceService; `predictor` is the YAML under spec.predictor. */
export const inferenceService = (name: string, predictor: string) =>
  lines('apiVersion: serving.kserve.io/v1beta1', 'kind: InferenceService', 'metadata:', `  name: ${name}`, 'spec:', '  predictor:', `    ${indent(predictor, 4)}`);

/** A SageMaker real-time endpoint declared in Terraform, on an endpoint configuration of the same name. */
export const sagemakerEndpoint = (name: string) => `resource "aws_sagemaker_endpoint" "${name}" {
  name                 = "${name}"
  endpoint_config_name = aws_sagemaker_endpoint_configuration.${name}.name
}
`;

/** An S3 bucket declared in Terraform. */
export const s3Bucket = (resource: string, bucket: string) => `resource "aws_s3_bucket" "${resource}" {
  bucket = "${bucket}"
}
`;

/** Dependabot keeping the pip dependencies up to date, weekly. */
export const dependabot = lines('version: 2', 'updates:', '  - package-ecosystem: pip', '    directory: /', '    schedule:', '      interval: weekly');

/**
 * A documentation assistant built on a hosted LLM: it calls a chat model and trains nothing, so the
 * rules about training runs, training data and feature code do not apply to it.
 */
export const llmAssistant: Record<string, string> = {
  'pyproject.toml': lines('[project]', 'name = "docs-assistant"', 'dependencies = ["langchain>=1.0", "langchain-anthropic>=0.3", "langsmith>=0.4"]'),
  'src/assistant/agent.py': lines(
    'from langchain.chat_models import init_chat_model',
    '',
    'model = init_chat_model("anthropic:claude-sonnet-4-5", temperature=0)',
    '',
    '',
    'def answer(question: str, context: str) -> str:',
    '    return model.invoke([("system", SYSTEM_PROMPT.format(context=context)), ("user", question)]).content',
  ),
};

/** A prediction service on a model trained elsewhere: it loads the model and trains nothing. */
export const pretrainedModelService: Record<string, string> = {
  'app/main.py': lines(
    'import joblib',
    'from fastapi import FastAPI',
    '',
    'app = FastAPI()',
    'model = joblib.load("models/churn.joblib")',
    '',
    '',
    '@app.post("/predict")',
    'def predict(features: dict) -> dict:',
    '    return {"churn": float(model.predict_proba([list(features.values())])[0][1])}',
  ),
};

/** The rules about training do not apply to a service that only loads a model trained elsewhere. */
export const pretrainedModelServiceCase: RuleCase = { name: 'a service on a model trained elsewhere, which trains no model', files: pretrainedModelService, status: 'not_applicable', evidence: 'joblib.load' };

/** The case every rule about training a model has: the LLM assistant, to which it does not apply. */
export const llmAssistantCase: RuleCase = { name: 'an assistant on a hosted LLM, which trains no model', files: llmAssistant, status: 'not_applicable', evidence: 'init_chat_model' };

/**
 * A forecasting library released on PyPI (a release badge in its README): its models' fit methods
 * train its users' models, its tracker callbacks log its users' runs, and its serving helper builds
 * its users' APIs.
 */
export const releasedLibrary: Record<string, string> = {
  'README.md': lines('# forecastkit', '', '[![PyPI version](https://img.shields.io/pypi/v/forecastkit.svg)](https://pypi.org/project/forecastkit/)', '', '    pip install forecastkit'),
  'pyproject.toml': lines('[project]', 'name = "forecastkit"', 'dependencies = ["torch>=2.0", "numpy>=1.24"]'),
  'forecastkit/models.py': lines(
    'import torch',
    '',
    '',
    'class Forecaster:',
    '    def fit(self, series, epochs=10):',
    '        for _ in range(epochs):',
    '            loss = self.module(series).mean()',
    '            loss.backward()',
    '            self.optimizer.step()',
  ),
  'forecastkit/callbacks.py': lines('import wandb', '', '', 'class WandbLogger:', '    def on_train_begin(self, net):', '        self.run = wandb.init(project=net.name)', '        wandb.log({"epochs": net.max_epochs})'),
  'forecastkit/serve.py': lines(
    'import mlflow',
    'from flask import Flask, request',
    '',
    '',
    'def build_app(model):',
    '    app = Flask(__name__)',
    '',
    '    @app.route("/predict", methods=["POST"])',
    '    def predict():',
    '        return {"forecast": model.predict(request.json["series"]).tolist()}',
    '',
    '    mlflow.register_model(model.uri, "forecaster")',
    '    return app',
  ),
};

/** The case every rule about operating a model has: the released library, to which it does not apply. */
export const releasedLibraryCase: RuleCase = { name: "a library released on PyPI, whose code acts on its users' models", files: releasedLibrary, status: 'not_applicable', firstEvidence: 'README.md:3' };
