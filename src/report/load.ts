import { loadSavedJson } from '../util/saved-json.js';
import { NO_COVER, REPORT_SCHEMA_VERSION, type Report } from './types.js';

const SUPPORTED_MAJOR = REPORT_SCHEMA_VERSION.split('.')[0]!;

function recogniseReport(value: unknown): string | null {
  const header = value as { tool?: { name?: unknown }; schemaVersion?: unknown } | null;
  if (typeof header !== 'object' || header === null || header.tool?.name !== 'scale-audit' || typeof header.schemaVersion !== 'string') {
    return 'not a scale-audit JSON report (write one with --format json)';
  }
  const major = header.schemaVersion.split('.')[0];
  return major === SUPPORTED_MAJOR ? null : `report format ${header.schemaVersion} is not supported; this scale-audit reads ${SUPPORTED_MAJOR}.x`;
}

/**
 * A saved JSON report, checked against the published schema before anything reads it, so `render`,
 * `compare` and `portfolio` never trip over a foreign, truncated or hand-edited file.
 */
export async function loadReport(file: string): Promise<Report> {
  const report = (await loadSavedJson(file, {
    what: 'report',
    schema: 'report',
    invalidJson: 'not a scale-audit JSON report: invalid JSON (write one with --format json)',
    recognise: recogniseReport,
  })) as Report;
  // A 1.0 report has no cover, one before 1.2 names no guards and one before 1.3 no profile: made before reports carried them.
  return { ...report, cover: report.cover ?? NO_COVER, profile: report.profile ?? null, summary: { ...report.summary, guards: report.summary.guards ?? [] } };
}
