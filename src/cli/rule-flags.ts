import { loadPlugins, type PluginRequest } from '../plugins/load.js';
import { loadRuleSet, type LoadedRuleSet } from '../rules/load.js';

/** What every command that loads the rules takes: extra packs (`--rules`) and code plugins (`--plugin`). */
export interface RuleFlags {
  rules: string[];
  /** Always set by the command line (to [] without the flag); optional for commands called in-process. */
  plugin?: string[];
}

/** The `--plugin` names and paths, found from the working directory, as the auditor typed them. */
export function pluginRequests(flags: Pick<RuleFlags, 'plugin'>): PluginRequest[] {
  return (flags.plugin ?? []).map((spec) => ({ spec, from: process.cwd() }));
}

/** The built-in packs, the plugins' and the extra ones (a configuration's too), with the plugins' check kinds and facts. */
export async function loadRules(flags: RuleFlags, more: { packs?: readonly string[]; plugins?: readonly PluginRequest[] } = {}): Promise<LoadedRuleSet> {
  const plugins = await loadPlugins([...pluginRequests(flags), ...(more.plugins ?? [])]);
  return loadRuleSet([...flags.rules, ...(more.packs ?? [])], { plugins });
}
