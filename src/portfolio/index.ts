import type { DocumentRenderers } from '../render/document.js';
import type { Portfolio } from './portfolio.js';

export const portfolioRenderers: DocumentRenderers<Portfolio> = {
  text: async () => (await import('./render-text.js')).renderPortfolioText,
  md: async () => (await import('./render-markdown.js')).renderPortfolioMarkdown,
  html: async () => (await import('./render-html.js')).portfolioHtmlRenderer(),
  json: async () => (await import('../render/json.js')).jsonDocument,
};
