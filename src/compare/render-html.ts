import { pageTemplate } from '../render/page-template.js';
import type { Comparison } from './compare.js';
import { comparisonView } from './view.js';

/** The comparison as one self-contained HTML page. */
export async function comparisonHtmlRenderer(): Promise<(comparison: Comparison) => string> {
  const template = await pageTemplate('compare.html.hbs');
  return (comparison) => template(comparisonView(comparison));
}
