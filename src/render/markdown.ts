import type { Report } from '../report/types.js';
import type { RoadmapItem } from '../roadmap/plan.js';
import { schedule, scheduleWeeks, type Schedule } from '../roadmap/schedule.js';
import {
  categoryScoreText,
  categoryTitle,
  effortRange,
  knownText,
  levelText,
  LOW_CONFIDENCE_NOTE,
  nextLevelText,
  notMlText,
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
} from './format.js';
import { businessSections, conflictsSection, nextQuestionsSection } from './business-markdown.js';
import { counted } from '../util/plural.js';
import { mdCode, mdLink, mdText } from './markdown-escape.js';
import { folded, mdInline } from './markdown-fold.js';
import type { Detail } from './index.js';
import { evidenceList, findingsSection, searchedSection } from './markdown-findings.js';
import { mermaidGantt } from './mermaid.js';
import { answersUsed } from './answers-used.js';
import { METHODOLOGY, SCORING_MODEL, SOURCES } from './methodology.js';
import { scanSummary } from './scan-summary.js';
import { coverLine, headlineFigures, profileLine, reportTitle, topRisks, type Headline } from './overview.js';

/** Ends a message with a full stop unless it already ends a sentence. */
function sentence(text: string): string {
  const trimmed = text.trim();
  return `${mdText(trimmed)}${/[.!?]$/.test(trimmed) ? '' : '.'}`;
}

function headerSection(report: Report): string[] {
  const commit = shortCommit(report.target.commit);
  const cover = coverLine(report);
  const profile = profileLine(report);
  return [
    `# ${mdText(reportTitle(report))}`,
    '',
    ...(cover ? [mdText(cover), ''] : []),
    ...(profile ? [mdText(profile), ''] : []),
    `Audited ${reportDate(report)} by scale-audit ${report.tool.version}` +
      `${commit ? ` at commit ${mdCode(commit)}` : ''} · ruleset ${mdCode(report.ruleset.digest)} (${report.ruleset.rules} rules)` +
      ` · answers: ${report.answers.path ? `${mdCode(report.answers.path)} (${report.answers.answered} of ${report.answers.questions})` : 'none'}`,
    '',
  ];
}

function summarySection(report: Report): string[] {
  const { summary } = report;
  const note = provisionalNote(report);
  return [
    '| Readiness | Maturity level | Confidence | Weakest area | ML Test Score (estimate) |',
    '|---|---|---|---|---|',
    `| **${scoreText(summary.score)}** | ${mdText(levelText(report))} | ${summary.confidence}% | ${mdText(categoryTitle(report, summary.weakestCategory))} | ${mlTestScoreText(report)} |`,
    '',
    ...(notMlText(report) ? [`**${mdText(notMlText(report)!)}**`, ''] : []),
    mdText(nextLevelText(report)),
    '',
    ...(note ? [`> ${mdText(note)}`, ''] : []),
  ];
}

function gatesSection(report: Report): string[] {
  if (report.gates.length === 0) return [];
  const failed = report.gates.filter((result) => !result.passed).length;
  const lines = [
    `**Gates: ${failed === 0 ? 'all passed' : `${failed} of ${report.gates.length} failed`}**`,
    '',
    '| Gate | Result | Detail | Set by |',
    '|---|---|---|---|',
    ...report.gates.map((result) => `| ${mdCode(result.gate, true)} | ${result.passed ? '✓ passed' : '✗ failed'} | ${mdText(result.message)} | ${mdText(result.source)} |`),
    '',
  ];
  if (report.baseline?.improvements.length) {
    lines.push(`Better than the baseline (${mdText(report.baseline.improvements.join('; '))}): tighten it with \`--write-baseline\`.`, '');
  }
  return lines;
}

/** The open gaps that matter most, each with the roadmap phase that closes it. */
function topRisksSection(report: Report): string[] {
  const risks = topRisks(report);
  if (risks.length === 0) return ['## Top risks', '', 'No rule fails. Answer the open questions to confirm the result.', ''];
  return [
    '## Top risks',
    '',
    ...risks.map(({ finding, phase }, i) => {
      const fixedIn = phase ? ` Fixed in: ${mdText(phase)}.` : '';
      return `${i + 1}. **${finding.severity}** · ${STATUS_SYMBOLS[finding.status]} ${STATUS_LABELS[finding.status]} · ${mdText(finding.title)} ${mdCode(finding.ruleId)}: ${sentence(finding.message)}${fixedIn}`;
    }),
    '',
  ];
}

function headlineLine({ label, value, missing, flag, settled }: Headline): string {
  if (value) return `- **${mdText(`${label}: ${value}`)}**${flag ? ` (${mdText(flag)})` : ''}`;
  if (settled) return `- ${mdText(`${label}: none (${settled})`)}`;
  const answer = missing.length > 0 ? `: answer ${missing.map((id) => mdCode(id)).join(', ')}` : '';
  return `- ${label}: not estimated yet${answer}`;
}

function budgetSection(report: Report): string[] {
  const { budget, timeline } = headlineFigures(report);
  return ['## Budget and timeline', '', headlineLine(budget), headlineLine(timeline), '', 'How they are computed, and from which answers: under Business case below.', ''];
}

function scoresTable(report: Report): string[] {
  // A waived column only when something is waived: most reports have none.
  const waivedColumn = report.summary.counts.waived > 0;
  return [
    `| Category | Score | Fail | Partial | Unknown | Pass | N/A |${waivedColumn ? ' Waived |' : ''} Known |`,
    `|---|---:|---:|---:|---:|---:|---:|${waivedColumn ? '---:|' : ''}---|`,
    ...report.categories.map((category) => {
      const c = category.counts;
      return `| ${mdText(category.title)} | ${categoryScoreText(category, '/100')} | ${c.fail} | ${c.partial} | ${c.unknown} | ${c.pass} | ${c.not_applicable} |${waivedColumn ? ` ${c.waived} |` : ''} ${knownText(category)} |`;
    }),
    '',
  ];
}

/** Each category's score in one line, the table of results folded below it. */
function scoresSection(report: Report, full: boolean): string[] {
  const scores = report.categories.map((category) => `${mdText(category.title)} ${categoryScoreText(category, '/100')}`).join(' · ');
  const note = report.categories.some((category) => scoreBand(category.score, category.confidence) === 'low') ? [mdText(LOW_CONFIDENCE_NOTE), ''] : [];
  return ['## Scores by category', '', `${scores}.`, '', ...note, ...folded('Results by category', [...scoresTable(report), ...(full ? mlTestScoreSection(report) : [])])];
}

function mlTestScoreSection(report: Report): string[] {
  const { mlTestScore } = report;
  return [
    '### ML Test Score (estimate)',
    '',
    `**${mlTestScoreText(report)}**: ${mdText(mlTestScore.meaning)}. The score of Breck et al. (2017): each of 28 tests scores 1 when automated and repeated, 0.5 when done by hand, 0 otherwise; the final score is the lowest of the four section sums. Here it is ${mdText(mlTestScoreNote(report))}.`,
    '',
    '| Section | Score | Tests |',
    '|---|---:|---|',
    ...mlTestScore.sections.map((section) => {
      const tests = section.tests.map((test) => `${test.id} ${test.score === null ? '?' : test.score}`).join(' · ');
      return `| ${mdText(section.title)} | ${section.score} of 7 | ${tests} |`;
    }),
    '',
  ];
}

function roadmapItem(report: Report, item: RoadmapItem, index: number, full: boolean): string[] {
  const head = `${index}. **${mdInline(item.action)}** — ${item.severity}, effort ${item.effort}, ${STATUS_LABELS[item.status]}`;
  if (!full) return [head];
  const lines = [`${head} · closes ${item.ruleIds.map((id) => mdCode(id)).join(', ')}`, `   - Why: ${mdInline(item.why)}`];
  if (item.neededBy.length > 0) lines.push(`   - Needed first by: ${item.neededBy.map((id) => mdCode(id)).join(', ')}`);
  if (item.requires.length > 0) {
    lines.push(`   - After: ${item.requires.map((r) => `${mdCode(r.ruleId)} (${STATUS_LABELS[r.status]})`).join(', ')}`);
  }
  lines.push('   - Evidence:', ...evidenceList(report, item.evidence, '     '));
  lines.push('   - Steps:', ...item.steps.map((step) => `     - ${mdInline(step)}`));
  return lines;
}

/** The Gantt chart and what it assumes: how many people, how long each item takes. */
function roadmapChart(report: Report, plan: Schedule): string[] {
  return [
    ...mermaidGantt(plan, `Roadmap for ${report.target.name}`, reportDate(report)),
    '',
    `Planned with ${staffing(plan, mdCode)}, each item at the middle of its effort range; phases run one after another, ` +
      `and an item starts once its prerequisites are done. About ${scheduleWeeks(plan)} weeks in total; critical items are highlighted.`,
    '',
  ];
}

/** The phases in plain view, one line each; the chart and the items folded below. */
function roadmapSection(report: Report, full: boolean): string[] {
  const { phases, effortWeeks } = report.roadmap;
  if (phases.length === 0) return ['## Roadmap', '', 'Nothing is failing. Answer the open questions below to confirm the result.', ''];
  const plan = schedule(report.roadmap, report.business.team.fte);
  const count = phases.reduce((n, phase) => n + phase.items.length, 0);
  let number = 0;
  return [
    '## Roadmap',
    '',
    `${counted(count, 'item')}, ${effortRange(effortWeeks)} in total, about ${scheduleWeeks(plan)} weeks with ${staffing(plan, mdCode)}:`,
    '',
    ...phases.map((phase, i) => {
      const span = plan.phases[i]!;
      return `- **${mdText(phase.title)}**, ${weeksText(span.start, span.end)}: ${counted(phase.items.length, 'item')}, ${effortRange(phase.effortWeeks)}`;
    }),
    '',
    ...folded(`The ${counted(count, 'item')}, phase by phase`, [
      'Within each phase, prerequisites come first, then the most impact for the effort.',
      '',
      ...roadmapChart(report, plan),
      ...phases.flatMap((phase) => [
        `### ${mdText(phase.title)} (${effortRange(phase.effortWeeks)})`,
        '',
        `_${mdText(phase.goal)}_`,
        '',
        ...phase.items.flatMap((item) => roadmapItem(report, item, ++number, full)),
        '',
      ]),
    ]),
  ];
}

function questionsSection(report: Report, full: boolean): string[] {
  if (report.questions.length === 0) return [];
  const table = full
    ? ['| Question | Id | Settles |', '|---|---|---|', ...report.questions.map((question) => `| ${mdText(question.text)} | ${mdCode(question.id, true)} | ${question.ruleIds.map((id) => mdCode(id, true)).join(' ')} |`)]
    : ['| Question | Id |', '|---|---|', ...report.questions.map((question) => `| ${mdText(question.text)} | ${mdCode(question.id, true)} |`)];
  return [
    '## Questions to answer',
    '',
    `${counted(report.questions.length, 'unanswered question')} leave rules unknown or partly done; \`scale-audit init\` asks them in a terminal. Most consequential first.`,
    '',
    ...folded(`The ${counted(report.questions.length, 'question')}`, [...table, '']),
  ];
}

function waiversSection(report: Report): string[] {
  const waived = waivedFindings(report);
  const { expiredWaivers, unusedWaivers } = report.config;
  if (waived.length + expiredWaivers.length + unusedWaivers.length === 0) return [];
  const lines = ['## Waivers', ''];
  if (waived.length > 0) {
    lines.push('Accepted risks: left out of scores and gates until they expire.', '', '| Rule | Would be | Until | Owner | Reason |', '|---|---|---|---|---|');
    for (const finding of waived) {
      const waiver = finding.waiver!;
      lines.push(`| ${mdCode(finding.ruleId, true)} | ${STATUS_LABELS[waiver.status]} | ${waiver.expires} | ${mdText(waiver.owner ?? '')} | ${mdText(waiver.reason)} |`);
    }
    lines.push('');
  }
  for (const waiver of expiredWaivers) lines.push(`- **Expired** on ${waiver.expires}, no longer counts: ${mdCode(waiver.rule)} (${mdCode(`${waiver.file}:${waiver.line}`)}) ${mdText(waiver.reason)}`);
  for (const waiver of unusedWaivers) lines.push(`- **Unused** (nothing to waive; remove it): ${mdCode(waiver.rule)} (${mdCode(`${waiver.file}:${waiver.line}`)})`);
  return [...lines, ''];
}

function scanLines(report: Report): string[] {
  return [`- ${mdText(scanSummary(report.scan))}${report.scan.truncated ? ' **The file limit was reached: the scan is incomplete.**' : ''}`];
}

function warningsSection(report: Report): string[] {
  if (report.warnings.length === 0) return [];
  const where = (path: string, line?: number) => `${mdCode(`${path}${line ? `:${line}` : ''}`)} `;
  return ['### Scan warnings', '', ...report.warnings.map((warning) => `- ${warning.path ? where(warning.path, warning.line) : ''}${mdText(warning.message)}`), ''];
}

function answersUsedSection(report: Report): string[] {
  const used = answersUsed(report);
  if (used.length === 0) return ['### Answers used', '', report.answers.path ? 'No answer was used.' : 'No answers file was given: rules that need one are unknown.', ''];
  return [
    '### Answers used',
    '',
    '| Answer | Where | Used by |',
    '|---|---|---|',
    ...used.map((answer) => `| ${mdText(answer.detail)} | ${mdCode(answer.where, true)} | ${answer.rules.map((id) => mdCode(id, true)).join(' ')} |`),
    '',
  ];
}

/** How the audit works and what it rests on: for the reader who wants to check the verdicts. */
function appendixSection(report: Report): string[] {
  const bullets = (lines: readonly string[]) => lines.map((line) => `- ${mdText(line)}`);
  return [
    '## Appendix',
    '',
    ...folded('Answers used, scoring model, methodology, sources', [
    ...answersUsedSection(report),
    '### About this audit',
    '',
    ...scanLines(report),
    '',
    '### Scoring model',
    '',
    ...bullets(SCORING_MODEL),
    '',
    '### Methodology',
    '',
    ...bullets(METHODOLOGY),
    '',
    '### Sources',
    '',
    ...SOURCES.map((source) => `- ${mdLink(mdText(source.title), source.url)}, ${mdText(source.by)}.`),
    '',
    ...warningsSection(report),
    ]),
    ...nextQuestionsSection(report),
  ];
}

const FULL_REPORT_NOTE =
  '_This is the executive report. The full report adds every finding with its evidence and fix, the ML Test Score by test, the waivers and the appendix: ' +
  '`scale-audit render report.json --format md --detail full`, or audit with `--detail full`._';

/**
 * The report in GitHub-flavoured Markdown: what a reader takes in within a minute in plain view
 * (verdict, top risks, budget, the roadmap's phases), the rest folded in `<details>`. `full` adds
 * every finding, the conflicts, waivers and the appendix.
 */
export function renderMarkdown(report: Report, options: { detail: Detail } = { detail: 'executive' }): string {
  const full = options.detail === 'full';
  return [
    ...headerSection(report),
    ...summarySection(report),
    ...gatesSection(report),
    ...topRisksSection(report),
    ...budgetSection(report),
    ...roadmapSection(report, full),
    ...scoresSection(report, full),
    '## Business case',
    '',
    ...folded('Budget, payback, team and skills, regulation', businessSections(report)),
    ...questionsSection(report, full),
    ...(full ? [...conflictsSection(report), ...findingsSection(report), ...searchedSection(report), ...waiversSection(report), ...appendixSection(report)] : [FULL_REPORT_NOTE, '']),
  ].join('\n');
}
