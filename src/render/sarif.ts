import { createHash } from 'node:crypto';
import type { Evidence, Status } from '../rules/finding.js';
import type { Severity } from '../rules/types.js';
import type { Report, ReportFinding } from '../report/types.js';
import { compareStrings } from '../util/compare.js';
import { cleanedOnRead, safeText } from '../util/printable.js';
import { repositoryPath } from './format.js';
import { jsonDocument } from './json.js';
import { mdCode, mdText } from './markdown-escape.js';

/*
 * SARIF 2.1.0 for code scanning (GitHub, Azure DevOps, GitLab, IDE viewers). One result per rule
 * that is failing or partial, in the terms GitHub documents for third-party tools: rule metadata
 * in `tool.driver.rules`, `security-severity` on OpenSSF Scorecard's scale, and fingerprints that
 * follow a finding from run to run. It also keeps to the SARIF Multitool's validation rules
 * (test/render/sarif.test.ts checks them): a line for every result, the tool's information URI,
 * and paths tied to the repository root through `versionControlProvenance[].mappedTo`.
 */

export const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

/** The fingerprint's key names its recipe; change the version if the recipe ever changes. */
const FINGERPRINT_KEY = 'scaleAuditFinding/v1';

type SarifLevel = 'error' | 'warning' | 'note';

const LEVELS: Record<Severity, SarifLevel> = { critical: 'error', high: 'error', medium: 'warning', low: 'note' };
/** GitHub reads 9.0+ as critical, 7.0–8.9 high, 4.0–6.9 medium, below 4 low; Scorecard uses the same points. */
const SECURITY_SEVERITY: Record<Severity, string> = { critical: '9.0', high: '7.0', medium: '4.0', low: '1.0' };
const PROBLEM_SEVERITY: Record<Severity, string> = { critical: 'error', high: 'error', medium: 'warning', low: 'recommendation' };

/** What a finding reports in SARIF: its own status, or for a waived one the status it would have. */
function gapStatus(finding: ReportFinding): Status | null {
  const status = finding.status === 'waived' ? finding.waiver?.status : finding.status;
  return status === 'fail' || status === 'partial' ? status : null;
}

/** Evidence that points into the repository: answers and configuration may live outside it. */
function inRepository(evidence: Evidence): evidence is Evidence & { path: string } {
  return evidence.path !== undefined && (evidence.kind === 'found' || evidence.kind === 'missing' || evidence.kind === 'fact');
}

function uri(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

/** The base every location is relative to: the root of the audited repository. */
const SRCROOT = '%SRCROOT%';

/** The evidence's line in the file, if it has one: a notebook's line counts within its cell, not the file. */
const fileLine = (evidence: Evidence | undefined) => (evidence?.line && !evidence.cell ? evidence.line : undefined);

/**
 * Code scanning (and the Multitool's GH1003) wants a line for every result. A finding about a whole
 * file or the whole repository is anchored at line 1, as OpenSSF Scorecard does; its message says
 * what it is about. Related locations keep no region when there is no line: the whole file.
 */
const ANCHOR_LINE = 1;

function physicalLocation(path: string, line: number | undefined) {
  return { artifactLocation: { uri: uri(path), uriBaseId: SRCROOT }, ...(line ? { region: { startLine: line } } : {}) };
}

/** Code scanning names files from the top of the repository, whichever directory of it was audited. */
type PlaceInRepository = (path: string) => string;

function evidenceLocation(evidence: Evidence & { path: string }, line: number | undefined, place: PlaceInRepository) {
  const cell = evidence.cell ? `cell ${evidence.cell}${evidence.line ? `, line ${evidence.line}` : ''}: ` : '';
  return { physicalLocation: physicalLocation(place(evidence.path), line), message: { text: `${cell}${evidence.detail}` } };
}

/**
 * Where a finding that no file shows is reported: the audited directory (the repository's root
 * unless a subdirectory was audited). Code scanning wants a location for every result, and the URI
 * must be a valid reference (a phrase with spaces is not).
 */
const AUDITED_DIRECTORY = '.';

/** A hex digest of the rule and the primary path, never the line: lines move with every edit above them. */
function fingerprint(ruleId: string, path: string | null): string {
  return createHash('sha256').update(`${ruleId}\u0000${path ?? ''}`).digest('hex');
}

/** The same digest shaped as a name-based (version 5) UUID, as SARIF's correlationGuid must be. */
function correlationGuid(digest: string): string {
  const hex = digest.slice(0, 32).split('');
  hex[12] = '5';
  hex[16] = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/** A name for the rule in code scanning's filters: `mlops.experiment-tracking` → `MlopsExperimentTracking`. */
function ruleName(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join('');
}

function helpText(finding: ReportFinding): string {
  const { remediation } = finding;
  return [
    `Why it matters: ${finding.why}`,
    `How it is detected: ${finding.detection}`,
    `Fix (effort ${remediation.effort}): ${remediation.summary}`,
    ...remediation.steps.map((step) => `- ${step}`),
    ...(finding.references.length > 0 ? [`References: ${finding.references.join('; ')}`] : []),
    ...(remediation.links?.length ? [`Links: ${remediation.links.join(' ')}`] : []),
    `\`scale-audit explain ${finding.ruleId}\` shows the rule in full.`,
  ].join('\n');
}

function helpMarkdown(finding: ReportFinding): string {
  const { remediation } = finding;
  return [
    `**Why it matters:** ${mdText(finding.why)}`,
    `**How it is detected:** ${mdText(finding.detection)}`,
    `**Fix (effort ${remediation.effort}):** ${mdText(remediation.summary)}\n\n${remediation.steps.map((step) => `- ${mdText(step)}`).join('\n')}`,
    ...(finding.references.length > 0 ? [`**References:** ${finding.references.map(mdText).join(' · ')}`] : []),
    ...(remediation.links?.length ? [`**Links:** ${remediation.links.map((link) => `<${link}>`).join(' · ')}`] : []),
    `${mdCode(`scale-audit explain ${finding.ruleId}`)} shows the rule in full.`,
  ].join('\n\n');
}

function rule(finding: ReportFinding) {
  const level = LEVELS[finding.severity];
  return {
    id: finding.ruleId,
    name: ruleName(finding.ruleId),
    shortDescription: { text: finding.title },
    fullDescription: { text: finding.why },
    help: { text: helpText(finding), markdown: helpMarkdown(finding) },
    // The rule's own pages are its help text; its first remediation link is where to read further.
    ...(finding.remediation.links?.[0] ? { helpUri: finding.remediation.links[0] } : {}),
    defaultConfiguration: { level },
    properties: {
      // GitHub shows security-severity only on rules tagged `security`: the security category's.
      tags: [...new Set(['scale-audit', finding.category, `L${finding.level}`, ...(finding.category === 'security' ? ['security'] : [])])],
      // The rules read a repository's files and its answers: reliable about what is there, but a
      // practice kept outside the repository can look absent.
      precision: 'medium',
      'problem.severity': PROBLEM_SEVERITY[finding.severity],
      'security-severity': SECURITY_SEVERITY[finding.severity],
      category: finding.category,
      severity: finding.severity,
      maturityLevel: finding.level,
    },
  };
}

function result(finding: ReportFinding, status: Status, ruleIndex: number, place: PlaceInRepository) {
  const located = finding.evidence.filter(inRepository);
  const primary = located.find((evidence) => evidence.counted !== false) ?? located[0];
  const related = located.filter((evidence) => evidence !== primary);
  const digest = fingerprint(finding.ruleId, primary ? place(primary.path) : null);
  const verdict = status === 'partial' ? 'Partial' : 'Fails';
  const waiver = finding.status === 'waived' ? finding.waiver : undefined;
  return {
    ruleId: finding.ruleId,
    ruleIndex,
    level: LEVELS[finding.severity],
    message: { text: `${verdict}: ${finding.message.replace(/\.$/, '')}. Fix: ${finding.remediation.summary}` },
    locations: [
      primary
        ? evidenceLocation(primary, fileLine(primary) ?? ANCHOR_LINE, place)
        : { physicalLocation: physicalLocation(place(AUDITED_DIRECTORY), ANCHOR_LINE), message: { text: 'the whole repository: no single file shows this gap' } },
    ],
    ...(related.length > 0 ? { relatedLocations: related.map((evidence, id) => ({ id, ...evidenceLocation(evidence, fileLine(evidence), place) })) } : {}),
    partialFingerprints: { [FINGERPRINT_KEY]: digest },
    correlationGuid: correlationGuid(digest),
    ...(waiver
      ? { suppressions: [{ kind: 'external', status: 'accepted', justification: `${waiver.reason} (waived until ${waiver.expires}${waiver.owner ? ` by ${waiver.owner}` : ''}; ${waiver.file}:${waiver.line})` }] }
      : {}),
    properties: { status, severity: finding.severity, maturityLevel: finding.level, category: finding.category, effort: finding.remediation.effort },
  };
}

/**
 * Where to learn about this version of the tool: its page on npm, where the README of each release
 * is published. (No project website is known; the page follows the package's name and version.)
 */
function informationUri(tool: Report['tool']): string {
  return `https://www.npmjs.com/package/${encodeURIComponent(tool.name)}/v/${encodeURIComponent(tool.version)}`;
}

/** The report as a SARIF 2.1.0 log with one run. */
export function renderSarif(input: Report): string {
  // Its messages are text a code-scanning page shows: control characters as visible escapes, not JSON escapes of raw ones.
  const report = cleanedOnRead(input, safeText);
  const gaps = report.findings
    .map((finding) => ({ finding, status: gapStatus(finding) }))
    .filter((gap): gap is { finding: ReportFinding; status: Status } => gap.status !== null)
    .sort((a, b) => compareStrings(a.finding.ruleId, b.finding.ruleId));
  const { target, summary } = report;
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: report.tool.name,
            version: report.tool.version,
            semanticVersion: report.tool.version,
            informationUri: informationUri(report.tool),
            rules: gaps.map(({ finding }) => rule(finding)),
          },
        },
        ...(target.url && target.commit
          ? { versionControlProvenance: [{ repositoryUri: target.url, revisionId: target.commit, ...(target.branch ? { branch: target.branch } : {}), mappedTo: { uriBaseId: SRCROOT } }] }
          : {}),
        results: gaps.map(({ finding, status }, index) => result(finding, status, index, (path) => repositoryPath(target, path))),
        properties: {
          target: target.name,
          readiness: summary.score,
          ...(report.mlProject && !report.mlProject.detected ? { notAnMlProject: report.mlProject.evidence } : {}),
          maturityLevel: summary.level,
          levelName: summary.levelName,
          nextLevelBlockers: summary.nextLevelBlockers,
          confidence: summary.confidence,
          rulesetDigest: report.ruleset.digest,
          scoringVersion: report.scoringVersion,
          // A code-scanning page shows no report cover: the profile the findings were judged under travels here.
          ...(report.profile ? { profile: report.profile.name } : {}),
        },
      },
    ],
  };
  return jsonDocument(log);
}
