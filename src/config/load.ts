import { access } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { RuleSet } from '../rules/types.js';
import { globProblem } from '../util/glob.js';
import { lazySchemaCheck } from '../util/lazy-schema.js';
import { DOCUMENT_BYTES, readBoundedText } from '../util/read-bounded.js';
import { inputErrorAt, parseYamlSource, positionOf, type YamlSource } from '../util/yaml-source.js';
import { checkKnown, checkLayer } from './check.js';
import { checkProfile } from './profiles.js';
import { EMPTY_CONFIG, type Config, type Gates, type ProfileDocument } from './types.js';

export const CONFIG_NAMES = ['.scale-audit.yaml', '.scale-audit.yml', '.scale-audit.json'];

interface ConfigDocument {
  version: 1;
  profile?: string;
  profiles?: Record<string, ProfileDocument>;
  rules?: Record<string, { enabled?: boolean; reason?: string; severity?: Config['rules'][string]['severity']; weight?: number }>;
  categories?: Record<string, { weight: number }>;
  gates?: Gates;
  packs?: string[];
  plugins?: string[];
  waivers?: Array<Omit<Config['waivers'][number], 'source'>>;
  report?: Config['report'];
}

/** The configuration a run uses: the nearest `.scale-audit.*` from the audited directory upward. */
export async function findConfig(target: string): Promise<string | null> {
  for (let directory = resolve(target); ; directory = dirname(directory)) {
    for (const name of CONFIG_NAMES) {
      const candidate = join(directory, name);
      if (await access(candidate).then(() => true, () => false)) return candidate;
    }
    if (dirname(directory) === directory) return null;
  }
}

const checkConfig = lazySchemaCheck('config');

/** Files named in a configuration are relative to it, as `packs` are, wherever the audit runs from. */
function relativeTo(file: string, report: Config['report']): Config['report'] {
  const { logo, templateDir, ...text } = report;
  return {
    ...text,
    ...(logo ? { logo: resolve(dirname(file), logo) } : {}),
    ...(templateDir ? { templateDir: resolve(dirname(file), templateDir) } : {}),
  };
}

/** `2099-02-31` has the form of a date but is none: the calendar says which days exist. */
function isCalendarDate(text: string): boolean {
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/** What the schema cannot check of a waiver: a real end date, and paths that are valid globs. */
function checkWaivers(source: YamlSource, waivers: NonNullable<ConfigDocument['waivers']>): void {
  waivers.forEach((waiver, i) => {
    if (!isCalendarDate(waiver.expires)) throw inputErrorAt(source, ['waivers', i, 'expires'], `waivers[${i}].expires: ${waiver.expires} is not a date (YYYY-MM-DD)`);
    waiver.paths?.forEach((glob, j) => {
      const problem = globProblem(glob);
      if (problem) throw inputErrorAt(source, ['waivers', i, 'paths', j], `waivers[${i}].paths[${j}]: not a valid glob: ${problem}`);
    });
  });
}

export async function loadConfig(file: string): Promise<{ config: Config; source: YamlSource }> {
  const text = await readBoundedText(file, { what: 'configuration', maxBytes: DOCUMENT_BYTES });
  const source = parseYamlSource(file, text);
  await checkConfig(source);
  const document = source.value as ConfigDocument;
  checkWaivers(source, document.waivers ?? []);
  // The line of the setting's key: where a reader looks for it.
  const at = (...path: Array<string | number>) => ({ file, line: positionOf(source, path, true).line });
  const config: Config = {
    ...EMPTY_CONFIG,
    file,
    profile: document.profile === undefined ? null : { name: document.profile, source: at('profile') },
    profiles: Object.fromEntries(Object.entries(document.profiles ?? {}).map(([name, profile]) => [name, { document: profile, source: at('profiles', name) }])),
    rules: Object.fromEntries(Object.entries(document.rules ?? {}).map(([id, setting]) => [id, { ...setting, source: at('rules', id) }])),
    categories: Object.fromEntries(Object.entries(document.categories ?? {}).map(([id, setting]) => [id, { ...setting, source: at('categories', id) }])),
    gates: document.gates ?? {},
    gateSources: Object.fromEntries(Object.keys(document.gates ?? {}).map((gate) => [gate, at('gates', gate)])),
    packs: (document.packs ?? []).map((pack) => resolve(dirname(file), pack)),
    plugins: document.plugins ?? [],
    waivers: (document.waivers ?? []).map((waiver, i) => ({ ...waiver, source: at('waivers', i) })),
    report: relativeTo(file, document.report ?? {}),
  };
  return { config, source };
}

/**
 * What the schema cannot see in a configuration: every rule, category and condition it names exists,
 * in its own settings, its waivers and the profiles it declares.
 */
export function checkConfigAgainst(ruleSet: RuleSet, source: YamlSource, config: Config): void {
  checkLayer(ruleSet, source, [], config);
  const ruleIds = ruleSet.rules.map((rule) => rule.id);
  config.waivers.forEach((waiver, i) => checkKnown(source, waiver.rule, ruleIds, ['waivers', i, 'rule'], 'rule', false));
  for (const [name, profile] of Object.entries(config.profiles)) checkProfile(ruleSet, { name, document: profile.document, source, at: ['profiles', name] });
}
