import { describe, expect, it } from 'vitest';
import type { Answers } from '../../src/answers/types.js';
import { BUILTIN_CHECKS } from '../../src/rules/checks/index.js';
import { evaluateExpr, evaluateRule, questionsOf } from '../../src/rules/evaluate.js';
import { FileIndex } from '../../src/rules/file-index.js';
import type { EvalContext } from '../../src/rules/context.js';
import type { Expr, Rule } from '../../src/rules/types.js';
import { scanFiles } from '../../src/scan/scan.js';

const facts = await scanFiles(
  { 'Dockerfile': 'FROM python:3.11-slim\n', 'examples/demo/Dockerfile': 'FROM python\n' },
  { signals: [], now: new Date('2026-01-01T00:00:00Z') },
);

function context(values: Record<string, boolean>): EvalContext {
  const answers: Answers = { path: 'answers.yaml', values: Object.fromEntries(Object.entries(values).map(([id, value], i) => [id, { value, line: i + 1 }])) };
  return { facts, answers, files: new FileIndex(facts.files.paths), signals: new Map(), checks: BUILTIN_CHECKS, conditions: new Map() };
}

const T: Expr = { file: 'Dockerfile' };
const F: Expr = { file: 'Jenkinsfile' };
const U: Expr = { answer: { id: 'q.unanswered', equals: true } };

describe('three-valued logic', () => {
  it.each([
    ['all of true, true', { all: [T, T] }, true],
    ['all of true, false', { all: [T, F] }, false],
    ['all of false, unknown: false wins', { all: [F, U] }, false],
    ['all of true, unknown', { all: [T, U] }, null],
    ['any of false, true', { any: [F, T] }, true],
    ['any of unknown, true: true wins', { any: [U, T] }, true],
    ['any of false, unknown', { any: [F, U] }, null],
    ['any of false, false', { any: [F, F] }, false],
    ['not true', { not: T }, false],
    ['not unknown', { not: U }, null],
  ] as Array<[string, Expr, boolean | null]>)('%s', (_name, expr, expected) => {
    expect(evaluateExpr(expr, context({})).value).toBe(expected);
  });

  it('keeps the evidence of the parts that decided', () => {
    const outcome = evaluateExpr({ any: [F, T] }, context({}));
    expect(outcome.evidence.map((e) => e.path)).toEqual(['Dockerfile']);
    const failed = evaluateExpr({ all: [T, F] }, context({}));
    expect(failed.evidence[0]!.detail).toMatch(/no file matching Jenkinsfile/);
  });
});

/** A rule of category x, high severity, level 1, with the given parts. */
function sampleRule(parts: Partial<Rule>): Rule {
  return {
    id: 'x.rule',
    title: 'A thing is in place',
    category: 'x',
    severity: 'high',
    level: 1,
    why: 'because',
    detection: 'looks',
    remediation: { summary: 'do it', steps: ['step'], effort: 'S' },
    requires: [],
    references: [],
    source: 'test',
    check: { pass: T },
    ...parts,
  };
}

describe('evaluateRule', () => {
  const rule = (check: Rule['check'], appliesWhen?: Expr): Rule => sampleRule({ check, ...(appliesWhen ? { appliesWhen } : {}) });

  it.each([
    ['pass', { pass: T }, {}, 'pass', 1],
    ['partial when pass fails and partial holds', { pass: F, partial: T }, {}, 'partial', 0.5],
    ['fail when neither holds', { pass: F, partial: F }, {}, 'fail', 0],
    ['unknown when the pass answer is missing', { pass: U }, {}, 'unknown', null],
    ['unknown when partial is undecided', { pass: F, partial: U }, {}, 'unknown', null],
    ['an answer settles it', { pass: { answer: { id: 'q.done', equals: true } } }, { 'q.done': true }, 'pass', 1],
  ] as Array<[string, Rule['check'], Record<string, boolean>, string, number | null]>)('%s', (_name, check, answers, status, score) => {
    const finding = evaluateRule(rule(check), context(answers));
    expect(finding.status).toBe(status);
    expect(finding.score).toBe(score);
  });

  it('is not applicable only when applicability is definitely false', () => {
    expect(evaluateRule(rule({ pass: T }, F), context({})).status).toBe('not_applicable');
    expect(evaluateRule(rule({ pass: T }, U), context({})).status).toBe('pass');
  });

  it('names the questions that would settle an unknown', () => {
    const finding = evaluateRule(rule({ pass: U, partial: { answer: { id: 'q.other', answered: true } } }), context({}));
    expect(finding.questions).toEqual(['q.unanswered', 'q.other']);
    expect(finding.message).toContain('q.unanswered');
  });

  it('shows an answer as evidence with the answers file and line', () => {
    const finding = evaluateRule(rule({ pass: { answer: { id: 'q.done', equals: true } } }), context({ 'q.other': false, 'q.done': true }));
    expect(finding.evidence).toEqual([{ kind: 'answer', path: 'answers.yaml', line: 2, detail: 'q.done: true' }]);
  });
});

describe('answers the repository contradicts', () => {
  const claimed: Expr = { answer: { id: 'q.automated', equals: true } };
  const withConflict = (believe: 'answer' | 'evidence', evidence: Expr = T): Rule =>
    sampleRule({
      check: { pass: { any: [claimed, F] }, partial: { not: claimed } },
      conflicts: [{ answer: { id: 'q.automated', equals: true }, evidence, believe, why: 'the repository shows it' }],
    });

  it('overrules the answer when the repository wins: every predicate on it is false, so its negation holds', () => {
    const finding = evaluateRule(withConflict('evidence'), context({ 'q.automated': true }));
    expect(finding.status).toBe('partial');
    expect(finding.evidence.map((e) => e.detail)).toContain('q.automated: true (not believed: the repository contradicts it)');
    expect(finding.conflicts).toEqual([
      {
        questionId: 'q.automated',
        answer: { kind: 'answer', path: 'answers.yaml', line: 1, detail: 'q.automated: true' },
        evidence: [{ kind: 'found', path: 'Dockerfile', detail: 'file Dockerfile' }],
        believed: 'evidence',
        why: 'the repository shows it',
      },
    ]);
  });

  it('keeps the answer, and reports the conflict, when the answer wins', () => {
    const finding = evaluateRule(withConflict('answer'), context({ 'q.automated': true }));
    expect(finding.status).toBe('pass');
    expect(finding.conflicts?.[0]?.believed).toBe('answer');
  });

  it('records no conflict unless both the answer and the contradicting evidence hold', () => {
    expect(evaluateRule(withConflict('evidence'), context({ 'q.automated': false })).conflicts).toBeUndefined();
    expect(evaluateRule(withConflict('evidence', F), context({ 'q.automated': true })).conflicts).toBeUndefined();
    expect(evaluateRule(withConflict('evidence'), context({})).status).toBe('unknown');
  });
});

describe('severity set by an answer', () => {
  const rule = sampleRule({
    check: { pass: F },
    severityWhen: [
      { when: { answer: { id: 'q.high-risk', equals: true } }, severity: 'critical' },
      { when: T, severity: 'high' },
    ],
  });

  it('takes the first condition that holds, and says why', () => {
    const finding = evaluateRule(rule, context({ 'q.high-risk': true }));
    expect(finding.severity).toBe('critical');
    expect(finding.severityChange).toEqual({ from: 'high', because: [{ kind: 'answer', path: 'answers.yaml', line: 1, detail: 'q.high-risk: true' }] });
  });

  it('keeps the rule severity while the condition is unknown or false, or names the same severity', () => {
    for (const answers of [{}, { 'q.high-risk': false }] as Array<Record<string, boolean>>) {
      const finding = evaluateRule(rule, context(answers));
      expect(finding.severity).toBe('high');
      expect(finding.severityChange).toBeUndefined();
    }
  });
});

describe('named conditions', () => {
  it('evaluate the expression they name, and their questions count as the rule’s', () => {
    const conditions = new Map<string, Expr>([['online', { not: { answer: { id: 'q.batch', equals: true } } }]]);
    const ctx = { ...context({ 'q.batch': true }), conditions };
    expect(evaluateExpr({ condition: 'online' }, ctx).value).toBe(false);
    expect([...questionsOf({ all: [T, { condition: 'online' }] }, ctx)]).toEqual(['q.batch']);
  });

  it('give one line of evidence, after what the rule is about, so that a premise does not push it aside', () => {
    const conditions = new Map<string, Expr>([['answered-batch', { all: [{ answer: { id: 'q.batch', equals: true } }, { answer: { id: 'q.loop', equals: true } }] }]]);
    const ctx = { ...context({ 'q.batch': true, 'q.loop': true }), conditions };
    expect(evaluateExpr(conditions.get('answered-batch')!, ctx).evidence).toHaveLength(2);
    const outcome = evaluateExpr({ all: [{ condition: 'answered-batch' }, T] }, ctx);
    expect(outcome.value).toBe(true);
    // The premise is written first, yet its line comes last: a report's first line shows the practice.
    expect(outcome.evidence.map((item) => item.path ?? item.detail)).toEqual(['Dockerfile', 'answers.yaml']);
  });
});

describe('questionsOf', () => {
  it('collects answer ids in nested expressions', () => {
    const expr: Expr = { all: [{ answer: { id: 'a', answered: true } }, { not: { any: [{ answer: { id: 'b', equals: 'x' } }, T] } }] };
    expect([...questionsOf(expr, { checks: BUILTIN_CHECKS, conditions: new Map() })]).toEqual(['a', 'b']);
  });
});
