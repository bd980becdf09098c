import { jsonDocument } from '../../render/json.js';
import { printable } from '../../util/printable.js';
import type { CliIO } from '../io.js';
import { loadRules, type RuleFlags } from '../rule-flags.js';

export async function rulesCommand(flags: RuleFlags & { json?: boolean }, io: CliIO): Promise<number> {
  const ruleSet = await loadRules(flags);
  if (flags.json) {
    io.stdout.write(jsonDocument(ruleSet.rules));
    return 0;
  }
  const width = Math.max(...ruleSet.rules.map((rule) => rule.id.length));
  const out: string[] = [];
  for (const category of ruleSet.categories) {
    const rules = ruleSet.rules.filter((rule) => rule.category === category.id);
    if (rules.length === 0) continue;
    out.push(`${category.title} (${category.id}, ${rules.length} rules)`);
    for (const rule of rules) out.push(`  ${rule.id.padEnd(width)}  ${rule.severity.padEnd(8)}  L${rule.level}  ${rule.title}`);
    out.push('');
  }
  out.push(`${ruleSet.rules.length} rules, ${ruleSet.questions.length} questions. \`scale-audit explain <rule-id>\` shows one in full.`);
  io.stdout.write(`${out.map(printable).join('\n')}\n`);
  return 0;
}
