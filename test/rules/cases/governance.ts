import { inferenceService, llmAssistantCase, notebook, pushToMain, releasedLibraryCase, requirements, testWorkflow, workflow } from '../../helpers/repo-snippets.js';
import type { RuleCases } from '../../helpers/rule-tester.js';

// ---------------------------------------------------------------------------------------------
// Fixtures: the files a real churn-model repository would carry.
// ---------------------------------------------------------------------------------------------

const codeowners = `# Owners of the churn model
*                   @acme/ml-platform
/src/features/      @acme/data-eng @acme/ml-platform
/src/training/      @acme/data-science
/configs/           @acme/data-science
`;

const commentOnlyCodeowners = `# TODO: add owners once the team is staffed
# * @someone
`;

const prTemplate = `## What changes

## Model impact
- [ ] Hold-out metrics attached (link to the MLflow run)
- [ ] Data version (DVC hash) stated
- [ ] Model card updated
`;

const modelCard = `# Model card: churn-classifier v3

## Model details
- Gradient-boosted trees (LightGBM 4.1), trained 2026-10-02 by the Retention Analytics team.
- Registered as \`churn@champion\` in MLflow.

## Intended use
- Primary intended use: rank active subscribers by their risk of cancelling in the next 30 days, so the retention team can prioritise outreach.
- Primary intended users: retention agents and the CRM campaign service.
- Out-of-scope uses: pricing, credit or any decision about an individual's eligibility for a service.

## Training and evaluation data
- Training: 18 months of subscription events (2024-04 to 2025-09), DVC version a1b2c3d.
- Evaluation: hold-out set of the last 3 months, 412k subscribers.

## Metrics
| Slice | ROC AUC | Recall at top 10% |
|---|---|---|
| All subscribers | 0.87 | 0.41 |
| Tenure under 6 months | 0.81 | 0.35 |

## Limitations
- Performs poorly for accounts younger than 30 days (too little history).
- Not validated for business customers.
`;

const modelCardWithoutLimitations = `# Model card: churn-classifier v3

## Intended use
- Primary intended use: rank active subscribers by their risk of cancelling in the next 30 days.
- Out-of-scope uses: pricing and credit decisions.

## Evaluation
- Hold-out set of the last 3 months: ROC AUC 0.87.
`;

const templateModelCard = `---
license: apache-2.0
---

# Model Card for churn-classifier

## Uses

### Direct Use

[More Information Needed]

### Out-of-Scope Use

[More Information Needed]

## Bias, Risks, and Limitations

[More Information Needed]

## Evaluation

[More Information Needed]
`;

const modelCardWithTbd = modelCard.replace('- Not validated for business customers.', '- Performance on business customers: TBD');

const dataReadme = `# Subscriber events dataset

Source: event stream subscriptions.v2 from the billing platform, exported nightly to s3://acme-ml-raw/subscriptions/ by the data-eng team.
Collection: every plan change, payment and cancellation since 2024-04; no free-text fields.
Legal basis: contract performance and legitimate interest (see DPIA-2025-014); customers are informed in the privacy notice.
Licence: internal data, not to be shared outside Acme.
Known gaps: no events before the 2024 billing migration.
`;

const architecture = `# Architecture

The nightly Airflow DAG pulls subscription events from the warehouse, builds features with the shared
feature module and trains a LightGBM model that is registered in MLflow.

\`\`\`mermaid
flowchart LR
  warehouse --> features --> training --> registry --> scoring-api
\`\`\`

The scoring API loads the champion alias at start-up and serves predictions to the CRM over HTTPS.
`;

const readmeWithCommands = `# Churn model

Predicts which subscribers are likely to cancel.

## Getting started

\`\`\`bash
uv sync
make train
uvicorn churn.api:app --port 8080
\`\`\`
`;

const bareReadme = `# Churn model

Predicts churn.
`;

const sagemakerPipeline = `from sagemaker.workflow.parameters import ParameterString
from sagemaker.workflow.step_collections import RegisterModel

model_approval_status = ParameterString(name="ModelApprovalStatus", default_value="PendingManualApproval")

register = RegisterModel(
    name="RegisterChurnModel",
    estimator=estimator,
    model_package_group_name="churn",
    approval_status=model_approval_status,
)
`;

const deployWithEnvironment = workflow({ name: 'deploy', on: pushToMain, job: 'deploy', environment: 'production', steps: ['uses: actions/checkout@v4', 'run: helm upgrade --install churn ./chart'] });

const deployWithCommentedEnvironment = `name: deploy
on:
  push:
    branches: [main]
jobs:
  deploy:
    runs-on: ubuntu-latest
    # environment: production
    steps:
      - run: helm upgrade --install churn ./chart
`;

/** The environment is an input of the called workflow and of a deploy action: neither is a job's own environment. */
const deployPassingEnvironment = `name: release
on:
  push:
    branches: [main]
jobs:
  release:
    uses: acme/shared-ci/.github/workflows/deploy.yml@v2
    with:
      environment: prod
      image: churn
  notify:
    runs-on: ubuntu-latest
    steps:
      - uses: acme/deploy-action@v1
        with:
          environment: production
`;

/** A job's own environment after another job's step arguments: the \`with:\` map ended with its job. */
const deployAfterStepArguments = `name: release
on:
  push:
    branches: [main]
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: docker/build-push-action@v6
        with:
          push: true
  deploy:
    needs: build
    environment: production
    runs-on: ubuntu-latest
    steps:
      - run: helm upgrade --install churn ./chart
`;

const gitlabManualDeploy = `stages: [test, deploy]

test:
  stage: test
  script:
    - pytest

deploy_prod:
  stage: deploy
  script:
    - helm upgrade --install churn ./chart
  environment:
    name: production
  when: manual
`;

const trainWithLineage = `import mlflow
from mlflow.data import from_pandas


def train(df, params):
    with mlflow.start_run():
        mlflow.log_params(params)
        mlflow.log_input(from_pandas(df, source="s3://acme-ml/features/v12"), context="training")
        model = fit(df, params)
        mlflow.sklearn.log_model(model, "model", registered_model_name="churn")
    return model
`;

const trainTrackingOnly = `import mlflow


def train(df, params):
    with mlflow.start_run():
        mlflow.log_params(params)
        model = fit(df, params)
        mlflow.log_metric("auc", evaluate(model))
    return model
`;

const serveWithVersionLog = `import logging

from fastapi import FastAPI

logger = logging.getLogger("churn.serving")
app = FastAPI()


@app.post("/predict")
def predict(request: ChurnRequest) -> ChurnResponse:
    score = float(model.predict_proba(request.to_frame())[0, 1])
    logger.info("prediction", extra={"request_id": request.id, "model_version": MODEL_VERSION, "score": score})
    return ChurnResponse(score=score, model_version=MODEL_VERSION)
`;

const logGroupTerraform = `resource "aws_cloudwatch_log_group" "churn_predictions" {
  name              = "/churn/predictions"
  retention_in_days = 365
}
`;

const shortRetentionTerraform = `resource "aws_cloudwatch_log_group" "churn_predictions" {
  name              = "/churn/predictions"
  retention_in_days = 30
}
`;

const inferenceServiceWithLogger = inferenceService(
  'churn',
  `logger:
  mode: all
  url: http://broker-ingress.knative-eventing.svc.cluster.local/ml/default
model:
  modelFormat:
    name: sklearn
  storageUri: s3://acme-models/churn/v3`,
);

const fullTrail = {
  'src/train.py': trainWithLineage,
  'src/serve.py': serveWithVersionLog,
};

const fairnessEval = `import pandas as pd
from fairlearn.metrics import MetricFrame, demographic_parity_difference
from sklearn.metrics import recall_score


def evaluate_groups(y_true, y_pred, df: pd.DataFrame) -> dict:
    frame = MetricFrame(metrics=recall_score, y_true=y_true, y_pred=y_pred, sensitive_features=df["age_band"])
    gap = demographic_parity_difference(y_true, y_pred, sensitive_features=df["gender"])
    return {"recall_by_age_band": frame.by_group.to_dict(), "dp_gap": gap}
`;

const fairnessTest = `from churn.evaluate import predictions
from fairlearn.metrics import demographic_parity_difference


def test_selection_rate_gap_is_small(holdout):
    y_true, y_pred, groups = predictions(holdout)
    assert demographic_parity_difference(y_true, y_pred, sensitive_features=groups) < 0.05
`;

const shapExplain = `import shap


def explain(model, X):
    explainer = shap.TreeExplainer(model)
    return explainer.shap_values(X)
`;

const killSwitchServe = `from churn.settings import settings


def score(request):
    if not settings.MODEL_ENABLED:
        return rules_score(request)
    return model.predict_proba(request.to_frame())[0, 1]
`;

const commentedKillSwitch = `def score(request):
    # if not settings.MODEL_ENABLED: return rules_score(request)
    return model.predict_proba(request.to_frame())[0, 1]
`;

const riskRegister = `# Risk register: churn model

| Risk | Likelihood | Impact | Mitigation | Owner |
|---|---|---|---|---|
| Feedback loop: contacted customers stop churning, so the model learns they were never at risk | High | Medium | Hold out 5% of high-risk customers from outreach | Retention lead |
| Drift after price changes | Medium | High | Weekly drift report; retrain on alert | ML platform |
`;

const licenceCheckCi = workflow({
  name: 'licences',
  on: '[pull_request]',
  job: 'licences',
  steps: ['uses: actions/checkout@v4', 'run: pip install pip-licenses -r requirements.txt', 'run: pip-licenses --fail-on="GPL-3.0-or-later;AGPL-3.0-or-later"'],
});

const providerObligations = ['qms', 'technical-file', 'conformity-assessment', 'declaration-ce', 'registration', 'post-market-monitoring', 'incident-reporting', 'log-keeping'];
const deployerObligations = ['instructions-oversight', 'fria', 'people-informed', 'incident-reporting', 'log-keeping'];

export const cases: RuleCases = {
  'governance.risk-classification': [
    { name: 'classified as high-risk', answers: { 'governance.eu-ai-act-risk': 'high' }, status: 'pass', evidence: 'governance.eu-ai-act-risk: "high"' },
    { name: 'assessed as out of scope', answers: { 'governance.eu-ai-act-risk': 'not-in-scope' }, status: 'pass' },
    { name: 'a prohibited classification is still a classification', answers: { 'governance.eu-ai-act-risk': 'prohibited' }, status: 'pass' },
    { name: 'not assessed yet', answers: { 'governance.eu-ai-act-risk': 'not-assessed' }, status: 'fail', evidence: 'not-assessed' },
    { name: 'a risk-assessment file does not answer the question', files: { 'docs/ai-risk-assessment.md': '# AI risk assessment\n\nTo do.\n' }, status: 'unknown', evidence: 'not answered' },
  ],
  'governance.no-prohibited-practice': [
    { name: 'limited-risk chatbot', answers: { 'governance.eu-ai-act-risk': 'limited' }, status: 'pass' },
    { name: 'high-risk credit scoring', answers: { 'governance.eu-ai-act-risk': 'high' }, status: 'pass' },
    { name: 'a prohibited practice', answers: { 'governance.eu-ai-act-risk': 'prohibited' }, status: 'fail', evidence: 'prohibited' },
    { name: 'outside the Act', answers: { 'governance.eu-ai-act-risk': 'not-in-scope' }, status: 'not_applicable' },
    { name: 'not assessed (risk-classification fails instead)', answers: { 'governance.eu-ai-act-risk': 'not-assessed' }, status: 'not_applicable' },
    { name: 'unanswered', status: 'unknown' },
  ],
  'governance.code-review-required': [
    {
      name: 'pull-request history and CODEOWNERS',
      files: { '.github/CODEOWNERS': codeowners },
      git: { commits: 42, mergedPullRequests: 10 },
      status: 'pass',
      evidence: '10 merged pull requests',
    },
    { name: 'pull-request history and a PR template', files: { '.github/pull_request_template.md': prTemplate }, git: { commits: 300, mergedPullRequests: 75 }, status: 'pass', evidence: '.github/pull_request_template.md' },
    { name: 'a long history with many pull requests', files: { CODEOWNERS: codeowners }, git: { commits: 2400, mergedPullRequests: 520 }, status: 'pass' },
    { name: 'review enforced by the Git host, though no pull request shows in 80 commits (fast-forward merges leave no trace)', git: { commits: 80, mergedPullRequests: 0 }, answers: { 'governance.review-enforcement': 'enforced' }, status: 'pass', conflict: 'answer', evidence: 'no merged pull requests' },
    {
      name: 'CODEOWNERS, but most commits pushed directly',
      files: { '.github/CODEOWNERS': codeowners },
      git: { commits: 300, mergedPullRequests: 4 },
      status: 'partial',
      evidence: '4 merged pull requests',
    },
    { name: 'pull requests without review routing', git: { commits: 42, mergedPullRequests: 10 }, status: 'partial' },
    { name: 'pull requests by convention only', git: { commits: 60, mergedPullRequests: 0 }, answers: { 'governance.review-enforcement': 'convention' }, status: 'partial' },
    { name: 'direct pushes to main', git: { commits: 120, mergedPullRequests: 0 }, answers: { 'governance.review-enforcement': 'none' }, status: 'fail', evidence: 'no merged pull requests (needs at least 1)' },
    {
      name: 'a CODEOWNERS file with only comments does not route reviews',
      files: { '.github/CODEOWNERS': commentOnlyCodeowners },
      git: { commits: 50, mergedPullRequests: 0 },
      answers: { 'governance.review-enforcement': 'none' },
      status: 'fail',
    },
    { name: 'a PR template in an example project does not count', files: { 'examples/demo/.github/pull_request_template.md': prTemplate }, git: { commits: 50, mergedPullRequests: 0 }, answers: { 'governance.review-enforcement': 'none' }, status: 'fail', evidence: 'not counted' },
    { name: 'not a git repository', git: null, answers: { 'governance.review-enforcement': 'none' }, status: 'fail', evidence: 'not a git repository' },
    { name: 'direct pushes, enforcement unanswered', git: { commits: 120, mergedPullRequests: 0 }, status: 'unknown', evidence: 'governance.review-enforcement is not answered' },
    { name: 'review said to be enforced over a short history without pull requests', git: { commits: 30, mergedPullRequests: 0 }, answers: { 'governance.review-enforcement': 'enforced' }, status: 'pass' },
  ],
  'governance.ai-disclosure': [
    { name: 'chatbot with a notice in the interface', files: { 'requirements.txt': requirements('openai==1.51.0', 'fastapi==0.115.0') }, answers: { 'governance.ai-interaction': 'interacts', 'governance.ai-transparency': 'disclosed' }, status: 'pass' },
    { name: 'drafted emails disclosed only in the terms', answers: { 'governance.ai-interaction': 'generated-content', 'governance.ai-transparency': 'partly' }, status: 'partial' },
    { name: 'undisclosed assistant', answers: { 'governance.ai-interaction': 'both', 'governance.ai-transparency': 'not-disclosed' }, status: 'fail', evidence: 'not-disclosed' },
    { name: 'LLM in the dependencies, nothing answered', files: { 'requirements.txt': requirements('anthropic==0.39.0') }, status: 'unknown', evidence: 'governance.ai-transparency is not answered' },
    { name: 'a tabular model is still asked whether people interact with it', files: { 'requirements.txt': requirements('scikit-learn==1.5.2') }, status: 'unknown' },
    {
      name: 'LLM used only for internal ticket classification',
      files: { 'src/classify.py': 'from openai import OpenAI\n\nclient = OpenAI()\n' },
      answers: { 'governance.ai-interaction': 'no-direct-exposure' },
      status: 'not_applicable',
      evidence: 'no-direct-exposure',
    },
  ],
  'governance.licensing': [
    { name: 'licences checked and scanned in CI', files: { '.github/workflows/licences.yml': licenceCheckCi }, answers: { 'governance.data-model-licences': 'checked' }, status: 'pass', evidence: 'pip-licenses --fail-on' },
    { name: 'own data only, FOSSA configured', files: { '.fossa.yml': 'version: 3\nproject:\n  id: churn-model\n' }, answers: { 'governance.data-model-licences': 'own-only' }, status: 'pass' },
    { name: 'data licences checked, dependencies not scanned', answers: { 'governance.data-model-licences': 'checked' }, status: 'partial', evidence: 'no dependency licence checks' },
    { name: 'dependencies scanned, data licences unanswered', files: { '.github/workflows/licences.yml': licenceCheckCi }, status: 'partial' },
    { name: 'a licence tool declared but never run', files: { 'pyproject.toml': '[project]\nname = "churn"\n\n[dependency-groups]\ndev = ["pip-licenses>=5.0"]\n' }, answers: { 'governance.data-model-licences': 'not-checked' }, status: 'partial', evidence: 'declares pip-licenses' },
    { name: 'nothing checked', files: { '.github/workflows/ci.yml': testWorkflow() }, answers: { 'governance.data-model-licences': 'not-checked' }, status: 'fail' },
    { name: 'unanswered, no scanner', status: 'unknown' },
  ],
  'governance.model-card': [
    { name: 'a complete model card', files: { 'MODEL_CARD.md': modelCard }, status: 'pass', evidence: 'MODEL_CARD.md:9' },
    { name: 'a model card in the docs folder', files: { 'docs/model_card.md': modelCard }, status: 'pass', evidence: 'docs/model_card.md' },
    {
      // vetiver's card template is R Markdown (model_card.Rmd).
      name: "vetiver's R Markdown model card",
      files: { 'model_card.Rmd': `---\ntitle: "Model Card"\noutput: html_document\n---\n\n\`\`\`{r}\nlibrary(vetiver)\n\`\`\`\n\n${modelCard}` },
      status: 'pass',
      evidence: 'model_card.Rmd',
    },
    { name: 'a Quarto model card in a numbered folder', files: { 'content/02-model-card/document.qmd': modelCard }, status: 'pass', evidence: 'content/02-model-card/document.qmd' },
    { name: 'a numbered model card in an example is still an example', files: { 'examples/02-model-card/document.qmd': modelCard }, status: 'fail', evidence: 'no model card' },
    { name: 'a card without limitations', files: { 'MODEL_CARD.md': modelCardWithoutLimitations }, status: 'partial', evidence: 'no limitation statements' },
    { name: 'an unfilled Hugging Face template: headings only', files: { 'MODEL_CARD.md': templateModelCard }, status: 'partial', evidence: 'MODEL_CARD.md' },
    { name: 'a complete card with a TBD left in it', files: { 'MODEL_CARD.md': modelCardWithTbd }, status: 'partial', evidence: 'TBD' },
    { name: 'model-card-toolkit declared, no card', files: { 'requirements.txt': requirements('model-card-toolkit==2.0.0') }, status: 'partial' },
    { name: 'a model card only in an example', files: { 'examples/demo/MODEL_CARD.md': modelCard }, status: 'fail', evidence: 'no model card' },
    { name: 'no model card', files: { 'README.md': readmeWithCommands }, status: 'fail' },
    {
      name: "a README's Results section with a metrics table documents the model, not as a card",
      files: { 'README.md': '# Churn\n\nPredicts which customers cancel.\n\n## Results\n\n### Best model: random forest\n\n| Metric | Score |\n|---|---|\n| Accuracy | 94.3% |\n| ROC-AUC | 91.7% |\n' },
      status: 'partial',
      evidence: 'README.md:11',
    },
    {
      name: 'a model comparison table with metric columns, in RESULTS.md',
      files: { 'RESULTS.md': '# What we found\n\n| Model | Threshold | ROC AUC | F1 |\n|---|---|---|---|\n| Baseline | 0.50 | **0.896** | 0.731 |\n' },
      status: 'partial',
      evidence: 'evaluation results reported: rocauc, f1',
    },
    {
      name: "a run's output written under logs/ (a paper converted to Markdown, a per-epoch table) is no documentation of the model",
      files: {
        'logs/extraction_comparison/pymupdf.md': '# Extraction\n\n## Results\n\n| Method | FID | ROUGE-1 |\n|---|---|---|\n| Ours | 12.3 | 0.41 |\n',
        'logs/training_log.md': '| epoch | val_loss | accuracy | f1 |\n|---:|---:|---:|---:|\n| 1 | 3.69 | 0.12 | 0.10 |\n| 2 | 3.16 | 0.22 | 0.19 |\n',
        'src/extract.py': 'model.fit(X, y)\n',
      },
      status: 'fail',
    },
    {
      name: 'a results summary kept in logs/ and named for it is documentation',
      files: { 'logs/results.md': '# Results Summary\n\n| Model | Accuracy | Macro F1 |\n|---|---|---|\n| Logistic Regression | 0.5942 | 0.4456 |\n', 'src/train.py': 'model.fit(X, y)\n' },
      status: 'partial',
      firstEvidence: 'logs/results.md:5',
    },
    {
      name: 'results in a sentence under a heading about the classifiers',
      files: { 'README.md': '# Triage\n\n## Classifiers\n\n- **defect**: the accuracy of the current classifier is ~93% (precision ~95%, recall ~94%), against a target of 90%.\n' },
      status: 'partial',
      evidence: 'README.md:5',
    },
    {
      name: "each model's test accuracy, one metric three times, is on record",
      files: { 'README.md': '# CT scans\n\nClassifies chest CT scans into four classes.\n\n## Models\n\n1. **CNN** - custom baseline (~91% test accuracy)\n2. **ResNet18** - transfer learning (~92% test accuracy)\n3. **Dual pathway** - CNN and radiomics features (~96% test accuracy)\n' },
      status: 'partial',
      evidence: 'README.md:7',
    },
    { name: 'one figure is a claim, not results on record', files: { 'README.md': '# Churn\n\n## Results\n\n* Achieved ~80% accuracy on the Telco Churn dataset.\n' }, status: 'fail', evidence: 'no README, RESULTS or docs page reports evaluation results' },
    {
      name: 'a benchmark table of micro- and macro-averaged recall',
      files: { 'docs/research/benchmark.md': '# Benchmark\n\nThe val split was used.\n\n| model | micro-recall@4 | macro-recall@4 |\n| --- | --- | --- |\n| clip-vit-large | 0.9307 | 0.9035 |\n' },
      status: 'partial',
      evidence: 'docs/research/benchmark.md:7',
    },
    {
      name: 'prose that names one metric twice is a claim',
      files: { 'docs/models.nbeatsx.md': '# NBEATSx\n\n## Model\n\nThis method improved accuracy by 3% over the winner.\nOn electricity prices it improved accuracy by 20% over the statistical methods.\n' },
      status: 'fail',
      evidence: 'no README, RESULTS or docs page reports evaluation results',
    },
    {
      name: 'targets, printed output and a retrospective that quotes a score are not results',
      files: {
        'docs/guide.md': '# Guide\n\n## Model performance\n\n| Metric | Target |\n|---|---|\n| Recall | ≥ 95% |\n| Precision | >= 0.85 |\n\n```\nprecision: 0.9076\nrecall: 0.9057\n```\n',
        'docs/retro.md': '# Retrospective\n\n## What the deployment proved\n\nHeld-out accuracy 0.9000, F1 0.8997 on the test split.\n',
      },
      status: 'fail',
      evidence: 'no README, RESULTS or docs page reports evaluation results',
    },
    {
      name: 'targets in words are not results: a minimum, a goal, what a gate requires',
      files: {
        'README.md':
          '# Churn\n\n## Model quality gate\n\n1. Checks quality thresholds:\n   - Minimum accuracy: 0.90\n   - Minimum precision: 0.85\n\nThe gate requires at least 95% recall and an F1 of at least 0.8; our goal is an AUC above 0.9.\nPromotion needs a target recall of 0.97, a minimum of 0.9 F1 or a max. RMSE of 12.\n',
      },
      status: 'fail',
      evidence: 'no README, RESULTS or docs page reports evaluation results',
    },
    { name: "an example's results are not the project's model", files: { 'examples/demo/README.md': '# Demo\n\n## Results\n\nAccuracy 91%, F1 0.88.\n' }, status: 'fail' },
    {
      // A threshold in a metric's name (mAP@0.5, IoU@0.5:0.95), the digit of a name (F1) and a metric word in a link's address are no values.
      name: 'metrics named with their thresholds, and linked to a glossary, report no result',
      files: {
        'docs/metrics.md':
          '# Metrics logged\n\n- **Performance:** [mAP@0.5](https://example.com/glossary/mean-average-precision-map), mAP@0.5:0.95 (validation)\n- [Precision](https://example.com/glossary/precision-2) and [Recall](https://example.com/recall-at-k-10): on validation data\n\n## Per class\n\nLogs mAP, precision, recall and F1-score for each class, and ROUGE-L for summaries. Accuracy values (top-1 and top-5) are on ImageNet; reproduce with `python val.py --iou 0.65 --conf 0.001`.\n\n## Evaluation\n\nmAP is averaged over IoU thresholds from 0.5 to 0.95.\n',
      },
      status: 'fail',
      evidence: 'no README, RESULTS or docs page reports evaluation results',
    },
    {
      name: "a model zoo's table: one metric at two thresholds, in HTML-formatted headings",
      files: {
        'README.md':
          '# Detector\n\n### Pretrained Checkpoints\n\n| Model | Size<br><sup>(pixels) | mAP<sup>val<br>50-95 | mAP<sup>val<br>50 | Speed<br><sup>CPU (ms) |\n|---|---|---|---|---|\n| [small](https://example.com/s) | 640 | 37.4 | 56.8 | **98** |\n',
      },
      status: 'partial',
      evidence: 'README.md:7 evaluation results reported: map val 50-95, map val 50',
    },
    {
      name: 'a model zoo written as an HTML table, a heading and a cell a line',
      files: {
        'MODEL_ZOO.md':
          '# Model Zoo\n\n<table><tbody>\n<th valign="bottom">Name</th>\n<th valign="bottom">train<br/>time</th>\n<th valign="bottom">box<br/>AP</th>\n<th valign="bottom">mask<br/>AP</th>\n <tr><td align="left"><a href="configs/r50.yaml">R50</a></td>\n<td align="center">0.551</td>\n<td align="center">38.6</td>\n<td align="center">35.2</td>\n</tr>\n</tbody></table>\n',
      },
      status: 'partial',
      evidence: 'MODEL_ZOO.md:10 evaluation results reported: boxap, maskap',
    },
    {
      name: 'box and mask AP, top-1 accuracy: the metrics of vision model zoos',
      files: {
        'docs/model_zoo.md': '# Model Zoo\n\n| Backbone | box AP | mask AP |\n|---|---|---|\n| R-50 | 38.2 | 34.7 |\n\n| Backbone | Top-1 Acc | Top-5 Acc |\n|---|---|---|\n| R-50 | 76.1 | 92.9 |\n',
      },
      status: 'partial',
      evidence: 'evaluation results reported: boxap, maskap, top1acc, top5acc',
    },
    {
      name: "a generative model's results: FID with its sample count, on two training set-ups",
      files: {
        'README.md':
          '# Diffusion Transformers\n\n## Training\n\n### Training Results\n\n| Model | Train Steps | FID-50K<br> (JAX Training) | FID-50K<br> (PyTorch Training) |\n|---|---|---|---|\n| XL/2 | 400K | 19.5 | **18.1** |\n',
      },
      status: 'partial',
      evidence: 'README.md:9 evaluation results reported: fid50k jax training, fid50k pytorch training',
    },
    {
      name: 'image-quality scores in prose',
      files: { 'README.md': '# Super-resolution\n\n## Results\n\nOn Set5 (x4) the model reaches a PSNR of 32.47 dB, an SSIM of 0.899 and an LPIPS of 0.12.\n' },
      status: 'partial',
      evidence: 'evaluation results reported: psnr, ssim, lpips',
    },
    {
      name: 'values given for metrics named with their thresholds are results',
      files: { 'README.md': '# Detector\n\n## Results\n\nmAP@0.5 of 0.62 and mAP@0.5:0.95 of 0.41 on the validation set; [recall](https://example.com/recall) 0.71.\n' },
      status: 'partial',
      evidence: 'evaluation results reported: map@0.5, map@0.5:0.95, recall',
    },
    {
      // openclimatefix/nged-substation-forecast's docs/techniques/evaluation-metrics.md: a glossary of the metrics it will report.
      name: 'a page that explains metrics with example values reports no result',
      files: {
        'docs/techniques/evaluation-metrics.md':
          '# Evaluation metrics\n\n### Mean absolute error (MAE)\n\n**MW; smaller is better.** An MAE of 3 MW means the forecast is off by about 3 MW on an average half-hour.\n\n### Root mean squared error\n\nAn RMSE of 4 MW would mean larger misses than the MAE shows.\n',
      },
      status: 'fail',
      evidence: 'no README, RESULTS or docs page reports evaluation results',
    },
    {
      name: "a metric's formulas, inline or in a display block, report no result",
      files: {
        'docs/evaluation-metrics.md': '# Evaluation metrics\n\nA calibrated ensemble satisfies $\\mathrm{RMSE}^2 = \\frac{m+1}{m} \\times$ the variance, and $\\mathrm{MAE} \\le 1.2 \\sigma$.\n\n$$\n\\mathrm{MAE} \\approx 0.8 \\sigma\n\\mathrm{RMSE} \\approx 1.1 \\sigma\n$$\n',
      },
      status: 'fail',
      evidence: 'no README, RESULTS or docs page reports evaluation results',
    },
    {
      name: 'a roadmap, targets and expected results plan work: their figures are no results',
      files: {
        'docs/roadmap/metrics-and-leaderboard.md': '# Metrics and leaderboard\n\n## Model results\n\n| Model | MAE | RMSE |\n|---|---|---|\n| XGBoost | 3.1 | 4.2 |\n',
        'docs/ARCHITECTURE.md': '# Architecture\n\n#### Model Quality Targets\n\n- Parameter Optimization Accuracy: 95%\n- Routing F1: 0.9\n\n## Expected results\n\n- Test accuracy: 94-96%\n- ROC-AUC: 0.97\n',
      },
      status: 'fail',
      evidence: 'no README, RESULTS or docs page reports evaluation results',
    },
    {
      // Almazziastinov/demand-forecasting-model's src/experiments_v2/EXPERIMENTS.md: a plan whose experiments record their results.
      name: "a plan's title over sections that record results leaves them results",
      files: { 'EXPERIMENTS.md': '# Experiments V2 - Plan\n\n### 02. Optuna tuning\n\n- Result: best MAE 2.2812 on the 207-day hold-out\n- Result: R2 0.918 on the same days\n' },
      status: 'partial',
      evidence: 'EXPERIMENTS.md:5 evaluation results reported: mae, r2',
    },
    {
      name: 'a result explained in a clause of its own is still a result',
      files: { 'README.md': '# Churn\n\n## Results\n\nOn the 2024 hold-out the model reaches an F1 of 0.91, which means few churners are missed, and a ROC-AUC of 0.95.\n' },
      status: 'partial',
      evidence: 'README.md:5 evaluation results reported: f1, rocauc',
    },
    {
      name: 'results measured against the targets are results',
      files: { 'README.md': '# Churn\n\n## Results against the targets\n\n- Test accuracy: 93.1%\n- Test F1: 0.88\n' },
      status: 'partial',
      evidence: 'README.md:5 evaluation results reported: accuracy, f1',
    },
  ],
  'governance.datasheet': [
    { name: 'data README with source and legal basis', files: { 'data/README.md': dataReadme }, status: 'pass', evidence: 'data/README.md:3' },
    { name: 'a datasheet in the docs folder', files: { 'docs/DATASHEET.md': dataReadme }, status: 'pass' },
    { name: 'a data provenance page in the docs', files: { 'docs/data-provenance.md': '# Data Provenance\n\n| Field | Value |\n|---|---|\n| Source | Kaggle jigsaw-toxic-comment-classification |\n| Licence | CC0 |\n' }, status: 'pass', evidence: 'docs/data-provenance.md:5' },
    { name: 'a data README per data set, in lower case', files: { 'data/churn/readme.md': dataReadme }, status: 'pass', evidence: 'data/churn/readme.md:3' },
    { name: 'a plain-text data README', files: { 'datasets/Readme.txt': dataReadme }, status: 'pass', evidence: 'datasets/Readme.txt:3' },
    { name: 'a README deeper in the code is no data README', files: { 'src/data/loaders/README.md': dataReadme }, status: 'fail' },
    { name: 'a data README that only says where files go', files: { 'data/README.md': '# Data\n\nPut the raw CSV files here. They are not committed.\n' }, status: 'partial', evidence: 'data/README.md' },
    { name: 'a datasheet in a test fixture is not the project', files: { 'tests/fixtures/DATASHEET.md': dataReadme }, status: 'fail', evidence: 'not counted' },
    { name: 'no data documentation', files: { 'src/load.py': 'import pandas as pd\n\ndf = pd.read_parquet("s3://acme-ml-raw/subscriptions/")\n' }, status: 'fail' },
    { name: 'undocumented training data of a high-risk system: high', answers: { 'governance.eu-ai-act-risk': 'high' }, status: 'fail', severity: 'high' },
    llmAssistantCase,
  ],
  'governance.technical-documentation': [
    { name: 'a README that sets the stack up with the project\'s script', files: { 'README.md': '# Safe deployment pipeline\n\nAlternatively, use the provided script:\n\n```\nbash scripts/build.sh S3_BUCKET_NAME STACK_NAME REGION STUDIO_ROLE_NAME\n```\n' }, status: 'partial', evidence: 'README.md:6' },
    { name: 'architecture doc and README commands', files: { 'ARCHITECTURE.md': architecture, 'README.md': readmeWithCommands }, status: 'pass', evidence: 'ARCHITECTURE.md:3' },
    {
      name: 'ADRs and an MkDocs site',
      files: { 'mkdocs.yml': 'site_name: Churn model\nnav:\n  - Home: index.md\n', 'docs/adr/0001-use-lightgbm.md': '# 1. Use LightGBM\n\nWe chose gradient-boosted trees because they beat the logistic baseline by 6 AUC points.\n' },
      status: 'pass',
    },
    { name: 'a README with commands only', files: { 'README.md': readmeWithCommands }, status: 'partial', evidence: 'README.md:8' },
    { name: 'an architecture file with headings only', files: { 'ARCHITECTURE.md': '# Architecture\n\n## Components\n\n## Data flow\n', 'README.md': readmeWithCommands }, status: 'partial' },
    { name: 'a bare README', files: { 'README.md': bareReadme }, status: 'fail' },
    { name: '"make sure" prose is not a run command', files: { 'README.md': '# Churn model\n\nmake sure you have access to the warehouse before you start.\n' }, status: 'fail', evidence: 'no setup or run commands' },
    { name: 'an undocumented high-risk system: high', answers: { 'governance.eu-ai-act-risk': 'high' }, status: 'fail', severity: 'high' },
  ],
  'governance.approval-workflow': [
    { name: 'SageMaker registry with manual approval', files: { 'pipelines/build_pipeline.py': sagemakerPipeline }, status: 'pass', evidence: 'pipelines/build_pipeline.py:4' },
    { name: 'approvals recorded in change tickets', answers: { 'governance.release-approval': 'recorded' }, status: 'pass' },
    { name: 'deploy job on a production environment', files: { '.github/workflows/deploy.yml': deployWithEnvironment }, status: 'partial', evidence: '.github/workflows/deploy.yml:8' },
    { name: 'GitLab manual deploy', files: { '.gitlab-ci.yml': gitlabManualDeploy }, answers: { 'governance.release-approval': 'none' }, status: 'partial', evidence: 'when: manual' },
    { name: 'manual approval set only in a notebook', files: { 'register.ipynb': notebook('model_package = model.register(approval_status="PendingManualApproval")') }, status: 'partial' },
    { name: 'informal sign-off', answers: { 'governance.release-approval': 'informal' }, status: 'partial' },
    { name: 'an environment passed to a called workflow or an action is no gate', files: { '.github/workflows/release.yml': deployPassingEnvironment }, answers: { 'governance.release-approval': 'none' }, status: 'fail' },
    { name: "a job's environment after another job's step arguments", files: { '.github/workflows/release.yml': deployAfterStepArguments }, status: 'partial', firstEvidence: '.github/workflows/release.yml:14 environment: production' },
    { name: 'a commented-out environment is no gate', files: { '.github/workflows/deploy.yml': deployWithCommentedEnvironment }, answers: { 'governance.release-approval': 'none' }, status: 'fail' },
    { name: 'no approval at all', files: { '.github/workflows/ci.yml': testWorkflow() }, answers: { 'governance.release-approval': 'none' }, status: 'fail' },
    { name: 'no gate in the repository, unanswered', files: { '.github/workflows/ci.yml': testWorkflow() }, status: 'unknown' },
  ],
  'governance.bias-fairness-eval': [
    { name: 'fairlearn metrics in the evaluation module', files: { 'src/evaluate.py': fairnessEval }, answers: { 'security.personal-data': 'personal' }, status: 'pass', evidence: 'src/evaluate.py:7' },
    { name: 'a fairness test with a threshold', files: { 'tests/test_fairness.py': fairnessTest }, answers: { 'security.personal-data': 'pseudonymised' }, status: 'pass' },
    { name: 'fairness metrics only in a notebook', files: { 'notebooks/fairness.ipynb': notebook('frame = MetricFrame(metrics=recall_score, y_true=y, y_pred=p, sensitive_features=df["gender"])') }, status: 'partial', evidence: 'cell 1' },
    { name: 'an ad-hoc groupby on gender', files: { 'notebooks/eda.ipynb': notebook('df.groupby("gender")["churned"].mean()') }, answers: { 'security.personal-data': 'personal' }, status: 'partial' },
    { name: 'fairlearn declared but never used', files: { 'requirements.txt': requirements('fairlearn==0.11.0') }, answers: { 'security.personal-data': 'personal' }, status: 'partial', evidence: 'declares fairlearn' },
    { name: 'a documented manual review', answers: { 'security.personal-data': 'personal', 'governance.fairness-review': true }, status: 'partial' },
    { name: 'a commented-out check does not count', files: { 'src/evaluate.py': '# frame = MetricFrame(metrics=recall_score, sensitive_features=df["gender"])\nscore = auc(y, p)\n' }, answers: { 'security.personal-data': 'personal', 'governance.fairness-review': false }, status: 'fail' },
    { name: 'never compared', answers: { 'security.personal-data': 'special-category', 'governance.fairness-review': false }, status: 'fail' },
    { name: 'no evidence, unanswered', answers: { 'security.personal-data': 'personal' }, status: 'unknown' },
    { name: 'no personal data', answers: { 'security.personal-data': 'none' }, status: 'not_applicable' },
    { name: 'a high-risk system never compared across groups: critical', answers: { 'governance.fairness-review': false, 'security.personal-data': 'personal', 'governance.eu-ai-act-risk': 'high' }, status: 'fail', severity: 'critical' },
  ],
  'governance.explainability': [
    { name: 'agreed that no explanations are needed', answers: { 'governance.explainability-level': 'not-needed' }, status: 'pass' },
    { name: 'local explanations agreed and computed', files: { 'src/explain.py': shapExplain }, answers: { 'governance.explainability-level': 'local' }, status: 'pass', evidence: 'src/explain.py:5' },
    { name: 'agreed but not implemented', answers: { 'governance.explainability-level': 'local' }, status: 'partial' },
    { name: 'SHAP in a notebook, no agreed level', files: { 'notebooks/explain.ipynb': notebook('explainer = shap.TreeExplainer(model)') }, answers: { 'governance.explainability-level': 'not-agreed' }, status: 'partial' },
    { name: 'shap declared, level unanswered', files: { 'requirements.txt': requirements('shap==0.46.0') }, status: 'partial' },
    { name: 'nothing agreed or implemented', answers: { 'governance.explainability-level': 'not-agreed' }, status: 'fail' },
    { name: 'unanswered, nothing in the code', status: 'unknown' },
    { name: 'a high-risk system with no agreed explanations: high', answers: { 'governance.explainability-level': 'not-agreed', 'governance.eu-ai-act-risk': 'high' }, status: 'fail', severity: 'high' },
  ],
  'governance.human-oversight': [
    { name: 'named people can override and switch off', answers: { 'governance.override-control': 'can-override' }, status: 'pass' },
    { name: 'the model only recommends', answers: { 'governance.override-control': 'human-decides' }, status: 'pass' },
    { name: 'only a redeploy stops it', answers: { 'governance.override-control': 'ad-hoc' }, status: 'partial' },
    { name: 'a kill switch in the serving code, owner unknown', files: { 'src/serve.py': killSwitchServe }, status: 'partial', evidence: 'src/serve.py:5' },
    { name: 'a commented-out kill switch does not count', files: { 'src/serve.py': commentedKillSwitch }, answers: { 'governance.override-control': 'none' }, status: 'fail' },
    { name: 'nobody can stop it', answers: { 'governance.override-control': 'none' }, status: 'fail' },
    { name: 'unanswered, no mechanism', status: 'unknown' },
    {
      name: 'an LLM that fails over to another model is no way around the model',
      files: { 'src/agent/config.py': 'primary = init_chat_model(model=DEFAULT_MODEL.id)\nguard = GuardrailsMiddleware(model=GUARDRAILS_MODEL.id, fallback_model=DEFAULT_MODEL.id)\n' },
      status: 'unknown',
    },
    { name: 'a rule-based fallback path', files: { 'src/serve.py': 'def score(tx):\n    if not settings.model_enabled:\n        return fallback_decision(tx)\n    return model.predict_proba([tx])[0][1]\n' }, status: 'partial', evidence: 'fallback_decision' },
    { name: 'a high-risk system nobody can stop: critical', answers: { 'governance.override-control': 'none', 'governance.eu-ai-act-risk': 'high' }, status: 'fail', severity: 'critical' },
    { name: 'a limited-risk system keeps its own severity', answers: { 'governance.override-control': 'none', 'governance.eu-ai-act-risk': 'limited' }, status: 'fail' },
  ],
  'governance.risk-register': [
    { name: 'reviewed on a schedule', answers: { 'governance.risk-review': 'reviewed' }, status: 'pass' },
    { name: 'written once', answers: { 'governance.risk-review': 'once' }, status: 'partial' },
    { name: 'a risk register in the docs, review unknown', files: { 'docs/risk-register.md': riskRegister }, status: 'partial', evidence: 'docs/risk-register.md:3' },
    { name: 'a risk register file with only a title', files: { 'RISK_REGISTER.md': '# Risk register\n\nTBD\n' }, answers: { 'governance.risk-review': 'none' }, status: 'fail' },
    { name: 'no assessment', answers: { 'governance.risk-review': 'none' }, status: 'fail' },
    { name: 'unanswered, nothing written', status: 'unknown' },
    { name: 'a high-risk system without a risk assessment: critical', answers: { 'governance.risk-review': 'none', 'governance.eu-ai-act-risk': 'high' }, status: 'fail', severity: 'critical' },
  ],
  'governance.audit-trail': [
    releasedLibraryCase,
    { name: 'full chain with retention in Terraform', files: { ...fullTrail, 'infra/logging.tf': logGroupTerraform }, status: 'pass', evidence: 'retention_in_days = 365' },
    { name: 'full chain with retention answered', files: fullTrail, answers: { 'governance.log-retention-months': 12 }, status: 'pass' },
    {
      name: 'DVC data, KServe request logger, retention answered',
      files: { 'src/train.py': trainWithLineage.replace('        mlflow.log_input(from_pandas(df, source="s3://acme-ml/features/v12"), context="training")\n', ''), 'data/features.parquet.dvc': 'outs:\n- md5: 3f1e6b\n  path: features.parquet\n', 'deploy/inference-service.yaml': inferenceServiceWithLogger },
      answers: { 'governance.log-retention-months': 6 },
      status: 'pass',
      evidence: 'InferenceService churn',
    },
    { name: 'full chain, logs kept for only a month', files: { ...fullTrail, 'infra/logging.tf': shortRetentionTerraform }, answers: { 'governance.log-retention-months': 1 }, status: 'partial' },
    { name: 'runs tracked, nothing else', files: { 'src/train.py': trainTrackingOnly }, status: 'partial', evidence: 'no predictions logged with the model version' },
    { name: 'full chain, retention unknown', files: fullTrail, status: 'unknown', evidence: 'governance.log-retention-months is not answered' },
    { name: 'lineage code only in an example', files: { 'examples/demo/train.py': trainWithLineage }, status: 'fail' },
    { name: 'nothing traceable', files: { 'src/train.py': 'model = fit(X, y)\njoblib.dump(model, "model.pkl")\n' }, status: 'fail' },
    {
      name: 'SageMaker data capture declared in a CloudFormation template is a link of the chain',
      files: { 'assets/deploy-model-prd.yml': 'Resources:\n  EndpointConfig:\n    Type: AWS::SageMaker::EndpointConfig\n    Properties:\n      DataCaptureConfig:\n        EnableCapture: true\n        InitialSamplingPercentage: 100\n' },
      status: 'partial',
      evidence: 'assets/deploy-model-prd.yml:5',
    },
    { name: 'logging where a model was uploaded traces no prediction', files: { 'src/pipeline/components.py': 'logging.info(f"Model uploaded to Vertex AI: {model_uri}")\n' }, status: 'fail' },
    {
      name: 'retention answered as a year, while Terraform keeps a log group for a month',
      files: { ...fullTrail, 'infra/logging.tf': shortRetentionTerraform },
      answers: { 'governance.log-retention-months': 12 },
      status: 'pass',
      conflict: 'answer',
      evidence: 'retention_in_days = 30',
    },
    { name: 'a high-risk system without a trail: critical', files: { 'src/train.py': 'model = fit(X, y)\n' }, answers: { 'governance.eu-ai-act-risk': 'high' }, status: 'fail', severity: 'critical' },
  ],
  'governance.regulatory-obligations': [
    { name: 'provider with every obligation', answers: { 'governance.eu-ai-act-risk': 'high', 'governance.ai-act-role': 'provider', 'governance.ai-act-obligations': providerObligations }, status: 'pass' },
    { name: 'deployer with every obligation', answers: { 'governance.eu-ai-act-risk': 'high', 'governance.ai-act-role': 'deployer', 'governance.ai-act-obligations': deployerObligations }, status: 'pass' },
    { name: 'in-house system, both roles covered', answers: { 'governance.eu-ai-act-risk': 'high', 'governance.ai-act-role': 'both', 'governance.ai-act-obligations': [...new Set([...providerObligations, ...deployerObligations])] }, status: 'pass' },
    { name: 'in-house system with only the provider side', answers: { 'governance.eu-ai-act-risk': 'high', 'governance.ai-act-role': 'both', 'governance.ai-act-obligations': providerObligations }, status: 'partial' },
    { name: 'provider halfway', answers: { 'governance.eu-ai-act-risk': 'high', 'governance.ai-act-role': 'provider', 'governance.ai-act-obligations': ['technical-file', 'log-keeping'] }, status: 'partial', evidence: 'technical-file, log-keeping' },
    { name: 'provider with nothing in place', answers: { 'governance.eu-ai-act-risk': 'high', 'governance.ai-act-role': 'provider', 'governance.ai-act-obligations': [] }, status: 'fail', evidence: '(none)' },
    { name: 'high-risk, checklist not answered', answers: { 'governance.eu-ai-act-risk': 'high' }, status: 'unknown', evidence: 'governance.ai-act-role is not answered' },
    { name: 'limited-risk system', answers: { 'governance.eu-ai-act-risk': 'limited' }, status: 'not_applicable' },
  ],
};
