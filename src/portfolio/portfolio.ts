import type { Status } from '../rules/finding.js';
import { SEVERITIES, type Severity } from '../rules/types.js';
import type { Report } from '../report/types.js';
import { LEVEL_NAMES } from '../score/score.js';
import { compareStrings } from '../util/compare.js';

/**
 * Many reports, one per repository, as one view of an organisation: a ranking, a repository ×
 * category heat map, the gaps most repositories share, and how many reached each level.
 * Reports are added one at a time and only a small summary of each is kept, so a thousand
 * reports need little more memory than one. Bump the version on a breaking change to the JSON.
 */
export const PORTFOLIO_VERSION = 1;

export interface PortfolioRepository {
  rank: number;
  name: string;
  url: string | null;
  /** The report file it came from. */
  file: string;
  generatedAt: string;
  commit: string | null;
  /** The profile the audit ran under, null for none. */
  profile: string | null;
  score: number | null;
  level: number;
  levelName: string;
  levelProvisional: boolean;
  confidence: number;
  /** Category id → score (null when nothing in it is known). */
  categories: Record<string, number | null>;
  /** Category id → confidence (0–100): how much of the category the score rests on. */
  categoryConfidence: Record<string, number>;
  /** Failing and partial rules. */
  gaps: number;
}

export interface CommonGap {
  ruleId: string;
  title: string;
  category: string;
  severity: Severity;
  /** Repositories where the rule fails or is partial. */
  repositories: number;
  fail: number;
  partial: number;
}

export interface Portfolio {
  portfolioVersion: number;
  /** Report files read. */
  reports: number;
  repositories: number;
  scores: { average: number | null; median: number | null; min: number | null; max: number | null };
  categories: Array<{ id: string; title: string; average: number | null; scored: number }>;
  ranking: PortfolioRepository[];
  levels: Array<{ level: number; name: string; repositories: number }>;
  /** Every rule that is a gap somewhere, the most widespread first. */
  commonGaps: CommonGap[];
  /** What a reader must know to trust the comparison: other rule sets, scoring versions, older reports left out. */
  notes: string[];
}

interface Entry {
  repository: Omit<PortfolioRepository, 'rank'>;
  /** The repository's identity: reports with the same one are of the same repository. */
  identity: string;
  gaps: Array<{ ruleId: string; status: Status }>;
  rulesetDigest: string;
  scoringVersion: number;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

function median(sorted: readonly number[]): number | null {
  if (sorted.length === 0) return null;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : round((sorted[middle - 1]! + sorted[middle]!) / 2);
}

function byRank(a: Entry, b: Entry): number {
  const x = a.repository;
  const y = b.repository;
  return (y.score ?? -1) - (x.score ?? -1) || y.level - x.level || compareStrings(x.name, y.name) || compareStrings(x.file, y.file);
}

export class PortfolioBuilder {
  private readonly entries: Entry[] = [];
  private readonly categories = new Map<string, string>();
  private readonly rules = new Map<string, { title: string; category: string; severity: Severity }>();

  /** Keeps what the portfolio needs of one report; the report itself can then be dropped. */
  add(report: Report, file: string): void {
    for (const category of report.categories) if (!this.categories.has(category.id)) this.categories.set(category.id, category.title);
    const gaps: Entry['gaps'] = [];
    for (const finding of report.findings) {
      if (finding.status !== 'fail' && finding.status !== 'partial') continue;
      gaps.push({ ruleId: finding.ruleId, status: finding.status });
      if (!this.rules.has(finding.ruleId)) this.rules.set(finding.ruleId, { title: finding.title, category: finding.category, severity: finding.severity });
    }
    const { summary, target } = report;
    this.entries.push({
      identity: target.url ?? target.name,
      gaps,
      rulesetDigest: report.ruleset.digest,
      scoringVersion: report.scoringVersion,
      repository: {
        name: target.name,
        url: target.url,
        file,
        generatedAt: report.generatedAt,
        commit: target.commit,
        profile: report.profile?.name ?? null,
        score: summary.score,
        level: summary.level,
        levelName: summary.levelName,
        levelProvisional: summary.levelProvisional,
        confidence: summary.confidence,
        categories: Object.fromEntries(report.categories.map((category) => [category.id, category.score])),
        categoryConfidence: Object.fromEntries(report.categories.map((category) => [category.id, category.confidence])),
        gaps: gaps.length,
      },
    });
  }

  /** The newest report of each repository counts; older ones are named in the notes. */
  private latest(): { kept: Entry[]; older: Entry[] } {
    const newest = new Map<string, Entry>();
    for (const entry of this.entries) {
      const current = newest.get(entry.identity);
      if (!current || compareStrings(entry.repository.generatedAt, current.repository.generatedAt) > 0) newest.set(entry.identity, entry);
    }
    const kept = new Set(newest.values());
    return { kept: this.entries.filter((entry) => kept.has(entry)), older: this.entries.filter((entry) => !kept.has(entry)) };
  }

  finish(): Portfolio {
    const { kept, older } = this.latest();
    const ranked = [...kept].sort(byRank);
    const scores = ranked.map((entry) => entry.repository.score).filter((score): score is number => score !== null).sort((a, b) => a - b);

    const gapCounts = new Map<string, { fail: number; partial: number }>();
    for (const entry of kept) {
      for (const gap of entry.gaps) {
        const count = gapCounts.get(gap.ruleId) ?? { fail: 0, partial: 0 };
        count[gap.status === 'fail' ? 'fail' : 'partial'] += 1;
        gapCounts.set(gap.ruleId, count);
      }
    }
    const commonGaps = [...gapCounts]
      .map(([ruleId, count]): CommonGap => ({ ruleId, ...this.rules.get(ruleId)!, repositories: count.fail + count.partial, ...count }))
      .sort((a, b) => b.repositories - a.repositories || SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) || compareStrings(a.ruleId, b.ruleId));

    const categories = [...this.categories].map(([id, title]) => {
      const known = kept.map((entry) => entry.repository.categories[id]).filter((score): score is number => typeof score === 'number');
      return { id, title, average: known.length === 0 ? null : round(known.reduce((sum, score) => sum + score, 0) / known.length), scored: known.length };
    });

    return {
      portfolioVersion: PORTFOLIO_VERSION,
      reports: this.entries.length,
      repositories: kept.length,
      scores: {
        average: scores.length === 0 ? null : round(scores.reduce((sum, score) => sum + score, 0) / scores.length),
        median: median(scores),
        min: scores[0] ?? null,
        max: scores.at(-1) ?? null,
      },
      categories,
      ranking: ranked.map((entry, i) => ({ rank: i + 1, ...entry.repository })),
      levels: LEVEL_NAMES.map((name, level) => ({ level, name, repositories: kept.filter((entry) => entry.repository.level === level).length })),
      commonGaps,
      notes: notes(kept, older),
    };
  }
}

function notes(kept: readonly Entry[], older: readonly Entry[]): string[] {
  const out: string[] = [];
  const digests = new Set(kept.map((entry) => entry.rulesetDigest));
  if (digests.size > 1) out.push(`The reports come from ${digests.size} different rule sets (${[...digests].sort(compareStrings).join(', ')}): a gap missing from one repository may be a rule its audit did not have.`);
  const versions = new Set(kept.map((entry) => entry.scoringVersion));
  const profiles = new Set(kept.map((entry) => entry.repository.profile ?? 'none'));
  if (profiles.size > 1) out.push(`The reports were made under ${profiles.size} profiles (${[...profiles].sort(compareStrings).join(', ')}): which rules apply and how much each weighs differ between them, so compare scores within a profile.`);
  if (versions.size > 1) out.push(`The reports were scored with ${versions.size} scoring versions (${[...versions].sort((a, b) => a - b).join(', ')}): their scores are not directly comparable.`);
  if (older.length > 0) {
    const files = older.map((entry) => entry.repository.file);
    out.push(`${older.length} older report${older.length === 1 ? '' : 's'} of a repository already counted ${older.length === 1 ? 'was' : 'were'} left out: ${files.slice(0, 5).join(', ')}${files.length > 5 ? ` and ${files.length - 5} more` : ''}.`);
  }
  return out;
}
