import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { runAudit } from '../audit.js';
import type { Report } from '../report/types.js';
import { SCORING_VERSION } from '../score/score.js';
import { compareStrings } from '../util/compare.js';
import { InputError } from '../util/errors.js';
import { readFact, type FactMapping, type ToolReading } from './fact-map.js';
import type { Label, LabelledFact, MaturityClass } from './labels.js';
import { orderViolations, precisionRecall, spearman, sumConfusions, tally, EMPTY_CONFUSION, type OrderViolation, type PrecisionRecall } from './metrics.js';

export type Outcome = 'tp' | 'fp' | 'fn' | 'tn' | 'unlabelled';

export interface RepositoryResult {
  key: string;
  repo: string;
  grade: number;
  class: MaturityClass;
  /** The label's `ml-project`; null when the label leaves it open. */
  mlProject: boolean | null;
  score: number | null;
  level: number;
  levelName: string;
  confidence: number;
  categories: Array<{ id: string; score: number | null; confidence: number }>;
  /** Each labelled fact's outcome. */
  facts: Record<string, Outcome>;
}

export interface Disagreement {
  repo: string;
  fact: string;
  /** False positive: labelled false, detected; false negative: labelled true, not detected. */
  kind: 'fp' | 'fn';
  label: LabelledFact;
  tool: ToolReading;
}

export interface EvalResult {
  generatedAt: string;
  tool: { version: string; commit: string | null };
  scoringVersion: number;
  /** Labelled repositories whose tree was found and audited. */
  corpus: number;
  warnings: string[];
  facts: Array<{ id: string; why: string } & PrecisionRecall>;
  overall: PrecisionRecall;
  ranking: {
    /** ML repositories with a score: the population of the figures below. */
    repositories: number;
    spearmanScore: number | null;
    spearmanLevel: number | null;
    /** Pairs where a production-grade repository does not score above a proof of concept. */
    violations: OrderViolation[];
  };
  /** Repositories labelled as ML projects (or left open), best score first. */
  repositories: RepositoryResult[];
  /** Repositories labelled `ml-project: false`: what the tool says of them, which should not be an ML readiness score. */
  notMl: RepositoryResult[];
  disagreements: Disagreement[];
}

export interface EvalInput {
  labels: readonly Label[];
  mappings: readonly FactMapping[];
  treesDir: string;
  now: Date;
  tool: { version: string; commit: string | null };
  /** Called before each audit, for progress on stderr. */
  progress?: (message: string) => void;
}

function outcome(label: boolean | null, detected: boolean): Outcome {
  if (label === null) return 'unlabelled';
  if (label) return detected ? 'tp' : 'fn';
  return detected ? 'fp' : 'tn';
}

function repositoryResult(label: Label, report: Report, facts: Record<string, Outcome>): RepositoryResult {
  const { summary } = report;
  return {
    key: label.key,
    repo: label.repo,
    grade: label.grade,
    class: label.class,
    mlProject: label.facts['ml-project']?.value ?? null,
    score: summary.score,
    level: summary.level,
    levelName: summary.levelName,
    confidence: summary.confidence,
    categories: report.categories.map((category) => ({ id: category.id, score: category.score, confidence: category.confidence })),
    facts,
  };
}

const byScore = (a: RepositoryResult, b: RepositoryResult) => (b.score ?? -1) - (a.score ?? -1) || compareStrings(a.repo, b.repo);

/**
 * Audits every labelled tree in `treesDir` (a folder named `owner__name`) from its files alone —
 * no answers, no configuration — and compares what the tool says with the labels.
 */
export async function evaluateCorpus(input: EvalInput): Promise<EvalResult> {
  const folders = new Set(
    await readdir(input.treesDir, { withFileTypes: true }).then(
      (entries) => entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name),
      (error: NodeJS.ErrnoException) => {
        throw new InputError(`cannot read the trees directory: ${error.code ?? error.message}`, input.treesDir);
      },
    ),
  );
  const warnings: string[] = [];
  const missing = input.labels.filter((label) => !folders.has(label.key)).map((label) => label.key);
  if (missing.length > 0) warnings.push(`${missing.length} label${missing.length === 1 ? ' has' : 's have'} no tree in ${input.treesDir}: ${missing.join(', ')}`);
  const labels = input.labels.filter((label) => folders.has(label.key));

  const counts = new Map(input.mappings.map((mapping) => [mapping.id, EMPTY_CONFUSION]));
  const repositories: RepositoryResult[] = [];
  const disagreements: Disagreement[] = [];
  for (const [index, label] of labels.entries()) {
    input.progress?.(`auditing ${label.repo} (${index + 1} of ${labels.length})`);
    const tree = join(input.treesDir, label.key);
    const { report, facts } = await runAudit({ path: label.subdir ? join(tree, label.subdir) : tree, now: input.now, config: null });
    const head = facts.git?.head ?? null;
    if (head !== label.commit) warnings.push(`${label.repo}: the tree is at ${head ?? 'no git commit'}, the label at ${label.commit}`);
    const unlabelled = input.mappings.filter((mapping) => !label.facts[mapping.id]).map((mapping) => mapping.id);
    if (unlabelled.length > 0) warnings.push(`${label.repo}: no label for ${unlabelled.join(', ')} (left out)`);

    const outcomes: Record<string, Outcome> = {};
    for (const mapping of input.mappings) {
      const labelled = label.facts[mapping.id];
      if (!labelled) continue;
      const reading = readFact(mapping, report, facts);
      outcomes[mapping.id] = outcome(labelled.value, reading.detected);
      counts.set(mapping.id, tally(counts.get(mapping.id)!, labelled.value, reading.detected));
      const result = outcomes[mapping.id];
      if (result === 'fp' || result === 'fn') disagreements.push({ repo: label.repo, fact: mapping.id, kind: result, label: labelled, tool: reading });
    }
    repositories.push(repositoryResult(label, report, outcomes));
  }

  const ml = repositories.filter((repository) => repository.mlProject !== false).sort(byScore);
  const scored = ml.filter((repository) => repository.score !== null);
  const ranked = (cls: MaturityClass) => ml.filter((repository) => repository.class === cls).map((repository) => ({ name: repository.repo, score: repository.score }));
  return {
    generatedAt: input.now.toISOString(),
    tool: input.tool,
    scoringVersion: SCORING_VERSION,
    corpus: repositories.length,
    warnings,
    facts: input.mappings.map((mapping) => ({ id: mapping.id, why: mapping.why, ...precisionRecall(counts.get(mapping.id)!) })),
    overall: precisionRecall(sumConfusions([...counts.values()])),
    ranking: {
      repositories: scored.length,
      spearmanScore: spearman(scored.map((repository) => repository.score!), scored.map((repository) => repository.grade)),
      spearmanLevel: spearman(scored.map((repository) => repository.level), scored.map((repository) => repository.grade)),
      violations: orderViolations(ranked('production'), ranked('poc')),
    },
    repositories: ml,
    notMl: repositories.filter((repository) => repository.mlProject === false).sort(byScore),
    disagreements,
  };
}
