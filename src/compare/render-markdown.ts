import { mdCode, mdText } from '../render/markdown-escape.js';
import type { Comparison } from './compare.js';
import { comparisonView, type Row } from './view.js';

function table(first: string, rows: readonly Row[]): string[] {
  return [`| ${first} | Before | After | Change |`, '|---|---:|---:|---:|', ...rows.map((row) => `| ${mdText(row.label)} | ${mdText(row.before)} | ${mdText(row.after)} | ${row.change} |`), ''];
}

/** The comparison in GitHub-flavoured Markdown, fit for a pull request or a progress note. */
export function renderComparisonMarkdown(comparison: Comparison): string {
  const view = comparisonView(comparison);
  const out = [`## ${mdText(view.title)}`, '', `- Before: ${mdText(view.before)}`, `- After: ${mdText(view.after)}`, ''];
  for (const note of view.notes) out.push(`> **Note:** ${mdText(note)}`, '');
  out.push(...table('', view.summary), '### By category', '', ...table('Category', view.categories));
  for (const section of view.sections) {
    out.push(`### ${section.title}: ${section.rows.length}`, '');
    if (section.rows.length === 0) continue;
    out.push('| | Rule | Severity | Before | After |', '|---|---|---|---|---|');
    for (const row of section.rows) out.push(`| ${row.symbol} | ${mdText(row.title)} ${mdCode(row.ruleId, true)} | ${row.severity} | ${row.before} | ${row.after} |`);
    out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}
