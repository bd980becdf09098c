import { loadPlugins, type PluginRequest } from '../plugins/load.js';
import type { LoadedRuleSet } from '../rules/load.js';
import { loadRuleSet } from '../rules/load.js';
import { checkConfigAgainst, findConfig, loadConfig } from './load.js';
import { configPacks } from './packs.js';
import { configPlugins } from './plugins.js';
import { resolveProfile, type Profile } from './profiles.js';
import { EMPTY_CONFIG, type Config, type Layer } from './types.js';

export interface SettingsOptions {
  /** The audited directory, where the search for a configuration starts. */
  path: string;
  /** A configuration file; when absent, the nearest `.scale-audit.*` from the path upward; null for none. */
  config?: string | null;
  /** `--profile`: a profile's name or a profile file; it overrides the configuration's `profile:`. */
  profile?: string;
  /** Extra rule pack files or directories. */
  rules?: readonly string[];
  /** Code plugins the auditor chose (`--plugin`, or an embedding program's); a configuration's come after them. */
  plugins?: readonly PluginRequest[];
}

export interface Settings {
  config: Config;
  profile: Profile | null;
  /** The rules as the packs declare them, before any layer tunes them. */
  ruleSet: LoadedRuleSet;
  /** The configuration layers in the order they apply: the profile's, then the file's. */
  layers: Layer[];
}

/**
 * Everything that tunes an audit, loaded and checked against the rules before anything is scanned:
 * the configuration file, the plugins, the rule packs (built-in, the plugins', `--rules`, the file's
 * `packs`) and the profile.
 */
export async function loadSettings(options: SettingsOptions): Promise<Settings> {
  const file = options.config === undefined ? await findConfig(options.path) : options.config;
  const loaded = file ? await loadConfig(file) : null;
  const config = loaded?.config ?? EMPTY_CONFIG;
  // Refused before anything is imported when the configuration may not name plugins.
  const fromConfig = loaded ? await configPlugins(loaded, typeof options.config === 'string', options.path) : [];
  const plugins = await loadPlugins([...(options.plugins ?? []), ...fromConfig]);
  const packs = loaded ? await configPacks(loaded, options.path) : [];
  const ruleSet = await loadRuleSet([...(options.rules ?? []), ...packs], { plugins });
  if (loaded) checkConfigAgainst(ruleSet, loaded.source, config);
  const profile = await resolveProfile(options.profile, config, loaded?.source ?? null, ruleSet);
  return { config, profile, ruleSet, layers: [...(profile?.layers ?? []), config] };
}
