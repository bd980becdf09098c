import { relative } from 'node:path';
import { runPackTests, type PackResult } from '../../testing/run-packs.js';
import { printable } from '../../util/printable.js';
import type { CliIO } from '../io.js';
import { pluginRequests, type RuleFlags } from '../rule-flags.js';

/** A file as the user would type it from here: relative below the working directory, absolute elsewhere. */
function shown(file: string): string {
  const from = relative(process.cwd(), file);
  return from === '' || from.startsWith('..') ? file : from;
}
const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;

/** A test runner's report: one line per case, what differs under a failure, what no case covers, a summary. */
function report(results: readonly PackResult[]): { lines: string[]; failed: boolean } {
  const lines: string[] = [];
  let [passed, failed, rules, uncovered] = [0, 0, 0, 0];
  for (const result of results) {
    lines.push(`${result.pack}${result.tests ? ` (${shown(result.tests)})` : ' (no tests file)'}`);
    for (const outcome of result.cases) {
      const ok = outcome.differences.length === 0;
      lines.push(`  ${ok ? '✓' : '✗'} ${outcome.ruleId} › ${outcome.name} → ${outcome.status}`);
      if (ok) passed += 1;
      else {
        failed += 1;
        lines.push(...outcome.differences.map((difference) => `      ${difference}`), `      at ${shown(outcome.file)}:${outcome.line}`);
        lines.push(...outcome.evidence.split('\n').map((item) => `      | ${item}`));
      }
    }
    for (const rule of result.uncovered) lines.push(`  ✗ ${rule.ruleId}: no case shows ${rule.missing.join('; ')}`);
    rules += new Set([...result.cases.map((outcome) => outcome.ruleId), ...result.uncovered.map((rule) => rule.ruleId)]).size;
    uncovered += result.uncovered.length;
  }
  lines.push('', `${plural(passed + failed, 'case')}: ${passed} passed, ${failed} failed; ${plural(rules, 'rule')}: ${rules - uncovered} with every outcome covered, ${uncovered} not`);
  return { lines, failed: failed > 0 || uncovered > 0 };
}

/** `scale-audit test`: exit 0 when every case passes and every outcome is covered, 1 otherwise. */
export async function testCommand(paths: string[], flags: RuleFlags, io: CliIO): Promise<number> {
  const results = await runPackTests({ paths, rules: flags.rules, plugins: pluginRequests(flags) });
  const { lines, failed } = report(results);
  io.stdout.write(`${lines.map(printable).join('\n')}\n`);
  return failed ? 1 : 0;
}
