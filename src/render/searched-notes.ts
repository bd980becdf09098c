import type { Report } from '../report/types.js';
import type { Evidence } from '../rules/finding.js';

/**
 * What the report's "not found" evidence searched for, each search named once: an evidence line
 * stays short ("no CI pipeline found") and refers by number to the note that lists everything
 * looked for, however many roadmap items and findings cite it. Numbered in the order the report first
 * cites them: the roadmap, then the findings.
 */
export interface SearchedNote {
  number: number;
  text: string;
}

const cache = new WeakMap<Report, Map<string, number>>();

function numbers(report: Report): Map<string, number> {
  const cached = cache.get(report);
  if (cached) return cached;
  const found = new Map<string, number>();
  const cite = (evidence: readonly Evidence[]) => {
    for (const item of evidence) if (item.searched !== undefined && !found.has(item.searched)) found.set(item.searched, found.size + 1);
  };
  for (const phase of report.roadmap.phases) for (const item of phase.items) cite(item.evidence);
  for (const finding of report.findings) {
    cite(finding.evidence);
    for (const conflict of finding.conflicts ?? []) cite(conflict.evidence);
  }
  cache.set(report, found);
  return found;
}

/** The note an evidence line refers to, if it has one. */
export function noteNumber(report: Report, evidence: Evidence): number | undefined {
  return evidence.searched === undefined ? undefined : numbers(report).get(evidence.searched);
}

export function searchedNotes(report: Report): SearchedNote[] {
  return [...numbers(report)].map(([text, number]) => ({ number, text }));
}
