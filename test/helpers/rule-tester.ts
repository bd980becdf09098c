import type { LoadedRuleSet } from '../../src/rules/load.js';
import { RuleTester } from '../../src/testing/rule-tester.js';

export { gitFacts, type RuleCase, type RuleCases } from '../../src/testing/case.js';

/** The tester of the built-in packs: the one `scale-audit/testing` exports, with no other pack. */
export const builtinTester: RuleTester = await RuleTester.create();

export const builtinRules: LoadedRuleSet = builtinTester.ruleSet;
