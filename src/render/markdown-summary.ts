import type { Report } from '../report/types.js';
import type { Phase, RoadmapItem } from '../roadmap/plan.js';
import { categoryScoreText, categoryTitle, effortRange, knownText, levelText, LOW_CONFIDENCE_NOTE, mlTestScoreText, nextLevelText, notMlText, reportDate, scoreBand, scoreText, shortCommit, STATUS_LABELS, STATUS_SYMBOLS } from './format.js';
import { mdCode, mdText } from './markdown-escape.js';
import { profileText } from './overview.js';

/** GitHub refuses a pull-request comment or issue body longer than this many characters. */
export const GITHUB_COMMENT_LIMIT = 65_536;

/** The most a single line of the summary may take from a repository or a rule pack. */
const MAX_TEXT = 240;
const TOP_ITEMS = 5;

export interface SummaryOptions {
  /** The length the whole summary stays under, in UTF-16 code units (never fewer than characters). */
  maxLength?: number;
}

interface Fold {
  summary: string;
  /** Lines shown before the entries, e.g. a table's header. */
  header?: string[];
  /** One Markdown line per entry; entries that do not fit are counted in a closing note. */
  lines: string[];
  noun: string;
}

interface RoadmapEntry {
  phase: Phase;
  item: RoadmapItem;
}

function clip(text: string): string {
  return text.length <= MAX_TEXT ? text : `${text.slice(0, MAX_TEXT - 1)}…`;
}

/** Text from the repository or a rule pack, shortened and escaped. */
function md(text: string): string {
  return mdText(clip(text));
}

function roadmapItems(report: Report): RoadmapEntry[] {
  return report.roadmap.phases.flatMap((phase) => phase.items.map((item) => ({ phase, item })));
}

function itemLine({ phase, item }: RoadmapEntry, index: number): string {
  return `${index + 1}. ${STATUS_SYMBOLS[item.status]} ${md(item.action)} — ${md(phase.title)}, ${item.severity}, effort ${item.effort} · ${mdCode(item.ruleIds[0]!)}`;
}

function head(report: Report): string[] {
  const { summary } = report;
  const failedGates = report.gates.filter((result) => !result.passed);
  const verdict = report.gates.length === 0 ? '' : failedGates.length === 0 ? '✓ ' : '✗ ';
  const commit = shortCommit(report.target.commit);
  const lines = [
    `### ${verdict}Production readiness of ${md(report.target.name)}: ${scoreText(summary.score)}, ${md(levelText(report))}`,
    '',
    `Confidence ${summary.confidence}% · weakest area ${md(categoryTitle(report, summary.weakestCategory))} · ML Test Score ${mlTestScoreText(report)} (estimate)` +
      ` · ${md(`scale-audit ${report.tool.version}`)}, ${reportDate(report)}${commit ? `, commit ${mdCode(commit)}` : ''}` +
      `${report.profile ? ` · profile ${md(profileText(report))}` : ''}`,
    '',
    ...(notMlText(report) ? [`**${md(notMlText(report)!)}**`, ''] : []),
    md(nextLevelText(report)),
    '',
  ];
  if (report.gates.length > 0) {
    lines.push(`**Gates: ${failedGates.length === 0 ? 'all passed' : `${failedGates.length} of ${report.gates.length} failed`}**`, '');
    // Failed gates first: they are why the check is red.
    const ordered = [...failedGates, ...report.gates.filter((result) => result.passed)];
    for (const result of ordered) lines.push(`- ${result.passed ? '✓' : '✗'} ${md(result.message)} (${mdCode(clip(result.gate))})`);
    lines.push('');
  }
  const items = roadmapItems(report);
  if (items.length > 0) {
    lines.push(`**Do first** (${items.length} roadmap item${items.length === 1 ? '' : 's'}, ${effortRange(report.roadmap.effortWeeks)} in all):`, '');
    items.slice(0, TOP_ITEMS).forEach((entry, i) => lines.push(itemLine(entry, i)));
    lines.push('');
  }
  return lines;
}

function folds(report: Report): Fold[] {
  const counts = (c: Report['categories'][number]['counts']) => `${c.fail} | ${c.partial} | ${c.unknown} | ${c.pass}`;
  const lowConfidence = report.categories.some((category) => scoreBand(category.score, category.confidence) === 'low') ? [`_${md(LOW_CONFIDENCE_NOTE)}_`, ''] : [];
  const gaps = report.findings.filter((finding) => finding.status === 'fail' || finding.status === 'partial');
  const items = roadmapItems(report);
  return [
    {
      summary: 'Scores by category',
      noun: 'categories',
      header: [...lowConfidence, '| Category | Score | Fail | Partial | Unknown | Pass | Known |', '|---|---:|---:|---:|---:|---:|---|'],
      lines: report.categories.map((category) => `| ${md(category.title)} | ${categoryScoreText(category)} | ${counts(category.counts)} | ${knownText(category)} |`),
    },
    {
      summary: `Roadmap: ${items.length} items`,
      noun: 'roadmap items',
      lines: items.map(itemLine),
    },
    {
      summary: `Failing and partial rules: ${gaps.length}`,
      noun: 'rules',
      lines: gaps.map((finding) => `- ${STATUS_SYMBOLS[finding.status]} ${STATUS_LABELS[finding.status]} ${mdCode(finding.ruleId)} ${finding.severity}: ${md(finding.message)}`),
    },
    {
      summary: `Open questions: ${report.questions.length}`,
      noun: 'questions',
      lines: report.questions.map((question) => `- ${md(question.text)} (${mdCode(question.id)})`),
    },
  ].filter((fold) => fold.lines.length > 0);
}

const FOOTER = '\n_The full report, with the evidence for every finding: `--format md,html,json --out-dir report/`, or `scale-audit render report.json`._\n';

/**
 * A Markdown summary sized for a pull-request comment or a CI job summary: the verdict, the gates
 * and what to do first in plain view, the rest folded in `<details>`, and the whole always under
 * `maxLength` (GitHub's comment limit by default). Folded lists that do not fit end with a count of
 * what was left out, so a truncated summary says so.
 */
export function renderMarkdownSummary(report: Report, options: SummaryOptions = {}): string {
  const maxLength = options.maxLength ?? GITHUB_COMMENT_LIMIT;
  let out = `${head(report).join('\n')}\n`;
  const all = folds(report);
  all.forEach((fold, index) => {
    const open = `<details><summary>${fold.summary}</summary>\n\n`;
    const close = '\n</details>\n\n';
    const omittedNote = (n: number) => `\n_… ${n} more ${fold.noun} in the full report._`;
    // Each fold gets an equal share of what is left, and passes on what it does not use, so a
    // long roadmap cannot crowd out the rules and questions; room is kept for the closing note.
    const left = maxLength - FOOTER.length - out.length;
    const room = Math.floor(left / (all.length - index)) - open.length - close.length - omittedNote(fold.lines.length).length;
    let body = fold.header ? `${fold.header.join('\n')}\n` : '';
    let shown = 0;
    for (const line of fold.lines) {
      if (body.length + line.length + 1 > room) break;
      body += `${line}\n`;
      shown += 1;
    }
    if (shown === 0) return;
    out += `${open}${body}${shown < fold.lines.length ? omittedNote(fold.lines.length - shown) : ''}${close}`;
  });
  out = `${out.trimEnd()}\n${FOOTER}`;
  // The head alone can only outgrow a limit far below GitHub's; never hand back more than asked.
  return out.length <= maxLength ? out : `${out.slice(0, maxLength - 2)}…\n`;
}
