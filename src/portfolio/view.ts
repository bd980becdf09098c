import { categoryScoreText, scoreBand, type Band } from '../render/format.js';
import { compareStrings } from '../util/compare.js';
import type { Portfolio } from './portfolio.js';

/*
 * The words and numbers of a portfolio, once, for the text, Markdown and HTML renderers alike:
 * they only lay this out and escape it.
 */

/** The renderers list this many of the most common gaps; the JSON has them all. */
export const GAPS_SHOWN = 20;

export type { Band };

export interface Cell {
  text: string;
  band: Band;
}

export interface PortfolioView {
  title: string;
  stats: string;
  notes: string[];
  categories: Array<{ id: string; title: string; short: string; average: Cell }>;
  /** `cells` in the order of `categories`, each with its category's title (a phone shows it beside the value). */
  rows: Array<{ rank: number; name: string; url: string; file: string; profile: string; score: Cell; level: string; confidence: string; gaps: number; cells: Array<Cell & { title: string }> }>;
  levels: Array<{ label: string; repositories: number; share: number }>;
  gaps: Array<{ ruleId: string; title: string; severity: string; category: string; repositories: number; share: string; detail: string }>;
  moreGaps: number;
}

/** A heat-map cell: a category known from too little is in parentheses and its own colour. */
function cell(score: number | null, confidence = 100): Cell {
  return { text: score === null ? '?' : categoryScoreText({ score, confidence }), band: scoreBand(score, confidence) };
}

function percent(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((100 * part) / whole);
}

/** "; profiles: genai-app 12, none 3", when any repository was audited under a profile. */
function profileCounts(portfolio: Portfolio): string {
  if (portfolio.ranking.every((repository) => repository.profile === null)) return '';
  const counts = new Map<string, number>();
  for (const { profile } of portfolio.ranking) counts.set(profile ?? 'none', (counts.get(profile ?? 'none') ?? 0) + 1);
  return `; profiles: ${[...counts].sort(([a], [b]) => compareStrings(a, b)).map(([name, count]) => `${name} ${count}`).join(', ')}`;
}

export function portfolioView(portfolio: Portfolio): PortfolioView {
  const { scores, repositories } = portfolio;
  const range = scores.min === null ? 'no scores' : `average ${scores.average}, median ${scores.median}, range ${scores.min}–${scores.max}`;
  return {
    title: `Readiness portfolio: ${repositories} repositor${repositories === 1 ? 'y' : 'ies'}`,
    stats: `${portfolio.reports} report${portfolio.reports === 1 ? '' : 's'} read; readiness ${range}${profileCounts(portfolio)}`,
    notes: portfolio.notes,
    categories: portfolio.categories.map((category) => ({ id: category.id, title: category.title, short: category.title.slice(0, 5), average: cell(category.average) })),
    rows: portfolio.ranking.map((repository) => ({
      rank: repository.rank,
      name: repository.name,
      // A saved report is a file anyone can edit: link only to a web address, never to a script.
      url: repository.url?.startsWith('https://') ? repository.url : '',
      file: repository.file,
      profile: repository.profile ?? '',
      score: cell(repository.score),
      level: `L${repository.level}${repository.levelProvisional ? '?' : ''}`,
      confidence: `${repository.confidence}%`,
      gaps: repository.gaps,
      cells: portfolio.categories.map((category) => ({ ...cell(repository.categories[category.id] ?? null, repository.categoryConfidence[category.id]), title: category.title })),
    })),
    levels: portfolio.levels.map((level) => ({ label: `L${level.level} ${level.name}`, repositories: level.repositories, share: percent(level.repositories, repositories) })),
    gaps: portfolio.commonGaps.slice(0, GAPS_SHOWN).map((gap) => ({
      ruleId: gap.ruleId,
      title: gap.title,
      severity: gap.severity,
      category: gap.category,
      repositories: gap.repositories,
      share: `${percent(gap.repositories, repositories)}%`,
      detail: [gap.fail ? `${gap.fail} fail` : '', gap.partial ? `${gap.partial} partial` : ''].filter(Boolean).join(', '),
    })),
    moreGaps: Math.max(0, portfolio.commonGaps.length - GAPS_SHOWN),
  };
}
