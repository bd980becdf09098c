import type { Report } from '../report/types.js';
import { renderHtml } from './html.js';
import { renderJson } from './json.js';
import { renderMarkdown } from './markdown.js';
import { renderText } from './text.js';

export const FORMATS = ['text', 'md', 'html', 'json'] as const;
export type Format = (typeof FORMATS)[number];

export const EXTENSIONS: Record<Format, string> = { text: 'txt', md: 'md', html: 'html', json: 'json' };

export interface RenderOptions {
  /** Terminal colour, for `text` only. */
  color: boolean;
}

export function render(report: Report, format: Format, options: RenderOptions): string {
  switch (format) {
    case 'text':
      return renderText(report, { color: options.color });
    case 'md':
      return renderMarkdown(report);
    case 'html':
      return renderHtml(report);
    case 'json':
      return renderJson(report);
  }
}
