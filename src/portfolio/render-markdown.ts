import { mdCode, mdLink, mdText } from '../render/markdown-escape.js';
import type { Portfolio } from './portfolio.js';
import { portfolioView, type Band, type Cell } from './view.js';

const SQUARES: Record<Band, string> = { good: '🟩', fair: '🟨', poor: '🟥', none: '⬜', low: '🔲' };

function heat(value: Cell): string {
  return `${SQUARES[value.band]} ${value.text}`;
}

/** The portfolio in GitHub-flavoured Markdown: the heat map is coloured squares beside the scores. */
export function renderPortfolioMarkdown(portfolio: Portfolio): string {
  const view = portfolioView(portfolio);
  const out = [`# ${mdText(view.title)}`, '', mdText(view.stats), ''];
  for (const note of view.notes) out.push(`> **Note:** ${mdText(note)}`, '');

  out.push('## Levels reached', '', '| Level | Repositories | Share |', '|---|---:|---:|');
  for (const level of view.levels) out.push(`| ${mdText(level.label)} | ${level.repositories} | ${level.share}% |`);
  out.push('');

  out.push('## Ranking and heat map', '', `🟩 80 and above · 🟨 50–79 · 🟥 below 50 · 🔲 (in parentheses) known from less than half of its rules' weight · ⬜ nothing known. A level marked ? is provisional.`, '');
  out.push(`| # | Repository | Score | Level | Confidence | ${view.categories.map((category) => mdText(category.title)).join(' | ')} |`);
  out.push(`|---:|---|---:|---|---:|${view.categories.map(() => '---:|').join('')}`);
  for (const row of view.rows) {
    const name = `${row.url ? mdLink(mdText(row.name), row.url) : mdText(row.name)}${row.profile ? ` (${mdText(row.profile)})` : ''}`;
    out.push(`| ${row.rank} | ${name} | ${heat(row.score)} | ${row.level} | ${row.confidence} | ${row.cells.map(heat).join(' | ')} |`);
  }
  out.push(`| | **Average** | | | | ${view.categories.map((category) => heat(category.average)).join(' | ')} |`, '');

  if (view.gaps.length > 0) {
    out.push('## Most common gaps', '', '| Repositories | Rule | Severity | Category |', '|---:|---|---|---|');
    for (const gap of view.gaps) out.push(`| ${gap.repositories} (${gap.share}; ${gap.detail}) | ${mdText(gap.title)} ${mdCode(gap.ruleId, true)} | ${gap.severity} | ${mdText(gap.category)} |`);
    if (view.moreGaps > 0) out.push('', `… and ${view.moreGaps} more; \`--format json\` lists them all.`);
    out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}
