import type { AnswerValue, Answers } from '../../src/answers/types.js';
import { location } from '../../src/render/format.js';
import { evaluate } from '../../src/rules/evaluate.js';
import type { Finding, Status } from '../../src/rules/finding.js';
import { loadRuleSet, type LoadedRuleSet } from '../../src/rules/load.js';
import type { Severity } from '../../src/rules/types.js';
import type { GitFacts } from '../../src/scan/facts.js';
import { scanFiles } from '../../src/scan/scan.js';

/** One case of a rule: a tiny repository (files, git history, answers) and the expected result. */
export interface RuleCase {
  name: string;
  files?: Record<string, string>;
  git?: Partial<GitFacts> | null;
  answers?: Record<string, AnswerValue>;
  status: Status;
  /** Text that some evidence item must contain (in its path or detail), to prove the finding shows its proof. */
  evidence?: string;
  /** The answers and the repository disagree, and the finding believes this side (no conflict when absent). */
  conflict?: 'answer' | 'evidence';
  /** The severity an answer gives the finding, when it is not the rule's own. */
  severity?: Severity;
}

export type RuleCases = Record<string, RuleCase[]>;

export const builtinRules: LoadedRuleSet = await loadRuleSet();

/** A repository with some history, a remote, and one author: override what the case is about. */
export function gitFacts(overrides: Partial<GitFacts> = {}): GitFacts {
  return {
    head: '0123456789abcdef0123456789abcdef01234567',
    branch: 'main',
    commits: 42,
    contributors: 3,
    activeContributors12m: 3,
    topAuthorShare12m: 0.5,
    firstCommitDate: '2025-01-01T00:00:00.000Z',
    lastCommitDate: '2026-11-01T00:00:00.000Z',
    tags: 0,
    hasRemote: true,
    webUrl: null,
    mergedPullRequests: 10,
    pullRequestShare: 0.238,
    ...overrides,
  };
}

export async function runCase(ruleId: string, testCase: RuleCase, ruleSet: LoadedRuleSet = builtinRules): Promise<Finding> {
  const rule = ruleSet.rules.find((candidate) => candidate.id === ruleId);
  if (!rule) throw new Error(`no rule ${ruleId}`);
  const facts = await scanFiles(testCase.files ?? {}, {
    signals: ruleSet.signals,
    now: new Date('2026-11-23T00:00:00Z'),
    gitFacts: testCase.git === null ? null : gitFacts(testCase.git),
  });
  const answers: Answers = {
    path: 'answers.yaml',
    values: Object.fromEntries(Object.entries(testCase.answers ?? {}).map(([id, value], i) => [id, { value, line: i + 3 }])),
  };
  return evaluate({ ...ruleSet, rules: [rule] }, facts, answers)[0]!;
}

/** The evidence as a report shows it, one item a line, with what the repository holds against an answer. */
export function evidenceText(finding: Finding): string {
  const conflicting = (finding.conflicts ?? []).flatMap((conflict) => conflict.evidence);
  return [...finding.evidence, ...conflicting].map((item) => `${location(item)} ${item.detail}`).join('\n');
}
