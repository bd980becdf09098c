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

function conflictView(conflict: NonNullable<ReportFinding['conflicts']>[number]) {
  return {
    answer: conflict.answer.detail,
    shows: conflict.evidence.map((item) => ({ where: item.path ? `${item.path}${item.line ? `:${item.line}` : ''}` : '', detail: item.detail })),
    believed: believedSide(conflict.believed),
    why: conflict.why,
  };
}

/** What a finding's panel adds: a severity set by an answer, and conflicts with the repository. */
export function findingNotesView(finding: ReportFinding) {
  return { severityNote: severityChangeText(finding) ?? '', conflicts: (finding.conflicts ?? []).map(conflictView) };
}

/** The template's view of the conflicts, the business case, the team, the regulation and the next questions. */
export function businessHtmlView(report: Report) {
  const { business } = report;
  const { team, regulation } = business;
  return {
    conflicts: report.conflicts.map((conflict) => ({ ruleId: conflict.ruleId, ...conflictView(conflict) })),
    business: {
      currency: business.currency ?? '',
      figures: business.figures.map((figure) => ({ ...figure, valueText: figureValue(figure, business.currency), inputsText: figureInputs(figure, report.answers.path), flag: figure.flag ?? '', note: figure.note ?? '' })),
      missing: business.missing.map((missing) => ({ label: missing.label, questions: missing.questions })),
      assumptions: assumptionsUsed(business),
      team: {
        target: targetText(team),
        fte: team.fte === null ? 'not answered (roi.team-fte)' : `${team.fte} FTE`,
        roles: team.roles.map((role) => ({ ...role, neededText: role.needed ? 'yes' : 'not yet', forText: role.neededFor.join('; ') || 'no open work up to the target', namedText: roleNamed(role), gap: team.gaps.includes(role.id) })),
        busFactor: busFactorText(team),
      },
      regulation: {
        risk: riskText(business),
        obligations: regulation.obligations.map((obligation) => ({ ...obligation, articlesText: obligation.articles.join(', '), when: obligationWhen(obligation), note: obligation.note ?? '' })),
        severityChanges: regulation.severityChanges,
        source: regulation.source,
      },
    },
    nextQuestions: nextQuestions(report),
  };
}
