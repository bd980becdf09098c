import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import type { Evidence } from '../rules/finding.js';
import type { Report, ReportFinding } from '../report/types.js';
import { PACKAGE_ROOT } from '../util/package-root.js';
import {
  categoryTitle,
  effortRange,
  evidenceUrl,
  levelText,
  location,
  mlTestScoreNote,
  mlTestScoreText,
  provisionalNote,
  reportDate,
  scoreText,
  shortCommit,
  STATUS_LABELS,
  STATUS_SYMBOLS,
} from './format.js';

/*
 * The template only places values; all wording and arithmetic happen here, once, for every
 * renderer alike. Every value reaches the page through Handlebars' `{{ }}`, which escapes HTML:
 * the template must never use the unescaped `{{{ }}}` form.
 */
const handlebars = Handlebars.create();
const template = handlebars.compile(await readFile(join(PACKAGE_ROOT, 'templates', 'report.html.hbs'), 'utf8'), { strict: true });

function band(score: number | null): string {
  if (score === null) return 'none';
  return score >= 80 ? 'good' : score >= 50 ? 'fair' : 'poor';
}

function evidenceView(report: Report, evidence: Evidence) {
  return { kind: evidence.kind, where: location(evidence), url: evidenceUrl(report, evidence) ?? '', detail: evidence.detail };
}

function findingView(report: Report, finding: ReportFinding) {
  return {
    id: finding.ruleId,
    title: finding.title,
    status: finding.status,
    statusLabel: STATUS_LABELS[finding.status],
    symbol: STATUS_SYMBOLS[finding.status],
    severity: finding.severity,
    level: finding.level,
    message: finding.message,
    why: finding.why,
    detection: finding.detection,
    evidence: finding.evidence.map((evidence) => evidenceView(report, evidence)),
    showFix: finding.status === 'fail' || finding.status === 'partial',
    fix: finding.remediation,
    references: finding.references,
    open: finding.status === 'fail' || finding.status === 'partial',
  };
}

export function htmlView(report: Report) {
  const { summary } = report;
  return {
    title: `Production readiness: ${report.target.name}`,
    target: report.target.name,
    date: reportDate(report),
    version: report.tool.version,
    commit: shortCommit(report.target.commit) ?? '',
    branch: report.target.branch ?? '',
    ruleset: report.ruleset,
    answersLine: report.answers.path ? `${report.answers.path} (${report.answers.answered} of ${report.answers.questions} answered)` : 'none given',
    score: scoreText(summary.score),
    scoreBand: band(summary.score),
    level: levelText(report),
    levelNumber: summary.level,
    ladder: [0, 1, 2, 3, 4].map((level) => ({ level, reached: level <= summary.level, current: level === summary.level })),
    provisionalNote: provisionalNote(report) ?? '',
    confidence: summary.confidence,
    weakest: categoryTitle(report, summary.weakestCategory),
    mlTestScore: {
      ...report.mlTestScore,
      text: mlTestScoreText(report),
      note: mlTestScoreNote(report),
      sections: report.mlTestScore.sections.map((section) => ({
        ...section,
        tests: section.tests.map((test) => ({ ...test, scoreText: test.score === null ? '?' : String(test.score) })),
      })),
    },
    counts: summary.counts,
    categories: report.categories.map((category) => ({
      ...category,
      scoreText: category.score === null ? 'n/a' : String(category.score),
      width: category.score ?? 0,
      band: band(category.score),
      findings: report.findings.filter((finding) => finding.category === category.id).map((finding) => findingView(report, finding)),
    })),
    roadmap: {
      total: effortRange(report.roadmap.effortWeeks),
      itemCount: report.roadmap.phases.reduce((n, phase) => n + phase.items.length, 0),
      phases: report.roadmap.phases.map((phase) => ({
        ...phase,
        effort: effortRange(phase.effortWeeks),
        items: phase.items.map((item) => ({
          ...item,
          statusLabel: STATUS_LABELS[item.status],
          requiresText: item.requires.map((r) => `${r.ruleId} (${STATUS_LABELS[r.status]})`).join(', '),
          evidence: item.evidence.map((evidence) => evidenceView(report, evidence)),
        })),
      })),
    },
    questions: report.questions,
    scan: report.scan,
    warnings: report.warnings.map((warning) => ({ where: warning.path ? `${warning.path}${warning.line ? `:${warning.line}` : ''}` : '', message: warning.message })),
  };
}

/** One self-contained HTML file: inline CSS, no script, and a policy that forbids any request. */
export function renderHtml(report: Report): string {
  return template(htmlView(report));
}
