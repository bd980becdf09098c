import type { DocumentRenderers } from '../render/document.js';
import type { Comparison } from './compare.js';

export const comparisonRenderers: DocumentRenderers<Comparison> = {
  text: async () => (await import('./render-text.js')).renderComparisonText,
  md: async () => (await import('./render-markdown.js')).renderComparisonMarkdown,
  html: async () => (await import('./render-html.js')).comparisonHtmlRenderer(),
  json: async () => (await import('../render/json.js')).jsonDocument,
};
