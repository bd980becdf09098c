import type { Report } from '../report/types.js';
import type { RoadmapItem } from '../roadmap/plan.js';
import { schedule, scheduleWeeks } from '../roadmap/schedule.js';
import {
  categoryScoreText,
  categoryTitle,
  effortRange,
  knownText,
  levelText,
  LOW_CONFIDENCE_NOTE,
  nextLevelText,
  waivedFindings,
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
import { mdCode, mdLink, mdText } from './markdown-escape.js';
import { evidenceList, findingsSection } from './markdown-findings.js';
import { mermaidGantt } from './mermaid.js';
import { answersUsed } from './answers-used.js';
import { METHODOLOGY, SCORING_MODEL, SOURCES } from './methodology.js';
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

function headlineLine({ label, value, missing, flag }: Headline): string {
  if (value) return `- **${mdText(`${label}: ${value}`)}**${flag ? ` (${mdText(flag)})` : ''}`;
  const answer = missing.length > 0 ? `: answer ${missing.map((id) => mdCode(id)).join(', ')}` : '';
  return `- ${label}: not estimated yet${answer}`;
}

function budgetSection(report: Report): string[] {
  const { budget, timeline } = headlineFigures(report);
  return ['## Budget and timeline', '', headlineLine(budget), headlineLine(timeline), '', 'How they are computed, and from which answers: [Business case](#business-case).', ''];
}

function scoresSection(report: Report): string[] {
  // A waived column only when something is waived: most reports have none.
  const waivedColumn = report.summary.counts.waived > 0;
  return [
    '## Scores by category',
    '',
    `| Category | Score | Fail | Partial | Unknown | Pass | N/A |${waivedColumn ? ' Waived |' : ''} Known |`,
    `|---|---:|---:|---:|---:|---:|---:|${waivedColumn ? '---:|' : ''}---|`,
    ...report.categories.map((category) => {
      const c = category.counts;
      return `| ${mdText(category.title)} | ${categoryScoreText(category, '/100')} | ${c.fail} | ${c.partial} | ${c.unknown} | ${c.pass} | ${c.not_applicable} |${waivedColumn ? ` ${c.waived} |` : ''} ${knownText(category)} |`;
    }),
    '',
    ...(report.categories.some((category) => scoreBand(category.score, category.confidence) === 'low') ? [mdText(LOW_CONFIDENCE_NOTE), ''] : []),
  ];
}

function mlTestScoreSection(report: Report): string[] {
  const { mlTestScore } = report;
  return [
    '## ML Test Score (estimate)',
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

function roadmapItem(report: Report, item: RoadmapItem, index: number): string[] {
  const lines = [
    `${index}. **${mdText(item.action)}** — ${item.severity}, effort ${item.effort}, ${STATUS_LABELS[item.status]} · closes ${item.ruleIds.map((id) => mdCode(id)).join(', ')}`,
    `   - Why: ${mdText(item.why)}`,
  ];
  if (item.neededBy.length > 0) lines.push(`   - Needed first by: ${item.neededBy.map((id) => mdCode(id)).join(', ')}`);
  if (item.requires.length > 0) {
    lines.push(`   - After: ${item.requires.map((r) => `${mdCode(r.ruleId)} (${STATUS_LABELS[r.status]})`).join(', ')}`);
  }
  lines.push('   - Evidence:', ...evidenceList(report, item.evidence, '     '));
  lines.push('   - Steps:', ...item.steps.map((step) => `     - ${mdText(step)}`));
  return lines;
}

/** The Gantt chart and what it assumes: how many people, how long each item takes. */
function roadmapChart(report: Report): string[] {
  const plan = schedule(report.roadmap, report.business.team.fte);
  return [
    ...mermaidGantt(plan, `Roadmap for ${report.target.name}`, reportDate(report)),
    '',
    `Planned with ${staffing(plan, mdCode)}, each item at the middle of its effort range; phases run one after another, ` +
      `and an item starts once its prerequisites (listed under it below) are done. About ${scheduleWeeks(plan)} weeks in total; critical items are highlighted.`,
    '',
  ];
}

function roadmapSection(report: Report): string[] {
  const { phases, effortWeeks } = report.roadmap;
  if (phases.length === 0) return ['## Roadmap', '', 'Nothing is failing. Answer the open questions below to confirm the result.', ''];
  const count = phases.reduce((n, phase) => n + phase.items.length, 0);
  return [
    '## Roadmap',
    '',
    `${count} items, ${effortRange(effortWeeks)} in total. Within each phase, prerequisites come first, then the most impact for the effort.`,
    '',
    ...roadmapChart(report),
    ...phases.flatMap((phase) => [
      `### ${mdText(phase.title)} (${effortRange(phase.effortWeeks)})`,
      '',
      `_${mdText(phase.goal)}_`,
      '',
      ...phase.items.flatMap((item, i) => roadmapItem(report, item, i + 1)),
      '',
    ]),
  ];
}

function questionsSection(report: Report): string[] {
  if (report.questions.length === 0) return [];
  return [
    '## Questions to answer',
    '',
    'These rules stay unknown until the questionnaire is answered. Most consequential first.',
    '',
    '| Question | Id | Settles |',
    '|---|---|---|',
    ...report.questions.map((question) => `| ${mdText(question.text)} | ${mdCode(question.id, true)} | ${question.ruleIds.map((id) => mdCode(id, true)).join(' ')} |`),
    '',
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
  const { scan } = report;
  return [
    `- Scanned ${scan.files} files${scan.notebooks ? ` (${scan.notebooks} notebooks)` : ''}; ${scan.skippedDirectories} directories skipped (dependencies, virtualenvs, caches, .gitignore); ${scan.skippedSymlinks} symbolic links not followed; ${scan.unreadFiles} files too large or binary to read.${scan.truncated ? ' **The file limit was reached: the scan is incomplete.**' : ''}`,
    `- Git history: ${scan.git ? 'read' : 'not available'}.`,
  ];
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
    ...nextQuestionsSection(report),
  ];
}

/** The full report in GitHub-flavoured Markdown: the first screen, the roadmap, every finding, then the appendix. */
export function renderMarkdown(report: Report): string {
  return [
    ...headerSection(report),
    ...summarySection(report),
    ...gatesSection(report),
    ...topRisksSection(report),
    ...budgetSection(report),
    ...scoresSection(report),
    ...mlTestScoreSection(report),
    ...roadmapSection(report),
    ...conflictsSection(report),
    ...businessSections(report),
    ...questionsSection(report),
    ...findingsSection(report),
    ...waiversSection(report),
    ...appendixSection(report),
  ].join('\n');
}
