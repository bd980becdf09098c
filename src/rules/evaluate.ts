import type { Answers } from '../answers/types.js';
import type { Facts } from '../scan/facts.js';
import { checkOf } from './checks/index.js';
import type { EvalContext, Outcome } from './context.js';
import { FileIndex } from './file-index.js';
import { scoreOf, type Evidence, type Finding, type FindingConflict, type Status } from './finding.js';
import { exprScope, type ExprScope } from './scope.js';
import type { Expr, Rule, RuleSet } from './types.js';

/** An expression's value in three-valued logic, with the evidence that decided it. */
export function evaluateExpr(expr: Expr, ctx: EvalContext): Outcome {
  const { kind, arg } = checkOf(expr, ctx.checks);
  return kind.evaluate(arg, ctx, (part) => evaluateExpr(part, ctx));
}

/** Every question id an expression reads, in order of appearance, through the named conditions it uses. */
export function questionsOf(expr: Expr | undefined, scope: ExprScope, into: Set<string> = new Set()): Set<string> {
  if (expr) addQuestions(expr, scope, into, new Set());
  return into;
}

/**
 * The walk of `checksIn` (each check, then its parts, then the conditions it names, each entered
 * once), without the places it gives each check: every audit asks it of every rule.
 */
function addQuestions(expr: Expr, scope: ExprScope, into: Set<string>, entered: Set<string>): void {
  const { kind, arg } = checkOf(expr, scope.checks);
  for (const id of kind.questions?.(arg) ?? []) into.add(id);
  for (const part of kind.parts?.(arg) ?? []) addQuestions(part.expr, scope, into, entered);
  for (const id of kind.conditions?.(arg) ?? []) {
    const named = scope.conditions.get(id);
    if (named === undefined || entered.has(id)) continue;
    entered.add(id);
    addQuestions(named, scope, into, entered);
  }
}

/** The questions a rule reads: in its applicability, its pass and its partial checks. */
export function ruleQuestions(rule: Rule, scope: ExprScope): string[] {
  const into = new Set<string>();
  for (const expr of [rule.appliesWhen, rule.check.pass, rule.check.partial]) questionsOf(expr, scope, into);
  return [...into];
}

function settledConditions(ruleSet: Pick<RuleSet, 'conditions'>): Map<string, Outcome> {
  return new Map(ruleSet.conditions.flatMap(({ id, settled }) => (settled ? [[id, { value: settled.holds, evidence: [settled.evidence] }] as const] : [])));
}

function dedupe(evidence: Evidence[]): Evidence[] {
  const seen = new Set<string>();
  return evidence.filter((item) => {
    const key = `${item.kind}\u0000${item.path ?? ''}\u0000${item.line ?? ''}\u0000${item.detail}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function message(rule: Rule, status: Status, questions: string[]): string {
  switch (status) {
    case 'pass':
      return rule.messages?.pass ?? rule.title;
    case 'partial':
      return rule.messages?.partial ?? `Partly in place: ${rule.title}`;
    case 'fail':
      return rule.messages?.fail ?? `Not in place: ${rule.title}`;
    case 'unknown':
      return questions.length > 0
        ? `Not known yet: answer ${questions.join(', ')} to settle it`
        : 'Not known: the evidence is inconclusive';
    case 'not_applicable':
      return rule.disabled?.message ?? rule.notApplicableMessage ?? 'Does not apply to this project';
    case 'waived':
      return 'Waived';
  }
}

/** The rule's declared conflicts that hold: the answer says one thing and the repository another. */
function conflictsOf(rule: Rule, ctx: EvalContext): FindingConflict[] {
  const found: FindingConflict[] = [];
  for (const conflict of rule.conflicts ?? []) {
    const answer = evaluateExpr({ answer: conflict.answer }, ctx);
    if (answer.value !== true) continue;
    const evidence = evaluateExpr(conflict.evidence, ctx);
    if (evidence.value !== true) continue;
    found.push({ questionId: conflict.answer.id, answer: answer.evidence[0]!, evidence: dedupe(evidence.evidence), believed: conflict.believe, why: conflict.why });
  }
  return found;
}

/** The first severity condition that holds replaces the rule's own; an unknown condition leaves it. */
function severityOf(rule: Rule, ctx: EvalContext): Pick<Finding, 'severity' | 'severityChange'> {
  for (const condition of rule.severityWhen ?? []) {
    const outcome = evaluateExpr(condition.when, ctx);
    if (outcome.value !== true) continue;
    if (condition.severity === rule.severity) break;
    return { severity: condition.severity, severityChange: { from: rule.severity, because: outcome.evidence } };
  }
  return { severity: rule.severity };
}

export function evaluateRule(rule: Rule, context: EvalContext): Finding {
  const questions = ruleQuestions(rule, context);
  const conflicts = conflictsOf(rule, context);
  const overruled = conflicts.filter((conflict) => conflict.believed === 'evidence').map((conflict) => conflict.questionId);
  const ctx: EvalContext = overruled.length > 0 ? { ...context, overruled: new Set(overruled) } : context;
  const severity = severityOf(rule, ctx);
  const finding = (status: Status, evidence: Evidence[]): Finding => ({
    ruleId: rule.id,
    title: rule.title,
    category: rule.category,
    level: rule.level,
    ...severity,
    status,
    score: scoreOf(status),
    // Only what is still open: an answered question cannot settle the rule again.
    message: message(rule, status, questions.filter((id) => !context.answers.values[id])),
    evidence: dedupe(evidence),
    questions,
    ...(conflicts.length > 0 ? { conflicts } : {}),
    ...(rule.weight === undefined ? {} : { weight: rule.weight }),
  });

  if (rule.disabled) return finding('not_applicable', [rule.disabled.evidence]);
  const applies = rule.appliesWhen ? evaluateExpr(rule.appliesWhen, ctx) : null;
  if (applies?.value === false) return finding('not_applicable', applies.evidence);
  const pass = evaluateExpr(rule.check.pass, ctx);
  if (pass.value === true) return finding('pass', pass.evidence);
  const partial = rule.check.partial ? evaluateExpr(rule.check.partial, ctx) : null;
  // Partial evidence says what is there; the pass evidence says what is still missing.
  if (partial?.value === true) return finding('partial', [...partial.evidence, ...pass.evidence]);
  const evidence = [...pass.evidence, ...(partial?.evidence ?? [])];
  if (pass.value === null || partial?.value === null) return finding('unknown', evidence);
  // Nothing is in place, but whether the rule applies at all is still open: that is not a failure yet.
  if (applies?.value === null) return finding('unknown', [...applies.evidence, ...evidence]);
  return finding('fail', evidence);
}

/** What expressions are evaluated against: the scan, the answers, and the packs' signals. */
export function evalContext(ruleSet: RuleSet, facts: Facts, answers: Answers): EvalContext {
  return {
    facts,
    answers,
    files: new FileIndex(facts.files.paths),
    signals: new Map(ruleSet.signals.map((signal) => [signal.id, signal])),
    ...exprScope(ruleSet),
    settled: settledConditions(ruleSet),
  };
}

export function evaluate(ruleSet: RuleSet, facts: Facts, answers: Answers): Finding[] {
  const ctx = evalContext(ruleSet, facts, answers);
  return ruleSet.rules.map((rule) => evaluateRule(rule, ctx));
}
