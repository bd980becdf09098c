import type { ChalkInstance } from 'chalk';
import type { Report } from '../report/types.js';
import { believedSide, busFactorText, figureValue, missingQuestions, obligationWhen, riskText, targetText } from './business-format.js';

/** Conflicts between the answers and the repository, one line each. */
export function conflictLines(report: Report, chalk: ChalkInstance): string[] {
  if (report.conflicts.length === 0) return [];
  const lines = [chalk.bold(`  ${report.conflicts.length} conflict${report.conflicts.length === 1 ? '' : 's'} between the answers and the repository`)];
  for (const conflict of report.conflicts) {
    lines.push(`    ${chalk.yellow('!')} ${conflict.ruleId}: the answer ${conflict.answer.detail} disagrees with the repository; believed ${believedSide(conflict.believed)}`);
    // The reason's first clause is enough on a terminal; the full reports give it whole, with the evidence.
    lines.push(chalk.gray(`      ${conflict.why.split(/[;:.]\s/)[0]!}`));
  }
  return [...lines, ''];
}

/** The steering-committee summary: the figures the answers allow, the team's gaps, the regulation. */
export function businessLines(report: Report, chalk: ChalkInstance): string[] {
  const { business } = report;
  const lines = [chalk.bold(`  Business case${business.currency ? ` (${business.currency})` : ''}`)];
  const width = Math.max(0, ...business.figures.map((figure) => figure.label.length));
  for (const figure of business.figures) {
    lines.push(`    ${figure.label.padEnd(width)}  ${chalk.bold(figureValue(figure, business.currency))}  ${chalk.gray(figure.formula)}`);
    if (figure.flag) lines.push(`    ${chalk.yellow(`! ${figure.flag}`)}`);
  }
  if (business.missing.length > 0) lines.push(chalk.gray(`    For ${business.missing.map((missing) => missing.label.toLowerCase()).join(', ')}, answer ${missingQuestions(business).join(', ')}`));
  const { team, regulation } = business;
  const gaps = team.roles.filter((role) => team.gaps.includes(role.id)).map((role) => role.title);
  const unanswered = team.roles.some((role) => role.named === null);
  lines.push(`  Team for ${targetText(team)}  ${gaps.length > 0 ? chalk.yellow(`nobody named for: ${gaps.join(', ')}`) : unanswered ? chalk.gray('roles not answered (team.roles)') : 'every needed role has a person'}`);
  lines.push(chalk.gray(`    ${busFactorText(team)}`));
  const obligations = regulation.obligations.map((obligation) => `${obligation.id} ${obligationWhen(obligation)}`).join('; ');
  lines.push(`  EU AI Act  ${riskText(business)}${obligations ? chalk.gray(` · ${obligations}`) : ''}`);
  if (regulation.severityChanges.length > 0) {
    lines.push(chalk.gray(`    More severe for this risk class: ${regulation.severityChanges.map((change) => `${change.ruleId} (${change.to})`).join(', ')}`));
  }
  return [...lines, ''];
}
