import type { Finding, Status } from '../../src/rules/finding.js';
import { scoreOf } from '../../src/rules/finding.js';
import type { Level, Severity } from '../../src/rules/types.js';

/** A finding as the evaluator would produce it, for score and roadmap tests. */
export function finding(ruleId: string, status: Status, severity: Severity = 'high', level: Level = 1, category = ruleId.split('.')[0]!): Finding {
  return { ruleId, title: ruleId, category, severity, level, status, score: scoreOf(status), message: '', evidence: [{ kind: 'missing', detail: 'x' }], questions: [] };
}
