import type { Report } from '../report/types.js';
import { compareStrings } from '../util/compare.js';
import { location } from './format.js';

export interface AnswerUsed {
  /** Where it is: "answers.yaml:12". */
  where: string;
  line: number;
  /** The answer: "roi.poc-cost: 60000". */
  detail: string;
  /** The rules it settled. */
  rules: string[];
}

/** Every answer a finding used, once, with the rules it settled, in the order of the answers file. */
export function answersUsed(report: Report): AnswerUsed[] {
  const used = new Map<string, AnswerUsed>();
  for (const finding of report.findings) {
    for (const evidence of finding.evidence) {
      if (evidence.kind !== 'answer' || evidence.line === undefined) continue;
      const entry = used.get(evidence.detail) ?? { where: location(evidence), line: evidence.line, detail: evidence.detail, rules: [] };
      if (!entry.rules.includes(finding.ruleId)) entry.rules.push(finding.ruleId);
      used.set(evidence.detail, entry);
    }
  }
  return [...used.values()].sort((a, b) => a.line - b.line || compareStrings(a.detail, b.detail));
}
