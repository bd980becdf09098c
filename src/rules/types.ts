import type { AnswerValue } from '../answers/types.js';
import type { CollectorDefinition, SignalScope } from '../scan/collector.js';
import type { CheckKinds } from './checks/index.js';
import type { CheckArguments, Expr } from './expr.js';
import type { Evidence } from './finding.js';

export type Severity = 'critical' | 'high' | 'medium' | 'low';
export type Level = 1 | 2 | 3 | 4;
export type Effort = 'S' | 'M' | 'L';

export const SEVERITIES: readonly Severity[] = ['critical', 'high', 'medium', 'low'];

export type { Expr } from './expr.js';

/** A condition on one answer, as `answer:` writes it in an expression. */
export type AnswerPredicate = CheckArguments['answer'];

export interface Check {
  pass: Expr;
  /** Half credit: present but manual or not automated. Tried only when `pass` is not true. */
  partial?: Expr;
}

/**
 * An answer the repository can contradict. When the answer holds and so does `evidence` (an
 * expression over the repository only), the finding records the conflict and follows `believe`:
 * `evidence` for what a repository can show (the answer is then overruled for this rule: every
 * predicate on its question is false), `answer` for what it cannot (the rule reads the answer as is).
 */
export interface AnswerConflict {
  answer: AnswerPredicate;
  evidence: Expr;
  believe: 'answer' | 'evidence';
  /** Why that side wins, for the reader of the finding. */
  why: string;
}

/** A severity that replaces the rule's own while `when` holds, e.g. critical for a high-risk system. */
export interface SeverityCondition {
  when: Expr;
  severity: Severity;
}

export interface Remediation {
  summary: string;
  steps: string[];
  effort: Effort;
  links?: string[];
}

export interface Rule {
  id: string;
  title: string;
  category: string;
  severity: Severity;
  level: Level;
  why: string;
  detection: string;
  remediation: Remediation;
  requires: string[];
  /** The rule is not applicable when this is (definitely) false. */
  appliesWhen?: Expr;
  /** Shown when the rule does not apply, e.g. "No LLM SDK is used". */
  notApplicableMessage?: string;
  check: Check;
  /** The first entry whose condition holds sets the finding's severity; otherwise `severity` does. */
  severityWhen?: SeverityCondition[];
  conflicts?: AnswerConflict[];
  messages?: Partial<Record<'pass' | 'partial' | 'fail', string>>;
  references: string[];
  /** The pack file the rule came from. */
  source: string;
  /** Set by the configuration or a profile: the rule is off (it is then not applicable), saying why and where. */
  disabled?: { message: string; evidence: Evidence };
  /** Set by the configuration: the rule's weight in scores instead of its severity's. */
  weight?: number;
}

export type QuestionType = 'boolean' | 'choice' | 'multi' | 'number' | 'text';

export interface Question {
  id: string;
  category: string;
  text: string;
  type: QuestionType;
  help: string;
  /** For `choice` and `multi`. */
  choices?: Array<{ value: string; label: string }>;
  min?: number;
  max?: number;
  unit?: string;
  /** Defaults `init` offers, the first whose condition holds on the scan; the answer stays the user's. */
  suggest?: Suggestion[];
  source: string;
}

export interface Suggestion {
  when: Expr;
  value: AnswerValue;
  /** Why the scan suggests it, shown next to the question. */
  because: string;
}

/** A code pattern the scan looks for in the files matching `files`. */
export interface SignalDefinition {
  id: string;
  description: string;
  files: string[];
  pattern: string;
  /** How the pattern reads a file (src/scan/collector.ts); `text` when a pack does not say. */
  match: SignalScope;
  /** YAML keys under which a text signal's match does not count. */
  notUnder?: string[];
  /** From a built-in pack: its pattern runs in JavaScript's engine (see CodeSignal). */
  builtin: boolean;
  source: string;
}

/** An expression with a name, so that rules in several packs can share it. */
export interface ConditionDefinition {
  id: string;
  description: string;
  when: Expr;
  source: string;
  /** Set by a profile: the condition's value for every rule that reads it, instead of `when`, and why. */
  settled?: { holds: boolean; evidence: Evidence };
}

export interface Category {
  id: string;
  title: string;
  description: string;
}

export interface RuleSet {
  categories: Category[];
  rules: Rule[];
  questions: Question[];
  signals: SignalDefinition[];
  conditions: ConditionDefinition[];
  /** The pack files loaded, in load order. */
  sources: string[];
  /** The kinds of check the packs were written with: the built-in ones and the plugins'. */
  checks: CheckKinds;
  /** The plugins' collectors, whose facts the packs may read: a scan for these rules must run them. */
  collectors: readonly CollectorDefinition[];
  /**
   * The guards (src/score/guards.ts) the build found for exactly these packs, when they are the
   * built-in ones alone, unchanged since the build; absent otherwise.
   */
  recordedGuards?: readonly string[];
}
