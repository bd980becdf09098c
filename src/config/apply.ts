import type { Evidence } from '../rules/finding.js';
import type { LoadedRuleSet } from '../rules/load.js';
import { SEVERITY_WEIGHTS } from '../score/score.js';
import type { Gates, Layer, SettingSource, Source } from './types.js';

/** The value the last layer to set it gives, or undefined when none does. */
function lastSet<T>(values: ReadonlyArray<T | undefined>): T | undefined {
  return values.reduce<T | undefined>((found, value) => value ?? found, undefined);
}

/** Evidence pointing at a setting: its file and line, and for a profile's, the profile by name. */
function settingEvidence(source: SettingSource, detail: string): Evidence {
  return { kind: 'config', ...(source.file === undefined ? {} : { path: source.file, line: source.line }), detail };
}

/** A rule switched off by a profile is not applicable to projects of its kind; by the file, switched off. */
function switchedOff(reason: string, source: SettingSource): { message: string; evidence: Evidence } {
  if ('profile' in source) {
    return { message: `Not applicable under profile ${source.profile}: ${reason}`, evidence: settingEvidence(source, `not applicable under profile ${source.profile}: ${reason}`) };
  }
  return { message: `Switched off by the configuration: ${reason}`, evidence: settingEvidence(source, `switched off: ${reason}`) };
}

/** A named condition a profile settles, with the reason as the evidence of every finding it decides. */
export interface SettledCondition {
  holds: boolean;
  reason: string;
  source: SettingSource & { profile: string };
}

function settledEvidence(id: string, condition: SettledCondition): Evidence {
  const { profile } = condition.source;
  return settingEvidence(condition.source, condition.holds ? `under profile ${profile}, ${id} holds: ${condition.reason}` : `not applicable under profile ${profile}: ${condition.reason}`);
}

/**
 * The rule set as the configuration layers tune it. Layers apply in order (a profile's, then the
 * configuration file's): for each rule the last layer that switches it off or on, sets its severity or
 * its weight wins, each on its own, and likewise a category's weight. A category weight scales the
 * weight of each of its rules, which moves the category's share of the overall score and leaves the
 * category's own score as it is. Conditions a profile settles take the place of the packs' expressions.
 */
export function applyRuleSettings(ruleSet: LoadedRuleSet, layers: readonly Layer[], conditions: Readonly<Record<string, SettledCondition>> = {}): LoadedRuleSet {
  const rules = ruleSet.rules.map((rule) => {
    const settings = layers.map((layer) => layer.rules[rule.id]);
    const severity = lastSet(settings.map((setting) => setting?.severity)) ?? rule.severity;
    const ruleWeight = lastSet(settings.map((setting) => setting?.weight));
    const categoryWeight = lastSet(layers.map((layer) => layer.categories[rule.category]?.weight));
    const weight = ruleWeight === undefined && categoryWeight === undefined ? undefined : (ruleWeight ?? SEVERITY_WEIGHTS[severity]) * (categoryWeight ?? 1);
    const switched = lastSet(settings.map((setting) => (setting?.enabled === undefined ? undefined : setting)));
    return {
      ...rule,
      severity,
      ...(weight === undefined ? {} : { weight }),
      ...(switched?.enabled === false ? { disabled: switchedOff(switched.reason!, switched.source) } : {}),
    };
  });
  const settled = ruleSet.conditions.map((condition) => {
    const setting = conditions[condition.id];
    return setting ? { ...condition, settled: { holds: setting.holds, evidence: settledEvidence(condition.id, setting) } } : condition;
  });
  return { ...ruleSet, rules, conditions: settled };
}

/** The gates of every layer and then the command line's, each overriding the ones before it gate by gate. */
export function layeredGates(layers: ReadonlyArray<Pick<Layer, 'gates' | 'gateSources'>>): { values: Gates; sources: Partial<Record<keyof Gates, Source>> } {
  return {
    values: Object.assign({}, ...layers.map((layer) => layer.gates)) as Gates,
    sources: Object.assign({}, ...layers.map((layer) => layer.gateSources)) as Partial<Record<keyof Gates, Source>>,
  };
}
