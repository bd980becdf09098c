import { Chalk, type ChalkInstance } from 'chalk';
import { gateOrigin } from '../gates/gates.js';
import type { Status } from '../rules/finding.js';
import type { Report } from '../report/types.js';
import type { RoadmapItem } from '../roadmap/plan.js';
import { businessLines, conflictLines } from './business-text.js';
import {
  categoryScoreText,
  categoryTitle,
  effortRange,
  knownText,
  levelText,
  location,
  LOW_CONFIDENCE_NOTE,
  nextLevelText,
  notMlText,
  waivedFindings,
  mlTestScoreNote,
  mlTestScoreText,
  provisionalNote,
  reportDate,
  scoreBand,
  scoreText,
  shortCommit,
  STATUS_SYMBOLS,
} from './format.js';
import { profileLine } from './overview.js';
import { cleanedOnRead, printable } from '../util/printable.js';

export interface TextOptions {
  color: boolean;
  /** Roadmap items shown per phase before "+N more". */
  itemsPerPhase?: number;
}

const BAR_WIDTH = 20;
/** The terminal shows one line of proof per item; the full reports show all of it. */
const MAX_EVIDENCE_WIDTH = 140;

function clip(text: string): string {
  return text.length <= MAX_EVIDENCE_WIDTH ? text : `${text.slice(0, MAX_EVIDENCE_WIDTH - 1)}…`;
}

function paint(chalk: ChalkInstance): Record<Status, (text: string) => string> {
  return {
    fail: chalk.red,
    partial: chalk.yellow,
    unknown: chalk.magenta,
    pass: chalk.green,
    not_applicable: chalk.gray,
    waived: chalk.cyan,
  };
}

function scoreColour(chalk: ChalkInstance, score: number | null, confidence?: number): ChalkInstance {
  const band = scoreBand(score, confidence);
  return band === 'good' ? chalk.green : band === 'fair' ? chalk.yellow : band === 'poor' ? chalk.red : chalk.gray;
}

function bar(score: number | null): string {
  const filled = score === null ? 0 : Math.round((score / 100) * BAR_WIDTH);
  return `${'█'.repeat(filled)}${'░'.repeat(BAR_WIDTH - filled)}`;
}

function countsLine(counts: Record<Status, number>): string {
  const parts: string[] = [];
  if (counts.fail) parts.push(`${counts.fail} fail`);
  if (counts.partial) parts.push(`${counts.partial} partial`);
  if (counts.unknown) parts.push(`${counts.unknown} unknown`);
  if (counts.pass) parts.push(`${counts.pass} pass`);
  if (counts.waived) parts.push(`${counts.waived} waived`);
  return parts.join(' · ');
}

function itemLines(item: RoadmapItem, index: number, chalk: ChalkInstance): string[] {
  const colour = paint(chalk)[item.status];
  const lines = [`    ${index}. ${colour(STATUS_SYMBOLS[item.status])} ${item.action}  ${chalk.gray(`[${item.effort}] ${item.severity} · ${item.ruleIds.join(', ')}`)}`];
  if (item.neededBy.length > 0) lines.push(chalk.gray(`         needed first by ${item.neededBy.join(', ')}`));
  const proof = item.evidence.find((evidence) => evidence.kind !== 'answer') ?? item.evidence[0];
  if (proof) lines.push(chalk.gray(`         ${clip([location(proof), proof.detail].filter(Boolean).join('  '))}`));
  return lines;
}

/** The terminal summary: where the project stands and what to do first, on about one screen. */
export function renderText(input: Report, options: TextOptions): string {
  // Every string the terminal shows, on one line and without control characters: a file name
  // cannot clear the screen or start a line of its own in a CI log.
  const report = cleanedOnRead(input, printable);
  const chalk = new Chalk({ level: options.color ? 1 : 0 });
  const itemsPerPhase = options.itemsPerPhase ?? 5;
  const { summary } = report;
  const out: string[] = [];
  const commit = shortCommit(report.target.commit);

  out.push(chalk.bold(`scale-audit ${report.tool.version} · ${report.target.name}`) + chalk.gray(`  ${reportDate(report)}${commit ? ` · ${report.target.branch ?? 'HEAD'} @ ${commit}` : ''}`));
  const profile = profileLine(report);
  if (profile) out.push(chalk.gray(profile));
  out.push('');
  out.push(
    `  Readiness   ${scoreColour(chalk, summary.score).bold(scoreText(summary.score))}` +
      `    Level ${chalk.bold(levelText(report))}` +
      `    Confidence ${summary.confidence}%`,
  );
  const notMl = notMlText(report);
  if (notMl) out.push(chalk.yellow(`  ${notMl}`));
  out.push(`  Weakest     ${categoryTitle(report, summary.weakestCategory)}`);
  out.push(`  ${nextLevelText(report)}`);
  out.push(`  ML Test Score ${chalk.bold(mlTestScoreText(report))} ${chalk.gray(`(${mlTestScoreNote(report)}): ${report.mlTestScore.meaning}`)}`);
  const note = provisionalNote(report);
  if (note) out.push(chalk.gray(`  ${note}`));
  report.gates.forEach((result, i) => {
    const mark = result.passed ? chalk.green('✓') : chalk.red('✗');
    out.push(`  ${i === 0 ? 'Gates      ' : '           '} ${mark} ${result.message} ${chalk.gray(`(${gateOrigin(result)})`)}`);
  });
  if (report.baseline?.improvements.length) {
    out.push(chalk.gray(`  Better than the baseline: ${report.baseline.improvements.join('; ')}. Tighten it with --write-baseline.`));
  }
  out.push('');

  const width = Math.max(...report.categories.map((category) => category.title.length));
  for (const category of report.categories) {
    const colour = scoreColour(chalk, category.score, category.confidence);
    const score = category.score === null ? '?' : categoryScoreText(category);
    out.push(`  ${category.title.padEnd(width)}  ${colour(score.padStart(5))}  ${colour(bar(category.score))}  ${chalk.gray(`${knownText(category)} · ${countsLine(category.counts)}`)}`);
  }
  if (report.categories.some((category) => scoreBand(category.score, category.confidence) === 'low')) out.push(chalk.gray(`  ${LOW_CONFIDENCE_NOTE}`));
  out.push('');

  const { roadmap } = report;
  const itemCount = roadmap.phases.reduce((sum, phase) => sum + phase.items.length, 0);
  if (itemCount === 0) {
    out.push(chalk.green('  Roadmap: nothing failing. Answer the open questions to confirm the result.'));
  } else {
    out.push(chalk.bold(`  Roadmap: ${itemCount} item${itemCount === 1 ? '' : 's'}, ${effortRange(roadmap.effortWeeks)}`));
    for (const phase of roadmap.phases) {
      out.push('');
      out.push(`  ${chalk.bold(phase.title)}  ${chalk.gray(`${phase.items.length} item${phase.items.length === 1 ? '' : 's'} · ${effortRange(phase.effortWeeks)}`)}`);
      phase.items.slice(0, itemsPerPhase).forEach((item, i) => out.push(...itemLines(item, i + 1, chalk)));
      if (phase.items.length > itemsPerPhase) out.push(chalk.gray(`    … and ${phase.items.length - itemsPerPhase} more in the full report`));
    }
  }
  out.push('');
  out.push(...conflictLines(report, chalk), ...businessLines(report, chalk));

  if (report.questions.length > 0) {
    out.push(chalk.bold(`  ${report.questions.length} unanswered question${report.questions.length === 1 ? '' : 's'} leave ${summary.counts.unknown} rule${summary.counts.unknown === 1 ? '' : 's'} unknown. Most consequential:`));
    for (const question of report.questions.slice(0, 3)) out.push(`    ${chalk.magenta('?')} ${question.text} ${chalk.gray(`(${question.id})`)}`);
    out.push(chalk.gray('    Answer them with `scale-audit init` in a terminal, or in a file passed with --answers <file> (see the README, "Answering the questionnaire").'));
    out.push('');
  }
  const waived = waivedFindings(report);
  if (waived.length > 0) {
    out.push(chalk.cyan(`  ${waived.length} finding${waived.length === 1 ? '' : 's'} waived: ${waived.map((finding) => `${finding.ruleId} (until ${finding.waiver!.expires})`).join(', ')}`));
  }
  for (const waiver of report.config.expiredWaivers) {
    out.push(chalk.yellow(`  Waiver expired on ${waiver.expires}: ${waiver.rule} (${waiver.file}:${waiver.line}) no longer counts.`));
  }
  if (report.warnings.length > 0) {
    out.push(chalk.yellow(`  ${report.warnings.length} scan warning${report.warnings.length === 1 ? '' : 's'} (files that could not be read or parsed); see the full report.`));
  }
  out.push(chalk.gray('  Full report with evidence: --format md,html,json --out-dir report/'));
  return `${out.join('\n')}\n`;
}
