import { relative } from 'node:path';
import { profileOrigin, type Profile } from '../../config/profiles.js';
import { loadSettings, type Settings } from '../../config/settings.js';
import type { Gates, Layer } from '../../config/types.js';
import { describeSource } from '../../gates/gates.js';
import { jsonDocument } from '../../render/json.js';
import { printable } from '../../util/printable.js';
import { parseGateFlags, type GateFlags } from '../gate-flags.js';
import type { CliIO } from '../io.js';
import { pluginRequests, type RuleFlags } from '../rule-flags.js';

export interface ConfigFlags extends GateFlags, RuleFlags {
  config?: string | false;
  profile?: string;
  json?: boolean;
}

interface Setting {
  key: string;
  value: unknown;
  source: string;
}

/** A layer's settings, one entry per thing it sets, so that a later layer replaces exactly what it sets again. */
function layerSettings(layer: Layer): Setting[] {
  const out: Setting[] = [];
  for (const [id, rule] of Object.entries(layer.rules)) {
    const { source, enabled, reason, ...values } = rule;
    if (enabled !== undefined) out.push({ key: `rules.${id}.enabled`, value: reason === undefined ? enabled : { enabled, reason }, source: describeSource(source) });
    for (const [field, value] of Object.entries(values)) out.push({ key: `rules.${id}.${field}`, value, source: describeSource(source) });
  }
  for (const [id, category] of Object.entries(layer.categories)) out.push({ key: `categories.${id}.weight`, value: category.weight, source: describeSource(category.source) });
  for (const [gate, value] of Object.entries(layer.gates)) out.push({ key: `gates.${gate}`, value, source: describeSource(layer.gateSources[gate as keyof Gates]) });
  return out;
}

/** Every effective setting with its origin: flags over the file over the profile over the defaults. */
function settings({ config, profile, layers }: Settings, flags: Layer): Setting[] {
  const byKey = new Map<string, Setting>();
  for (const [id, condition] of Object.entries(profile?.conditions ?? {})) {
    byKey.set(`conditions.${id}`, { key: `conditions.${id}`, value: { holds: condition.holds, reason: condition.reason }, source: describeSource(condition.source) });
  }
  for (const setting of [...layers, flags].flatMap(layerSettings)) byKey.set(setting.key, setting);
  const out = [...byKey.values()];
  for (const pack of config.packs) out.push({ key: 'packs', value: pack, source: config.file! });
  for (const plugin of config.plugins) out.push({ key: 'plugins', value: plugin, source: config.file! });
  for (const waiver of config.waivers) {
    const { source, ...value } = waiver;
    out.push({ key: `waivers.${waiver.rule}`, value, source: describeSource(source) });
  }
  for (const [key, value] of Object.entries(config.report)) out.push({ key: `report.${key}`, value, source: config.file! });
  return out;
}

function profileLine(profile: Profile | null): string {
  if (!profile) return 'No profile (--profile, or profile: in the configuration, selects one).';
  return `Profile: ${profile.name}, ${profile.title} (${profileOrigin(profile)}${profile.extends ? `, extends ${profile.extends}` : ''})`;
}

export async function configCommand(path: string, flags: ConfigFlags, io: CliIO): Promise<number> {
  const loaded = await loadSettings({ path, ...(flags.config === false ? { config: null } : flags.config ? { config: flags.config } : {}), profile: flags.profile, rules: flags.rules, plugins: pluginRequests(flags) });
  const gates = parseGateFlags(flags);
  const effective = settings(loaded, { rules: {}, categories: {}, gates: gates.values, gateSources: gates.sources });
  const { config, profile } = loaded;
  if (flags.json) {
    io.stdout.write(jsonDocument({ file: config.file, profile: profile?.name ?? null, settings: effective }));
    return 0;
  }
  const lines = [
    config.file ? `Configuration: ${relative(process.cwd(), config.file) || config.file}` : 'No configuration file (looked for .scale-audit.yaml, .yml, .json from the audited directory upward).',
    profileLine(profile),
  ];
  const width = Math.max(0, ...effective.map((setting) => setting.key.length));
  for (const setting of effective) lines.push(`  ${setting.key.padEnd(width)}  ${JSON.stringify(setting.value)}  (${setting.source})`);
  if (effective.length === 0) lines.push('  Every setting has its default.');
  io.stdout.write(`${lines.map(printable).join('\n')}\n`);
  return 0;
}
