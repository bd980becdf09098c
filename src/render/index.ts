import type { Report } from '../report/types.js';
import type { Logo } from './logo.js';

export const FORMATS = ['text', 'md', 'md-summary', 'html', 'json', 'sarif'] as const;
export type Format = (typeof FORMATS)[number];

export const EXTENSIONS: Record<Format, string> = { text: 'txt', md: 'md', 'md-summary': 'summary.md', html: 'html', json: 'json', sarif: 'sarif' };

/**
 * How much an HTML or Markdown report holds: `executive` is what a steering committee reads (the
 * verdict, top risks, roadmap, business case, questions); `full` adds every finding with its
 * evidence, the waivers and the appendix. The other formats are always complete.
 */
export const DETAILS = ['executive', 'full'] as const;
export type Detail = (typeof DETAILS)[number];

export interface RenderOptions {
  /** Terminal colour, for `text` only. */
  color: boolean;
  /** The consultant's logo, for `html` only. */
  logo: Logo | null;
  /** For `html` and `md`; `executive` when not given. */
  detail?: Detail;
}

/** What a renderer is built with, once, before it renders. */
export interface RendererSetup {
  /** A directory whose templates replace the built-in HTML ones (`--template-dir`). */
  templateDir: string | null;
}

export type Renderer = (report: Report, options: RenderOptions) => string;

/**
 * The renderer of a format. Renderers are pure; they are loaded on demand because the HTML one
 * brings a template engine that a terminal run never needs.
 */
export async function renderer(format: Format, setup: RendererSetup = { templateDir: null }): Promise<Renderer> {
  switch (format) {
    case 'text': {
      const { renderText } = await import('./text.js');
      return (report, options) => renderText(report, { color: options.color });
    }
    case 'md': {
      const { renderMarkdown } = await import('./markdown.js');
      return (report, options) => renderMarkdown(report, { detail: options.detail ?? 'executive' });
    }
    case 'md-summary': {
      const { renderMarkdownSummary } = await import('./markdown-summary.js');
      return (report) => renderMarkdownSummary(report);
    }
    case 'html': {
      const { htmlRenderer } = await import('./html.js');
      return htmlRenderer(setup.templateDir);
    }
    case 'json': {
      const { renderJson } = await import('./json.js');
      return (report) => renderJson(report);
    }
    case 'sarif': {
      const { renderSarif } = await import('./sarif.js');
      return (report) => renderSarif(report);
    }
  }
}
