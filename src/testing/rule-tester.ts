import { resolve } from 'node:path';
import { z } from 'zod';
import { answerProblem } from '../answers/answer-types.js';
import type { Answers } from '../answers/types.js';
import { loadPlugins, type PluginRequest } from '../plugins/load.js';
import type { Plugin } from '../plugins/plugin.js';
import { location } from '../render/format.js';
import { evaluate, ruleQuestions } from '../rules/evaluate.js';
import type { Place } from '../rules/expr.js';
import type { Finding } from '../rules/finding.js';
import { loadRuleSet, type LoadedRuleSet } from '../rules/load.js';
import { exprScope } from '../rules/scope.js';
import type { Rule } from '../rules/types.js';
import { BUILTIN_COLLECTORS } from '../scan/collectors/index.js';
import { factRoots, SCAN_KEYS, type Facts } from '../scan/facts.js';
import { scan, scanFiles } from '../scan/scan.js';
import { didYouMean } from '../util/suggest.js';
import { gitFacts, mergeFacts, type RuleCase } from './case.js';

export interface RuleTesterOptions {
  /** Rule packs to load besides the built-in ones: the packs under test, and any they depend on. */
  packs?: readonly string[];
  /** Plugins whose check kinds, collectors and packs the rules use: objects, or names and paths found from the working directory. */
  plugins?: ReadonlyArray<Plugin | string>;
  /** The audit date the cases are scanned at (default 2026-11-23, so that results do not change with the day). */
  now?: Date;
}

/** What is wrong with a case before it runs: where in the case, and what. */
export interface CaseProblem {
  at: Place;
  message: string;
}

/** The evidence as a report shows it, one item a line, with what the repository holds against an answer. */
export function evidenceText(finding: Finding): string {
  const conflicting = (finding.conflicts ?? []).flatMap((conflict) => conflict.evidence);
  return [...finding.evidence, ...conflicting].map((item) => `${location(item)} ${item.detail}`.trim()).join('\n');
}

const list = (value: string | string[] | undefined): string[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

/**
 * Runs rules on cases and says where a finding differs from what a case expects, like ESLint's
 * `RuleTester`: the built-in packs are tested with it, `scale-audit test` runs the cases beside a
 * pack with it, and a pack's author can call it from vitest or jest (`scale-audit/testing`).
 */
export class RuleTester {
  private constructor(
    /** The rules the cases run against: the built-in packs, the plugins' and the given ones. */
    readonly ruleSet: LoadedRuleSet,
    private readonly now: Date,
  ) {}

  static async create(options: RuleTesterOptions = {}): Promise<RuleTester> {
    const requests: PluginRequest[] = (options.plugins ?? []).map((plugin) => (typeof plugin === 'string' ? { spec: plugin, from: process.cwd() } : { plugin }));
    const ruleSet = await loadRuleSet(options.packs ?? [], { plugins: await loadPlugins(requests) });
    return RuleTester.of(ruleSet, options.now);
  }

  /** A tester of rules already loaded (with `loadRules` from 'scale-audit', say). */
  static of(ruleSet: LoadedRuleSet, now: Date = new Date('2026-11-23T00:00:00Z')): RuleTester {
    return new RuleTester(ruleSet, now);
  }

  rule(ruleId: string): Rule {
    const rule = this.ruleSet.rules.find((candidate) => candidate.id === ruleId);
    if (!rule) throw new Error(`no rule ${ruleId}${didYouMean(ruleId, this.ruleSet.rules.map((candidate) => candidate.id))}`);
    return rule;
  }

  /** What a case names that the rules do not know: answers to unknown questions or of the wrong type, facts no collector fills. */
  problems(testCase: RuleCase): CaseProblem[] {
    const problems: CaseProblem[] = [];
    const questions = new Map(this.ruleSet.questions.map((question) => [question.id, question]));
    for (const [id, value] of Object.entries(testCase.answers ?? {})) {
      const problem = answerProblem(z, id, value, questions);
      if (problem) problems.push({ at: ['answers', id], message: problem });
    }
    const roots = [...SCAN_KEYS, ...factRoots([...BUILTIN_COLLECTORS, ...this.ruleSet.collectors])];
    for (const root of Object.keys(testCase.facts ?? {})) {
      if (!roots.includes(root)) problems.push({ at: ['facts', root], message: `unknown fact "${root}"${didYouMean(root, roots)}; facts start with one of: ${roots.join(', ')}` });
    }
    if (testCase.files !== undefined && testCase.tree !== undefined) problems.push({ at: ['tree'], message: 'a case has files or a tree, not both' });
    return problems;
  }

  private async facts(testCase: RuleCase): Promise<Facts> {
    const options = { signals: this.ruleSet.signals, collectors: this.ruleSet.collectors, now: this.now };
    const scanned = testCase.tree === undefined ? await scanFiles(testCase.files ?? {}, { ...options, gitFacts: null }) : await scan(resolve(testCase.tree), { ...options, git: false });
    const facts: Facts = { ...scanned, git: testCase.git === null ? null : gitFacts(testCase.git) };
    return testCase.facts ? (mergeFacts(facts as unknown as Record<string, unknown>, testCase.facts) as unknown as Facts) : facts;
  }

  /** The finding the rule gives on the case's repository and answers. */
  async run(ruleId: string, testCase: RuleCase): Promise<Finding> {
    const rule = this.rule(ruleId);
    const [problem] = this.problems(testCase);
    if (problem) throw new Error(`case "${testCase.name}": ${problem.at.join('.')}: ${problem.message}`);
    const answers: Answers = {
      path: 'answers.yaml',
      values: Object.fromEntries(Object.entries(testCase.answers ?? {}).map(([id, value], i) => [id, { value, line: i + 3 }])),
    };
    return evaluate({ ...this.ruleSet, rules: [rule] }, await this.facts(testCase), answers)[0]!;
  }

  /** The finding, and each way it differs from what the case expects (none when the case passes). */
  async check(ruleId: string, testCase: RuleCase): Promise<{ finding: Finding; differences: string[] }> {
    const finding = await this.run(ruleId, testCase);
    const differences: string[] = [];
    if (finding.status !== testCase.status) differences.push(`status: expected ${testCase.status}, got ${finding.status}`);
    if (finding.evidence.length === 0) differences.push('evidence: the finding shows none, and every finding must');
    const evidence = evidenceText(finding);
    for (const text of list(testCase.evidence)) if (!evidence.includes(text)) differences.push(`evidence: nothing contains "${text}"`);
    const [first = ''] = evidence.split('\n');
    if (testCase.firstEvidence !== undefined && !first.includes(testCase.firstEvidence)) differences.push(`evidence: the first line does not contain "${testCase.firstEvidence}"`);
    const believed = (finding.conflicts ?? []).map((conflict) => conflict.believed).join(', ') || 'none';
    if (believed !== (testCase.conflict ?? 'none')) differences.push(`conflict: expected ${testCase.conflict ?? 'none'}, got ${believed}`);
    const severity = testCase.severity ?? this.rule(ruleId).severity;
    if (finding.severity !== severity) differences.push(`severity: expected ${severity}, got ${finding.severity}`);
    return { finding, differences };
  }

  /** Runs the case and throws an error that lists the differences and shows the evidence: for `it()` in vitest or jest. */
  async assert(ruleId: string, testCase: RuleCase): Promise<Finding> {
    const { finding, differences } = await this.check(ruleId, testCase);
    if (differences.length > 0) throw new Error(`${ruleId} › ${testCase.name}:\n  ${differences.join('\n  ')}\n  the evidence:\n    ${evidenceText(finding).split('\n').join('\n    ')}`);
    return finding;
  }

  /**
   * The outcomes the rule can give that no case shows: pass and fail always; partial when it has a
   * partial check; not applicable when it has `appliesWhen`; unknown when it reads a question; each
   * declared conflict, and each severity an answer can give it.
   */
  uncovered(ruleId: string, cases: readonly RuleCase[]): string[] {
    const rule = this.rule(ruleId);
    const statuses = new Set(cases.map((testCase) => testCase.status));
    const missing: string[] = [];
    const want = (status: RuleCase['status'], why?: string) => {
      if (!statuses.has(status)) missing.push(why ? `${status} (${why})` : status);
    };
    want('pass');
    want('fail');
    if (rule.check.partial) want('partial', 'it has a partial check');
    if (rule.appliesWhen) want('not_applicable', 'it has appliesWhen');
    const reads = ruleQuestions(rule, exprScope(this.ruleSet));
    if (reads.length > 0) want('unknown', `it reads ${reads.join(', ')}`);
    for (const conflict of rule.conflicts ?? []) {
      if (!cases.some((testCase) => testCase.conflict === conflict.believe)) missing.push(`a conflict on ${conflict.answer.id} where the ${conflict.believe} is believed`);
    }
    for (const condition of rule.severityWhen ?? []) {
      if (!cases.some((testCase) => testCase.severity === condition.severity)) missing.push(`severity ${condition.severity} (from severityWhen)`);
    }
    return missing;
  }
}
