import type { Report } from '../report/types.js';
import { safeText } from '../util/printable.js';

/**
 * A value as a JSON document. JSON.stringify escapes C0 controls but writes DEL and C1 raw; as
 * `\u` escapes they mean the same to a parser and nothing to a terminal that shows the file.
 * The line feed is added before the text is cleaned: V8 builds JSON.stringify's result in pieces
 * and joins them into one copy on the first search, and a line feed added after that would make
 * writing the document copy it whole once more (a report is some 800 KB in memory).
 */
export function jsonDocument(value: unknown): string {
  return safeText(`${JSON.stringify(value, null, 2)}\n`);
}

/** The Report as JSON: the source of truth other renderers and `compare` read back. */
export function renderJson(report: Report): string {
  return jsonDocument(report);
}
