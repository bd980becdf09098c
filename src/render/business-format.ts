import type { Business, Figure, ObligationView, RoleView, TeamView } from '../business/types.js';
import type { OpenQuestion } from '../roadmap/questions.js';
import type { Report } from '../report/types.js';
import { formatAmount, formatQuantity, formatShare } from '../util/numbers.js';

/*
 * The wording of the business view, conflicts and severity changes, shared by every renderer so
 * that text, Markdown and HTML say the same things.
 */

/** The questions a short "answer these next" list shows. */
export const NEXT_QUESTIONS = 3;

export function nextQuestions(report: Report): OpenQuestion[] {
  return report.questions.slice(0, NEXT_QUESTIONS);
}

/** A figure's value with its unit: "150,000–250,000 EUR", "12 months", "0.329 EUR a prediction". */
export function figureValue(figure: Figure, currency: string | null): string {
  if (figure.value === null) return 'never';
  const { min, max } = figure.value;
  if (figure.unit === 'months') return `${min === max ? formatQuantity(min) : `${formatQuantity(min)}–${formatQuantity(max)}`} months`;
  const amount = min === max ? formatAmount(min) : `${formatAmount(min)}–${formatAmount(max)}`;
  const money = currency ? `${amount} ${currency}` : amount;
  if (figure.unit === 'currency per year') return `${money} a year`;
  if (figure.unit === 'currency per prediction') return `${money} a prediction`;
  return money;
}

/** Where a figure's answers come from: "roi.poc-cost (answers.yaml:31)". */
export function figureInputs(figure: Figure, answersPath: string | null): string {
  return figure.inputs.map((input) => `${input.questionId}${answersPath ? ` (${answersPath}:${input.line})` : ''}`).join(', ');
}

/** Every assumption the figures use, once each, in order of first use. */
export function assumptionsUsed(business: Business): Array<{ id: string; text: string; source: string }> {
  const seen = new Map<string, { id: string; text: string; source: string }>();
  for (const figure of business.figures) for (const use of figure.assumptions) if (!seen.has(use.id)) seen.set(use.id, use);
  return [...seen.values()];
}

/** The questions whose answers would bring the missing figures, each once. */
export function missingQuestions(business: Business): string[] {
  return [...new Set(business.missing.flatMap((missing) => missing.questions))];
}

export function targetText(team: TeamView): string {
  return team.targetLevel === null ? 'the top level' : `L${team.targetLevel}`;
}

export function roleNamed(role: RoleView): string {
  return role.named === null ? 'not answered' : role.named ? 'yes' : 'nobody';
}

/** The bus factor in one sentence, with the verdict of the rule that owns it. */
export function busFactorText(team: TeamView): string {
  const bus = team.busFactor;
  if (!bus) return 'No git history: the bus factor cannot be measured.';
  const share = bus.topAuthorShare12m === null ? 'no commits in the last 12 months' : `the top author made ${formatShare(bus.topAuthorShare12m)} of the last 12 months' commits`;
  const retrain = bus.peopleCanRetrain === null ? '' : `; ${formatQuantity(bus.peopleCanRetrain)} people could retrain and redeploy the model (answers)`;
  return `${bus.activeContributors12m} active author${bus.activeContributors12m === 1 ? '' : 's'} in ${bus.commits} commit${bus.commits === 1 ? '' : 's'}; ${share}${retrain} (${bus.ruleId}: ${bus.status ?? 'not evaluated'}).`;
}

export function obligationWhen(obligation: ObligationView): string {
  return obligation.inForce ? `applies since ${obligation.appliesFrom}` : `applies from ${obligation.appliesFrom} (in ${obligation.monthsUntil} month${obligation.monthsUntil === 1 ? '' : 's'})`;
}

export function riskText(business: Business): string {
  const { riskClass, role } = business.regulation;
  if (riskClass === null) return 'not answered (governance.eu-ai-act-risk)';
  return `${riskClass}${role ? `, ${role}` : ''}`;
}

/** The side a finding believed, in words. */
export function believedSide(believed: 'answer' | 'evidence'): string {
  return believed === 'evidence' ? 'the repository' : 'the answer';
}

export function severityChangeText(finding: { severity: string; severityChange?: { from: string; because: Array<{ detail: string }> } }): string | null {
  if (!finding.severityChange) return null;
  return `Severity ${finding.severity} instead of ${finding.severityChange.from}, because ${finding.severityChange.because.map((item) => item.detail).join('; ')}.`;
}
