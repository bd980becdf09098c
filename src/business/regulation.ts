import type { Answers } from '../answers/types.js';
import type { Finding } from '../rules/finding.js';
import type { BusinessData, ObligationView, RegulationView } from './types.js';

const RISK_QUESTION = 'governance.eu-ai-act-risk';
const ROLE_QUESTION = 'governance.ai-act-role';

function textAnswer(answers: Answers, id: string): string | null {
  const value = answers.values[id]?.value;
  return typeof value === 'string' ? value : null;
}

/** Whole calendar months from one date to a later one (0 when it has passed). */
function monthsBetween(from: Date, to: Date): number {
  const months = (to.getUTCFullYear() - from.getUTCFullYear()) * 12 + (to.getUTCMonth() - from.getUTCMonth()) - (to.getUTCDate() < from.getUTCDate() ? 1 : 0);
  return Math.max(0, months);
}

/**
 * The EU AI Act obligations that the answered risk class (and role) brings, with the dates they
 * apply from, as of the audit date; and the rules whose severity the answers changed.
 */
export function regulationView(answers: Answers, findings: readonly Finding[], data: BusinessData['regulation'], auditDate: Date): RegulationView {
  const riskClass = textAnswer(answers, RISK_QUESTION);
  const role = textAnswer(answers, ROLE_QUESTION);
  const obligations = data.obligations
    .filter((obligation) => riskClass !== null && obligation.riskClasses.includes(riskClass))
    .filter((obligation) => !obligation.roles || role === null || obligation.roles.includes(role))
    .map((obligation): ObligationView => {
      const from = new Date(`${obligation.appliesFrom}T00:00:00Z`);
      return {
        id: obligation.id,
        title: obligation.title,
        articles: obligation.articles,
        appliesFrom: obligation.appliesFrom,
        inForce: from.getTime() <= auditDate.getTime(),
        monthsUntil: monthsBetween(auditDate, from),
        ...(obligation.note ? { note: obligation.note } : {}),
      };
    });
  return {
    riskClass,
    role,
    obligations,
    severityChanges: findings.flatMap((finding) => (finding.severityChange ? [{ ruleId: finding.ruleId, from: finding.severityChange.from, to: finding.severity }] : [])),
    source: data.source,
  };
}
