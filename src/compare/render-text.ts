import { Chalk, type ChalkInstance } from 'chalk';
import { cleanStrings, printable } from '../util/printable.js';
import type { Comparison } from './compare.js';
import { comparisonView, type Row, type Trend } from './view.js';

function colour(chalk: ChalkInstance, trend: Trend): (text: string) => string {
  return trend === 'up' ? chalk.green : trend === 'down' ? chalk.red : chalk.gray;
}

function table(rows: readonly Row[], chalk: ChalkInstance): string[] {
  const label = Math.max(...rows.map((row) => row.label.length));
  const before = Math.max(...rows.map((row) => row.before.length));
  const after = Math.max(...rows.map((row) => row.after.length));
  return rows.map(
    (row) => `  ${row.label.padEnd(label)}  ${row.before.padStart(before)} → ${row.after.padEnd(after)}  ${colour(chalk, row.trend)(row.change)}`,
  );
}

/** The comparison for a terminal: the headline numbers, the categories, then what changed. */
export function renderComparisonText(comparison: Comparison, options: { color: boolean }): string {
  const chalk = new Chalk({ level: options.color ? 1 : 0 });
  // Every string the terminal shows, on one line and without control characters.
  const view = cleanStrings(comparisonView(comparison), printable);
  const out = [chalk.bold(`scale-audit compare · ${view.title}`), chalk.gray(`  before  ${view.before}`), chalk.gray(`  after   ${view.after}`), ''];
  for (const note of view.notes) out.push(chalk.yellow(`  Note: ${note}`));
  if (view.notes.length > 0) out.push('');
  out.push(...table(view.summary, chalk), '', ...table(view.categories, chalk), '');
  for (const section of view.sections) {
    out.push(chalk.bold(`  ${section.title}: ${section.rows.length}`));
    for (const row of section.rows) {
      out.push(`    ${colour(chalk, row.trend)(row.symbol)} ${row.ruleId}  ${row.before} → ${row.after}  ${chalk.gray(`${row.title} (${row.severity})`)}`);
    }
  }
  return `${out.join('\n')}\n`;
}
