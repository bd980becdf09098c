import type { AnswerValue } from '../../src/answers/types.js';
import { buildReport } from '../../src/report/build.js';
import type { Report } from '../../src/report/types.js';
import { evaluate } from '../../src/rules/evaluate.js';
import type { GitFacts } from '../../src/scan/facts.js';
import { scanFiles } from '../../src/scan/scan.js';
import { loadBusinessData } from '../../src/business/data.js';
import { guardRules } from '../../src/score/guards.js';
import { loadMlTestScoreModel } from '../../src/score/ml-test-score-model.js';
import { builtinRules } from './rule-tester.js';

const mlTestScoreModel = await loadMlTestScoreModel();
const businessData = await loadBusinessData();
const guards = await guardRules(builtinRules, new Date('2026-11-23T12:00:00Z'));

/** A full report from files held in memory, through the real scan, rules, scoring and roadmap. */
export async function reportFromFiles(
  files: Record<string, string>,
  options: { answers?: Record<string, AnswerValue>; git?: GitFacts | null; name?: string; directory?: string; enclosing?: Record<string, string> } = {},
): Promise<Report> {
  const facts = await scanFiles(files, { signals: builtinRules.signals, now: new Date('2026-11-23T12:00:00Z'), name: options.name ?? 'demo', gitFacts: options.git ?? null, directory: options.directory ?? null, enclosing: options.enclosing });
  const answers = {
    path: 'answers.yaml',
    values: Object.fromEntries(Object.entries(options.answers ?? {}).map(([id, value], i) => [id, { value, line: i + 3 }])),
  };
  const findings = evaluate(builtinRules, facts, answers);
  return buildReport({ targetPath: '.', facts, ruleSet: builtinRules, answers, findings, guards, mlTestScoreModel, businessData, generatedAt: new Date('2026-11-23T12:00:00Z') });
}
