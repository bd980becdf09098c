import type { Comparison } from '../../src/compare/compare.js';
import { comparisonHtmlRenderer } from '../../src/compare/render-html.js';
import type { Portfolio } from '../../src/portfolio/portfolio.js';
import { portfolioHtmlRenderer } from '../../src/portfolio/render-html.js';
import { htmlRenderer } from '../../src/render/html.js';
import type { RenderOptions } from '../../src/render/index.js';
import type { Report } from '../../src/report/types.js';

// The built-in pages, compiled once for the tests that render many reports.
const reportPage = await htmlRenderer(null);
const comparisonPage = await comparisonHtmlRenderer();
const portfolioPage = await portfolioHtmlRenderer();

/** The HTML report as `--format html` writes it (no logo, the executive detail unless asked). */
export function renderHtml(report: Report, options: Pick<RenderOptions, 'logo' | 'detail'> = { logo: null }): string {
  return reportPage(report, { color: false, ...options });
}

export const renderComparisonHtml = (comparison: Comparison): string => comparisonPage(comparison);
export const renderPortfolioHtml = (portfolio: Portfolio): string => portfolioPage(portfolio);
