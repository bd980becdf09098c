import type { LoadedRuleSet } from '../rules/load.js';
import { SEVERITY_WEIGHTS } from '../score/score.js';
import type { Config } from './types.js';

/**
 * The rule set as the configuration tunes it: rules switched off (with their reason), severities
 * changed, weights set. A category weight scales the weight of each of its rules, which moves the
 * category's share of the overall score and leaves the category's own score as it is.
 */
export function applyRuleSettings(ruleSet: LoadedRuleSet, config: Config): LoadedRuleSet {
  if (Object.keys(config.rules).length === 0 && Object.keys(config.categories).length === 0) return ruleSet;
  const rules = ruleSet.rules.map((rule) => {
    const setting = config.rules[rule.id];
    const severity = setting?.severity ?? rule.severity;
    const categoryWeight = config.categories[rule.category]?.weight;
    const weight =
      setting?.weight === undefined && categoryWeight === undefined ? undefined : (setting?.weight ?? SEVERITY_WEIGHTS[severity]) * (categoryWeight ?? 1);
    return {
      ...rule,
      severity,
      ...(weight === undefined ? {} : { weight }),
      ...(setting?.enabled === false ? { disabled: { reason: setting.reason!, file: setting.source.file, line: setting.source.line } } : {}),
    };
  });
  return { ...ruleSet, rules };
}
