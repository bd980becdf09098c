import type { Finding, FindingConflict } from '../rules/finding.js';

/** One disagreement between the answers and the repository, as every report lists them. */
export interface ReportConflict extends FindingConflict {
  ruleId: string;
  title: string;
}

/** Every conflict of every finding, in the findings' order. */
export function reportConflicts(findings: readonly Finding[]): ReportConflict[] {
  return findings.flatMap((finding) => (finding.conflicts ?? []).map((conflict) => ({ ruleId: finding.ruleId, title: finding.title, ...conflict })));
}

