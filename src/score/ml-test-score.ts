import type { Finding } from '../rules/finding.js';

/** The ML Test Score's tests and their evidence rules, as declared in data/ml-test-score.yaml. */
export interface MlTestScoreModel {
  sections: Array<{ id: string; title: string; tests: Array<{ id: string; title: string; rules: string[] }> }>;
  bands: Array<{ above: number; upTo: number; meaning: string }>;
}

export interface MlTestScoreEstimate {
  /** The paper's final score: the lowest section sum, 0–7. */
  score: number;
  /** The paper's reading of that score (its Table V). */
  meaning: string;
  /** Tests with no known evidence; they count 0, so the score is a lower bound. */
  unknownTests: number;
  sections: Array<{
    id: string;
    title: string;
    score: number;
    tests: Array<{ id: string; title: string; score: number | null; ruleIds: string[] }>;
  }>;
}

/**
 * Each test scores the best of its rules' findings (pass 1, partial 0.5, fail 0), as the paper gives
 * 1 for an automated, repeated test and 0.5 for one done by hand. A test whose rules are all unknown
 * or not applicable is unknown and counts 0.
 */
export function estimateMlTestScore(findings: readonly Finding[], model: MlTestScoreModel): MlTestScoreEstimate {
  const scoreOf = new Map(findings.map((finding) => [finding.ruleId, finding.score]));
  let unknownTests = 0;
  const sections = model.sections.map((section) => {
    const tests = section.tests.map((test) => {
      const known = test.rules.map((id) => scoreOf.get(id)).filter((score): score is number => typeof score === 'number');
      const score = known.length === 0 ? null : Math.max(...known);
      if (score === null) unknownTests += 1;
      return { id: test.id, title: test.title, score, ruleIds: test.rules };
    });
    return { id: section.id, title: section.title, score: tests.reduce((sum, test) => sum + (test.score ?? 0), 0), tests };
  });
  const score = Math.min(...sections.map((section) => section.score));
  const band = model.bands.find((candidate) => score > candidate.above && score <= candidate.upTo) ?? model.bands.at(-1)!;
  return { score, meaning: band.meaning, unknownTests, sections };
}
