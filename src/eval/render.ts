import { location } from '../render/format.js';
import { printable } from '../util/printable.js';
import { mdCode, mdText } from '../render/markdown-escape.js';
import type { Disagreement, EvalResult, RepositoryResult } from './evaluate.js';
import type { PrecisionRecall } from './metrics.js';

/*
 * The evaluation for people: a terminal listing with every disagreement, and the Markdown tables
 * that docs/accuracy.md keeps.
 */

const figure = (value: number | null) => (value === null ? '—' : value.toFixed(2));
/** A correlation, or why there is none: every value the same on one side (all at L0, say). */
const correlation = (value: number | null) => (value === null ? '— (undefined: no spread on one side)' : value.toFixed(2));

function toolLine(result: EvalResult): string {
  return `scale-audit ${result.tool.version}${result.tool.commit ? ` at ${result.tool.commit}` : ''}, scoring version ${result.scoringVersion}`;
}

function orderText(result: EvalResult): string {
  const { violations } = result.ranking;
  if (violations.length === 0) return 'yes';
  const pairs = violations.map(({ production, poc }) => `${production.name} (${production.score ?? 'no score'}) ≤ ${poc.name} (${poc.score})`);
  return `no, ${violations.length} pair${violations.length === 1 ? '' : 's'}: ${pairs.join('; ')}`;
}

function factRow(name: string, counts: PrecisionRecall): string[] {
  return [name, String(counts.tp), String(counts.fp), String(counts.fn), String(counts.tn), String(counts.unlabelled), figure(counts.precision), figure(counts.recall)];
}

function repositoryRow(repository: RepositoryResult): string[] {
  return [repository.repo, String(repository.grade), repository.class, repository.score === null ? 'n/a' : String(repository.score), `L${repository.level}`, `${repository.confidence}%`];
}

const FACT_HEADER = ['fact', 'TP', 'FP', 'FN', 'TN', 'null', 'precision', 'recall'];
const REPOSITORY_HEADER = ['repository', 'grade', 'class', 'score', 'level', 'confidence'];
/** For a repository labelled not ML: whether the tool took it for one (its ml-project reading). */
const NOT_ML_HEADER = [...REPOSITORY_HEADER, 'taken for ML'];

function notMlRow(repository: RepositoryResult): string[] {
  const outcome = repository.facts['ml-project'];
  return [...repositoryRow(repository), outcome === 'fp' ? 'yes' : outcome === 'tn' ? 'no' : '—'];
}

/** Columns padded to their widest cell; the first left-aligned, the rest right-aligned. */
function columns(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  return rows.map((row) => `  ${row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ')}`);
}

function disagreementLines(disagreement: Disagreement): string[] {
  const { label, tool } = disagreement;
  const verdict = disagreement.kind === 'fn' ? 'labelled true, not detected (false negative)' : 'labelled false, detected (false positive)';
  const lines = [`${disagreement.repo} · ${disagreement.fact}: ${verdict}`, `    label: ${label.evidence}`];
  for (const said of tool.said) {
    if ('scan' in said) {
      lines.push(`    tool:  read ${said.scan} = ${said.value}${said.counts ? ' (counts)' : ''}`);
      continue;
    }
    lines.push(`    tool:  ${said.rule} ${said.status}${said.counts ? ' (counts)' : ''}: ${said.message}`);
    for (const evidence of said.evidence) {
      const where = location(evidence);
      const flags = evidence.counted === false ? ' [not counted]' : '';
      lines.push(`             ${evidence.kind}${where ? ` ${where}` : ''}: ${evidence.detail}${flags}`);
    }
  }
  return lines.map(printable);
}

/** The whole evaluation for a terminal: the figures, then every disagreement with both sides' evidence. */
export function renderEvalText(result: EvalResult): string {
  const out = [`scale-audit evaluation: ${result.corpus} labelled repositories, ${toolLine(result)}, ${result.generatedAt.slice(0, 10)}`];
  for (const warning of result.warnings) out.push(`  warning: ${printable(warning)}`);
  out.push('', 'Facts (a null label is left out of precision and recall)');
  out.push(...columns([FACT_HEADER, ...result.facts.map((fact) => factRow(fact.id, fact)), factRow('all facts', result.overall)]));
  const { ranking } = result;
  out.push(
    '',
    `Ranking of the ${ranking.repositories} ML repositories with a score`,
    `  Spearman(score, grade) ${correlation(ranking.spearmanScore)} · Spearman(level, grade) ${correlation(ranking.spearmanLevel)}`,
    `  Every production repository scores above every PoC: ${printable(orderText(result))}`,
    '',
    'ML repositories, best score first',
    ...columns([REPOSITORY_HEADER, ...result.repositories.map(repositoryRow)]),
  );
  if (result.notMl.length > 0) {
    out.push('', 'Not ML projects (labelled ml-project: false): what the tool says, which should not be an ML readiness score');
    out.push(...columns([NOT_ML_HEADER, ...result.notMl.map(notMlRow)]));
  }
  out.push('', `Disagreements: ${result.disagreements.length}`);
  for (const disagreement of result.disagreements) out.push('', ...disagreementLines(disagreement));
  return `${out.join('\n')}\n`;
}

function table(header: string[], rows: string[][], numeric: boolean[]): string[] {
  return [`| ${header.join(' | ')} |`, `|${numeric.map((right) => (right ? '---:' : '---')).join('|')}|`, ...rows.map((row) => `| ${row.join(' | ')} |`)];
}

/** The tables docs/accuracy.md keeps: dated, with the corpus size and the tool's commit. */
export function renderEvalMarkdown(result: EvalResult): string {
  const { ranking } = result;
  const named = (row: string[]) => [mdText(row[0]!), ...row.slice(1)];
  const numeric = (header: string[]) => header.map((_, i) => i === 1 || (i >= 3 && i < REPOSITORY_HEADER.length));
  const lines = [
    `Measured on ${result.generatedAt.slice(0, 10)} with ${mdText(toolLine(result))}, over ${result.corpus} labelled repositories` +
      ` (${result.repositories.length} ML projects, ${result.notMl.length} not).`,
    '',
    `- Precision **${figure(result.overall.precision)}**, recall **${figure(result.overall.recall)}** over all facts.`,
    `- Spearman(score, grade) **${correlation(ranking.spearmanScore)}** over the ${ranking.repositories} ML repositories with a score; Spearman(level, grade) ${correlation(ranking.spearmanLevel)}.`,
    `- Every production-grade repository scores above every proof of concept: **${mdText(orderText(result))}**.`,
    '',
    ...table(FACT_HEADER, [...result.facts.map((fact) => factRow(mdCode(fact.id, true), fact)), factRow('**all facts**', result.overall)], FACT_HEADER.map((_, i) => i > 0)),
    '',
    ...table(REPOSITORY_HEADER, result.repositories.map((repository) => named(repositoryRow(repository))), numeric(REPOSITORY_HEADER)),
  ];
  if (result.notMl.length > 0) {
    lines.push('', 'Not ML projects (`ml-project: false`), which should get no ML readiness score:', '');
    lines.push(...table(NOT_ML_HEADER, result.notMl.map((repository) => named(notMlRow(repository))), numeric(NOT_ML_HEADER)));
  }
  if (result.warnings.length > 0) lines.push('', 'Warnings:', '', ...result.warnings.map((warning) => `- ${mdText(warning)}`));
  return `${lines.join('\n')}\n`;
}
