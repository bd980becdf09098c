import { pageTemplate } from '../render/page-template.js';
import type { Comparison } from './compare.js';
import { comparisonView } from './view.js';

const template = await pageTemplate('compare.html.hbs');

/** The comparison as one self-contained HTML page. */
export function renderComparisonHtml(comparison: Comparison): string {
  return template(comparisonView(comparison));
}
