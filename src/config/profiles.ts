import { join } from 'node:path';
import type { RuleSet } from '../rules/types.js';
import { loadDataFile } from '../util/data-file.js';
import { InputError } from '../util/errors.js';
import { PACKAGE_ROOT } from '../util/package-root.js';
import { didYouMean } from '../util/suggest.js';
import { inputErrorAt, positionOf, type YamlSource } from '../util/yaml-source.js';
import type { SettledCondition } from './apply.js';
import { checkLayer } from './check.js';
import { BUILTIN_PROFILES } from './profile-names.js';
import type { Config, Layer, ProfileDocument, ProfileSource } from './types.js';

export function builtinProfileFile(name: string): string {
  return join(PACKAGE_ROOT, 'profiles', `${name}.yaml`);
}

/** A kind of project, as configuration layers: what applies to it, what weighs more, which gates it sets. */
export interface Profile {
  name: string;
  title: string;
  description: string;
  /** Where it is written: built in, a profile file, or an entry of a configuration (its line). */
  origin: 'built-in' | { file: string; line?: number };
  /** The built-in profile it starts from. */
  extends: string | null;
  /** Its settings as layers, the profile it extends first. */
  layers: Layer[];
  /** The named conditions it settles, the extended profile's overridden by its own. */
  conditions: Record<string, SettledCondition>;
}

type Path = Array<string | number>;

/** Where a profile is written, as a report says it: "built-in", or its file (and line). */
export function profileOrigin(profile: Pick<Profile, 'origin'>): string {
  const { origin } = profile;
  return origin === 'built-in' ? origin : `${origin.file}${origin.line === undefined ? '' : `:${origin.line}`}`;
}

/** A profile document where it was read: its file and the path to it there, or built in. */
interface Written {
  name: string;
  document: ProfileDocument;
  source: YamlSource;
  at: Path;
  builtIn: boolean;
}

const isBuiltIn = (name: string) => (BUILTIN_PROFILES as readonly string[]).includes(name);

/**
 * What the schema cannot see: every rule, category and condition a profile names exists, a custom
 * profile does not take a built-in one's name (a report saying "genai-app" means the built-in one),
 * and it extends only a built-in profile.
 */
export function checkProfile(ruleSet: RuleSet, written: Omit<Written, 'builtIn'>): void {
  const { name, document, source, at } = written;
  if (isBuiltIn(name)) {
    throw inputErrorAt(source, at.length > 0 ? at : ['name'], `"${name}" is a built-in profile's name: call yours something else (it can say extends: ${name})`, at.length > 0);
  }
  if (document.extends !== undefined && !isBuiltIn(document.extends)) {
    throw inputErrorAt(source, [...at, 'extends'], `a profile extends a built-in one, and "${document.extends}" is not${didYouMean(document.extends, BUILTIN_PROFILES)}; built-in profiles: ${BUILTIN_PROFILES.join(', ')}`);
  }
  checkLayer(ruleSet, source, at, document);
}

/** A profile's settings as a layer, each remembering the profile and, for a custom one, its line. */
function asLayer(written: Written): Pick<Profile, 'layers' | 'conditions'> {
  const { name, document, source, at, builtIn } = written;
  const sourceOf = (...path: Path): ProfileSource => (builtIn ? { profile: name } : { profile: name, file: source.file, line: positionOf(source, [...at, ...path], true).line });
  const layer: Layer = {
    rules: Object.fromEntries(Object.entries(document.rules ?? {}).map(([id, setting]) => [id, { ...setting, source: sourceOf('rules', id) }])),
    categories: Object.fromEntries(Object.entries(document.categories ?? {}).map(([id, setting]) => [id, { ...setting, source: sourceOf('categories', id) }])),
    gates: document.gates ?? {},
    gateSources: Object.fromEntries(Object.keys(document.gates ?? {}).map((gate) => [gate, sourceOf('gates', gate)])),
  };
  const conditions = Object.fromEntries(Object.entries(document.conditions ?? {}).map(([id, setting]) => [id, { ...setting, source: sourceOf('conditions', id) }]));
  return { layers: [layer], conditions };
}

async function builtIn(name: string): Promise<Written> {
  const source = await loadDataFile(builtinProfileFile(name), 'profile');
  return { name, document: source.value as ProfileDocument, source, at: [], builtIn: true };
}

async function build(written: Written, ruleSet: RuleSet): Promise<Profile> {
  const { name, document, source, at, builtIn: isOwn } = written;
  if (isOwn) checkLayer(ruleSet, source, at, document);
  else checkProfile(ruleSet, written);
  const base = document.extends === undefined ? null : asLayer(await builtIn(document.extends));
  const own = asLayer(written);
  return {
    name,
    title: document.title ?? name,
    description: document.description,
    origin: isOwn ? 'built-in' : { file: source.file, ...(at.length > 0 ? { line: positionOf(source, at, true).line } : {}) },
    extends: document.extends ?? null,
    layers: [...(base?.layers ?? []), ...own.layers],
    conditions: { ...base?.conditions, ...own.conditions },
  };
}

/** `--profile ./ci/bank.yaml` names a file; `--profile genai-app` a profile. */
function namesAFile(value: string): boolean {
  return /[\\/]/.test(value) || /\.(ya?ml|json)$/i.test(value);
}

/**
 * The profile an audit runs under: the one `--profile` names (a built-in or custom name, or a profile
 * file), else the one the configuration selects, else none. A name is looked up in the configuration's
 * `profiles:` and then among the built-in ones; an unknown one is an error with the closest name.
 */
export async function resolveProfile(flag: string | undefined, config: Config, configSource: YamlSource | null, ruleSet: RuleSet): Promise<Profile | null> {
  if (flag !== undefined && namesAFile(flag)) {
    const source = await loadDataFile(flag, 'profile');
    const { version: _version, name, ...document } = source.value as ProfileDocument & { version: 1; name: string };
    return build({ name, document, source, at: [], builtIn: false }, ruleSet);
  }
  const requested = flag ?? config.profile?.name;
  if (requested === undefined) return null;
  const declared = config.profiles[requested];
  if (declared && configSource) return build({ name: requested, document: declared.document, source: configSource, at: ['profiles', requested], builtIn: false }, ruleSet);
  if (isBuiltIn(requested)) return build(await builtIn(requested), ruleSet);
  const known = [...Object.keys(config.profiles), ...BUILTIN_PROFILES];
  const message = `unknown profile "${requested}"${didYouMean(requested, known)}; profiles: ${known.join(', ')}`;
  throw flag !== undefined ? new InputError(`--profile: ${message}`) : inputErrorAt(configSource!, ['profile'], message);
}
