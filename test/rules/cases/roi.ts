import { notebook, s3Bucket, sagemakerEndpoint, workflow } from '../../helpers/repo-snippets.js';
import type { RuleCases } from '../../helpers/rule-tester.js';

const mlCanvas = `ML Canvas — claims fraud triage
================================

Decision: which incoming claims get a manual fraud review.
Users: claims handlers in the Hamburg and Lyon service centres.
Today: claims above EUR 5,000 are reviewed; about 35% of reviews find nothing.
Value: review the riskiest 5% of claims instead, whatever the amount.
`;

const evaluateWithBaseline = `from sklearn.dummy import DummyClassifier
from sklearn.metrics import roc_auc_score


def evaluate(model, X_train, y_train, X_test, y_test):
    baseline = DummyClassifier(strategy="prior").fit(X_train, y_train)
    scores = {
        "auc": roc_auc_score(y_test, model.predict_proba(X_test)[:, 1]),
        "baseline_auc": roc_auc_score(y_test, baseline.predict_proba(X_test)[:, 1]),
    }
    return scores
`;

const thresholdModule = `import numpy as np

COST_FN = 400.0  # average loss from a missed fraud case, EUR
COST_FP = 6.0  # investigator time for a false alarm, EUR


def expected_cost(y_true, scores, threshold):
    flagged = scores >= threshold
    false_negatives = np.sum(~flagged & (y_true == 1))
    false_positives = np.sum(flagged & (y_true == 0))
    return false_negatives * COST_FN + false_positives * COST_FP


def pick_threshold(y_true, scores):
    grid = np.linspace(0.01, 0.99, 99)
    return min(grid, key=lambda t: expected_cost(y_true, scores, t))
`;

const costParams = `train:
  n_estimators: 400
  learning_rate: 0.05
decision:
  cost_fn: 400
  cost_fp: 6
`;

const infracostWorkflow = workflow({
  name: 'infracost',
  on: '[pull_request]',
  job: 'infracost',
  steps: [
    'uses: actions/checkout@v4',
    'uses: infracost/actions/setup@v3\nwith:\n  api-key: ${{ secrets.INFRACOST_API_KEY }}',
    'run: infracost breakdown --path=infra --format=json --out-file=/tmp/infracost.json',
  ],
});

// The amounts the budget and payback cases share: those cases differ in the approval or the benefit.
const costs = { 'roi.one-off-cost': 180000, 'roi.annual-run-cost': 95000, 'roi.currency': 'EUR' };
const allNumbers = { 'roi.poc-cost': 85000, 'roi.team-fte': 3.5, ...costs };

const volumes = { 'roi.predictions-per-day': 12000, 'roi.predictions-per-day-12m': 250000 };

/** A repository with training code and nothing that speaks to the question. */
const trainingOnly = { 'src/train.py': 'model.fit(X, y)\n' };

const taggedTerraform = `provider "aws" {
  region = "eu-central-1"

  default_tags {
    tags = {
      Project    = "claims-fraud"
      CostCenter = "CC-4711"
      Owner      = "pricing-ml"
    }
  }
}

${sagemakerEndpoint('fraud')}`;

const budgetTerraform = `resource "aws_budgets_budget" "claims_fraud" {
  name         = "claims-fraud-monthly"
  budget_type  = "COST"
  limit_amount = "4000"
  limit_unit   = "USD"
  time_unit    = "MONTHLY"

  cost_filter {
    name   = "TagKeyValue"
    values = ["user:Project$claims-fraud"]
  }

  notification {
    comparison_operator        = "GREATER_THAN"
    threshold                  = 80
    threshold_type             = "PERCENTAGE"
    notification_type          = "FORECASTED"
    subscriber_email_addresses = ["pricing-ml@example.com"]
  }
}
`;

const untaggedTerraform = `provider "google" {
  project = "acme-ml-prod"
  region  = "europe-west4"
}

resource "google_storage_bucket" "features" {
  name     = "acme-ml-features"
  location = "EU"
}
`;

const environmentOnlyTags = `provider "aws" {
  region = "eu-central-1"

  default_tags {
    tags = {
      Environment = "prod"
    }
  }
}

${s3Bucket('models', 'acme-fraud-models')}`;

const cloudFormation = `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  ModelBucket:
    Type: AWS::S3::Bucket
    Properties:
      Tags:
        - Key: CostCenter
          Value: CC-4711
  MonthlyBudget:
    Type: AWS::Budgets::Budget
    Properties:
      Budget:
        BudgetType: COST
        TimeUnit: MONTHLY
        BudgetLimit:
          Amount: 4000
          Unit: USD
`;

const dbtSchema = `version: 2
models:
  - name: claims
    columns:
      - name: claim_id
        data_tests: [unique, not_null]
      - name: cost_center
        description: Cost centre that booked the claim
`;

export const cases: RuleCases = {
  'roi.problem-statement': [
    { name: 'an ML canvas in docs', files: { 'docs/ml-canvas.md': mlCanvas }, status: 'pass', evidence: 'docs/ml-canvas.md' },
    { name: 'a business case as a PDF', files: { 'docs/Business_Case_v2.pdf': '%PDF-1.7\n' }, answers: { 'roi.problem-statement': 'informal' }, status: 'pass', evidence: 'Business_Case_v2.pdf' },
    {
      name: 'a business-problem section in the README',
      files: { 'README.md': '# Claims fraud triage\n\n## Business problem\n\nClaims handlers review every claim above EUR 5,000; a third of reviews find nothing.\n' },
      status: 'pass',
      evidence: 'README.md:3',
    },
    { name: 'written and agreed (answered)', answers: { 'roi.problem-statement': 'written' }, status: 'pass' },
    { name: 'the team knows, nothing written', answers: { 'roi.problem-statement': 'informal' }, status: 'partial' },
    { name: 'exploring what the data can do', answers: { 'roi.problem-statement': 'unclear' }, status: 'fail' },
    {
      name: 'a Python module named business_case.py is not a problem statement',
      files: { 'src/business_case.py': 'def roi(benefit, cost):\n    return benefit / cost\n' },
      answers: { 'roi.problem-statement': 'unclear' },
      status: 'fail',
    },
    { name: 'nothing written, not answered', files: { 'README.md': '# Fraud model\n\n## Training\n\nRun the notebook.\n' }, status: 'unknown' },
  ],
  'roi.kpi-defined': [
    {
      name: 'a SMART KPI, stated',
      answers: { 'roi.kpi': 'smart', 'roi.kpi-target': 'Share of fruitless fraud reviews 35% → 20% by 30 Sep 2026; proxy: precision at 90% recall ≥ 0.6' },
      status: 'pass',
      evidence: 'roi.kpi-target',
    },
    { name: 'a KPI without target or date', answers: { 'roi.kpi': 'named' }, status: 'partial' },
    { name: 'said to be SMART, but left empty', answers: { 'roi.kpi': 'smart', 'roi.kpi-target': '  ' }, status: 'partial' },
    { name: 'model metrics only', answers: { 'roi.kpi': 'none' }, status: 'fail' },
    { name: 'said to be SMART, KPI not stated yet', answers: { 'roi.kpi': 'smart' }, status: 'unknown', evidence: 'roi.kpi-target is not answered' },
    { name: 'not answered', status: 'unknown' },
  ],
  'roi.baseline-measured': [
    { name: 'both baselines (answered)', answers: { 'roi.baselines': ['kpi-today', 'simple-model'] }, status: 'pass' },
    { name: "today's KPI, and a DummyClassifier in the evaluation module", files: { 'src/fraud/evaluate.py': evaluateWithBaseline }, answers: { 'roi.baselines': ['kpi-today'] }, status: 'pass', evidence: 'src/fraud/evaluate.py:6' },
    {
      name: "today's KPI, and a test that the model beats the dummy",
      files: { 'tests/test_quality.py': 'from sklearn.dummy import DummyClassifier\n\ndef test_beats_baseline(model, data):\n    dummy = DummyClassifier().fit(data.X, data.y)\n    assert model.score(data.X_test, data.y_test) > dummy.score(data.X_test, data.y_test) + 0.05\n' },
      answers: { 'roi.baselines': ['kpi-today'] },
      status: 'pass',
      evidence: 'tests/test_quality.py:4',
    },
    { name: "today's KPI, and a baseline in metrics.json", files: { 'reports/metrics.json': '{"auc": 0.87, "baseline_auc": 0.5, "precision_at_90_recall": 0.61}\n' }, answers: { 'roi.baselines': ['kpi-today'] }, status: 'pass', evidence: 'reports/metrics.json' },
    { name: 'a dummy baseline in code, KPI today not answered', files: { 'src/fraud/evaluate.py': evaluateWithBaseline }, status: 'partial', evidence: 'DummyClassifier' },
    { name: "today's KPI, the dummy only in a notebook", files: { 'notebooks/compare.ipynb': notebook('from sklearn.dummy import DummyRegressor\nbase = DummyRegressor(strategy="mean").fit(X, y)') }, answers: { 'roi.baselines': ['kpi-today'] }, status: 'partial' },
    { name: 'a simple-model comparison only', answers: { 'roi.baselines': ['simple-model'] }, status: 'partial' },
    { name: 'neither', answers: { 'roi.baselines': [] }, status: 'fail' },
    { name: 'DummyClassifier imported but never used', files: { 'src/fraud/evaluate.py': 'from sklearn.dummy import DummyClassifier\n\ndef evaluate(model, X, y):\n    return model.score(X, y)\n' }, answers: { 'roi.baselines': [] }, status: 'fail' },
    { name: 'a baseline in an example notebook does not count', files: { 'examples/quickstart.ipynb': notebook('base = DummyClassifier().fit(X, y)') }, answers: { 'roi.baselines': [] }, status: 'fail' },
    { name: 'nothing, not answered', files: trainingOnly, status: 'unknown' },
  ],
  'roi.ml-justified': [
    { name: 'alternatives measured', answers: { 'roi.alternatives': 'compared' }, status: 'pass' },
    { name: 'alternatives discussed', answers: { 'roi.alternatives': 'considered' }, status: 'partial' },
    { name: 'ML was the starting point', answers: { 'roi.alternatives': 'not-considered' }, status: 'fail' },
    { name: 'not answered', status: 'unknown' },
  ],
  'roi.cost-of-errors': [
    { name: 'error costs quantified (answered)', answers: { 'roi.error-costs': 'quantified' }, status: 'pass' },
    { name: 'the threshold is chosen from error costs in code', files: { 'src/fraud/threshold.py': thresholdModule }, status: 'pass', evidence: 'src/fraud/threshold.py:3' },
    { name: 'error costs in params.yaml', files: { 'params.yaml': costParams }, answers: { 'roi.error-costs': 'ranked' }, status: 'pass', evidence: 'params.yaml:5' },
    { name: 'roughly known', answers: { 'roi.error-costs': 'ranked' }, status: 'partial' },
    { name: 'a cost matrix worked out in a notebook', files: { 'notebooks/threshold.ipynb': notebook('cost_matrix = np.array([[0, 6], [400, 0]])\nbest = pick(cost_matrix)') }, status: 'partial', evidence: 'cell 1' },
    { name: 'errors weighed by their costs against the confusion matrix', files: { 'src/evaluate.py': 'import numpy as np\n\nloss = (confusion_matrix(y_true, y_pred) * COST_MATRIX).sum()\n' }, answers: { 'roi.error-costs': 'ranked' }, status: 'pass', evidence: 'src/evaluate.py:3' },
    {
      // Hungarian matching in a tracker or a detector's matcher: the cost of an assignment, not of an error.
      name: 'an assignment cost matrix is no business cost of errors',
      files: { 'src/tracking/matcher.py': 'from scipy.optimize import linear_sum_assignment\n\ncost_matrix = 1 - pairwise_iou(tracks, detections)\nrows, cols = linear_sum_assignment(cost_matrix)\n' },
      answers: { 'roi.error-costs': 'ranked' },
      status: 'partial',
    },
    {
      // Dynamic time warping aligns two series over a matrix of distances: an algorithm's cost, not an error's.
      name: "a DTW alignment's CostMatrix class is no business cost of errors",
      files: { 'darts/dataprocessing/dtw/__init__.py': 'from darts.dataprocessing.dtw.cost_matrix import CostMatrix\n', 'darts/dataprocessing/dtw/cost_matrix.py': 'class CostMatrix(ABC):\n    @staticmethod\n    def _from_window(window):\n        return SparseCostMatrix(window)\n' },
      answers: { 'roi.error-costs': 'not-estimated' },
      status: 'fail',
    },
    {
      name: 'a CostMatrix built from the values of the confusion cells',
      files: { 'src/cli/evaluate.py': 'cost = CostMatrix(\n    tp_value=cfg.cost.tp_value,\n    fp_value=cfg.cost.fp_value,\n    fn_value=cfg.cost.fn_value,\n)\n' },
      answers: { 'roi.error-costs': 'ranked' },
      status: 'pass',
      firstEvidence: 'src/cli/evaluate.py:1',
    },
    { name: 'not estimated', answers: { 'roi.error-costs': 'not-estimated' }, status: 'fail' },
    {
      name: 'serving cost per request is not an error cost',
      files: { 'src/serving/pricing.py': 'cost_per_request = 0.0004\nmonthly_cost = cost_per_request * requests_per_month\n' },
      answers: { 'roi.error-costs': 'not-estimated' },
      status: 'fail',
    },
    { name: 'nothing, not answered', files: trainingOnly, status: 'unknown' },
  ],
  'roi.tco-budget': [
    { name: 'approved, with the amounts', answers: { 'roi.budget': 'approved', ...allNumbers }, status: 'pass', evidence: 'roi.annual-run-cost: 95000' },
    { name: 'estimated, not approved', answers: { 'roi.budget': 'estimated' }, status: 'partial' },
    { name: 'Infracost runs in CI, budget not answered', files: { '.github/workflows/infracost.yml': infracostWorkflow }, status: 'partial', evidence: 'infracost breakdown' },
    { name: 'not estimated', answers: { 'roi.budget': 'none' }, status: 'fail' },
    { name: 'approved, amounts not given yet', answers: { 'roi.budget': 'approved', 'roi.currency': 'EUR' }, status: 'unknown', evidence: 'roi.one-off-cost is not answered' },
    { name: 'not answered', status: 'unknown' },
  ],
  'roi.payback': [
    {
      name: 'a reviewed business case with the amounts',
      answers: { 'roi.business-case': 'reviewed', 'roi.annual-benefit': 420000, ...costs },
      status: 'pass',
      evidence: 'roi.annual-benefit: 420000',
    },
    { name: 'a rough estimate', answers: { 'roi.business-case': 'rough', 'roi.annual-benefit': 300000 }, status: 'partial' },
    { name: 'no estimate', answers: { 'roi.business-case': 'none' }, status: 'fail' },
    {
      name: 'a reviewed case with no benefit',
      answers: { 'roi.business-case': 'reviewed', 'roi.annual-benefit': 0, ...costs },
      status: 'fail',
      evidence: 'roi.annual-benefit: 0',
    },
    { name: 'reviewed, amounts not given yet', answers: { 'roi.business-case': 'reviewed' }, status: 'unknown', evidence: 'roi.annual-benefit is not answered' },
    { name: 'not answered', status: 'unknown' },
  ],
  'roi.sponsor': [
    { name: 'a funded, named sponsor', answers: { 'roi.sponsor': 'funded', 'roi.sponsor-name': 'Anna Schmidt, COO' }, status: 'pass', evidence: 'Anna Schmidt' },
    { name: 'a sponsor without funding', answers: { 'roi.sponsor': 'sponsor-only' }, status: 'partial' },
    { name: 'funded, but nobody named', answers: { 'roi.sponsor': 'funded', 'roi.sponsor-name': '' }, status: 'partial' },
    { name: 'no sponsor', answers: { 'roi.sponsor': 'none' }, status: 'fail' },
    { name: 'funded, name not given yet', answers: { 'roi.sponsor': 'funded' }, status: 'unknown' },
    { name: 'not answered', status: 'unknown' },
  ],
  'roi.cost-tagging': [
    {
      name: 'default tags with a cost centre, and a budget, in Terraform',
      files: { 'infra/providers.tf': taggedTerraform, 'infra/budget.tf': budgetTerraform },
      status: 'pass',
      evidence: 'aws_budgets_budget',
    },
    { name: 'CloudFormation tags and budget', files: { 'infra/template.yaml': cloudFormation }, status: 'pass', evidence: 'infra/template.yaml:7' },
    { name: 'tagged in Terraform, budget kept in the platform repository', files: { 'infra/providers.tf': taggedTerraform }, answers: { 'roi.cost-visibility': 'tagged-budget' }, status: 'pass' },
    { name: 'tagged in Terraform, no budget', files: { 'infra/providers.tf': taggedTerraform }, status: 'partial', evidence: 'CostCenter' },
    { name: 'default tags without a cost key', files: { 'infra/providers.tf': environmentOnlyTags }, status: 'partial', evidence: 'default_tags' },
    { name: 'Terraform without tags', files: { 'infra/main.tf': untaggedTerraform }, status: 'fail' },
    { name: 'experiment run tags are not cost tags', files: { 'infra/main.tf': untaggedTerraform, 'src/train.py': 'with mlflow.start_run(tags={"team": "data-science", "project": "churn"}):\n    mlflow.log_metric("auc", auc)\n' }, status: 'fail' },
    {
      name: 'CDK tags with a cost centre, and a budget construct',
      files: {
        'infra/app.py': 'import aws_cdk as cdk\nfrom aws_cdk import aws_budgets as budgets\n\napp = cdk.App()\ncdk.Tags.of(app).add("CostCenter", "ml-platform")\nbudgets.CfnBudget(stack, "Monthly", budget={"budgetType": "COST", "timeUnit": "MONTHLY"})\n',
        'cdk.json': '{ "app": "python3 infra/app.py" }',
      },
      status: 'pass',
      evidence: 'AWS::Budgets::Budget',
    },
    {
      name: 'Pulumi tags with a project key, and a budget',
      files: { 'infra/index.ts': 'import * as aws from "@pulumi/aws";\n\nnew aws.s3.Bucket("data", { tags: { Project: "churn", Environment: "prod" } });\nnew aws.budgets.Budget("monthly", { budgetType: "COST", limitAmount: "500", timeUnit: "MONTHLY" });\n' },
      status: 'pass',
      evidence: 'infra/index.ts:3',
    },
    {
      name: 'CDK tags without a cost key',
      files: { 'infra/app.py': 'import aws_cdk as cdk\n\napp = cdk.App()\ncdk.Tags.of(app).add("Environment", "prod")\n', 'cdk.json': '{ "app": "python3 infra/app.py" }' },
      status: 'partial',
      evidence: 'Tags.of',
    },
    {
      name: 'an S3 object key named project.zip is no cost tag',
      files: { 'pipeline.yml': 'Resources:\n  Repository:\n    Type: AWS::CodeCommit::Repository\n    Properties:\n      Code:\n        S3:\n          Bucket: "S3_BUCKET_NAME"\n          Key: "project.zip"\n' },
      status: 'fail',
    },
    {
      name: "untagged Terraform; the answer cannot supply the repository's missing tags",
      files: { 'infra/main.tf': untaggedTerraform },
      answers: { 'roi.cost-visibility': 'tagged-budget' },
      status: 'fail',
    },
    { name: 'a cost_center column in a dbt schema is not a tag', files: { 'infra/main.tf': untaggedTerraform, 'models/schema.yml': dbtSchema }, status: 'fail' },
    { name: 'no infrastructure code; tagged with a budget (answered)', files: trainingOnly, answers: { 'roi.cost-visibility': 'tagged-budget' }, status: 'pass' },
    { name: 'no infrastructure code; tagged, no budget', answers: { 'roi.cost-visibility': 'tagged' }, status: 'partial' },
    { name: 'no infrastructure code; cost mixed into a shared bill', answers: { 'roi.cost-visibility': 'none' }, status: 'fail' },
    { name: 'no infrastructure code, not answered', files: trainingOnly, status: 'unknown' },
  ],
  'roi.value-tracking': [
    { name: 'method, review date and stop criteria', answers: { 'roi.value-measurement': ['method', 'review-date', 'stop-criteria'] }, status: 'pass' },
    { name: 'a holdout, but no review date or stop criteria', answers: { 'roi.value-measurement': ['method'] }, status: 'partial' },
    { name: 'nothing agreed', answers: { 'roi.value-measurement': [] }, status: 'fail' },
    { name: 'not answered', status: 'unknown' },
  ],
  'roi.scaling-assumptions': [
    {
      name: 'documented volumes for an online model',
      answers: { 'roi.volume-assumptions': 'documented', ...volumes, 'infrastructure.serving-mode': 'online' },
      status: 'pass',
      evidence: 'roi.predictions-per-day-12m: 250000',
    },
    { name: 'rough numbers', answers: { 'roi.volume-assumptions': 'estimated' }, status: 'partial' },
    {
      name: 'documented, but the serving mode is undecided',
      answers: { 'roi.volume-assumptions': 'documented', ...volumes, 'infrastructure.serving-mode': 'undecided' },
      status: 'partial',
      evidence: 'infrastructure.serving-mode',
    },
    { name: 'volumes unknown', answers: { 'roi.volume-assumptions': 'not-known' }, status: 'fail' },
    { name: 'documented, numbers not given yet', answers: { 'roi.volume-assumptions': 'documented', 'infrastructure.serving-mode': 'batch' }, status: 'unknown' },
    { name: 'not answered', status: 'unknown' },
  ],
};
