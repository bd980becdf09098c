import { pageTemplate } from '../render/page-template.js';
import type { Portfolio } from './portfolio.js';
import { portfolioView } from './view.js';

/** The portfolio as one self-contained HTML page. */
export async function portfolioHtmlRenderer(): Promise<(portfolio: Portfolio) => string> {
  const template = await pageTemplate('portfolio.html.hbs');
  return (portfolio) => template(portfolioView(portfolio));
}
