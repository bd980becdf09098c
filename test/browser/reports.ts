import { logoFromBytes } from '../../src/render/logo.js';
import { churnEconomics } from '../helpers/business.js';
import { hostileReport } from '../helpers/hostile-report.js';
import { reportFromFiles } from '../helpers/report.js';
import { notebook, requirements, testWorkflow, trainScript } from '../helpers/repo-snippets.js';
import { gitFacts } from '../helpers/rule-tester.js';
import { renderHtml } from '../helpers/html.js';

/*
 * The reports the browser opens. The rich one fills every part of the page a client sees: a PoC
 * half-way to a service (many failing findings, some passed ones to fold, a roadmap), the cost
 * answers that give a budget and a timeline, a cover and a logo.
 */
const rich = await reportFromFiles(
  {
    'notebooks/01-exploration.ipynb': notebook('import pandas as pd\ndf = pd.read_csv("data/customers.csv")\ndf.describe()', 'count  1000'),
    'src/churn/train.py': trainScript,
    'requirements.txt': requirements('pandas', 'scikit-learn==1.5.2', 'mlflow'),
    '.github/workflows/ci.yml': testWorkflow(),
    'tests/test_train.py': 'def test_fit():\n    assert True\n',
    'Dockerfile': 'FROM python:3.12-slim\nCOPY . /app\nCMD ["python", "-m", "churn.serve"]\n',
    'README.md': '# Churn\n\n## Setup\n\n    pip install -r requirements.txt\n',
  },
  {
    name: 'churn',
    git: gitFacts({ webUrl: 'https://github.com/acme/churn' }),
    answers: {
      ...churnEconomics,
      'roi.poc-cost': 80000,
      'roi.currency': 'EUR',
      'roi.team-fte': 3,
      'roi.problem-statement': 'written',
      'roi.kpi': 'named',
      'team.owners': 'technical-only',
      'monitoring.live-quality': 'none',
      'infrastructure.serving-mode': 'online',
      'governance.eu-ai-act-risk': 'limited',
    },
  },
);

const logo = logoFromBytes(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 4"><rect width="4" height="4" fill="#1f6feb"/></svg>'), 'logo.svg');

const branded = { ...rich, cover: { title: 'Churn model: readiness review', client: 'Acme Insurance', author: 'Jo Smith' } };

/** The executive report, the default: what a steering committee reads. */
export const richHtml = renderHtml(branded, { logo });
/** The same with every finding and the appendix (`--detail full`). */
export const richFullHtml = renderHtml(branded, { logo, detail: 'full' });

export const hostileHtml = renderHtml(await hostileReport(), { logo: null, detail: 'full' });
