import { describe, expect, it } from 'vitest';
import { builtinRules, builtinTester, type RuleCases } from '../helpers/rule-tester.js';

/*
 * Every built-in rule is tested here from a table of cases per category (test/rules/cases/*.ts):
 * tiny repositories, answers and git histories, each with the status it must produce. They run
 * through the rule tester that `scale-audit test` and `scale-audit/testing` give pack authors.
 */
const modules = import.meta.glob<{ cases: RuleCases }>('./cases/*.ts', { eager: true });
const allCases: RuleCases = Object.assign({}, ...Object.values(modules).map((module) => module.cases));

describe.each(Object.entries(allCases))('%s', (ruleId, cases) => {
  it.each(cases)('$name → $status', async (testCase) => {
    await builtinTester.assert(ruleId, testCase);
  });
});

describe('case coverage', () => {
  it.each(builtinRules.rules.map((rule) => rule.id))('%s has a case for every outcome it can give', (id) => {
    expect(builtinTester.uncovered(id, allCases[id] ?? [])).toEqual([]);
  });
});
