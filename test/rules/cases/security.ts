import { dependabot, deployment, llmAssistantCase, notebook, requirements, s3Bucket, sagemakerEndpoint, schedule, testWorkflow, trainScript, workflow } from '../../helpers/repo-snippets.js';
import type { RuleCases } from '../../helpers/rule-tester.js';

/*
 * Credentials below are made up: they only have the shape the scanner recognises.
 * They are assembled from parts so that secret scanners of this repository do not flag them.
 */
const awsKey = ['AKIA', 'Z3MSJV7WXQ2LPDRT'].join('');
const openaiKey = ['sk-proj-', 'Xr4mQ9tLw2VbN7kPz1cYh8sDf3gJ5aEu6oTi0nRq'].join('');
const privateKeyHeader = ['-----BEGIN RSA ', 'PRIVATE KEY-----'].join('');
const codecovToken = ['66a1f289-b4d9', '-42ec-84bd-d10f7e2a428d'].join('');

const gitleaksWorkflow = workflow({
  name: 'secrets',
  on: '[push, pull_request]',
  job: 'gitleaks',
  steps: ['uses: actions/checkout@v4\nwith:\n  fetch-depth: 0', 'uses: gitleaks/gitleaks-action@v2'],
});

const preCommitWithGitleaks = `repos:
  - repo: https://github.com/astral-sh/ruff-pre-commit
    rev: v0.4.4
    hooks:
      - id: ruff
  - repo: https://github.com/gitleaks/gitleaks
    rev: v8.18.2
    hooks:
      - id: gitleaks
`;

const preCommitWorkflow = workflow({
  name: 'pre-commit',
  on: '[pull_request]',
  job: 'pre-commit',
  steps: ['uses: actions/checkout@v4', 'uses: actions/setup-python@v5', 'uses: pre-commit/action@v3.0.1'],
});

const fastapiNoAuth = `from fastapi import FastAPI
from pydantic import BaseModel

app = FastAPI()


class Customer(BaseModel):
    tenure_months: int


@app.post("/v1/predict")
def predict(customer: Customer) -> dict:
    return {"churn_probability": 0.2}
`;

const fastapiApiKey = `from fastapi import Depends, FastAPI, HTTPException, Security
from fastapi.security import APIKeyHeader

app = FastAPI()
api_key_header = APIKeyHeader(name="X-API-Key")


def authorised(key: str = Security(api_key_header)) -> None:
    if key not in ALLOWED_KEYS:
        raise HTTPException(status_code=403)


@app.post("/v1/predict", dependencies=[Depends(authorised)])
def predict(payload: dict) -> dict:
    return {"churn_probability": 0.2}
`;

const scopedIam = `data "aws_iam_policy_document" "serving" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["arn:aws:s3:::acme-churn-models/*"]
  }
}

resource "aws_iam_policy" "serving" {
  name   = "churn-serving"
  policy = data.aws_iam_policy_document.serving.json
}
`;

const wildcardIam = `resource "aws_iam_role_policy" "pipeline" {
  name = "churn-pipeline"
  role = aws_iam_role.pipeline.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      "Effect": "Allow",
      "Action": "*",
      "Resource": "*"
    }]
  })
}

resource "google_cloud_run_service_iam_member" "public" {
  service = google_cloud_run_v2_service.churn.name
  role    = "roles/run.invoker"
  member  = "allUsers"
}
`;

const kmsBucket = `${s3Bucket('training', 'acme-churn-training')}
resource "aws_s3_bucket_server_side_encryption_configuration" "training" {
  bucket = aws_s3_bucket.training.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.training.arn
    }
  }
}
`;

const presidioMasking = `from presidio_analyzer import AnalyzerEngine
from presidio_anonymizer import AnonymizerEngine

analyzer = AnalyzerEngine()
anonymizer = AnonymizerEngine()


def mask_free_text(text: str) -> str:
    findings = analyzer.analyze(text=text, language="en")
    return anonymizer.anonymize(text=text, analyzer_results=findings).text
`;

const dpia = `# Data protection impact assessment: churn model

Owner: Data Protection Officer, reviewed 2026-03-02.

## Processing

The model uses customer tenure, plan and support-ticket counts. The legal basis is legitimate interest
(Art. 6(1)(f) GDPR), balanced in section 4.
`;

const nemoGuardrails = `from nemoguardrails import LLMRails, RailsConfig
from openai import OpenAI

config = RailsConfig.from_path("./guardrails")
rails = LLMRails(config)


def answer(question: str) -> str:
    return rails.generate(messages=[{"role": "user", "content": question}])["content"]
`;

const openaiAssistant = `from openai import OpenAI

client = OpenAI()


def answer(question: str) -> str:
    response = client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": question}])
    return response.choices[0].message.content
`;

const promptfooWorkflow = workflow({ name: 'llm-evals', on: '[pull_request]', job: 'redteam', steps: ['uses: actions/checkout@v4', 'run: npx promptfoo@latest redteam run --config promptfooconfig.yaml'] });

const promptfooQualityWorkflow = workflow({ on: '[push, pull_request]', job: 'evaluate', steps: ['run: |\n  cd eval\n  npx promptfoo eval -c promptfooconfig.yaml -o results/ci-eval.json --json'] });

const artTest = `import numpy as np
from art.attacks.evasion import FastGradientMethod
from art.estimators.classification import SklearnClassifier

from churn.model import load_model


def test_accuracy_under_fgsm_stays_above_floor(holdout):
    classifier = SklearnClassifier(model=load_model())
    attack = FastGradientMethod(estimator=classifier, eps=0.05)
    x_adv = attack.generate(x=holdout.x)
    accuracy = np.mean(classifier.predict(x_adv).argmax(axis=1) == holdout.y)
    assert accuracy > 0.7
`;

const sbomAndSignWorkflow = `name: release
on:
  push:
    tags: ["v*"]
jobs:
  release:
    runs-on: ubuntu-latest
    permissions:
      id-token: write
      packages: write
    steps:
      - uses: actions/checkout@v4
      - run: docker build -t ghcr.io/acme/churn:\${{ github.ref_name }} .
      - run: docker push ghcr.io/acme/churn:\${{ github.ref_name }}
      - uses: anchore/sbom-action@v0
        with:
          image: ghcr.io/acme/churn:\${{ github.ref_name }}
      - uses: sigstore/cosign-installer@v3
      - run: cosign sign --yes ghcr.io/acme/churn:\${{ github.ref_name }}
`;

/** The image of the dependency-scanning cases: only whether something scans it matters. */
const dockerfile = 'FROM python:3.11.9-slim\nCOPY . /app\n';

const joblibServing = 'import joblib\n\nmodel = joblib.load("/models/churn.joblib")\n';

/** Pairs with a pyproject.toml that selects (or not) ruff's security rules. */
const ruffInCi = workflow({ on: '[push]', job: 'lint', steps: ['run: ruff check .'] });

const personal = { 'security.personal-data': 'personal' };
const noPersonalData = { 'security.personal-data': 'none' };

export const cases: RuleCases = {
  'security.no-committed-secrets': [
    {
      name: "a CI job's own test database, started as a service container",
      files: {
        '.github/workflows/ci.yml':
          'on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    services:\n      postgres:\n        image: postgres:16\n        env:\n          POSTGRES_PASSWORD: Xk9vR2mQ7pLz\n    env:\n      DATABASE_URL: postgresql://app:Xk9vR2mQ7pLz@localhost:5432/test\n    steps:\n      - run: pytest\n',
      },
      status: 'pass',
      evidence: ['.github/workflows/ci.yml:9 not counted', '.github/workflows/ci.yml:11 not counted'],
    },
    {
      name: 'a clean project with a .env.example',
      files: { 'src/settings.py': 'import os\n\nOPENAI_API_KEY = os.environ["OPENAI_API_KEY"]\n', '.env.example': 'OPENAI_API_KEY=\nDATABASE_URL=\n' },
      status: 'pass',
      evidence: 'no credential in',
    },
    { name: 'an AWS key in the production config', files: { 'config/prod.yaml': `storage:\n  bucket: acme-churn\n  aws_access_key_id: ${awsKey}\n` }, status: 'fail', evidence: 'config/prod.yaml:3' },
    {
      // Set-aside code no longer runs, but what it holds is still in the repository for anyone to read.
      name: 'a key in an archived folder is still committed',
      files: { 'archive/old_pipeline/config.yaml': `aws_access_key_id: ${awsKey}\n`, 'src/train.py': trainScript },
      status: 'fail',
      firstEvidence: 'archive/old_pipeline/config.yaml:1',
    },
    // A service account key's id names the key and opens nothing; the key is its private_key.
    {
      name: "a service account file CI writes from secrets, with the key's id in the clear",
      files: {
        '.github/workflows/dvc.yml':
          'on: workflow_dispatch\njobs:\n  key:\n    runs-on: ubuntu-latest\n    steps:\n      - run: |\n          cat <<EOT > sa.json\n          {\n            "type": "service_account",\n            "private_key_id": "b9a69694c897e52628918aa8ea99072747b08278",\n            "private_key": "${{ secrets.SERVICE_ACCOUNT_PRIVATE_KEY }}"\n          }\n          EOT\n',
        'src/train.py': trainScript,
      },
      status: 'pass',
    },
    {
      name: 'a service account key committed under any name',
      files: {
        'config/pipeline-sa.json': `{\n  "type": "service_account",\n  "private_key_id": "b9a69694c897e52628918aa8ea99072747b08278",\n  "private_key": "${privateKeyHeader.replace('RSA ', '')}\\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj\\n"\n}\n`,
        'src/train.py': trainScript,
      },
      status: 'fail',
      firstEvidence: 'config/pipeline-sa.json:4 private-key',
    },
    { name: 'a credentials file in a legacy folder', files: { 'legacy/gcp/credentials.json': '{"type": "service_account"}\n', 'src/train.py': trainScript }, status: 'fail', evidence: 'legacy/gcp/credentials.json' },
    {
      name: 'a fake key in a test fixture is shown but not counted',
      files: { 'tests/fixtures/config.yaml': `aws_access_key_id: ${awsKey}\n`, 'src/train.py': trainScript },
      status: 'pass',
      evidence: 'not counted: aws-access-key-id',
    },
    {
      name: 'messages under keys named for a secret, in locale files, are text',
      files: {
        'backend/i18n/locales/zh-CN.json': '{\n  "llm": {\n    "no_api_key": "未配置 LLM API 密钥",\n    "invalid_token": "令牌无效或已过期请重新登录"\n  }\n}\n',
        'backend/i18n/locales/en.json': '{\n  "llm": {\n    "no_api_key": "LLM API key not configured"\n  }\n}\n',
        'src/train.py': trainScript,
      },
      status: 'pass',
    },
    {
      name: 'a bearer token in a configuration file is still a credential',
      files: { 'config/client.yaml': 'auth: "Bearer 8f3kQ9zLmW2xR7vT1pYc4nB6"\n', 'src/train.py': trainScript },
      status: 'fail',
      evidence: 'config/client.yaml:1',
    },
    {
      // A package named for what it does (`utilities-auth`, `next-auth`) is given its version, not a token.
      name: 'versions of packages named like credentials in a package.json',
      files: {
        'frontend/package.json': '{\n  "dependencies": {\n    "@acme-npm/utilities-auth": "^1.0.0-EN-1538.1",\n    "next-auth": "~4.24.11-beta.3",\n    "jwt-token": ">=2.1.0"\n  }\n}\n',
        'src/train.py': trainScript,
      },
      status: 'pass',
    },
    {
      // Beaker's and Gantry's env-secret fills OPENAI_API_KEY from the stored secret named openai_api_key.
      name: 'a variable mapped to the stored secret named after it',
      files: {
        'scripts/eval/launch.sh': `python mason.py --gantry-args '{"env-secret": "OPENAI_API_KEY=openai_api_key"}' --secret "HF_TOKEN=team_HF_TOKEN"\n`,
        'src/train.py': trainScript,
      },
      status: 'pass',
    },
    {
      name: 'a variable given a real-looking value, not a secret name, is still a credential',
      files: { 'scripts/eval/launch.sh': `python mason.py --gantry-args '{"env-secret": "OPENAI_API_KEY=q8Zr2Lx7Vm4Tp9Wd"}'\n`, 'src/train.py': trainScript },
      status: 'fail',
      firstEvidence: 'scripts/eval/launch.sh:1',
    },
    { name: 'a committed .env file holding a credential', files: { '.env': 'DATABASE_HOST=db.internal\nDATABASE_PASSWORD=Pr0dDbPassw0rd\n', 'src/train.py': trainScript }, status: 'fail', evidence: '.env:2 assigned-credential: Pr0********, a random-looking value' },
    // Settings only (as docker compose's COMPOSE_PROJECT_NAME): a risk, not a leak.
    { name: 'a committed .env file with settings only', files: { '.env': 'DATABASE_HOST=db.internal\nMODEL_BUCKET=acme-models\n', 'src/train.py': trainScript }, status: 'partial', evidence: 'file .env' },
    { name: 'a committed .env.production file with settings only', files: { 'deploy/.env.production': 'LOG_LEVEL=info\n' }, status: 'partial', evidence: 'deploy/.env.production' },
    {
      name: '.env.sample, .env.template and a CA bundle are fine',
      files: { '.env.sample': 'OPENAI_API_KEY=\n', 'docker/.env.template': 'DB_PASSWORD=\n', 'frontend/.env.local.example': 'NEXT_PUBLIC_API_URL=\n', 'certs/rds-combined-ca-bundle.pem': '-----BEGIN CERTIFICATE-----\nMIIEBjCCAu6gAwIBAgIJAMc0ZzaSUK51MA0GCSqGSIb3DQEBCwUAMIGPMQswCQYD\n-----END CERTIFICATE-----\n' },
      status: 'pass',
    },
    {
      name: 'local defaults, placeholders and CI secret references are set aside, and say why',
      files: {
        '.env': 'POSTGRES_PASSWORD=postgres\n',
        'docker-compose.yml': 'services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: mlflow123\n',
        '.github/workflows/release.yml': workflow({ on: 'push', job: 'push', steps: ['uses: docker/login-action@v3\nwith:\n  password: ${{ secrets.REGISTRY_TOKEN }}'] }),
        'README.md': '```\n"password": "ffffffff-0000-0000-0000-cd226c638d82"\n```\n',
        'src/train.py': trainScript,
      },
      status: 'partial',
      evidence: 'not counted: po******** is a default or throw-away value',
    },
    {
      name: 'a literal upload token in a CI file counts, whatever its privilege',
      files: { '.taskcluster.yml': `tasks:\n  - payload:\n      env:\n        CODECOV_TOKEN: ${codecovToken}\n` },
      status: 'fail',
      evidence: '.taskcluster.yml:4 assigned-credential: 66a1********, a random-looking value (36 characters',
    },
    { name: 'a service-account credentials file', files: { 'credentials.json': '{\n  "type": "service_account",\n  "project_id": "acme-ml"\n}\n' }, status: 'fail', evidence: 'file credentials.json' },
    { name: 'a private key file', files: { 'deploy/server-key.pem': `${privateKeyHeader}\nMIIEowIBAAKCAQEA\n` }, status: 'fail', evidence: 'deploy/server-key.pem' },
    { name: 'an OpenAI key printed in a notebook output', files: { 'notebooks/explore.ipynb': notebook('print(client.api_key)', `${openaiKey}\n`) }, status: 'fail', evidence: 'openai-api-key' },
  ],
  'security.secret-scanning': [
    { name: 'a GitLab gitleaks job with allow_failure', files: { '.gitlab-ci.yml': 'secrets:\n  stage: test\n  allow_failure: true\n  script:\n    - gitleaks detect --source . --redact\n' }, status: 'partial', firstEvidence: 'secret-scan step: gitleaks detect --source . --redact (allowed to fail)' },
    { name: 'gitleaks in CI', files: { '.github/workflows/secrets.yml': gitleaksWorkflow }, status: 'pass', evidence: 'secret-scan step' },
    { name: 'gitleaks in a workflow only started by hand', files: { '.github/workflows/secrets.yml': workflow({ on: '[workflow_dispatch]', job: 'secrets', steps: ['run: gitleaks detect --source . --redact'] }) }, status: 'partial', evidence: 'secret-scan step' },
    { name: 'a gitleaks pre-commit hook that CI runs', files: { '.pre-commit-config.yaml': preCommitWithGitleaks, '.github/workflows/pre-commit.yml': preCommitWorkflow }, status: 'pass', evidence: '.pre-commit-config.yaml:9' },
    { name: 'a pre-commit hook that only runs on laptops', files: { '.pre-commit-config.yaml': preCommitWithGitleaks, '.github/workflows/ci.yml': testWorkflow() }, status: 'partial', evidence: 'id: gitleaks' },
    { name: 'a detect-secrets baseline alone', files: { '.secrets.baseline': '{\n  "version": "1.4.0",\n  "results": {}\n}\n' }, status: 'partial', evidence: '.secrets.baseline' },
    { name: 'a workflow without triggers cannot run', files: { '.github/workflows/secrets.yml': 'name: secrets\njobs:\n  scan:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: gitleaks/gitleaks-action@v2\n' }, status: 'fail' },
    { name: 'no secret scanning', files: { '.github/workflows/ci.yml': testWorkflow() }, status: 'fail' },
  ],
  'security.secrets-manager': [
    {
      name: 'a CI secret reference in a design document is not how the code gets its key',
      files: {
        'architecture_design.md': "## Secrets\n\n```bash\naz ml job create --set environment_variables.ADLS_KEY='${{secrets.ADLS_KEY}}'\n```\n",
        'src/load.py': 'import os\n\nkey = os.environ["ADLS_KEY"]\n',
      },
      status: 'partial',
      firstEvidence: 'src/load.py:3',
    },
    // Keyless: the app takes a token from its managed identity, and holds no key to store.
    {
      name: 'Azure OpenAI reached with a managed identity, settings from a .env file',
      files: { 'src/app/chat.py': 'import os\n\nfrom azure.identity.aio import ManagedIdentityCredential, get_bearer_token_provider\nfrom dotenv import load_dotenv\nfrom openai import AsyncAzureOpenAI\n\nload_dotenv()\ncredential = ManagedIdentityCredential(client_id=os.getenv("AZURE_CLIENT_ID"))\nclient = AsyncAzureOpenAI(azure_endpoint=os.getenv("AZURE_OPENAI_ENDPOINT"), azure_ad_token_provider=get_bearer_token_provider(credential, SCOPE))\n' },
      status: 'pass',
      firstEvidence: 'src/app/chat.py:8 credential = ManagedIdentityCredential(',
    },
    {
      name: 'a managed identity beside a payment key read from the environment',
      files: { 'src/app/chat.py': 'import os\n\nfrom azure.identity import DefaultAzureCredential\n\ncredential = DefaultAzureCredential()\nstripe_key = os.environ["STRIPE_API_KEY"]\n' },
      status: 'partial',
    },
    { name: 'settings loaded from a .env file', files: { 'src/app/settings.py': 'from dotenv import load_dotenv\n\nload_dotenv()\n' }, status: 'partial', evidence: 'src/app/settings.py:3 load_dotenv(' },
    {
      // Setting the variables from literals holds the credential in code; nothing reads a secret kept elsewhere.
      name: 'credentials written into os.environ from literals are no secrets read from the environment',
      files: { 'pipeline/inference.py': "import os\n\nos.environ['AWS_ACCESS_KEY_ID'] = 'minioadmin'\nos.environ['AWS_SECRET_ACCESS_KEY'] = 'minioadmin'\nmodel = mlflow.keras.load_model('models:/DeployedModel/latest')\n" },
      status: 'not_applicable',
    },
    {
      name: 'AWS Secrets Manager at start-up',
      files: { 'src/churn/settings.py': 'import json\n\nimport boto3\n\n\ndef database_password() -> str:\n    client = boto3.client("secretsmanager")\n    return json.loads(client.get_secret_value(SecretId="churn/db")["SecretString"])["password"]\n' },
      status: 'pass',
      evidence: 'src/churn/settings.py:7',
    },
    {
      name: 'Kubernetes secretKeyRef',
      files: { 'k8s/deployment.yaml': deployment({ container: 'env:\n  - name: DB_PASSWORD\n    valueFrom:\n      secretKeyRef:\n        name: churn-db\n        key: password' }) },
      status: 'pass',
      evidence: 'secretKeyRef',
    },
    { name: 'keys read from environment variables', files: { 'src/llm.py': 'import os\n\nfrom openai import OpenAI\n\nclient = OpenAI(api_key=os.environ["OPENAI_API_KEY"])\n' }, status: 'partial', evidence: 'src/llm.py:5' },
    {
      name: 'a manager is used, but a password is also committed',
      files: {
        'src/churn/settings.py': 'import boto3\n\nsecret = boto3.client("secretsmanager").get_secret_value(SecretId="churn/api")\n',
        'config/database.yaml': 'host: db.internal\nuser: churn\npassword: "Tr0ub4dor-3-horse"\n',
      },
      status: 'partial',
      evidence: 'config/database.yaml:3',
    },
    { name: 'a password hard-coded in a config module', files: { 'src/churn/db.py': 'import psycopg2\n\nconn = psycopg2.connect(host="db.internal", user="churn", password="Tr0ub4dor-3-horse")\n' }, status: 'fail', evidence: 'src/churn/db.py:3' },
    {
      name: "credentials from the CI's own secret store are kept in a manager, not in files",
      files: { '.github/workflows/release.yml': workflow({ on: 'push', job: 'push', steps: ['uses: docker/login-action@v3\nwith:\n  username: ${{ github.actor }}\n  password: ${{ secrets.GITHUB_TOKEN }}'] }) },
      status: 'pass',
      evidence: 'GITHUB_TOKEN from GitHub Actions secrets',
    },
    {
      name: 'token counts and a tokenizer read from the environment are no credentials',
      files: { 'src/serve.py': 'import os\n\nmax_new_tokens = int(os.environ.get("MAX_NEW_TOKENS", 512))\ntokenizer = os.getenv("TOKENIZER_PATH")\nkeywords = os.environ["SEARCH_KEYWORDS"]\n' },
      status: 'not_applicable',
    },
    { name: 'a key named in parts, and keys in the plural', files: { 'src/settings.py': 'import os\n\nsecret = os.environ["AWS_SECRET_ACCESS_KEY"]\nkeys = os.getenv("SIGNING_KEYS")\nbase = os.getenv("SECRET_KEY_BASE")\n' }, status: 'partial', evidence: ['src/settings.py:3', 'src/settings.py:4', 'src/settings.py:5'] },
    { name: 'no credentials used at all', files: { 'src/train.py': trainScript }, status: 'not_applicable' },
  ],
  'security.dependency-scanning': [
    { name: 'pip-audit in CI whose failure is swallowed', files: { '.github/workflows/audit.yml': workflow({ on: '[pull_request]', job: 'audit', steps: ['run: pip-audit -r requirements.txt || echo "vulnerable dependencies"'] }) }, status: 'partial', evidence: 'allowed to fail' },
    { name: 'pip-audit in CI, no images', files: { '.github/workflows/audit.yml': workflow({ on: '[pull_request]', job: 'audit', steps: ['uses: pypa/gh-action-pip-audit@v1.0.8\nwith:\n  inputs: requirements.txt'] }) }, status: 'pass', evidence: 'dependency-scan step' },
    { name: 'pip-audit only when someone starts the workflow', files: { '.github/workflows/audit.yml': workflow({ on: '[workflow_dispatch]', job: 'audit', steps: ['run: pip-audit -r requirements.txt'] }) }, status: 'partial', evidence: 'dependency-scan step' },
    {
      name: 'Dependabot plus a Trivy image scan',
      files: {
        Dockerfile: dockerfile,
        '.github/dependabot.yml': dependabot,
        '.github/workflows/image.yml': workflow({ on: 'push', job: 'scan', steps: ['run: docker build -t churn:ci .', 'uses: aquasecurity/trivy-action@0.20.0\nwith:\n  image-ref: churn:ci'] }),
      },
      status: 'pass',
      evidence: 'image-scan step',
    },
    { name: 'dependencies scanned, the image is not', files: { Dockerfile: dockerfile, '.github/workflows/audit.yml': workflow({ on: '[pull_request]', job: 'audit', steps: ['run: pip install pip-audit', 'run: pip-audit -r requirements.txt'] }) }, status: 'partial', evidence: 'no CI step runs image-scan' },
    { name: 'pip-audit declared but never run', files: { 'pyproject.toml': '[project]\nname = "churn"\ndependencies = ["pandas==2.2.2"]\n\n[dependency-groups]\ndev = ["pip-audit==2.7.3", "pytest==8.2.0"]\n' }, status: 'partial', evidence: 'declares pip-audit' },
    { name: 'nothing scans dependencies', files: { '.github/workflows/ci.yml': testWorkflow() }, status: 'fail' },
    // GitHub's starter file leaves package-ecosystem empty: Dependabot rejects it and updates nothing.
    {
      name: "Dependabot's unfilled template",
      files: { '.github/dependabot.yml': 'version: 2\nupdates:\n  - package-ecosystem: "" # See documentation for possible values\n    directory: "/" # Location of package manifests\n    schedule:\n      interval: "weekly"\n' },
      status: 'fail',
    },
    {
      name: 'Component Governance detection on every pull request',
      files: { 'tests/ci/component_governance.yml': "pr:\n  - master\ntrigger: none\njobs:\n- job: Component_governance\n  steps:\n  - task: ComponentGovernanceComponentDetection@0\n    inputs:\n      scanType: 'Register'\n      alertWarningLevel: 'High'\n" },
      status: 'pass',
      firstEvidence: 'dependency-scan step',
    },
  ],
  'security.sast': [
    // A scan the build may fail through reports findings nobody has to read: configured, not enforced.
    { name: 'bandit in CI with continue-on-error', files: { '.github/workflows/ci.yml': workflow({ on: '[push]', job: 'sec', steps: ['run: bandit -r src -ll\ncontinue-on-error: true'] }) }, status: 'partial', firstEvidence: 'sast step: bandit -r src -ll (allowed to fail)' },
    { name: 'semgrep whose failure is swallowed with || true', files: { '.github/workflows/ci.yml': workflow({ on: '[push]', job: 'sec', steps: ['run: semgrep scan --config auto || true'] }) }, status: 'partial', evidence: 'allowed to fail' },
    { name: 'bandit allowed to fail beside a bandit step that gates', files: { '.github/workflows/ci.yml': workflow({ on: '[push]', job: 'sec', steps: ['run: bandit -r notebooks || true', 'run: bandit -r src'] }) }, status: 'pass', firstEvidence: 'sast step: bandit -r src' },
    { name: 'bandit in CI', files: { '.github/workflows/ci.yml': workflow({ on: '[push]', job: 'sec', steps: ['run: bandit -r src -ll'] }) }, status: 'pass', evidence: 'sast step' },
    // A pipeline someone has to start by hand (workflow_dispatch alone) checks the changes nobody remembered to check.
    { name: 'hadolint in a workflow only started by hand', files: { '.github/workflows/ci.yml': workflow({ on: '[workflow_dispatch]', job: 'lint', steps: ['run: hadolint deploy/Dockerfile'] }) }, status: 'partial', evidence: 'sast step: hadolint deploy/Dockerfile' },
    { name: 'semgrep on a nightly schedule', files: { '.github/workflows/nightly.yml': workflow({ on: "\n  schedule:\n    - cron: '0 3 * * *'", job: 'sec', steps: ['run: semgrep scan --config auto --error'] }) }, status: 'pass', evidence: 'sast step' },
    { name: 'ruff security rules run in CI', files: { 'pyproject.toml': '[project]\nname = "churn"\n\n[tool.ruff.lint]\nselect = ["E", "F", "I", "S"]\n', '.github/workflows/ci.yml': ruffInCi }, status: 'pass', evidence: 'pyproject.toml:5' },
    {
      name: 'Microsoft Security DevOps as an Azure Pipelines task',
      files: { 'azure-pipelines.yml': 'trigger:\n  - main\nsteps:\n  - task: MicrosoftSecurityDevOps@1\n    inputs:\n      categories: IaC\n' },
      status: 'pass',
      evidence: 'sast step',
    },
    { name: 'bandit configured but not run', files: { 'pyproject.toml': '[project]\nname = "churn"\n\n[tool.bandit]\nexclude_dirs = ["tests"]\n' }, status: 'partial', evidence: 'pyproject.toml:4' },
    {
      name: 'ruff security rules selected in a list over several lines',
      files: { 'pyproject.toml': '[project]\nname = "churn"\n\n[tool.ruff.lint]\nselect = [\n    "E",  # pycodestyle\n    "F",\n    "S",  # flake8-bandit\n]\n', '.github/workflows/ci.yml': ruffInCi },
      status: 'pass',
      evidence: 'pyproject.toml:5',
    },
    { name: 'ruff security rules only in a comment', files: { 'pyproject.toml': '[project]\nname = "churn"\n\n[tool.ruff.lint]\n# select = ["S"]\nselect = ["E", "F"]\n', '.github/workflows/ci.yml': ruffInCi }, status: 'fail' },
    { name: 'ruff in CI without the security rules', files: { 'pyproject.toml': '[project]\nname = "churn"\n\n[tool.ruff.lint]\nselect = ["E", "F", "I"]\n', '.github/workflows/ci.yml': ruffInCi }, status: 'fail' },
  ],
  'security.safe-model-artifacts': [
    { name: 'safetensors and safe torch loading', files: { 'src/serve.py': 'import torch\nfrom safetensors.torch import load_file\n\nstate = load_file("model.safetensors")\nckpt = torch.load("opt.pt", map_location="cpu", weights_only=True)\n' }, status: 'pass', evidence: 'no unsafe deserialisation' },
    { name: 'joblib.load in the serving code', files: { 'src/serve.py': joblibServing }, status: 'fail', evidence: 'src/serve.py:3' },
    { name: 'joblib models scanned with modelscan in CI', files: { 'src/serve.py': joblibServing, '.github/workflows/ci.yml': workflow({ on: '[push]', job: 'scan', steps: ['run: pip install modelscan', 'run: modelscan -p models/'] }) }, status: 'pass', evidence: 'modelscan' },
    { name: 'pickle only in an exploration notebook', files: { 'notebooks/eda.ipynb': notebook('import pickle\nwith open("model.pkl", "rb") as f:\n    model = pickle.load(f)'), 'src/serve.py': 'import onnxruntime as ort\n\nsession = ort.InferenceSession("model.onnx")\n' }, status: 'partial', evidence: 'cell 1' },
    {
      // darkzard05/rag-system-ollama keeps benchmarks it no longer runs in scripts/benchmarks/archive/.
      name: 'pickle only in archived benchmarks',
      files: { 'scripts/benchmarks/archive/bench_serialization.py': 'import pickle\n\nindex = pickle.load(open("index.pkl", "rb"))\n', 'src/serve.py': 'import onnxruntime as ort\n\nsession = ort.InferenceSession("model.onnx")\n' },
      status: 'pass',
    },
    { name: 'trust_remote_code on a hub model', files: { 'src/llm.py': 'from transformers import AutoModelForCausalLM\n\nmodel = AutoModelForCausalLM.from_pretrained("someone/model", trust_remote_code=True)\n' }, status: 'fail', evidence: 'trust_remote_code' },
    {
      name: "a loader derived from yaml's SafeLoader is safe, the full loader is not",
      files: { 'src/schemas.py': 'class OrderedSafeLoader(yaml.SafeLoader):\n    pass\n\nparams = yaml.load(f, Loader=OrderedSafeLoader)\nraw = yaml.load(g, Loader=yaml.BaseLoader)\nrest = yaml.load(h, Loader=yaml.Loader)\n' },
      status: 'fail',
      evidence: 'src/schemas.py:6',
    },
    {
      name: 'safe yaml, commented-out pickle and pickle in tests are fine',
      files: { 'src/config.py': 'import yaml\n\nconfig = yaml.load(open("params.yaml"), Loader=yaml.SafeLoader)\n# model = pickle.load(open("old.pkl", "rb"))\n', 'tests/test_io.py': 'import pickle\n\ndef test_roundtrip():\n    assert pickle.loads(pickle.dumps(1)) == 1\n' },
      status: 'pass',
    },
  ],
  'security.pii-inventory': [
    { name: 'a maintained inventory', files: { 'src/train.py': trainScript }, answers: { ...personal, 'security.personal-data-inventory': 'documented' }, status: 'pass', evidence: 'security.personal-data-inventory: "documented"' },
    { name: 'a DPIA in the docs, inventory unanswered', files: { 'docs/privacy/dpia.md': dpia }, answers: personal, status: 'partial', evidence: 'docs/privacy/dpia.md:7' },
    { name: 'an incomplete list', files: { 'src/train.py': trainScript }, answers: { ...personal, 'security.personal-data-inventory': 'partial' }, status: 'partial' },
    { name: 'personal data, no inventory', files: { 'src/train.py': trainScript }, answers: { ...personal, 'security.personal-data-inventory': 'none' }, status: 'fail' },
    { name: 'nothing answered', files: { 'src/train.py': trainScript }, status: 'unknown', evidence: 'security.personal-data-inventory is not answered' },
    { name: 'no personal data', files: { 'src/train.py': trainScript }, answers: noPersonalData, status: 'not_applicable', evidence: 'security.personal-data: "none"' },
  ],
  'security.pii-protection': [
    { name: 'Presidio masking and a manual deletion procedure', files: { 'src/churn/masking.py': presidioMasking }, answers: { ...personal, 'security.erasure-propagation': 'manual' }, status: 'pass', evidence: 'src/churn/masking.py:4' },
    { name: 'pseudonymised data with automated deletions', files: { 'src/train.py': trainScript }, answers: { 'security.personal-data': 'pseudonymised', 'security.erasure-propagation': 'automated' }, status: 'pass' },
    { name: 'KMS-encrypted training bucket, deletions unanswered', files: { 'infra/storage.tf': kmsBucket }, answers: personal, status: 'partial', evidence: 'aws_s3_bucket_server_side_encryption_configuration' },
    {
      name: 'server-side encryption set in a one-line Terraform block',
      files: { 'infra/bucket.tf': 'resource "aws_s3_bucket" "data" {\n  bucket = "acme-churn-data"\n  server_side_encryption_configuration {\n    rule {\n      apply_server_side_encryption_by_default { sse_algorithm = "aws:kms" }\n    }\n  }\n}\n' },
      answers: personal,
      status: 'partial',
      evidence: 'infra/bucket.tf:5',
    },
    { name: 'encryption only described in a YAML comment and a description', files: { 'deploy/values.yaml': '# sse_algorithm: aws:kms once the key exists\ndescription: "buckets will use kms_key_id: later"\n' }, answers: personal, status: 'unknown' },
    { name: 'deletions handled, nothing masked or encrypted', files: { 'src/train.py': trainScript }, answers: { ...personal, 'security.erasure-propagation': 'automated' }, status: 'partial' },
    { name: 'Presidio declared but never called', files: { 'requirements.txt': requirements('presidio-anonymizer==2.2.354'), 'src/train.py': trainScript }, answers: { ...personal, 'security.erasure-propagation': 'none' }, status: 'partial', evidence: 'declares presidio-anonymizer' },
    { name: 'nothing protects personal data', files: { 'src/train.py': trainScript }, answers: { ...personal, 'security.erasure-propagation': 'none' }, status: 'fail' },
    { name: 'nothing found, deletions unanswered', files: { 'src/train.py': trainScript }, answers: personal, status: 'unknown' },
    { name: 'no personal data', files: { 'src/train.py': trainScript }, answers: noPersonalData, status: 'not_applicable' },
  ],
  'security.least-privilege-access': [
    { name: 'API key on the endpoint, scoped IAM', files: { 'src/serve.py': fastapiApiKey, 'infra/iam.tf': scopedIam }, status: 'pass', firstEvidence: 'src/serve.py:5' },
    {
      name: "basic auth checked in a Flask server's request hook",
      files: {
        'ml_backend/api.py':
          'from flask import Flask, Response, request\n\n_server = Flask(__name__)\n\n@_server.before_request\ndef check_auth():\n    auth = request.authorization\n    if not auth or auth.password != PASSWORD:\n        return Response("Unauthorized", 401)\n\n@_server.route("/predict", methods=["POST"])\ndef predict():\n    return model.predict(request.json)\n',
      },
      status: 'pass',
      firstEvidence: 'ml_backend/api.py:7 auth = request.authorization',
    },
    { name: 'a SageMaker endpoint in Terraform needs IAM-signed calls', files: { 'infra/endpoint.tf': sagemakerEndpoint('churn') }, status: 'pass', evidence: 'aws_sagemaker_endpoint' },
    { name: 'wildcard IAM and a public Cloud Run service', files: { 'infra/main.tf': wildcardIam, 'src/serve.py': fastapiNoAuth }, status: 'fail', evidence: 'infra/main.tf:8' },
    { name: 'scoped IAM, no visible access control', files: { 'infra/iam.tf': scopedIam }, status: 'partial', firstEvidence: 'no authentication on the prediction API', evidence: 'no over-broad access' },
    { name: 'authentication in place, but a wildcard grant', files: { 'src/serve.py': fastapiApiKey, 'infra/main.tf': wildcardIam }, status: 'partial', firstEvidence: 'infra/main.tf:8', evidence: 'src/serve.py' },
    { name: 'an IAM-protected SageMaker endpoint, but a FullAccess policy', files: { 'infra/main.tf': `${sagemakerEndpoint('churn')}\nresource "aws_iam_role_policy_attachment" "pipeline" {\n  role       = aws_iam_role.pipeline.name\n  policy_arn = "arn:aws:iam::aws:policy/AmazonSageMakerFullAccess"\n}\n` }, status: 'partial', evidence: 'infra/main.tf:8' },
    {
      name: 'authentication in place, but admin roles on the whole GCP project',
      files: { 'src/serve.py': fastapiApiKey, 'infra/iam.tf': 'resource "google_project_iam_member" "pipeline" {\n  project = var.project\n  role    = "roles/storage.admin"\n  member  = "serviceAccount:${google_service_account.pipeline.email}"\n}\n' },
      status: 'partial',
      evidence: 'infra/iam.tf:3',
    },
    {
      name: 'authentication in place, but admin roles granted project-wide through a variable list',
      files: {
        'src/serve.py': fastapiApiKey,
        'infra/iam.tf': 'resource "google_project_iam_member" "pipeline" {\n  for_each = toset(var.pipeline_roles)\n  role     = "roles/${each.value}"\n}\n',
        'infra/variables.tf': 'variable "pipeline_roles" {\n  default = ["aiplatform.user", "bigquery.admin"]\n}\n',
      },
      status: 'partial',
      evidence: 'roles/bigquery.admin, an item of var.pipeline_roles (infra/variables.tf:2)',
    },
    {
      name: 'roles granted through a variable list, none of them admin',
      files: {
        'src/serve.py': fastapiApiKey,
        'infra/iam.tf': 'resource "google_project_iam_member" "pipeline" {\n  for_each = toset(var.pipeline_roles)\n  role     = "roles/${each.value}"\n}\n',
        'infra/variables.tf': 'variable "pipeline_roles" {\n  default = ["aiplatform.user", "bigquery.dataEditor"]\n}\n',
      },
      status: 'pass',
    },
    { name: 'an admin role on one bucket is scoped', files: { 'src/serve.py': fastapiApiKey, 'infra/iam.tf': 'resource "google_storage_bucket_iam_member" "state" {\n  bucket = google_storage_bucket.state.name\n  role   = "roles/storage.admin"\n}\n' }, status: 'pass' },
    {
      name: 'a CDK role with a FullAccess managed policy, and no access control',
      files: { 'lib/stack.ts': "import * as iam from 'aws-cdk-lib/aws-iam';\n\nconst role = new iam.Role(this, 'Pipeline', { assumedBy });\nrole.addManagedPolicy(iam.ManagedPolicy.fromAwsManagedPolicyName('AmazonS3FullAccess'));\n" },
      status: 'fail',
      evidence: 'lib/stack.ts:4',
    },
    { name: 'an open API with no infrastructure code', files: { 'src/serve.py': fastapiNoAuth }, status: 'fail' },
    { name: 'a Vertex AI endpoint (IAM-protected) created by hand in a notebook', files: { 'notebooks/deploy.ipynb': notebook('endpoint = aiplatform.Endpoint.create(display_name="mnist-endpoint")\nendpoint.deploy(mnist_model, min_replica_count=1, max_replica_count=5, machine_type="n1-standard-4")') }, status: 'partial', evidence: 'cell 1' },
    { name: 'a wildcard policy in the examples is not counted', files: { 'examples/iam/main.tf': wildcardIam, 'src/serve.py': fastapiApiKey }, status: 'pass' },
    { name: 'a training-only project', files: { 'src/train.py': trainScript }, status: 'not_applicable' },
  ],
  'security.adversarial-robustness': [
    { name: 'an FGSM robustness test', files: { 'tests/test_robustness.py': artTest }, status: 'pass', evidence: 'tests/test_robustness.py:10' },
    {
      name: "a red-team scan of the chat endpoint with Azure AI Evaluation's RedTeam",
      files: {
        'src/assistant.py': openaiAssistant,
        'evals/safety_evaluation.py':
          'from azure.ai.evaluation.red_team import AttackStrategy, RedTeam, RiskCategory\n\n\nasync def run_redteam(credential, target):\n    red_team = RedTeam(\n        azure_ai_project=project,\n        credential=credential,\n        risk_categories=[RiskCategory.Violence, RiskCategory.HateUnfairness],\n    )\n    await red_team.scan(target=target, attack_strategies=[AttackStrategy.Jailbreak])\n',
      },
      status: 'pass',
      firstEvidence: 'evals/safety_evaluation.py:5',
    },
    {
      name: 'DeepTeam attacks a model callback',
      files: { 'src/assistant.py': openaiAssistant, 'tests/redteam.py': 'from deepteam import red_team\nfrom deepteam.vulnerabilities import Bias\n\nrisk = red_team(\n    model_callback=answer,\n    vulnerabilities=[Bias(types=["race"])],\n)\n' },
      status: 'pass',
      evidence: 'tests/redteam.py:4',
    },
    // A function of the game's own, no attack on a model.
    { name: 'a red_team() that picks players', files: { 'src/assistant.py': openaiAssistant, 'src/teams.py': 'def pick(players):\n    return red_team(players), blue_team(players)\n' }, status: 'fail' },
    { name: 'garak in CI', files: { '.github/workflows/redteam.yml': workflow({ on: schedule('0 4 * * 1'), job: 'garak', steps: ['run: python -m garak --model_type openai --model_name gpt-4o-mini --probes promptinject'] }) }, status: 'pass', evidence: 'garak' },
    { name: 'an eval of a promptfoo red-team configuration in CI', files: { 'src/assistant.py': openaiAssistant, '.github/workflows/redteam.yml': workflow({ on: '[pull_request]', job: 'redteam', steps: ['run: npx promptfoo eval -c redteam/promptfooconfig.yaml'] }) }, status: 'pass', evidence: 'promptfoo eval -c redteam' },
    // Contains and llm-rubric assertions on expected answers: an evaluation gate (mlops.model-validation-gate), no attack.
    { name: 'a promptfoo quality evaluation in CI', files: { 'src/assistant.py': openaiAssistant, '.github/workflows/ci.yml': promptfooQualityWorkflow }, status: 'fail' },
    { name: 'a DeepEval test run in CI', files: { 'src/assistant.py': openaiAssistant, '.github/workflows/ci.yml': workflow({ on: '[push, pull_request]', job: 'evals', steps: ['run: deepeval test run tests/test_rag_quality.py'] }) }, status: 'fail' },
    { name: 'attacks only tried in a notebook', files: { 'notebooks/robustness.ipynb': notebook('attack = FastGradientMethod(estimator=clf, eps=0.1)\nx_adv = attack.generate(x=X_test)') }, status: 'partial', evidence: 'cell 1' },
    { name: 'rate limiting without robustness tests', files: { 'src/serve.py': 'from slowapi import Limiter\nfrom slowapi.util import get_remote_address\n\nlimiter = Limiter(key_func=get_remote_address)\n\n\n@limiter.limit("30/minute")\ndef predict(request):\n    ...\n' }, status: 'partial', evidence: 'src/serve.py:4' },
    { name: 'ART only in the examples', files: { 'examples/attack_demo.py': artTest, 'src/train.py': trainScript }, status: 'fail' },
    { name: 'never tested', files: { 'src/train.py': trainScript }, status: 'fail' },
  ],
  'security.data-poisoning-controls': [
    { name: 'restricted and verified', files: { 'src/train.py': trainScript }, answers: { 'security.training-data-integrity': 'verified' }, status: 'pass' },
    { name: 'data versioned with DVC, unanswered', files: { 'dvc.lock': 'schema: "2.0"\nstages:\n  prepare:\n    cmd: python prepare.py\n    outs:\n    - path: data/train.parquet\n      md5: 3b1f0c5d2e8a9f7b6c4d1e0a9b8c7d6e\n' }, status: 'partial', evidence: 'dvc.lock' },
    { name: 'cleanlab checks labels before training', files: { 'src/quality.py': 'from cleanlab.filter import find_label_issues\n\nissues = find_label_issues(labels=y, pred_probs=probs)\n' }, answers: { 'security.training-data-integrity': 'open' }, status: 'partial', evidence: 'src/quality.py:3' },
    { name: 'restricted writes, no checks', files: { 'src/train.py': trainScript }, answers: { 'security.training-data-integrity': 'restricted' }, status: 'partial' },
    { name: 'anyone can write', files: { 'src/train.py': trainScript }, answers: { 'security.training-data-integrity': 'open' }, status: 'fail' },
    { name: 'unanswered and nothing in the repository', files: { 'src/train.py': trainScript }, status: 'unknown' },
    llmAssistantCase,
  ],
  'security.llm-guardrails': [
    // A TypeScript LLM app: the AI SDK declared and called, the provider's moderation screening input.
    {
      name: 'an AI SDK app that screens input with OpenAI moderation',
      files: { 'package.json': '{\n  "dependencies": {\n    "ai": "6.0.37",\n    "@ai-sdk/openai": "^3.0.0"\n  }\n}\n', 'app/api/chat/route.ts': 'import { streamText } from "ai";\n\nexport async function POST(request: Request) {\n  const flagged = await openai.moderations.create({ input: message });\n  return streamText({ model, prompt: message }).toTextStreamResponse();\n}\n' },
      status: 'partial',
      evidence: 'app/api/chat/route.ts:4',
    },
    { name: 'an AI SDK app without guardrails', files: { 'package.json': '{\n  "dependencies": {\n    "ai": "6.0.37"\n  }\n}\n', 'app/api/chat/route.ts': 'import { streamText } from "ai";\n\nexport async function POST(request: Request) {\n  return streamText({ model, prompt: message }).toTextStreamResponse();\n}\n' }, status: 'fail', evidence: 'no LLM guardrails in code' },
    { name: 'a JavaScript package named ai is no Python package', files: { 'requirements.txt': requirements('ai==0.1.0', 'scikit-learn==1.4.2'), 'train.py': trainScript }, status: 'not_applicable' },
    { name: 'NeMo Guardrails and a promptfoo red team in CI', files: { 'requirements.txt': requirements('openai==1.30.1', 'nemoguardrails==0.9.0'), 'src/assistant.py': nemoGuardrails, '.github/workflows/evals.yml': promptfooWorkflow }, status: 'pass', evidence: 'promptfoo' },
    { name: 'a home-made guardrail middleware', files: { 'requirements.txt': requirements('langchain==0.3.7'), 'src/middleware/guardrails.py': 'from langchain.agents.middleware import AgentMiddleware\n\n\nclass GuardrailsMiddleware(AgentMiddleware):\n    def before_model(self, state, runtime):\n        return classify_misuse(state)\n' }, status: 'partial', evidence: 'src/middleware/guardrails.py:4' },
    { name: 'guardrails but no red-team tests', files: { 'requirements.txt': requirements('openai==1.30.1', 'nemoguardrails==0.9.0'), 'src/assistant.py': nemoGuardrails }, status: 'partial', evidence: 'src/assistant.py:5' },
    { name: 'guardrails beside a promptfoo quality evaluation in CI', files: { 'requirements.txt': requirements('openai==1.30.1', 'nemoguardrails==0.9.0'), 'src/assistant.py': nemoGuardrails, '.github/workflows/ci.yml': promptfooQualityWorkflow }, status: 'partial', evidence: 'src/assistant.py:5' },
    { name: 'a red-team config CI does not run', files: { 'src/assistant.py': openaiAssistant, 'promptfooconfig.yaml': 'description: churn assistant\nredteam:\n  purpose: answers questions about customer plans\n  plugins:\n    - pii\n    - prompt-injection\n' }, status: 'partial', evidence: 'promptfooconfig.yaml:2' },
    { name: 'raw OpenAI calls', files: { 'requirements.txt': requirements('openai==1.30.1'), 'src/assistant.py': openaiAssistant }, status: 'fail', evidence: 'no LLM guardrails in code' },
    { name: 'a text-generation pipeline', files: { 'src/summarise.py': 'from transformers import pipeline\n\ngenerator = pipeline("text-generation", model="mistralai/Mistral-7B-Instruct-v0.3")\n' }, status: 'fail' },
    { name: 'Amazon Bedrock through boto3', files: { 'src/summarise.py': 'import boto3\n\nbedrock = boto3.client("bedrock-runtime")\nresponse = bedrock.converse(modelId=MODEL_ID, messages=messages)\n' }, status: 'fail' },
    { name: 'a classic sklearn model', files: { 'requirements.txt': requirements('scikit-learn==1.4.2'), 'src/train.py': trainScript }, status: 'not_applicable' },
    { name: 'an LLM only in the examples', files: { 'examples/chat.py': openaiAssistant, 'src/train.py': trainScript }, status: 'not_applicable' },
  ],
  'security.sbom-signing': [
    { name: 'SBOM and cosign signature on release', files: { '.github/workflows/release.yml': sbomAndSignWorkflow }, status: 'pass', evidence: 'cosign sign' },
    { name: 'SBOM only', files: { '.github/workflows/release.yml': workflow({ on: 'push:\n  tags: ["v*"]', job: 'sbom', steps: ['uses: anchore/sbom-action@v0'] }) }, status: 'partial', evidence: 'anchore/sbom-action' },
    { name: 'neither', files: { '.github/workflows/ci.yml': testWorkflow() }, status: 'fail' },
  ],
};
