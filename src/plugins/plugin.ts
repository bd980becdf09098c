import type { CheckKind } from '../rules/checks/kind.js';
import type { CollectorDefinition } from '../scan/collector.js';

/**
 * A code plugin, as its package's default export declares it: new collectors (each fills a slice of
 * Facts of its own), new kinds of check (in the shape of the built-in ones), and the rule packs it
 * ships, which may use both. Plugins run only on the auditor's say-so: `--plugin`, or a
 * configuration given with `--config` from outside the audited repository.
 */
export interface Plugin {
  /** Names the plugin in errors and in the report: the package name, say. */
  name: string;
  collectors?: readonly CollectorDefinition[];
  checks?: readonly CheckKind[];
  /** Rule pack files: absolute paths or `file:` URLs, e.g. `new URL('./rules/acme.yaml', import.meta.url)`. */
  packs?: ReadonlyArray<string | URL>;
}

/** A plugin that loaded and whose shape was checked, with its packs as absolute paths. */
export interface LoadedPlugin {
  name: string;
  collectors: readonly CollectorDefinition[];
  checks: readonly CheckKind[];
  packs: readonly string[];
}

/** Declares a plugin: it returns the object as it is, with its type, for the package's default export. */
export function definePlugin(plugin: Plugin): Plugin {
  return plugin;
}
