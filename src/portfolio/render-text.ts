import { Chalk, type ChalkInstance } from 'chalk';
import { cleanStrings, printable } from '../util/printable.js';
import type { Portfolio } from './portfolio.js';
import { portfolioView, type Band, type Cell } from './view.js';

const NAME_WIDTH = 28;
const BAR_WIDTH = 30;

function paint(chalk: ChalkInstance, band: Band): (text: string) => string {
  return band === 'good' ? chalk.green : band === 'fair' ? chalk.yellow : band === 'poor' ? chalk.red : chalk.gray;
}

function clip(text: string, width: number): string {
  return text.length <= width ? text.padEnd(width) : `${text.slice(0, width - 1)}…`;
}

/** The portfolio for a terminal: levels, the ranking as a heat map, the most common gaps. */
export function renderPortfolioText(portfolio: Portfolio, options: { color: boolean }): string {
  const chalk = new Chalk({ level: options.color ? 1 : 0 });
  // Every string the terminal shows, on one line and without control characters.
  const view = cleanStrings(portfolioView(portfolio), printable);
  const heat = (value: Cell, width: number) => paint(chalk, value.band)(value.text.padStart(width));
  const out = [chalk.bold(`scale-audit portfolio · ${view.title}`), chalk.gray(`  ${view.stats}`), ''];
  for (const note of view.notes) out.push(chalk.yellow(`  Note: ${note}`));
  if (view.notes.length > 0) out.push('');

  const labelWidth = Math.max(...view.levels.map((level) => level.label.length));
  out.push(chalk.bold('  Levels reached'));
  for (const level of view.levels) {
    out.push(`    ${level.label.padEnd(labelWidth)}  ${String(level.repositories).padStart(5)}  ${'█'.repeat(Math.round((level.share / 100) * BAR_WIDTH))} ${chalk.gray(`${level.share}%`)}`);
  }
  out.push('');

  const columns = view.categories.map((category) => category.short.padStart(5)).join(' ');
  out.push(chalk.bold(`  ${'Rank'.padStart(4)}  ${'Repository'.padEnd(NAME_WIDTH)}  Score  Level  Conf  ${columns}`));
  for (const row of view.rows) {
    out.push(
      `  ${String(row.rank).padStart(4)}  ${clip(row.name, NAME_WIDTH)}  ${heat(row.score, 5)}  ${row.level.padEnd(5)}  ${row.confidence.padStart(4)}  ${row.cells.map((value) => heat(value, 5)).join(' ')}`,
    );
  }
  out.push(`  ${''.padStart(4)}  ${chalk.gray('average'.padEnd(NAME_WIDTH))}  ${''.padStart(5)}  ${''.padEnd(5)}  ${''.padStart(4)}  ${view.categories.map((category) => heat(category.average, 5)).join(' ')}`);
  out.push(chalk.gray('  ? nothing known in the category · (72) known from less than half of its rules\' weight · L1? a provisional level'), '');

  if (view.gaps.length > 0) {
    out.push(chalk.bold('  Most common gaps'));
    for (const gap of view.gaps) {
      out.push(`    ${String(gap.repositories).padStart(5)} ${chalk.gray(`(${gap.share.padStart(4)})`)}  ${gap.ruleId}  ${chalk.gray(`${gap.severity} · ${gap.title}`)}`);
    }
    if (view.moreGaps > 0) out.push(chalk.gray(`    … and ${view.moreGaps} more (--format json lists them all)`));
  }
  return `${out.join('\n')}\n`;
}
