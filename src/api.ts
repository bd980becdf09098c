import { z } from 'zod';
import { answerProblem } from './answers/answer-types.js';
import { findAnswers } from './answers/find.js';
import type { AnswerValue, Answers } from './answers/types.js';
import { runAudit } from './audit.js';
import { loadPlugins, type PluginRequest } from './plugins/load.js';
import type { Plugin } from './plugins/plugin.js';
import { renderer, type Format } from './render/index.js';
import type { Report } from './report/types.js';
import { evaluate as evaluateRules } from './rules/evaluate.js';
import type { Finding } from './rules/finding.js';
import { loadRuleSet, type LoadedRuleSet } from './rules/load.js';
import type { Facts } from './scan/facts.js';
import { scan as scanRepository } from './scan/scan.js';
import { InputError } from './util/errors.js';

/*
 * The functions a program embeds the audit with. Each takes what a user names (paths, plugin
 * objects, plain answers) and returns plain data; they are thin over the stages the CLI runs, with
 * the CLI's defaults, so that a program and `scale-audit` give the same report for the same inputs.
 */

/** The rules of a run: the built-in packs, the plugins' and any others. */
export type RuleSet = LoadedRuleSet;

export interface RulesOptions {
  /** Extra rule pack files or directories, like `--rules`. */
  rules?: readonly string[];
  /**
   * Code plugins, like `--plugin`: plugin objects the program imported, or package names and paths
   * found from the working directory. The program chooses them: nothing in an audited repository can.
   */
  plugins?: ReadonlyArray<Plugin | string>;
}

function requests(plugins: RulesOptions['plugins']): PluginRequest[] {
  return (plugins ?? []).map((plugin) => (typeof plugin === 'string' ? { spec: plugin, from: process.cwd() } : { plugin }));
}

/** Loads and checks the rule packs; a mistake in one is an `InputError` naming its file and line. */
export async function loadRules(options: RulesOptions = {}): Promise<RuleSet> {
  return loadRuleSet(options.rules ?? [], { plugins: await loadPlugins(requests(options.plugins)) });
}

/** The facts of a repository: what `scale-audit scan --json` prints. The rules say which code signals and plugin collectors to run (default: the built-in packs). */
export async function scan(path: string, options: { rules?: RuleSet; now?: Date } = {}): Promise<Facts> {
  const rules = options.rules ?? (await loadRules());
  return scanRepository(path, { signals: rules.signals, collectors: rules.collectors, now: options.now ?? new Date() });
}

/** One finding per rule, from the facts and the answers (question id → value); an answer of the wrong type is an `InputError`. */
export function evaluate(rules: RuleSet, facts: Facts, answers: Readonly<Record<string, AnswerValue>> = {}): Finding[] {
  const questions = new Map(rules.questions.map((question) => [question.id, question]));
  for (const [id, value] of Object.entries(answers)) {
    const problem = answerProblem(z, id, value, questions);
    if (problem) throw new InputError(`answers: ${problem}`);
  }
  const given: Answers = { path: null, values: Object.fromEntries(Object.entries(answers).map(([id, value]) => [id, { value, line: 0 }])) };
  return evaluateRules(rules, facts, given);
}

export interface AuditOptions extends RulesOptions {
  /** An answers file (YAML or JSON); by default `<path>/scale-audit.answers.yaml` when it exists; null for none. */
  answers?: string | null;
  /** A configuration file; by default the nearest `.scale-audit.*` from the path upward (data only: it cannot load plugins); null for none. */
  config?: string | null;
  /** The kind of project, like `--profile`: a built-in profile's name, one the configuration declares, or a profile file. */
  profile?: string;
  /** A file of business assumptions replacing some of the defaults. */
  assumptions?: string;
  /** The audit date: the report's date and the reference for git activity windows (default: now). */
  now?: Date;
}

export interface AuditResult {
  report: Report;
  facts: Facts;
}

/** The whole audit, as `scale-audit <path>` runs it: the report (scores, roadmap, gates of the configuration) and the facts behind it. */
export async function audit(path: string, options: AuditOptions = {}): Promise<AuditResult> {
  const answersFile = options.answers === undefined ? await findAnswers(path) : options.answers;
  const { report, facts } = await runAudit({
    path,
    ...(answersFile ? { answersFile } : {}),
    ...(options.assumptions ? { assumptionsFile: options.assumptions } : {}),
    ...(options.profile ? { profile: options.profile } : {}),
    rules: options.rules ?? [],
    plugins: requests(options.plugins),
    now: options.now ?? new Date(),
    ...(options.config === undefined ? {} : { config: options.config }),
  });
  return { report, facts };
}

/** A report as text (`color` for a terminal), Markdown, HTML (one self-contained file), JSON or SARIF. */
export async function render(report: Report, format: Format, options: { color?: boolean } = {}): Promise<string> {
  return (await renderer(format))(report, { color: options.color ?? false, logo: null });
}
