import { dirname } from 'node:path';
import type { PluginRequest } from '../plugins/load.js';
import { inputErrorAt, type YamlSource } from '../util/yaml-source.js';
import { isInsideRepository } from './trust.js';
import type { Config } from './types.js';

/**
 * The plugins a configuration names, to load from its directory. Plugins are code, and code comes
 * only from the auditor: a configuration may name them only when the auditor gave it with
 * `--config` and it lies outside the audited repository. Any other configuration stays data: one
 * that names a plugin is refused at that line, before any plugin is loaded.
 */
export async function configPlugins(loaded: { config: Config; source: YamlSource }, given: boolean, target: string): Promise<PluginRequest[]> {
  const { config, source } = loaded;
  if (config.plugins.length === 0 || config.file === null) return [];
  if (await isInsideRepository(config.file, target)) {
    throw inputErrorAt(source, ['plugins'], 'a configuration inside the audited repository cannot load plugins (they are code, and the repository is data): name them with --plugin, or in a configuration outside the repository given with --config', true);
  }
  if (!given) throw inputErrorAt(source, ['plugins'], 'a configuration found by searching cannot load plugins: give it with --config', true);
  return config.plugins.map((spec) => ({ spec, from: dirname(config.file!) }));
}
