import { posix } from 'node:path';
import type { Evidence, Status } from '../rules/finding.js';
import type { Report } from '../report/types.js';
import type { Schedule } from '../roadmap/schedule.js';
import { LEVEL_NAMES, lowConfidence, MAX_LEVEL, rulesKnown, type CategoryScore } from '../score/score.js';

/** Shared wording for every renderer, so that text, Markdown and HTML say the same things. */
export const STATUS_LABELS: Record<Status, string> = {
  fail: 'fail',
  partial: 'partial',
  unknown: 'unknown',
  pass: 'pass',
  not_applicable: 'n/a',
  waived: 'waived',
};

export const STATUS_SYMBOLS: Record<Status, string> = {
  fail: '✗',
  partial: '◐',
  unknown: '?',
  pass: '✓',
  not_applicable: '–',
  waived: '≈',
};

export function location(evidence: Evidence): string {
  if (!evidence.path) return '';
  const line = evidence.line ? `:${evidence.line}` : '';
  const cell = evidence.cell ? ` (cell ${evidence.cell})` : '';
  return `${evidence.path}${line}${cell}`;
}

function weeks(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

export function effortRange(range: { min: number; max: number }): string {
  if (range.max === 0) return 'no effort';
  return `${weeks(range.min)}–${weeks(range.max)} person-weeks`;
}

export type Band = 'good' | 'fair' | 'poor' | 'none' | 'low';

/**
 * How a score reads at a glance, the same in every report: good from 80, fair from 50, poor below;
 * `low` when it rests on too little of its rules' weight to be read as good or poor at all.
 */
export function scoreBand(score: number | null, confidence = 100): Band {
  if (score === null) return 'none';
  if (lowConfidence(confidence)) return 'low';
  return score >= 80 ? 'good' : score >= 50 ? 'fair' : 'poor';
}

/** A category's score, in parentheses when too little of the category is known to trust it: `(100)`, `(100/100)`. */
export function categoryScoreText(category: Pick<CategoryScore, 'score' | 'confidence'>, unit = ''): string {
  if (category.score === null) return 'n/a';
  return lowConfidence(category.confidence) ? `(${category.score}${unit})` : `${category.score}${unit}`;
}

/** What a category's score rests on: "1 of 9 rules known, 4% of their weight". */
export function knownText(category: Pick<CategoryScore, 'counts' | 'confidence'>): string {
  const { known, applicable } = rulesKnown(category.counts);
  return `${known} of ${applicable} rule${applicable === 1 ? '' : 's'} known, ${category.confidence}% of their weight`;
}

/** Why a passing guard (src/score/guards.ts) adds nothing to the score; empty for any other finding. */
export function guardNote(report: Report, finding: Pick<Report['findings'][number], 'ruleId' | 'status'>): string {
  return finding.status === 'pass' && report.summary.guards.includes(finding.ruleId) ? 'No credit in the score: an empty repository passes this rule too; it counts only when it fails.' : '';
}

/** The legend every format gives for `(100)`. */
export const LOW_CONFIDENCE_NOTE = 'A score in parentheses rests on less than half of its rules’ weight: too little is known to read it as good or poor.';

/** When the repository shows no ML code: why it gets no readiness score. */
export function notMlText(report: Report): string | null {
  const ml = report.mlProject;
  return ml && !ml.detected ? `Not an ML project, so no readiness score: ${ml.evidence}. The findings still hold for its engineering.` : null;
}

/** Blockers named in the summary; the rest are counted, since the roadmap lists them all. */
const NAMED_BLOCKERS = 3;

/** What stands between the project and the next level, in one short sentence for the first page. */
export function nextLevelText(report: Report): string {
  const { level, nextLevelBlockers } = report.summary;
  if (level >= MAX_LEVEL) return 'The highest level is reached.';
  const next = `L${level + 1} ${LEVEL_NAMES[level + 1]}`;
  const named = nextLevelBlockers.slice(0, NAMED_BLOCKERS).join(', ');
  const more = nextLevelBlockers.length - NAMED_BLOCKERS;
  return `Next level, ${next}: held back by ${more > 0 ? `${nextLevelBlockers.length} rules, among them ${named}; the roadmap lists them all` : named}.`;
}

export function scoreText(score: number | null): string {
  return score === null ? 'n/a' : `${score}/100`;
}

export function levelText(report: Report): string {
  const { level, levelName, levelProvisional } = report.summary;
  return `L${level} ${levelName}${levelProvisional ? ' (provisional)' : ''}`;
}

export function categoryTitle(report: Report, id: string | null): string {
  if (id === null) return 'none';
  return report.categories.find((category) => category.id === id)?.title ?? id;
}

export function shortCommit(commit: string | null): string | null {
  return commit ? commit.slice(0, 12) : null;
}

/** The report date as YYYY-MM-DD (UTC), for headers. */
export function reportDate(report: Report): string {
  return report.generatedAt.slice(0, 10);
}

export function provisionalNote(report: Report): string | null {
  const unknowns = report.summary.levelUnknowns.length;
  if (unknowns === 0) return null;
  return `${unknowns} critical or high ${unknowns === 1 ? 'rule is' : 'rules are'} still unknown at or below this level; answering ${unknowns === 1 ? 'it' : 'them'} confirms or lowers the level.`;
}

/**
 * A path segment as a URL writes it: encodeURIComponent leaves `( ) ! ' *`, which a Markdown link
 * would end on or take for emphasis (Next.js route groups: `app/(chat)/api/route.ts`).
 */
function urlSegment(segment: string): string {
  return encodeURIComponent(segment).replace(/[()!'*]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * A path of the report (relative to the audited directory) as named from the top of its repository,
 * as web hosts and code scanning name files: auditing `services/model` of a monorepo, `Dockerfile`
 * is `services/model/Dockerfile`.
 */
export function repositoryPath(target: Report['target'], path: string): string {
  return target.directory ? posix.join(target.directory, path) : path;
}

/** A link to the evidence's file at the audited commit, on the repository's web host; null when unknown. */
export function evidenceUrl(report: Report, evidence: Evidence): string | null {
  const { url, commit } = report.target;
  if (!url || !commit || !evidence.path || report.answers.path === evidence.path) return null;
  const path = repositoryPath(report.target, evidence.path).split('/').map(urlSegment).join('/');
  const line = evidence.line && !evidence.cell ? evidence.line : null;
  if (url.startsWith('https://github.com/')) return `${url}/blob/${commit}/${path}${line ? `#L${line}` : ''}`;
  if (url.startsWith('https://gitlab.com/')) return `${url}/-/blob/${commit}/${path}${line ? `#L${line}` : ''}`;
  if (url.startsWith('https://bitbucket.org/')) return `${url}/src/${commit}/${path}${line ? `#lines-${line}` : ''}`;
  return null;
}

/** Findings the configuration waived, for the reports' waiver lists. */
export function waivedFindings(report: Report): Report['findings'] {
  return report.findings.filter((finding) => finding.status === 'waived');
}

/** "1.5 of 7", the ML Test Score as the paper writes it. */
export function mlTestScoreText(report: Report): string {
  const { score } = report.mlTestScore;
  return `${Number.isInteger(score) ? score : score.toFixed(1)} of 7`;
}

export function mlTestScoreNote(report: Report): string {
  const unknown = report.mlTestScore.unknownTests;
  return `estimated from the findings${unknown > 0 ? `; ${unknown} of 28 tests unknown and counted 0, so a lower bound` : ''}`;
}

/** Who a roadmap schedule plans with: "4 people (from roi.team-fte)"; `code` formats the question id. */
export function staffing(plan: Pick<Schedule, 'people' | 'peopleSource'>, code: (text: string) => string = (text) => text): string {
  const people = `${plan.people} ${plan.people === 1 ? 'person' : 'people'}`;
  return `${people} (${plan.peopleSource === 'answers' ? 'from' : 'assumed: answer'} ${code('roi.team-fte')})`;
}

/** Cuts a label to fit a chart, at a word boundary when one is near the limit, marking the cut with "…". */
export function fitLabel(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,.]+$/, '')}…`;
}

/** "weeks 3–5": whole weeks, rounded alike at both ends so that one phase ends where the next starts. */
export function weeksText(start: number, end: number): string {
  const from = Math.round(start / 7);
  return `weeks ${from}–${Math.max(Math.round(end / 7), from + 1)}`;
}
