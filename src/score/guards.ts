import { NO_ANSWERS } from '../answers/types.js';
import { evaluate } from '../rules/evaluate.js';
import type { RuleSet } from '../rules/types.js';
import { scanFiles } from '../scan/scan.js';

/**
 * The guards of a rule set: the rules an empty repository passes, with no answers. They check that
 * a problem is absent (a committed credential, a large binary, an unsafe model file), so their
 * pass says nothing about readiness and the score gives it no credit (src/score/score.ts). Found
 * by evaluating the rules themselves, so a rule pack needs no extra declaration and a guard added
 * by a plugin is one too.
 *
 * For the built-in packs alone the build has done that evaluation (scripts/cache-packs.mjs): its
 * answer holds while no setting switches a rule off or settles a condition, which could change what
 * an empty repository passes.
 */
export async function guardRules(ruleSet: RuleSet, now: Date): Promise<ReadonlySet<string>> {
  const { recordedGuards } = ruleSet;
  if (recordedGuards && !ruleSet.rules.some((rule) => rule.disabled) && !ruleSet.conditions.some((condition) => condition.settled)) return new Set(recordedGuards);
  const empty = await scanFiles({}, { signals: ruleSet.signals, collectors: ruleSet.collectors, now, name: 'empty', gitFacts: null });
  return new Set(evaluate(ruleSet, empty, NO_ANSWERS).filter((finding) => finding.status === 'pass').map((finding) => finding.ruleId));
}
