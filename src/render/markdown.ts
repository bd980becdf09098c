import type { Evidence } from '../rules/finding.js';
import type { Report, ReportFinding } from '../report/types.js';
import type { RoadmapItem } from '../roadmap/plan.js';
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
  scoreText,
  shortCommit,
  STATUS_LABELS,
  STATUS_SYMBOLS,
} from './format.js';
import { businessSections, conflictsSection, findingNotes, nextQuestionsSection } from './business-markdown.js';
import { mdCode, mdLink, mdText } from './markdown-escape.js';

function evidenceLine(report: Report, evidence: Evidence): string {
  const where = location(evidence);
  const url = evidenceUrl(report, evidence);
  const place = where ? `${url ? mdLink(mdCode(where), url) : mdCode(where)} ` : '';
  return `${place}${mdText(evidence.detail)}`;
}

function evidenceList(report: Report, evidence: readonly Evidence[], indent: string): string[] {
  return evidence.map((item) => `${indent}- ${evidenceLine(report, item)}`);
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

function findingRow(finding: ReportFinding): string {
  return `| ${STATUS_SYMBOLS[finding.status]} ${STATUS_LABELS[finding.status]} | ${mdText(finding.title)} ${mdCode(finding.ruleId, true)} | ${finding.severity} | L${finding.level} | ${mdText(finding.message)} |`;
}

function findingDetails(report: Report, finding: ReportFinding): string[] {
  return [
    '<details>',
    `<summary>${mdText(finding.ruleId)}: ${mdText(finding.title)}</summary>`,
    '',
    `**Result:** ${STATUS_LABELS[finding.status]}. ${mdText(finding.message)}`,
    '',
    `**Why it matters:** ${mdText(finding.why)}`,
    '',
    `**How it is detected:** ${mdText(finding.detection)}`,
    '',
    '**Evidence:**',
    '',
    ...evidenceList(report, finding.evidence, ''),
    '',
    ...findingNotes(finding, (evidence) => evidenceLine(report, evidence)),
    ...(finding.status === 'pass' || finding.status === 'not_applicable' || finding.status === 'waived'
      ? []
      : [`**Fix (effort ${finding.remediation.effort}):** ${mdText(finding.remediation.summary)}`, '', ...finding.remediation.steps.map((step) => `- ${mdText(step)}`), '']),
    ...(finding.references.length > 0 ? [`**References:** ${finding.references.map(mdText).join(' · ')}`, ''] : []),
    '</details>',
    '',
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

function mlTestScoreSection(report: Report): string[] {
  const { mlTestScore } = report;
  const lines = [
    '## ML Test Score (estimate)',
    '',
    `**${mlTestScoreText(report)}**: ${mdText(mlTestScore.meaning)}. The score of Breck et al. (2017): each of 28 tests scores 1 when automated and repeated, 0.5 when done by hand, 0 otherwise; the final score is the lowest of the four section sums. Here it is ${mdText(mlTestScoreNote(report))}.`,
    '',
    '| Section | Score | Tests |',
    '|---|---:|---|',
  ];
  for (const section of mlTestScore.sections) {
    const tests = section.tests.map((test) => `${test.id} ${test.score === null ? '?' : test.score}`).join(' · ');
    lines.push(`| ${mdText(section.title)} | ${section.score} of 7 | ${tests} |`);
  }
  return [...lines, ''];
}

/** The full report in GitHub-flavoured Markdown: summary first, then the roadmap, then every finding. */
export function renderMarkdown(report: Report): string {
  const { summary } = report;
  const commit = shortCommit(report.target.commit);
  const out: string[] = [];
  out.push(`# Production readiness: ${mdText(report.target.name)}`, '');
  out.push(
    `Audited ${reportDate(report)} by scale-audit ${report.tool.version}` +
      `${commit ? ` at commit ${mdCode(commit)}` : ''} · ruleset ${mdCode(report.ruleset.digest)} (${report.ruleset.rules} rules)` +
      ` · answers: ${report.answers.path ? `${mdCode(report.answers.path)} (${report.answers.answered} of ${report.answers.questions})` : 'none'}`,
    '',
  );
  out.push('| Readiness | Maturity level | Confidence | Weakest area | ML Test Score (estimate) |', '|---|---|---|---|---|');
  out.push(
    `| **${scoreText(summary.score)}** | ${mdText(levelText(report))} | ${summary.confidence}% | ${mdText(categoryTitle(report, summary.weakestCategory))} | ${mlTestScoreText(report)} |`,
    '',
  );
  const note = provisionalNote(report);
  if (note) out.push(`> ${mdText(note)}`, '');
  out.push(...gatesSection(report));

  // A waived column only when something is waived: most reports have none.
  const waivedColumn = summary.counts.waived > 0;
  out.push(
    '## Scores by category',
    '',
    `| Category | Score | Fail | Partial | Unknown | Pass | N/A |${waivedColumn ? ' Waived |' : ''} Confidence |`,
    `|---|---:|---:|---:|---:|---:|---:|${waivedColumn ? '---:|' : ''}---:|`,
  );
  for (const category of report.categories) {
    const c = category.counts;
    out.push(`| ${mdText(category.title)} | ${scoreText(category.score)} | ${c.fail} | ${c.partial} | ${c.unknown} | ${c.pass} | ${c.not_applicable} |${waivedColumn ? ` ${c.waived} |` : ''} ${category.confidence}% |`);
  }
  out.push('');

  out.push(...mlTestScoreSection(report));

  out.push('## Roadmap', '');
  if (report.roadmap.phases.length === 0) out.push('Nothing is failing. Answer the open questions below to confirm the result.', '');
  else out.push(`${report.roadmap.phases.reduce((n, phase) => n + phase.items.length, 0)} items, ${effortRange(report.roadmap.effortWeeks)} in total. Prerequisites come first; then the most impact for the effort.`, '');
  for (const phase of report.roadmap.phases) {
    out.push(`### ${mdText(phase.title)} (${effortRange(phase.effortWeeks)})`, '', `_${mdText(phase.goal)}_`, '');
    phase.items.forEach((item, i) => out.push(...roadmapItem(report, item, i + 1)));
    out.push('');
  }

  out.push(...conflictsSection(report), ...businessSections(report));

  if (report.questions.length > 0) {
    out.push('## Questions to answer', '', 'These rules stay unknown until the questionnaire is answered. Most consequential first.', '');
    out.push('| Question | Id | Settles |', '|---|---|---|');
    for (const question of report.questions) {
      out.push(`| ${mdText(question.text)} | ${mdCode(question.id, true)} | ${question.ruleIds.map((id) => mdCode(id, true)).join(' ')} |`);
    }
    out.push('');
  }

  out.push('## Findings', '');
  for (const category of report.categories) {
    const findings = report.findings.filter((finding) => finding.category === category.id);
    if (findings.length === 0) continue;
    out.push(`### ${mdText(category.title)}: ${scoreText(category.score)}`, '', `${mdText(category.description)}`, '');
    out.push('| Result | Rule | Severity | Level | Message |', '|---|---|---|---|---|', ...findings.map(findingRow), '');
    for (const finding of findings) out.push(...findingDetails(report, finding));
  }

  out.push(...waiversSection(report));

  out.push('## About this audit', '');
  out.push(
    `- Scanned ${report.scan.files} files${report.scan.notebooks ? ` (${report.scan.notebooks} notebooks)` : ''}; ${report.scan.skippedDirectories} directories skipped (dependencies, virtualenvs, caches, .gitignore); ${report.scan.skippedSymlinks} symbolic links not followed; ${report.scan.unreadFiles} files too large or binary to read.${report.scan.truncated ? ' **The file limit was reached: the scan is incomplete.**' : ''}`,
    `- Git history: ${report.scan.git ? 'read' : 'not available'}.`,
    '- Scoring: pass 1, partial 0.5, fail 0, weighted by severity (critical 4, high 3, medium 2, low 1); unknown and not-applicable rules are left out of scores and shown as confidence. The overall score is the mean of the category scores.',
  );
  if (report.warnings.length > 0) {
    out.push('', '### Scan warnings', '', ...report.warnings.map((warning) => `- ${warning.path ? `${mdCode(`${warning.path}${warning.line ? `:${warning.line}` : ''}`)} ` : ''}${mdText(warning.message)}`));
  }
  out.push('', ...nextQuestionsSection(report));
  return out.join('\n');
}
