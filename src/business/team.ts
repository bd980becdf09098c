import type { Answers } from '../answers/types.js';
import type { Finding } from '../rules/finding.js';
import type { Category } from '../rules/types.js';
import type { GitFacts } from '../scan/facts.js';
import type { RoleDefinition, RoleView, TeamView } from './types.js';

/** The rule that owns the bus-factor verdict; the team view shows its finding rather than judging again. */
const BUS_FACTOR_RULE = 'team.bus-factor';

export interface TeamContext {
  answers: Answers;
  findings: readonly Finding[];
  categories: readonly Category[];
  roles: readonly RoleDefinition[];
  git: GitFacts | null;
  currentLevel: number;
  targetLevel: number | null;
}

const isOpen = (finding: Finding) => finding.status === 'fail' || finding.status === 'partial' || finding.status === 'unknown';

function numberAnswer(answers: Answers, id: string): number | null {
  const value = answers.values[id]?.value;
  return typeof value === 'number' ? value : null;
}

/**
 * The people side of the target level: which responsibilities its open work needs, which of them
 * the answers name someone for (team.roles), the team's size, and how concentrated the knowledge
 * of the code is in git history.
 */
export function teamView({ answers, findings, categories, roles, git, currentLevel, targetLevel }: TeamContext): TeamView {
  const named = answers.values['team.roles']?.value;
  const namedRoles = Array.isArray(named) ? named : null;
  const upTo = targetLevel ?? currentLevel;
  const open = findings.filter((finding) => isOpen(finding) && finding.level <= upTo);
  const title = (id: string) => categories.find((category) => category.id === id)?.title ?? id;

  const views = roles.map((role): RoleView => {
    const neededFor = (role.categories ?? []).flatMap((category) => {
      const count = open.filter((finding) => finding.category === category).length;
      return count > 0 ? [`${title(category)}: ${count} open rule${count === 1 ? '' : 's'}`] : [];
    });
    return {
      id: role.id,
      title: role.title,
      why: role.why,
      neededFor: role.always ? ['every level', ...neededFor] : neededFor,
      needed: role.always === true || neededFor.length > 0,
      named: namedRoles ? namedRoles.includes(role.id) : null,
    };
  });

  const busFactor = findings.find((finding) => finding.ruleId === BUS_FACTOR_RULE);
  return {
    currentLevel,
    targetLevel,
    roles: views,
    gaps: views.filter((view) => view.needed && view.named === false).map((view) => view.id),
    fte: numberAnswer(answers, 'roi.team-fte'),
    busFactor: git
      ? {
          commits: git.commits,
          activeContributors12m: git.activeContributors12m,
          topAuthorShare12m: git.topAuthorShare12m,
          ruleId: BUS_FACTOR_RULE,
          status: busFactor?.status ?? null,
          peopleCanRetrain: numberAnswer(answers, 'team.people-can-retrain'),
        }
      : null,
  };
}
