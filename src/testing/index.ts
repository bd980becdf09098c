/**
 * `scale-audit/testing`: the rule tester the built-in packs and `scale-audit test` use, for a pack
 * author's own test runner (vitest, jest, node:test).
 */
export { RuleTester, evidenceText, type CaseProblem, type RuleTesterOptions } from './rule-tester.js';
export { gitFacts, type RuleCase, type RuleCases } from './case.js';
