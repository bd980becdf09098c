import type { Evidence } from '../rules/finding.js';
import type { Report, ReportFinding } from '../report/types.js';
import { businessHtmlView, findingNotesView } from './business-html.js';
import {
  categoryTitle,
  effortRange,
  evidenceUrl,
  levelText,
  location,
  waivedFindings,
  mlTestScoreNote,
  mlTestScoreText,
  provisionalNote,
  reportDate,
  scoreBand,
  scoreText,
  shortCommit,
  STATUS_LABELS,
  STATUS_SYMBOLS,
} from './format.js';
import type { Renderer, RenderOptions } from './index.js';
import type { Logo } from './logo.js';
import { pageTemplate } from './page-template.js';

/*
 * The template only places values; all wording and arithmetic happen here, once, for every
 * renderer alike. Every value reaches the page through Handlebars' `{{ }}`, which escapes HTML:
 * the template must never use the unescaped `{{{ }}}` form.
 */
const builtIn = await pageTemplate('report.html.hbs');

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
    notes: findingNotesView(finding),
  };
}

export function htmlView(report: Report, logo: Logo | null = null) {
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
    scoreBand: scoreBand(summary.score),
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
      band: scoreBand(category.score),
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
    gates: report.gates,
    gatesFailed: report.gates.filter((result) => !result.passed).length,
    baselineImprovements: report.baseline?.improvements.join('; ') ?? '',
    waived: waivedFindings(report).map((finding) => ({ id: finding.ruleId, ...finding.waiver!, wouldBe: STATUS_LABELS[finding.waiver!.status] })),
    expiredWaivers: report.config.expiredWaivers,
    unusedWaivers: report.config.unusedWaivers,
    hasWaivers: report.findings.some((finding) => finding.status === 'waived') || report.config.expiredWaivers.length + report.config.unusedWaivers.length > 0,
    ...businessHtmlView(report),
    scan: report.scan,
    warnings: report.warnings.map((warning) => ({ where: warning.path ? `${warning.path}${warning.line ? `:${warning.line}` : ''}` : '', message: warning.message })),
  };
}

/** One self-contained HTML file: inline CSS, no script, and a policy that forbids any request. */
export function renderHtml(report: Report, options: Pick<RenderOptions, 'logo'> = { logo: null }): string {
  return builtIn(htmlView(report, options.logo));
}

/** The HTML renderer, with the built-in templates or those of `--template-dir`. */
export async function htmlRenderer(templateDir: string | null): Promise<Renderer> {
  const template = templateDir ? await pageTemplate('report.html.hbs', templateDir) : builtIn;
  return (report, options) => template(htmlView(report, options.logo));
}
