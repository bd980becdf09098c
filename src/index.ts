/**
 * The public API of scale-audit: `import { audit, render } from 'scale-audit'`. A program embeds the
 * audit with the functions; a plugin declares its collectors, check kinds and packs with the
 * `define*` helpers and types; `scale-audit/testing` tests rules. Nothing else in the package is
 * public: it may change in any release (docs/api.md).
 */
export { audit, evaluate, loadRules, render, scan, type AuditOptions, type AuditResult, type RuleSet, type RulesOptions } from './api.js';
export { FORMATS, type Format } from './render/index.js';
export { InputError } from './util/errors.js';

// The report, the facts and the findings: what the functions return.
export type { Report, ReportFinding } from './report/types.js';
export type { Evidence, Finding, Status } from './rules/finding.js';
export type { Category, Level, Question, Rule, Severity } from './rules/types.js';
export type { AnswerValue } from './answers/types.js';
export type { Facts, GitFacts, Location, PathContext, ScanWarning } from './scan/facts.js';
export type { Warn } from './scan/location.js';

// Plugins: what a plugin package's default export is made of.
export { definePlugin, type Plugin } from './plugins/plugin.js';
export { defineCollector, type Collector, type CollectorDefinition, type CollectorOptions, type FileContent, type ScanIndex } from './scan/collector.js';
export { defineCheck, type CheckDoc, type CheckKind, type ReferenceScope, type SchemaKit } from './rules/checks/kind.js';
export type { EvalContext, Outcome, Truth } from './rules/context.js';
export type { CheckArguments, Expr, Place } from './rules/expr.js';
