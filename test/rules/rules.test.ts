import { describe, expect, it } from 'vitest';
import { conditionMap, ruleQuestions } from '../../src/rules/evaluate.js';
import { builtinRules, evidenceText, runCase, type RuleCases } from '../helpers/rule-tester.js';

/*
 * Every built-in rule is tested here from a table of cases per category (test/rules/cases/*.ts):
 * tiny repositories, answers and git histories, each with the status it must produce.
 */
const modules = import.meta.glob<{ cases: RuleCases }>('./cases/*.ts', { eager: true });
const allCases: RuleCases = Object.assign({}, ...Object.values(modules).map((module) => module.cases));

describe.each(Object.entries(allCases))('%s', (ruleId, cases) => {
  it.each(cases)('$name → $status', async (testCase) => {
    const finding = await runCase(ruleId, testCase);
    expect(finding.status, evidenceText(finding)).toBe(testCase.status);
    expect(finding.evidence.length, 'every finding shows its evidence').toBeGreaterThan(0);
    if (testCase.evidence) expect(evidenceText(finding)).toContain(testCase.evidence);
    expect(finding.conflicts?.map((conflict) => conflict.believed), 'the conflict between answers and evidence').toEqual(testCase.conflict ? [testCase.conflict] : undefined);
    expect(finding.severity, 'the severity').toBe(testCase.severity ?? builtinRules.rules.find((rule) => rule.id === ruleId)!.severity);
  });
});

describe('case coverage', () => {
  it.each(builtinRules.rules.map((rule) => [rule.id, rule] as const))('%s has a case for every outcome it can give', (id, rule) => {
    const statuses = new Set((allCases[id] ?? []).map((testCase) => testCase.status));
    expect(statuses, 'a passing case').toContain('pass');
    expect(statuses, 'a failing case').toContain('fail');
    if (rule.check.partial) expect(statuses, 'a partial case').toContain('partial');
    if (rule.appliesWhen) expect(statuses, 'a not-applicable case').toContain('not_applicable');
    // An unanswered question in the check, or in applicability when nothing is in place, is unknown.
    const reads = ruleQuestions(rule, conditionMap(builtinRules));
    if (reads.length > 0) expect(statuses, 'an unanswered (unknown) case').toContain('unknown');
    const cases = allCases[id] ?? [];
    for (const conflict of rule.conflicts ?? []) expect(cases.map((testCase) => testCase.conflict), `a case where ${conflict.answer.id} conflicts with the repository`).toContain(conflict.believe);
    for (const condition of rule.severityWhen ?? []) expect(cases.map((testCase) => testCase.severity), `a case where the severity is ${condition.severity}`).toContain(condition.severity);
  });
});
