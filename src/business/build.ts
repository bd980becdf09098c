import type { Answers } from '../answers/types.js';
import type { Finding } from '../rules/finding.js';
import type { Category } from '../rules/types.js';
import type { Roadmap } from '../roadmap/plan.js';
import type { GitFacts } from '../scan/facts.js';
import { businessFigures, targetLevelFor } from './figures.js';
import { regulationView } from './regulation.js';
import { teamView } from './team.js';
import type { Business, BusinessData } from './types.js';

export interface BusinessInputs {
  data: BusinessData;
  answers: Answers;
  findings: readonly Finding[];
  categories: readonly Category[];
  roadmap: Roadmap;
  currentLevel: number;
  git: GitFacts | null;
  auditDate: Date;
}

const CURRENCY_QUESTION = 'roi.currency';

/** The steering-committee view of an audit: money and time, people, regulation. */
export function buildBusiness({ data, answers, findings, categories, roadmap, currentLevel, git, auditDate }: BusinessInputs): Business {
  const targetLevel = targetLevelFor(currentLevel, data.assumptions['target-level'].value);
  const currency = answers.values[CURRENCY_QUESTION]?.value;
  return {
    currency: typeof currency === 'string' && currency !== 'other' ? currency : null,
    ...businessFigures({ answers, assumptions: data.assumptions, roadmap, findings, targetLevel }),
    team: teamView({ answers, findings, categories, roles: data.roles, git, currentLevel, targetLevel }),
    regulation: regulationView(answers, findings, data.regulation, auditDate),
  };
}
