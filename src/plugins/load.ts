import { stat } from 'node:fs/promises';
import { isAbsolute } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { z } from 'zod';
import { BUILTIN_CHECKS } from '../rules/checks/index.js';
import type { CheckKind } from '../rules/checks/kind.js';
import type { Collector, CollectorDefinition } from '../scan/collector.js';
import { BUILTIN_COLLECTORS } from '../scan/collectors/index.js';
import { SCAN_KEYS } from '../scan/facts.js';
import { collectorKeyProblem } from '../scan/scan.js';
import { InputError } from '../util/errors.js';
import { importModule } from '../util/import-module.js';
import type { LoadedPlugin, Plugin } from './plugin.js';
import { pluginEntry } from './resolve.js';

/** A plugin to load: a package name or a path, found from `from`; or a plugin object an embedding program holds. */
export type PluginRequest = { spec: string; from: string } | { plugin: Plugin };

/** The first line of what was thrown: one line, whatever a plugin throws. */
function reason(thrown: unknown): string {
  const text = thrown instanceof Error ? thrown.message : String(thrown);
  return text.split('\n')[0]!;
}

function shapeSchema(z: typeof import('zod').z) {
  const fn = z.custom<(...args: never[]) => unknown>((value) => typeof value === 'function', { error: 'must be a function' });
  const collector = z.looseObject({ key: z.string(), create: fn });
  const check = z.looseObject({
    name: z.string().regex(/^[a-z][a-zA-Z0-9-]*$/, { error: 'must be a word: a lower-case letter, then letters, digits or "-"' }),
    argument: fn,
    evaluate: fn,
    doc: z.object({ summary: z.string().min(1), examples: z.array(z.string()) }),
    parts: fn.optional(),
    conditions: fn.optional(),
    questions: fn.optional(),
    references: fn.optional(),
  });
  return z.strictObject({
    name: z.string().min(1),
    collectors: z.array(collector).optional(),
    checks: z.array(check).optional(),
    packs: z.array(z.union([z.string().min(1), z.instanceof(URL)])).optional(),
  });
}

/** The plugin's default export, in the shape `definePlugin` declares, or an error that says where it is not. */
function checkShape(value: unknown, label: string, zod: typeof z): Plugin {
  const parsed = shapeSchema(zod).safeParse(value);
  if (parsed.success) return value as Plugin;
  const issue = parsed.error.issues[0]!;
  const where = issue.path.map((part, i) => (typeof part === 'number' ? `[${part}]` : i === 0 ? String(part) : `.${String(part)}`)).join('');
  const message = issue.code === 'unrecognized_keys' ? `unknown key "${issue.keys[0]}" (a plugin has name, collectors, checks and packs)` : issue.message;
  throw new InputError(`plugin ${label}: ${where ? `${where}: ` : ''}${message}`);
}

async function importPlugin(spec: string, from: string): Promise<unknown> {
  const entry = await pluginEntry(spec, from);
  let module: { default?: unknown };
  try {
    module = (await importModule(pathToFileURL(entry).href)) as { default?: unknown };
  } catch (thrown) {
    throw new InputError(`plugin ${spec}: failed to load ${entry}: ${reason(thrown)}`);
  }
  if (module.default === undefined) throw new InputError(`plugin ${spec}: ${entry} has no default export (export default definePlugin({ ... }))`);
  return module.default;
}

async function packPath(pack: string | URL, label: string): Promise<string> {
  const path = pack instanceof URL ? (pack.protocol === 'file:' ? fileURLToPath(pack) : null) : isAbsolute(pack) ? pack : null;
  if (path === null) throw new InputError(`plugin ${label}: pack ${String(pack)} must be an absolute path or a file: URL, e.g. new URL('./rules/pack.yaml', import.meta.url)`);
  if (!(await stat(path).then((stats) => stats.isFile(), () => false))) throw new InputError(`plugin ${label}: pack not found: ${path}`);
  return path;
}

/**
 * A plugin's code runs inside the audit: a throw from it is said as the plugin's failure, in one
 * line, rather than as the tool's internal error. A refusal the tool itself raises passes through.
 * The methods are named, so that an object whose methods live on its prototype is wrapped too.
 */
function guarded<T extends object>(target: T, methods: ReadonlyArray<keyof T & string>, what: string, resultProblem: (method: string, result: unknown) => string | null = () => null): T {
  const wrapped = Object.create(target) as T;
  for (const method of methods) {
    const original = target[method];
    if (typeof original !== 'function') continue;
    Object.defineProperty(wrapped, method, {
      value: (...args: unknown[]) => {
        let result: unknown;
        try {
          result = (original as (...args: unknown[]) => unknown).apply(target, args);
        } catch (thrown) {
          if (thrown instanceof InputError) throw thrown;
          throw new InputError(`${what}: ${method} failed: ${reason(thrown)}`);
        }
        const problem = resultProblem(method, result);
        if (problem) throw new InputError(`${what}: ${method} returned ${problem}`);
        return result;
      },
    });
  }
  return wrapped;
}

function guardedCollector(definition: CollectorDefinition, label: string): CollectorDefinition {
  const what = `plugin ${label}: collector ${definition.key}`;
  const create = guarded(definition, ['create'], what).create;
  return { key: definition.key, create: (options) => guarded<Collector<unknown>>(create(options), ['wants', 'visit', 'finish'], what) };
}

const CHECK_METHODS = ['argument', 'evaluate', 'parts', 'conditions', 'questions', 'references'] as const;

/** An outcome the evaluator can use: a three-valued truth and a list of evidence. */
function outcomeProblem(method: string, result: unknown): string | null {
  if (method !== 'evaluate') return null;
  const outcome = result as { value?: unknown; evidence?: unknown } | null;
  const valid = typeof outcome === 'object' && outcome !== null && (outcome.value === true || outcome.value === false || outcome.value === null) && Array.isArray(outcome.evidence);
  return valid ? null : 'something other than { value: true | false | null, evidence: [...] }';
}

/** Each collector key and check kind once, across the built-in ones and every plugin of the run. */
function checkClashes(plugins: ReadonlyArray<{ label: string; plugin: Plugin }>): void {
  const keys = new Map<string, string>([...SCAN_KEYS.map((key) => [key, 'the scan'] as const), ...BUILTIN_COLLECTORS.map((collector) => [collector.key, 'a built-in collector'] as const)]);
  const kinds = new Map<string, string>([...BUILTIN_CHECKS.keys()].map((name) => [name, 'a built-in check kind']));
  for (const { label, plugin } of plugins) {
    for (const { key } of plugin.collectors ?? []) {
      const problem = collectorKeyProblem(key, new Set(keys.keys()));
      if (problem) throw new InputError(`plugin ${label}: ${problem}${keys.has(key) ? ` (by ${keys.get(key)})` : ''}`);
      keys.set(key, `plugin ${label}`);
    }
    for (const { name } of plugin.checks ?? []) {
      if (kinds.has(name)) throw new InputError(`plugin ${label}: check kind "${name}" is taken (by ${kinds.get(name)})`);
      kinds.set(name, `plugin ${label}`);
    }
  }
}

/**
 * Loads the plugins of a run, in order: imports each module (only now does its code run), checks
 * its shape and that its collector keys and check kinds are new, and wraps its code so that a
 * failure names it. Any problem names the plugin and is an input error.
 */
export async function loadPlugins(requests: readonly PluginRequest[]): Promise<LoadedPlugin[]> {
  if (requests.length === 0) return [];
  const zod = (await import('zod')).z;
  const plugins: Array<{ label: string; plugin: Plugin }> = [];
  for (const [i, request] of requests.entries()) {
    if ('plugin' in request) {
      const label = typeof request.plugin?.name === 'string' ? request.plugin.name : `plugins[${i}]`;
      plugins.push({ label, plugin: checkShape(request.plugin, label, zod) });
    } else {
      plugins.push({ label: request.spec, plugin: checkShape(await importPlugin(request.spec, request.from), request.spec, zod) });
    }
  }
  checkClashes(plugins);
  return Promise.all(
    plugins.map(async ({ label, plugin }) => ({
      name: plugin.name,
      collectors: (plugin.collectors ?? []).map((collector) => guardedCollector(collector, label)),
      checks: (plugin.checks ?? []).map((kind) => guarded<CheckKind>(kind, CHECK_METHODS, `plugin ${label}: check ${kind.name}`, outcomeProblem)),
      packs: await Promise.all((plugin.packs ?? []).map((pack) => packPath(pack, label))),
    })),
  );
}
