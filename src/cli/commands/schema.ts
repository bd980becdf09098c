import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { answersSchema } from '../../answers/schema.js';
import { loadPlugins } from '../../plugins/load.js';
import { checkKindsWith } from '../../rules/checks/index.js';
import { InputError } from '../../util/errors.js';
import { PACKAGE_ROOT } from '../../util/package-root.js';
import { didYouMean } from '../../util/suggest.js';
import type { CliIO } from '../io.js';
import { loadRules, pluginRequests, type RuleFlags } from '../rule-flags.js';

export type SchemaFlags = RuleFlags;

/** A schema is either generated from the loaded packs or a file published in schemas/. */
type SchemaSource = { description: string; generate: (flags: SchemaFlags) => Promise<object> };

const published = (name: string, description: string): SchemaSource => ({
  description,
  generate: async () => JSON.parse(await readFile(join(PACKAGE_ROOT, 'schemas', `${name}.schema.json`), 'utf8')) as object,
});

/** Every schema `scale-audit schema <name>` prints; a new file format adds its entry here. */
const SCHEMAS: Record<string, SchemaSource> = {
  answers: {
    description: 'an answers file, for the questions of the built-in packs and any --rules packs',
    generate: async (flags) => {
      const ruleSet = await loadRules(flags);
      return answersSchema(ruleSet.questions, ruleSet.categories);
    },
  },
  assumptions: published('assumptions', 'a file of business assumptions for --assumptions'),
  baseline: published('baseline', 'a baseline (--write-baseline, --baseline)'),
  config: published('config', 'a configuration file (.scale-audit.yaml, or --config)'),
  'pack-tests': published('pack-tests', 'the cases beside a rule pack, <pack>.tests.yaml, for scale-audit test'),
  profile: published('profile', 'a profile file for --profile (an entry of profiles: in a configuration is the same without version and name)'),
  report: published('report', 'the JSON report (--format json)'),
  'rule-pack': {
    description: 'a rule pack for --rules, with the check kinds of any --plugin',
    generate: async (flags) => (await import('../../rules/pack-schema.js')).rulePackSchema(checkKindsWith((await loadPlugins(pluginRequests(flags))).flatMap((plugin) => plugin.checks))),
  },
};

/** Prints the named schema; without a name, the names and what each describes. */
export async function schemaCommand(name: string | undefined, flags: SchemaFlags, io: CliIO): Promise<number> {
  if (name === undefined) {
    for (const [id, entry] of Object.entries(SCHEMAS)) io.stdout.write(`${id.padEnd(12)} ${entry.description}\n`);
    return 0;
  }
  // Own names only: `__proto__` or `constructor` is an unknown schema, not a property of every object.
  const source = Object.hasOwn(SCHEMAS, name) ? SCHEMAS[name] : undefined;
  if (!source) {
    const names = Object.keys(SCHEMAS);
    throw new InputError(`unknown schema "${name}"${didYouMean(name, names)}; schemas: ${names.join(', ')}`);
  }
  io.stdout.write(`${JSON.stringify(await source.generate(flags), null, 2)}\n`);
  return 0;
}
