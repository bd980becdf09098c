import type { Evidence, Status } from '../rules/finding.js';
import type { Report, ReportFinding } from '../report/types.js';
import { SEVERITY_WEIGHTS } from '../score/score.js';
import { categoryScoreText, evidenceUrl, guardNote, knownText, location, STATUS_LABELS, STATUS_SYMBOLS } from './format.js';
import { findingNotes } from './business-markdown.js';
import { mdCode, mdLink, mdText } from './markdown-escape.js';
import { folded, mdInline } from './markdown-fold.js';
import { noteNumber, searchedNotes } from './searched-notes.js';

/*
 * The findings of the full Markdown report: by category, what needs work in plain view, what
 * passed folded away, each with its evidence linked to the file at the audited commit.
 */

export function evidenceLine(report: Report, evidence: Evidence): string {
  const where = location(evidence);
  const url = evidenceUrl(report, evidence);
  const place = where ? `${url ? mdLink(mdCode(where), url) : mdCode(where)} ` : '';
  const note = noteNumber(report, evidence);
  return `${place}${mdText(evidence.detail)}${note === undefined ? '' : ` ([see search ${note}](#what-was-searched))`}`;
}

/** Each search the evidence lines refer to, listed once. */
export function searchedSection(report: Report): string[] {
  const notes = searchedNotes(report);
  if (notes.length === 0) return [];
  return [
    '## What was searched',
    '',
    ...folded(`${notes.length === 1 ? 'The search' : `The ${notes.length} searches`} the evidence above refers to by number`, [
      ...notes.map((note) => `${note.number}. ${mdText(note.text)}`),
      '',
    ]),
  ];
}

export function evidenceList(report: Report, evidence: readonly Evidence[], indent: string): string[] {
  return evidence.map((item) => `${indent}- ${evidenceLine(report, item)}`);
}

const NEEDS_WORK: ReadonlySet<Status> = new Set(['fail', 'partial', 'unknown', 'waived']);
const STATUS_ORDER: Status[] = ['fail', 'partial', 'unknown', 'waived', 'pass', 'not_applicable'];
const HAS_FIX: ReadonlySet<Status> = new Set(['fail', 'partial', 'unknown']);

function byUrgency(a: ReportFinding, b: ReportFinding): number {
  return STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status) || SEVERITY_WEIGHTS[b.severity] - SEVERITY_WEIGHTS[a.severity];
}

function findingsTable(findings: readonly ReportFinding[]): string[] {
  const row = (finding: ReportFinding) =>
    `| ${STATUS_SYMBOLS[finding.status]} ${STATUS_LABELS[finding.status]} | ${mdText(finding.title)} ${mdCode(finding.ruleId, true)} | ${finding.severity} | L${finding.level} | ${mdText(finding.message)} |`;
  return ['| Result | Rule | Severity | Level | Message |', '|---|---|---|---|---|', ...findings.map(row), ''];
}

function fixLines(finding: ReportFinding): string[] {
  if (!HAS_FIX.has(finding.status)) return [];
  return [`**Fix (effort ${finding.remediation.effort}):** ${mdInline(finding.remediation.summary)}`, '', ...finding.remediation.steps.map((step) => `- ${mdInline(step)}`), ''];
}

function findingDetails(report: Report, finding: ReportFinding): string[] {
  return folded(`${finding.ruleId}: ${finding.title}`, [
    `**Result:** ${STATUS_LABELS[finding.status]}. ${mdText(finding.message)}`,
    '',
    ...(guardNote(report, finding) ? [mdText(guardNote(report, finding)), ''] : []),
    `**Why it matters:** ${mdInline(finding.why)}`,
    '',
    `**How it is detected:** ${mdInline(finding.detection)}`,
    '',
    '**Evidence:**',
    '',
    ...evidenceList(report, finding.evidence, ''),
    '',
    ...findingNotes(finding, (evidence) => evidenceLine(report, evidence)),
    ...fixLines(finding),
    ...(finding.references.length > 0 ? [`**References:** ${finding.references.map(mdText).join(' · ')}`, ''] : []),
  ]);
}

/** "12 passed, 1 not applicable": what a category's fold holds. */
function foldSummary(findings: readonly ReportFinding[]): string {
  const passed = findings.filter((finding) => finding.status === 'pass').length;
  const notApplicable = findings.length - passed;
  return [passed ? `${passed} passed` : '', notApplicable ? `${notApplicable} not applicable` : ''].filter(Boolean).join(', ');
}

function categorySection(report: Report, category: Report['categories'][number]): string[] {
  const findings = report.findings.filter((finding) => finding.category === category.id).sort(byUrgency);
  if (findings.length === 0) return [];
  const open = findings.filter((finding) => NEEDS_WORK.has(finding.status));
  const done = findings.filter((finding) => !NEEDS_WORK.has(finding.status));
  const lines = [`### ${mdText(category.title)}: ${categoryScoreText(category, '/100')}`, '', `${mdText(category.description)} _Confidence: ${knownText(category)}._`, ''];
  if (open.length > 0) lines.push(...findingsTable(open), ...open.flatMap((finding) => findingDetails(report, finding)));
  if (done.length > 0) lines.push(...folded(foldSummary(done), [...findingsTable(done), ...done.flatMap((finding) => findingDetails(report, finding))]));
  return lines;
}

/** Every finding by category: fail, partial, unknown and waived first, then passed and not applicable folded. */
export function findingsSection(report: Report): string[] {
  return [
    '## Findings',
    '',
    'By category, what needs work first; the passed and not-applicable rules of each category are folded below it.',
    '',
    ...report.categories.flatMap((category) => categorySection(report, category)),
  ];
}
