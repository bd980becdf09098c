import type { Report } from '../report/types.js';

/** The Report as JSON: the source of truth other renderers and `compare` read back. */
export function renderJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
