/*
 * How the audit reaches its verdicts and what it rests on: the appendix of every full report,
 * written once so that HTML and Markdown say the same.
 */
import { LEVEL_EARNED_SHARE } from '../score/score.js';

export const SCORING_MODEL = [
  'Each rule scores 1 when it passes, 0.5 when partly done (present but manual, or not automated), 0 when it fails.',
  'Rules are weighted by severity: critical 4, high 3, medium 2, low 1 (the configuration can change a weight).',
  'Unknown, not-applicable and waived rules are left out of the scores; the share of the applicable weight that is known is the confidence.',
  'A rule that an empty repository passes too (no committed secrets, no large binaries) guards against a problem: passing it earns nothing, failing it costs its full weight.',
  'A category score is the weighted mean of its scored rules, out of 100. The overall readiness is the same weighted mean over the scored rules of every category, not a mean of the category scores, so a category known from one rule weighs one rule.',
  'A category known from less than half of its rules’ weight shows its score in parentheses and is not named the weakest area while a better-known category can be.',
  `The maturity level is the highest level at which, as at every level below, no critical rule fails and the known critical and high rules earn at least ${LEVEL_EARNED_SHARE * 100}% of their weight; unknown ones leave it provisional. The report names the rules that hold back the next level.`,
  'Scores read good from 80, fair from 50 and poor below.',
];

export const METHODOLOGY = [
  'The repository is read, never run: one walk of its files, honouring .gitignore, reading manifests, pipelines, code and notebooks for the signals each rule names.',
  'Examples, test fixtures, vendored code and documentation are not taken as evidence of the project’s own practice.',
  'Where the answers and the repository disagree, the repository decides what a repository can show (a pipeline, a test, a lock file); the answers decide what it cannot (an owner, a budget, a service level).',
  'Every finding names its evidence: the file and line that prove it, the answer it came from, or what was searched for and not found.',
  'The roadmap puts critical failures first as go-live blockers, then the rest by maturity level; prerequisites come before what needs them, then the most impact for the effort.',
  'Budget and timeline figures are rules of thumb from the literature applied to the answers; each shows its formula, its inputs and its sources.',
];

export interface Source {
  title: string;
  by: string;
  url: string;
}

export const SOURCES: Source[] = [
  { title: 'The ML Test Score: A Rubric for ML Production Readiness and Technical Debt Reduction', by: 'Breck, Cai, Nielsen, Salib, Sculley; IEEE Big Data 2017', url: 'https://research.google/pubs/the-ml-test-score-a-rubric-for-ml-production-readiness-and-technical-debt-reduction/' },
  { title: 'MLOps: Continuous delivery and automation pipelines in machine learning', by: 'Google Cloud Architecture Center', url: 'https://cloud.google.com/architecture/mlops-continuous-delivery-and-automation-pipelines-in-machine-learning' },
  { title: 'Machine Learning operations maturity model', by: 'Microsoft Azure Architecture Center', url: 'https://learn.microsoft.com/azure/architecture/ai-ml/guide/mlops-maturity-model' },
  { title: 'Machine Learning Lens', by: 'AWS Well-Architected Framework', url: 'https://docs.aws.amazon.com/wellarchitected/latest/machine-learning-lens/machine-learning-lens.html' },
  { title: 'Hidden Technical Debt in Machine Learning Systems', by: 'Sculley et al.; NeurIPS 2015', url: 'https://papers.nips.cc/paper/5656-hidden-technical-debt-in-machine-learning-systems' },
  { title: 'Regulation (EU) 2024/1689 (Artificial Intelligence Act)', by: 'European Union', url: 'https://eur-lex.europa.eu/eli/reg/2024/1689/oj' },
  { title: 'Machine Learning Security Top 10', by: 'OWASP', url: 'https://owasp.org/www-project-machine-learning-security-top-10/' },
];
