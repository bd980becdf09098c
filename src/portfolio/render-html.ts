import { pageTemplate } from '../render/page-template.js';
import type { Portfolio } from './portfolio.js';
import { portfolioView } from './view.js';

const template = await pageTemplate('portfolio.html.hbs');

/** The portfolio as one self-contained HTML page. */
export function renderPortfolioHtml(portfolio: Portfolio): string {
  return template(portfolioView(portfolio));
}
