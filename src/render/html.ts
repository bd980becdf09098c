import type { Evidence, Status } from '../rules/finding.js';
import { schedule, scheduleWeeks, type Schedule } from '../roadmap/schedule.js';
import { LEVEL_NAMES, SEVERITY_WEIGHTS } from '../score/score.js';
import type { Report, ReportFinding } from '../report/types.js';
import { businessHtmlView, findingNotesView } from './business-html.js';
import {
  categoryScoreText,
  categoryTitle,
  effortRange,
  evidenceUrl,
  guardNote,
  knownText,
  levelText,
  LOW_CONFIDENCE_NOTE,
  nextLevelText,
  notMlText,
  location,
  waivedFindings,
  weeksText,
  mlTestScoreNote,
  mlTestScoreText,
  provisionalNote,
  reportDate,
  scoreBand,
  scoreText,
  shortCommit,
  staffing,
  STATUS_LABELS,
  STATUS_SYMBOLS,
  type Band,
} from './format.js';
import type { Detail, Renderer, RenderOptions } from './index.js';
import { answersUsed } from './answers-used.js';
import { categoryChart, roadmapTimeline } from './html-charts.js';
import type { Logo } from './logo.js';
import { METHODOLOGY, SCORING_MODEL, SOURCES } from './methodology.js';
import { headlineFigures, profileText, reportTitle, topRisks } from './overview.js';
import { pageTemplate, type PageTemplate } from './page-template.js';
import { scanSummary } from './scan-summary.js';
import { noteNumber, searchedNotes } from './searched-notes.js';

/*
 * The template only places values; all wording and arithmetic happen here, once, for every
 * renderer alike. Every value reaches the page through Handlebars' `{{ }}`, which escapes HTML:
 * the template must never use the unescaped `{{{ }}}` form.
 */
let builtIn: Promise<PageTemplate> | undefined;
/** The built-in page, compiled once a run first renders one (not when the module loads: the bundle has no top-level await). */
const builtInPage = () => (builtIn ??= pageTemplate('report.html.hbs'));

function evidenceView(report: Report, evidence: Evidence) {
  return { kind: evidence.kind, where: location(evidence), url: evidenceUrl(report, evidence) ?? '', detail: evidence.detail, note: noteNumber(report, evidence) ?? '' };
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
    guardNote: guardNote(report, finding),
    why: finding.why,
    detection: finding.detection,
    evidence: finding.evidence.map((evidence) => evidenceView(report, evidence)),
    /** A gap: shown unfolded, with its fix. */
    showFix: finding.status === 'fail' || finding.status === 'partial',
    fix: finding.remediation,
    references: finding.references,
    notes: findingNotesView(finding),
  };
}

const UNFOLDED: ReadonlySet<Status> = new Set(['fail', 'partial', 'unknown', 'waived']);
const STATUS_ORDER: Status[] = ['fail', 'partial', 'unknown', 'waived', 'pass', 'not_applicable'];

function byUrgency(a: ReportFinding, b: ReportFinding): number {
  return STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status) || SEVERITY_WEIGHTS[b.severity] - SEVERITY_WEIGHTS[a.severity];
}

function countsText(findings: readonly ReportFinding[]): string {
  const passed = findings.filter((finding) => finding.status === 'pass').length;
  const notApplicable = findings.length - passed;
  return [passed ? `${passed} passed` : '', notApplicable ? `${notApplicable} not applicable` : ''].filter(Boolean).join(', ');
}

function categoriesView(report: Report) {
  return report.categories.map((category) => {
    const findings = report.findings.filter((finding) => finding.category === category.id).sort(byUrgency);
    const folded = findings.filter((finding) => !UNFOLDED.has(finding.status));
    return {
      ...category,
      scoreText: categoryScoreText(category),
      band: scoreBand(category.score, category.confidence),
      known: knownText(category),
      open: findings.filter((finding) => UNFOLDED.has(finding.status)).map((finding) => findingView(report, finding)),
      folded: folded.map((finding) => findingView(report, finding)),
      foldedText: countsText(folded),
    };
  });
}

/** The band in words, so that colour is never the only signal. */
const BAND_TEXT: Record<Band, string> = { good: 'good: 80 or more', fair: 'fair: 50 to 79', poor: 'poor: below 50', none: 'nothing known to score', low: 'too little known to judge' };

function overviewView(report: Report) {
  const { summary } = report;
  const { budget, timeline } = headlineFigures(report);
  const weakest = report.categories.find((category) => category.id === summary.weakestCategory);
  return {
    score: scoreText(summary.score),
    scoreBand: scoreBand(summary.score),
    bandText: BAND_TEXT[scoreBand(summary.score)],
    level: levelText(report),
    levelNumber: summary.level,
    ladder: LEVEL_NAMES.map((name, level) => ({ level, name, reached: level <= summary.level, current: level === summary.level })),
    provisionalNote: provisionalNote(report) ?? '',
    nextLevel: nextLevelText(report),
    notMl: notMlText(report) ?? '',
    confidence: summary.confidence,
    weakest: categoryTitle(report, summary.weakestCategory),
    weakestScore: weakest ? `${scoreText(weakest.score)}, ${weakest.confidence}% known` : '',
    budget: { ...budget, value: budget.value ?? '' },
    timeline: { ...timeline, value: timeline.value ?? '' },
    risks: topRisks(report).map(({ finding, phase }) => ({ ...findingView(report, finding), phase })),
  };
}

function chartsView(report: Report, plan: Schedule, full: boolean) {
  return {
    categories: categoryChart(report),
    roadmap: roadmapTimeline(plan, full),
    roadmapCaption:
      `About ${scheduleWeeks(plan)} weeks with ${staffing(plan)}, each item at the middle of its effort range; ` +
      `a phase starts when the one before it ends${full ? ', and an item waits for the items it comes after' : ''}. ` +
      'The chart runs to the last phase; the timeline figure counts only the work up to the target level.',
  };
}

/** The executive report lists this many items of each phase, and this many questions; the full report all of them. */
export const EXECUTIVE_ITEMS_PER_PHASE = 6;
export const EXECUTIVE_QUESTIONS = 8;

function roadmapView(report: Report, plan: Schedule, full: boolean) {
  let number = 0;
  const numbers = new Map<string, number>();
  for (const phase of report.roadmap.phases) for (const item of phase.items) numbers.set(item.ruleIds[0]!, ++number);
  return {
    total: effortRange(report.roadmap.effortWeeks),
    itemCount: number,
    phases: report.roadmap.phases.map((phase, phaseIndex) => {
      const shown = full ? phase.items : phase.items.slice(0, EXECUTIVE_ITEMS_PER_PHASE);
      const span = plan.phases[phaseIndex]!;
      return {
        ...phase,
        effort: effortRange(phase.effortWeeks),
        when: weeksText(span.start, span.end),
        count: phase.items.length,
        more: phase.items.length - shown.length,
        items: shown.map((item) => ({
          ...item,
          number: numbers.get(item.ruleIds[0]!)!,
          statusLabel: STATUS_LABELS[item.status],
          requiresText: item.requires.map((r) => `${r.ruleId} (${STATUS_LABELS[r.status]})`).join(', '),
          evidence: item.evidence.map((evidence) => evidenceView(report, evidence)),
        })),
      };
    }),
  };
}

/**
 * What the templates see. Besides these prepared fields, `report` is the Report itself
 * (schemas/report.schema.json) for custom templates that want something the built-in ones do not show.
 */
export function htmlView(report: Report, logo: Logo | null = null, detail: Detail = 'executive') {
  const { summary } = report;
  const full = detail === 'full';
  const plan = schedule(report.roadmap, report.business.team.fte);
  return {
    report,
    detail,
    full,
    title: reportTitle(report),
    client: report.cover.client ?? '',
    author: report.cover.author ?? '',
    profile: profileText(report),
    logo: logo?.dataUri ?? '',
    target: report.target.name,
    date: reportDate(report),
    version: report.tool.version,
    commit: shortCommit(report.target.commit) ?? '',
    branch: report.target.branch ?? '',
    ruleset: report.ruleset,
    answersLine: report.answers.path ? `${report.answers.path} (${report.answers.answered} of ${report.answers.questions} answered)` : 'none given',
    overview: overviewView(report),
    charts: chartsView(report, plan, full),
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
    categories: categoriesView(report),
    lowConfidenceNote: report.categories.some((category) => scoreBand(category.score, category.confidence) === 'low') ? LOW_CONFIDENCE_NOTE : '',
    roadmap: roadmapView(report, plan, full),
    questions: full ? report.questions : report.questions.slice(0, EXECUTIVE_QUESTIONS),
    moreQuestions: full ? 0 : Math.max(0, report.questions.length - EXECUTIVE_QUESTIONS),
    questionCount: report.questions.length,
    gates: report.gates,
    gatesFailed: report.gates.filter((result) => !result.passed).length,
    baselineImprovements: report.baseline?.improvements.join('; ') ?? '',
    waived: waivedFindings(report).map((finding) => ({ id: finding.ruleId, ...finding.waiver!, owner: finding.waiver!.owner ?? '', wouldBe: STATUS_LABELS[finding.waiver!.status] })),
    expiredWaivers: report.config.expiredWaivers,
    unusedWaivers: report.config.unusedWaivers,
    hasWaivers: report.findings.some((finding) => finding.status === 'waived') || report.config.expiredWaivers.length + report.config.unusedWaivers.length > 0,
    ...businessHtmlView(report),
    appendix: { answersUsed: answersUsed(report), searched: searchedNotes(report), scoringModel: SCORING_MODEL, methodology: METHODOLOGY, sources: SOURCES },
    scan: { ...report.scan, summary: scanSummary(report.scan) },
    warnings: report.warnings.map((warning) => ({ where: warning.path ? `${warning.path}${warning.line ? `:${warning.line}` : ''}` : '', message: warning.message })),
  };
}

/**
 * The HTML renderer, with the built-in templates or those of `--template-dir`: one self-contained
 * HTML file, inline CSS, no script, and a policy that forbids any request.
 */
export async function htmlRenderer(templateDir: string | null): Promise<Renderer> {
  const template = templateDir ? await pageTemplate('report.html.hbs', templateDir) : await builtInPage();
  return (report, options) => template(htmlView(report, options.logo, options.detail));
}
