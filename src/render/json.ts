import type { Report } from '../report/types.js';
import { safeText } from '../util/printable.js';

/**
 * A value as a JSON document. JSON.stringify escapes C0 controls but writes DEL and C1 raw; as
 * `\u` escapes they mean the same to a parser and nothing to a terminal that shows the file.
 */
export function jsonDocument(value: unknown): string {
  return `${safeText(JSON.stringify(value, null, 2))}\n`;
}

/** The Report as JSON: the source of truth other renderers and `compare` read back. */
export function renderJson(report: Report): string {
  return jsonDocument(report);
}
