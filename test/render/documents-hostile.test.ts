import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { compareReports } from '../../src/compare/compare.js';
import { renderComparisonMarkdown } from '../../src/compare/render-markdown.js';
import { renderComparisonText } from '../../src/compare/render-text.js';
import { PortfolioBuilder } from '../../src/portfolio/portfolio.js';
import { renderPortfolioMarkdown } from '../../src/portfolio/render-markdown.js';
import { renderPortfolioText } from '../../src/portfolio/render-text.js';
import { reportFromFiles } from '../helpers/report.js';
import { renderComparisonHtml, renderPortfolioHtml } from '../helpers/html.js';

/*
 * Saved reports are files anyone can edit, and repository names come from the audited repository:
 * comparisons and portfolios escape them like the reports do, and link only to web addresses.
 */
const before = await reportFromFiles({}, { name: '<script>alert(1)</script>' });
const after = structuredClone(before);
after.target.name = '<img src=x onerror=alert(2)> | @everyone [x](javascript:alert(3))';
after.target.url = 'javascript:alert(4)';
after.findings[0]!.title = '<script>alert(5)</script>';
after.findings[0]!.status = after.findings[0]!.status === 'pass' ? 'fail' : 'pass';
after.findings[0]!.ruleId = 'x`|<b>y</b>';

const comparison = compareReports(before, after);
const builder = new PortfolioBuilder();
builder.add(before, '<b>a</b>.json');
builder.add(after, 'b.json');
const portfolio = builder.finish();

function safeHtml(html: string): void {
  expect(html).not.toMatch(/<script|<img|<b>|href="javascript:/i);
}

describe('comparisons and portfolios with hostile content', () => {
  it('escape HTML', () => {
    for (const html of [renderComparisonHtml(comparison), renderPortfolioHtml(portfolio)]) {
      safeHtml(html);
      expect(html).not.toMatch(/\son\w+=/i);
    }
  });

  it('escape Markdown', () => {
    for (const markdown of [renderComparisonMarkdown(comparison), renderPortfolioMarkdown(portfolio)]) {
      safeHtml(marked.parse(markdown, { gfm: true, async: false }) as string);
      expect(markdown).not.toMatch(/(?<!\\)@everyone/);
    }
  });

  it('strip control characters in the terminal', () => {
    const terminal = structuredClone(after);
    terminal.target.name = 'evil\u001b[2Jname';
    const single = new PortfolioBuilder();
    single.add(terminal, 'c.json');
    for (const text of [renderComparisonText(compareReports(before, terminal), { color: false }), renderPortfolioText(single.finish(), { color: false })]) {
      expect(text).not.toContain('\u001b');
    }
  });
});
