import type { AnswerValue } from '../answers/types.js';
import type { CiStepKind, CiTrigger, Ecosystem, PathContext } from '../scan/facts.js';

export type Severity = 'critical' | 'high' | 'medium' | 'low';
export type Level = 1 | 2 | 3 | 4;
export type Effort = 'S' | 'M' | 'L';

export const SEVERITIES: readonly Severity[] = ['critical', 'high', 'medium', 'low'];

/**
 * A check is a boolean expression over Facts and answers, evaluated in three-valued logic:
 * a leaf that depends on an unanswered question is `unknown`, never true or false.
 * Each key below is one predicate; an expression object has exactly one of them.
 */
export type Expr =
  | { all: Expr[] }
  | { any: Expr[] }
  | { not: Expr }
  | { file: FilePredicate }
  | { dependency: DependencyPredicate }
  | { import: ImportPredicate }
  | { signal: SignalPredicate }
  | { ci: CiPredicate }
  | { dockerfile: DockerfilePredicate }
  | { k8s: K8sPredicate }
  | { iac: IacPredicate }
  | { secret: SecretPredicate }
  | { fact: FactPredicate }
  | { answer: AnswerPredicate }
  /** A named condition declared by a pack (`conditions:`), shared by rules of any pack. */
  | { condition: string };

type OneOrMany<T> = T | T[];

/**
 * Paths are searched in `project` context unless `in` says otherwise. `description` names what the
 * globs look for, for evidence a person reads ("no datasheet (DATASHEET.md, data cards…)").
 */
export type FilePredicate = OneOrMany<string> | { glob: OneOrMany<string>; in?: PathContext[]; min?: number; description?: string };
export type DependencyPredicate = OneOrMany<string> | { names: OneOrMany<string>; ecosystem?: Ecosystem; dev?: boolean; in?: PathContext[] };
/** `glob` narrows the files that count, e.g. `*.py` to leave out notebooks. */
export type ImportPredicate = OneOrMany<string> | { modules: OneOrMany<string>; in?: PathContext[]; glob?: OneOrMany<string> };
export type SignalPredicate = OneOrMany<string> | { ids: OneOrMany<string>; in?: PathContext[]; glob?: OneOrMany<string> };
export interface CiPredicate {
  /** Step kinds of which one must run; without it, any enabled pipeline counts. */
  runs?: OneOrMany<CiStepKind>;
  /** Only pipelines with one of these triggers count; by default any enabled pipeline counts. */
  on?: CiTrigger[];
  /** Only pipelines that deploy to one of these environments (GitHub/GitLab/Azure `environment:`). */
  environment?: OneOrMany<string>;
  /** Only pipelines where a person must approve a job (GitLab `when: manual`, Azure ManualValidation...). */
  manualApproval?: boolean;
}
export type DockerfileProperty = 'pinned-base' | 'non-root' | 'healthcheck' | 'multi-stage';
export interface DockerfilePredicate {
  require: OneOrMany<DockerfileProperty>;
  /** `all` (default): every project Dockerfile must have the properties; `any`: one is enough. */
  match?: 'all' | 'any';
}
export interface K8sPredicate {
  kind?: OneOrMany<string>;
  /** A feature an object must carry, e.g. `readinessProbe`. */
  feature?: OneOrMany<string>;
}
export interface IacPredicate {
  /** Resource types, with `*` wildcards: `aws_cloudwatch_metric_alarm`, `pagerduty_*`. */
  resource?: OneOrMany<string>;
  tool?: OneOrMany<string>;
}
export interface SecretPredicate {
  in?: PathContext[];
}
export interface FactPredicate {
  /** A dotted path into Facts, e.g. `notebooks.notebookShare` or `git.topAuthorShare12m`. */
  path: string;
  exists?: boolean;
  equals?: unknown;
  /** The value is one of these. */
  in?: unknown[];
  gte?: number;
  lte?: number;
  gt?: number;
  lt?: number;
}
export interface AnswerPredicate {
  id: string;
  equals?: string | number | boolean;
  in?: Array<string | number | boolean>;
  /** For `multi` questions: the answer includes all of these values. */
  includes?: OneOrMany<string>;
  gte?: number;
  lte?: number;
  /** True: the question has any non-empty answer. */
  answered?: boolean;
}

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
  /** Set by the configuration: the rule is off, for this reason (it is then not applicable). */
  disabled?: { reason: string; file: string; line: number };
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
  source: string;
}

/** An expression with a name, so that rules in several packs can share it. */
export interface ConditionDefinition {
  id: string;
  description: string;
  when: Expr;
  source: string;
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
}
