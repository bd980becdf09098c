import { NO_ANSWERS } from './answers/types.js';
import { buildReport } from './report/build.js';
import type { Report } from './report/types.js';
import { evaluate } from './rules/evaluate.js';
import { loadRuleSet } from './rules/load.js';
import { loadMlTestScoreModel } from './score/ml-test-score-model.js';
import type { Facts } from './scan/facts.js';
import { scan } from './scan/scan.js';

export interface AuditOptions {
  /** The repository to audit, as the user named it. */
  path: string;
  answersFile?: string;
  /** Extra rule pack files or directories. */
  rules?: readonly string[];
  /** The audit date: the report's date and the reference for git activity windows. */
  now: Date;
}

/**
 * The whole flow: load the rules, check the answers, scan, evaluate, score, plan. Everything the
 * user supplies is loaded before the (slower) scan, so a typo fails fast.
 */
export async function runAudit(options: AuditOptions): Promise<{ report: Report; facts: Facts }> {
  const ruleSet = await loadRuleSet(options.rules ?? []);
  // The answers loader brings the validation library: load it only for an answers file.
  const answers = options.answersFile ? await (await import('./answers/load.js')).loadAnswers(options.answersFile, ruleSet.questions) : NO_ANSWERS;
  const facts = await scan(options.path, { signals: ruleSet.signals, now: options.now });
  const findings = evaluate(ruleSet, facts, answers);
  const mlTestScoreModel = await loadMlTestScoreModel();
  const report = buildReport({ targetPath: options.path, facts, ruleSet, answers, findings, mlTestScoreModel, generatedAt: options.now });
  return { report, facts };
}
