import type { Evidence } from '../rules/finding.js';
import type { Report, ReportFinding } from '../report/types.js';
import {
  assumptionsUsed,
  believedSide,
  busFactorText,
  figureInputs,
  figureValue,
  nextQuestions,
  obligationWhen,
  riskText,
  roleNamed,
  severityChangeText,
  targetText,
} from './business-format.js';
import { mdCode, mdText } from './markdown-escape.js';

/** Every disagreement between the answers and the repository, and the side each finding believed. */
export function conflictsSection(report: Report): string[] {
  if (report.conflicts.length === 0) return [];
  const lines = [
    '## Conflicts between the answers and the repository',
    '',
    'The repository decides what a repository can show; the answers decide what it cannot.',
    '',
    '| Rule | Answer | The repository shows | Believed | Why |',
    '|---|---|---|---|---|',
  ];
  for (const conflict of report.conflicts) {
    const shown = conflict.evidence.map((item) => `${item.path ? `${mdCode(`${item.path}${item.line ? `:${item.line}` : ''}`, true)} ` : ''}${mdText(item.detail)}`).join('<br>');
    lines.push(`| ${mdCode(conflict.ruleId, true)} | ${mdText(conflict.answer.detail)} | ${shown} | ${believedSide(conflict.believed)} | ${mdText(conflict.why)} |`);
  }
  return [...lines, ''];
}

/** What a finding adds when an answer changed its severity or disagrees with the repository. */
export function findingNotes(finding: ReportFinding, evidenceLine: (evidence: Evidence) => string): string[] {
  const lines: string[] = [];
  const severity = severityChangeText(finding);
  if (severity) lines.push(`**Severity:** ${mdText(severity)}`, '');
  for (const conflict of finding.conflicts ?? []) {
    lines.push(
      `**Conflict:** the answer says ${mdText(conflict.answer.detail)}; the repository shows otherwise. Believed ${believedSide(conflict.believed)}: ${mdText(conflict.why)}`,
      '',
      ...conflict.evidence.map((item) => `- ${evidenceLine(item)}`),
      '',
    );
  }
  return lines;
}

function figuresTable(report: Report): string[] {
  const { business } = report;
  if (business.figures.length === 0) return [];
  const lines = ['| Figure | Value | How | From the answers |', '|---|---|---|---|'];
  for (const figure of business.figures) {
    lines.push(`| ${mdText(figure.label)} | **${mdText(figureValue(figure, business.currency))}** | ${mdText(figure.formula)} | ${mdText(figureInputs(figure, report.answers.path))} |`);
  }
  lines.push('');
  for (const figure of business.figures) {
    if (figure.flag) lines.push(`> **${mdText(figure.label)}:** ${mdText(figure.flag)}`, '');
    if (figure.note) lines.push(`_${mdText(figure.label)}: ${mdText(figure.note)}_`, '');
  }
  return lines;
}

/** Budget, timeline and payback; the team and its gaps; the regulation: what a steering committee reads. */
export function businessSections(report: Report): string[] {
  const { business } = report;
  const { team, regulation } = business;
  const lines = [...figuresTable(report)];
  if (business.missing.length > 0) {
    lines.push('Not computed yet, for want of answers:', '', ...business.missing.map((missing) => `- ${mdText(missing.label)}: ${missing.questions.map((id) => mdCode(id)).join(', ')}`), '');
  }
  const assumptions = assumptionsUsed(business);
  if (assumptions.length > 0) {
    lines.push('**Assumptions** (rules of thumb; replace them with `--assumptions <file>`):', '', ...assumptions.map((use) => `- ${mdText(use.text)} _Source: ${mdText(use.source)}_`), '');
  }

  lines.push(`### Team and skills for ${targetText(team)}`, '', '| Responsibility | Needed | For | Someone named |', '|---|---|---|---|');
  for (const role of team.roles) {
    lines.push(`| ${mdText(role.title)} | ${role.needed ? 'yes' : 'not yet'} | ${mdText(role.neededFor.join('; ') || role.why)} | ${roleNamed(role)} |`);
  }
  lines.push('', `Team: ${team.fte === null ? 'size not answered (`roi.team-fte`)' : `${team.fte} FTE`}. Bus factor: ${mdText(busFactorText(team))}`, '');

  lines.push('### Regulation (EU AI Act)', '', `Risk class: **${mdText(riskText(business))}**.`, '');
  if (regulation.obligations.length > 0) {
    lines.push('| Obligation | Articles | When |', '|---|---|---|');
    for (const obligation of regulation.obligations) {
      lines.push(`| ${mdText(obligation.title)}${obligation.note ? ` _${mdText(obligation.note)}_` : ''} | ${mdText(obligation.articles.join(', '))} | ${obligationWhen(obligation)} |`);
    }
    lines.push('');
  }
  if (regulation.severityChanges.length > 0) {
    lines.push(`More severe for this risk class: ${regulation.severityChanges.map((change) => `${mdCode(change.ruleId)} (${change.from} → ${change.to})`).join(', ')}.`, '');
  }
  lines.push(`_Dates: ${mdText(regulation.source)}_`, '');
  return lines;
}

/** The report's last words: the few questions whose answers would change the score most. */
export function nextQuestionsSection(report: Report): string[] {
  const questions = nextQuestions(report);
  if (questions.length === 0) return [];
  return [
    '### Answer next',
    '',
    `The ${questions.length === 1 ? 'question' : `${questions.length} questions`} whose answers would change the score most (all ${report.questions.length} are listed under "Questions to answer"):`,
    '',
    ...questions.map((question, i) => `${i + 1}. ${mdText(question.text)} (${mdCode(question.id)})`),
    '',
  ];
}
