import type { RuleCases } from '../../helpers/rule-tester.js';

const codeowners = `# Model, pipeline and serving code is reviewed by the pricing ML team.
*                 @acme/pricing-ml
/src/serving/     @acme/pricing-ml @acme/platform
/pipelines/       @acme/pricing-ml
`;

const commentOnlyCodeowners = `# TODO: add owners once the team is settled
# * @someone
`;

const allRoles = ['modelling', 'ml-engineering', 'data-engineering', 'software-integration', 'operations', 'product', 'risk-compliance'];

const pagerDuty = `resource "pagerduty_schedule" "pricing_ml" {
  name      = "Pricing ML primary"
  time_zone = "Europe/Berlin"

  layer {
    name                         = "Weekly"
    start                        = "2026-01-05T09:00:00+01:00"
    rotation_virtual_start       = "2026-01-05T09:00:00+01:00"
    rotation_turn_length_seconds = 604800
    users                        = [pagerduty_user.anna.id, pagerduty_user.tom.id]
  }
}

resource "pagerduty_escalation_policy" "pricing_ml" {
  name      = "Pricing ML"
  num_loops = 2
}
`;

const mlRunbook = `Runbook: price model drift alert
================================

Triggered by the \`PriceModelInputDrift\` alert (PSI > 0.2 on any top-10 feature).

1. Open the Evidently drift dashboard and check which features moved.
2. If an upstream feed is broken (stale data, nulls), pause retraining: \`make pause-retrain\`.
3. If predictions are visibly wrong, roll back the model to the previous registry alias:
   \`mlflow models set-alias price-model champion <previous-version>\`.
4. Post in #pricing-incidents and open a post-mortem ticket.
`;

const serviceRunbook = `Runbook: pricing API returns 5xx
================================

1. Check the pod status: \`kubectl -n pricing get pods\`.
2. Restart the deployment if pods are crash-looping: \`kubectl -n pricing rollout restart deploy/pricing-api\`.
3. Escalate to the platform team if the cluster itself is unhealthy.
`;

const gettingStartedReadme = `# Churn prediction

Predicts which subscribers will cancel in the next 30 days, for the retention team.

## Getting started

\`\`\`bash
python -m venv .venv && source .venv/bin/activate
pip install -r requirements.txt
dvc pull
\`\`\`

## Train, test, serve

\`\`\`bash
make test
make train
uvicorn churn.api:app --reload
\`\`\`
`;

const descriptionOnlyReadme = `# Churn prediction

Predicts which subscribers will cancel in the next 30 days, for the retention team.
Ask Lena if you need the data.
`;

const commentedReadme = `# Churn prediction

## Setup

\`\`\`bash
# pip install -r requirements.txt
# python train.py
\`\`\`
`;

const makefile = `.PHONY: setup test train serve

setup:
\tpython -m venv .venv
\t.venv/bin/pip install -r requirements.txt

test:
\t.venv/bin/pytest -q

train:
\t.venv/bin/python -m churn.train --config params.yaml
`;

const adr = (title: string) => `${title}
${'='.repeat(title.length)}

Status: accepted
Date: 2026-03-02

Context: the PoC compared logistic regression, LightGBM and a small MLP on the March snapshot.

Decision: use LightGBM; it is within 0.3 AUC points of the MLP and ten times cheaper to serve.

Consequences: retraining stays on CPU; explanations use SHAP TreeExplainer.
`;

export const cases: RuleCases = {
  'team.named-owner': [
    {
      name: 'both owners named',
      answers: { 'team.owners': 'both', 'team.owner-names': 'Business: Maria Rossi, Head of Pricing. Technical: Pricing ML team, lead Tom Berg.' },
      status: 'pass',
      evidence: 'Maria Rossi',
    },
    { name: 'only a technical owner', answers: { 'team.owners': 'technical-only' }, status: 'partial' },
    { name: 'said to be named, but the names are left empty', answers: { 'team.owners': 'both', 'team.owner-names': '' }, status: 'partial', evidence: 'team.owner-names' },
    {
      name: 'no owner named, but CODEOWNERS names reviewers',
      files: { '.github/CODEOWNERS': codeowners },
      answers: { 'team.owners': 'none' },
      status: 'partial',
      evidence: 'CODEOWNERS rule',
    },
    { name: 'no owner and no CODEOWNERS', files: { 'src/train.py': 'model.fit(X, y)\n' }, answers: { 'team.owners': 'none' }, status: 'fail' },
    { name: 'a CODEOWNERS file with only comments names nobody', files: { CODEOWNERS: commentOnlyCodeowners }, answers: { 'team.owners': 'none' }, status: 'fail' },
    { name: 'CODEOWNERS alone does not settle the business owner', files: { '.github/CODEOWNERS': codeowners }, status: 'unknown', evidence: 'CODEOWNERS' },
    { name: 'both said to be named, names not given yet', answers: { 'team.owners': 'both' }, status: 'unknown', evidence: 'team.owner-names is not answered' },
  ],
  'team.roles-coverage': [
    { name: 'every responsibility has a person', answers: { 'team.roles': allRoles }, status: 'pass' },
    { name: 'build, ship and run covered; product and compliance missing', answers: { 'team.roles': ['modelling', 'ml-engineering', 'operations'] }, status: 'partial' },
    { name: 'a lone data scientist', answers: { 'team.roles': ['modelling'] }, status: 'fail', evidence: 'team.roles: modelling' },
    { name: 'data science and product, nobody to ship or run it', answers: { 'team.roles': ['modelling', 'product', 'data-engineering'] }, status: 'fail' },
    { name: 'nobody', answers: { 'team.roles': [] }, status: 'fail' },
    { name: 'not answered', status: 'unknown' },
  ],
  'team.bus-factor': [
    { name: 'four active authors, none dominant', git: { activeContributors12m: 4, topAuthorShare12m: 0.45 }, status: 'pass', evidence: '45% of the last 12 months’ commits by the most active author' },
    { name: 'a second author, but one writes 88% of commits', git: { activeContributors12m: 2, topAuthorShare12m: 0.88 }, status: 'partial' },
    { name: 'one author in the last year', git: { activeContributors12m: 1, topAuthorShare12m: 1 }, status: 'fail', evidence: '1 author in the last 12 months' },
    { name: 'others only fix typos (95% one author)', git: { activeContributors12m: 3, topAuthorShare12m: 0.95 }, status: 'fail' },
    { name: 'history shows one author; the answer does not override it', git: { activeContributors12m: 1, topAuthorShare12m: 1 }, answers: { 'team.people-can-retrain': 3 }, status: 'fail' },
    { name: 'no git history and no answer', git: null, status: 'unknown', evidence: 'not a git repository' },
    { name: 'no git history; three people could retrain', git: null, answers: { 'team.people-can-retrain': 3 }, status: 'pass', evidence: 'team.people-can-retrain: 3' },
    { name: 'no git history; only the author could', git: null, answers: { 'team.people-can-retrain': 1 }, status: 'fail' },
    { name: 'no commits in a year; two people could retrain', git: { activeContributors12m: 0, topAuthorShare12m: null }, answers: { 'team.people-can-retrain': 2 }, status: 'pass' },
    { name: 'a one-commit import says nothing about authorship', git: { commits: 1, contributors: 1, activeContributors12m: 1, topAuthorShare12m: 1 }, status: 'unknown', evidence: '1 commit' },
    { name: 'a one-commit import; only one person could retrain', git: { commits: 1, contributors: 1, activeContributors12m: 1, topAuthorShare12m: 1 }, answers: { 'team.people-can-retrain': 1 }, status: 'fail' },
  ],
  'team.cross-functional': [
    { name: 'one team, one pipeline', answers: { 'team.handoff': 'shared-pipeline' }, status: 'pass' },
    { name: 'a joint handoff with shared backlog', answers: { 'team.handoff': 'joint-handoff' }, status: 'partial' },
    { name: 'notebook thrown over the wall', answers: { 'team.handoff': 'handoff' }, status: 'fail' },
    {
      name: 'training and serving in one repository do not answer it',
      files: { 'src/train.py': 'model = LGBMClassifier().fit(X, y)\n', 'src/api.py': 'from fastapi import FastAPI\napp = FastAPI()\n' },
      status: 'unknown',
    },
  ],
  'team.oncall-incident': [
    { name: 'a rotation with ML runbooks (answered)', answers: { 'team.oncall': 'rotation-ml' }, status: 'pass' },
    {
      name: 'PagerDuty schedule in Terraform and an ML runbook',
      files: { 'infra/pagerduty.tf': pagerDuty, 'docs/runbooks/model-drift.md': mlRunbook },
      status: 'pass',
      evidence: 'docs/runbooks/model-drift.md',
    },
    {
      name: 'on-call rotation named in the incident doc, and a model rollback runbook',
      files: {
        'docs/runbooks/incident.md': 'Incident response\n=================\n\nPagerDuty service `churn`; on-call rotation `ml-platform`.\n',
        'docs/runbooks/rollback.md': 'Rolling back the churn model\n============================\n\n1. `mlflow models set-alias churn champion <previous version>`\n2. `helm rollback churn` if the service image is at fault.\n',
      },
      status: 'pass',
      evidence: 'docs/runbooks/rollback.md:4',
    },
    { name: 'service on-call plus an ML runbook in the repository', files: { 'ops/RUNBOOK.md': mlRunbook }, answers: { 'team.oncall': 'rotation-service' }, status: 'pass', evidence: 'ops/RUNBOOK.md' },
    { name: 'on-call for the service only', answers: { 'team.oncall': 'rotation-service' }, status: 'partial' },
    { name: 'a runbook for API errors only, rotation unknown', files: { 'docs/runbooks/api-5xx.md': serviceRunbook }, status: 'partial', evidence: 'docs/runbooks/api-5xx.md' },
    { name: 'a PagerDuty schedule without runbooks', files: { 'infra/pagerduty.tf': pagerDuty }, answers: { 'team.oncall': 'best-effort' }, status: 'partial', evidence: 'pagerduty_schedule' },
    { name: 'best effort, but post-mortems are written', files: { 'docs/postmortems/2026-04-12-stale-features.md': 'Post-mortem: stale features\n\nThe nightly feature job failed silently for two days.\n' }, answers: { 'team.oncall': 'best-effort' }, status: 'partial' },
    { name: 'best effort and nothing written', files: { 'src/serve.py': 'app = FastAPI()\n' }, answers: { 'team.oncall': 'best-effort' }, status: 'fail' },
    { name: 'a runbook in an example project does not count', files: { 'examples/runbooks/model-drift.md': mlRunbook }, answers: { 'team.oncall': 'best-effort' }, status: 'fail', evidence: 'not counted' },
    { name: 'nothing in the repository, not answered', files: { 'src/serve.py': 'app = FastAPI()\n' }, status: 'unknown' },
  ],
  'team.change-management': [
    { name: 'all four in place', answers: { 'team.change-readiness': ['processes-mapped', 'signed-off', 'users-trained', 'feedback-channel'] }, status: 'pass' },
    { name: 'a feedback channel only', answers: { 'team.change-readiness': ['feedback-channel'] }, status: 'partial', evidence: 'feedback-channel' },
    { name: 'none of them', answers: { 'team.change-readiness': [] }, status: 'fail' },
    { name: 'not answered', status: 'unknown' },
  ],
  'team.skills-training': [
    { name: 'builders, operators and users trained', answers: { 'team.training': ['builders', 'operators', 'users'] }, status: 'pass' },
    { name: 'only the builders', answers: { 'team.training': ['builders'] }, status: 'partial' },
    { name: 'nobody trained', answers: { 'team.training': [] }, status: 'fail' },
    { name: 'not answered', status: 'unknown' },
  ],
  'team.decision-records': [
    {
      name: 'numbered ADRs in docs/adr',
      files: { 'docs/adr/0001-record-architecture-decisions.md': adr('Record architecture decisions'), 'docs/adr/0002-use-lightgbm.md': adr('Use LightGBM for the churn model') },
      status: 'pass',
      evidence: 'docs/adr/0002-use-lightgbm.md',
    },
    { name: 'a single real decision record', files: { 'docs/architecture/decisions/0001-xgboost-over-deep-model.md': adr('XGBoost over a deep model') }, status: 'pass', evidence: '0001-xgboost-over-deep-model.md' },
    { name: 'decision log kept elsewhere (answered)', answers: { 'team.decisions': 'recorded' }, status: 'pass' },
    { name: 'only the boilerplate first ADR', files: { 'doc/adr/0001-record-architecture-decisions.md': adr('Record architecture decisions') }, status: 'partial' },
    { name: 'decisions live in tickets and chat', answers: { 'team.decisions': 'scattered' }, status: 'partial' },
    { name: 'not recorded', answers: { 'team.decisions': 'not-recorded' }, status: 'fail' },
    {
      name: 'an ADR template and README are not decisions',
      files: { 'docs/adr/template.md': 'Title\n=====\n\nStatus: proposed\n', 'docs/adr/README.md': 'Decision records go here.\n' },
      answers: { 'team.decisions': 'not-recorded' },
      status: 'fail',
    },
    {
      name: "a vendored library's ADRs are not the team's",
      files: { 'vendor/featlib/docs/adr/0001-x.md': adr('Use Arrow'), 'vendor/featlib/docs/adr/0002-y.md': adr('Drop pandas 1.x') },
      answers: { 'team.decisions': 'not-recorded' },
      status: 'fail',
      evidence: 'not counted',
    },
    { name: 'no records in the repository, not answered', files: { 'src/train.py': 'model.fit(X, y)\n' }, status: 'unknown' },
  ],
  'team.onboarding-docs': [
    { name: 'README with setup, test, train and serve commands', files: { 'README.md': gettingStartedReadme }, status: 'pass', evidence: 'README.md' },
    {
      name: 'a dev container and a README that says how to test',
      files: { '.devcontainer/devcontainer.json': '{ "name": "churn", "image": "mcr.microsoft.com/devcontainers/python:3.11" }\n', 'README.md': '# Churn\n\nOpen in the dev container, then run `pytest` to check everything works.\n' },
      status: 'pass',
    },
    { name: 'Makefile targets, but the README does not mention them', files: { Makefile: makefile, 'README.md': descriptionOnlyReadme }, status: 'partial', evidence: 'Makefile' },
    {
      name: 'numbered steps in docs/development.md',
      files: { 'docs/development.md': 'Development\n===========\n\n1. pip install -e ".[dev]"\n2. python -m churn.train --sample\n3. make serve\n' },
      status: 'pass',
      evidence: 'docs/development.md:4',
    },
    {
      name: 'a TypeScript service: npm ci, then npm test and npm run dev',
      files: { 'README.md': '# Assistant\n\n## Development\n\n```sh\nnpm ci\nnpm test\nnpm run dev\n```\n' },
      status: 'pass',
      evidence: 'README.md:6',
    },
    {
      name: 'an R project: renv::restore(), then Rscript train.R',
      files: { 'README.md': "# Churn\n\n## Setup\n\n    Rscript -e 'renv::restore()'\n    Rscript R/train.R\n" },
      status: 'pass',
      evidence: 'README.md:5',
    },
    {
      name: 'setup steps on a page of their own, outside docs/',
      files: { 'README.md': descriptionOnlyReadme, 'instructions/1-SystemSetup.md': '## Setting up your environment\n\nClone the repo, then start the services:\n\n```bash\ndocker-compose up -d\n```\n' },
      status: 'pass',
      evidence: 'instructions/1-SystemSetup.md:6',
    },
    { name: 'an INSTALL file at the root', files: { 'INSTALL.md': 'Installation\n============\n\n    pip install -r requirements.txt\n    python -m churn.serve\n' }, status: 'pass', evidence: 'INSTALL.md:4' },
    { name: 'npm named in a sentence is not a setup step', files: { 'README.md': '# Churn\n\nWe considered npm install scripts for the dashboard, and yarn.\n' }, status: 'fail' },
    { name: 'a Getting started heading with prose only', files: { 'README.md': '# Churn\n\n## Getting started\n\nAsk Lena for access to the data bucket, then open the notebooks.\n' }, status: 'partial', evidence: 'README.md:3' },
    { name: 'a CONTRIBUTING file without commands', files: { 'CONTRIBUTING.md': 'Contributing\n============\n\nOpen a pull request and ask the pricing team for review.\n' }, status: 'partial' },
    { name: 'a README that only describes the project', files: { 'README.md': descriptionOnlyReadme }, status: 'fail' },
    { name: 'commented-out commands under a Setup heading: the heading counts, the commands do not', files: { 'README.md': commentedReadme }, status: 'partial', evidence: 'README.md:3' },
    { name: "an example's quick-start is not the project's setup", files: { 'examples/quickstart/README.md': gettingStartedReadme, 'README.md': descriptionOnlyReadme }, status: 'fail' },
  ],
  'team.delivery-metrics': [
    { name: 'tracked on a dashboard', answers: { 'team.delivery-metrics': 'tracked' }, status: 'pass' },
    { name: 'estimated by hand', answers: { 'team.delivery-metrics': 'some' }, status: 'partial' },
    { name: 'not tracked', answers: { 'team.delivery-metrics': 'not-tracked' }, status: 'fail' },
    { name: 'release tags alone do not show tracking', git: { tags: 14 }, status: 'unknown' },
  ],
};
