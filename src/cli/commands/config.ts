import { relative } from 'node:path';
import { findConfig, loadConfig, checkConfigAgainst } from '../../config/load.js';
import { EMPTY_CONFIG, type Config, type Gates, type Source } from '../../config/types.js';
import { describeSource } from '../../gates/gates.js';
import { jsonDocument } from '../../render/json.js';
import { loadRuleSet } from '../../rules/load.js';
import { printable } from '../../util/printable.js';
import { parseGateFlags, type GateFlags } from '../gate-flags.js';
import type { CliIO } from '../io.js';

export interface ConfigFlags extends GateFlags {
  config?: string | false;
  rules: string[];
  json?: boolean;
}

interface Setting {
  key: string;
  value: unknown;
  source: string;
}

/** Every effective setting with its origin, flags over the file over the defaults. */
function settings(config: Config, gates: { values: Gates; sources: Partial<Record<keyof Gates, Source>> }): Setting[] {
  const at = (source: { file: string; line: number }) => `${source.file}:${source.line}`;
  const out: Setting[] = [];
  for (const [id, rule] of Object.entries(config.rules)) {
    const { source, ...value } = rule;
    out.push({ key: `rules.${id}`, value, source: at(source) });
  }
  for (const [id, category] of Object.entries(config.categories)) out.push({ key: `categories.${id}.weight`, value: category.weight, source: at(category.source) });
  const merged = { values: { ...config.gates, ...gates.values }, sources: { ...config.gateSources, ...gates.sources } };
  for (const [gate, value] of Object.entries(merged.values)) out.push({ key: `gates.${gate}`, value, source: describeSource(merged.sources[gate as keyof Gates]) });
  for (const pack of config.packs) out.push({ key: 'packs', value: pack, source: config.file! });
  for (const waiver of config.waivers) {
    const { source, ...value } = waiver;
    out.push({ key: `waivers.${waiver.rule}`, value, source: at(source) });
  }
  for (const [key, value] of Object.entries(config.report)) out.push({ key: `report.${key}`, value, source: config.file! });
  return out;
}

export async function configCommand(path: string, flags: ConfigFlags, io: CliIO): Promise<number> {
  const file = flags.config === false ? null : (flags.config ?? (await findConfig(path)));
  const loaded = file ? await loadConfig(file) : null;
  const config = loaded?.config ?? EMPTY_CONFIG;
  if (loaded) checkConfigAgainst(await loadRuleSet([...flags.rules, ...config.packs]), loaded.source, config);
  const effective = settings(config, parseGateFlags(flags));
  if (flags.json) {
    io.stdout.write(jsonDocument({ file: config.file, settings: effective }));
    return 0;
  }
  const lines = [config.file ? `Configuration: ${relative(process.cwd(), config.file) || config.file}` : 'No configuration file (looked for .scale-audit.yaml, .yml, .json from the audited directory upward).'];
  const width = Math.max(0, ...effective.map((setting) => setting.key.length));
  for (const setting of effective) lines.push(`  ${setting.key.padEnd(width)}  ${JSON.stringify(setting.value)}  (${setting.source})`);
  if (effective.length === 0) lines.push('  Every setting has its default.');
  io.stdout.write(`${lines.map(printable).join('\n')}\n`);
  return 0;
}
