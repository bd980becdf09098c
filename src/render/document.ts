import type { Format } from './index.js';

/** The formats of the documents made from several reports (`compare`, `portfolio`). */
export const DOCUMENT_FORMATS = ['text', 'md', 'html', 'json'] as const satisfies readonly Format[];
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];

/** How to render a document in each format; each renderer is loaded only when asked for. */
export type DocumentRenderers<T> = Record<DocumentFormat, () => Promise<(document: T, options: { color: boolean }) => string>>;
