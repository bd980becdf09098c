import type { Finding } from '../rules/finding.js';
import type { Remediation } from '../rules/types.js';
import type { OpenQuestion } from '../roadmap/questions.js';
import type { Roadmap } from '../roadmap/plan.js';
import type { MlTestScoreEstimate } from '../score/ml-test-score.js';
import type { CategoryScore, Summary } from '../score/score.js';
import type { ScanWarning } from '../scan/facts.js';

/**
 * The one object every renderer, `compare` and any CI step consume. Its JSON Schema is
 * `schemas/report.schema.json`; bump the major version on any change that breaks a reader.
 */
export const REPORT_SCHEMA_VERSION = '1.0.0';

export interface ReportFinding extends Finding {
  why: string;
  detection: string;
  remediation: Remediation;
  requires: string[];
  references: string[];
}

export interface Report {
  schemaVersion: string;
  tool: { name: string; version: string };
  ruleset: { digest: string; packs: string[]; rules: number };
  scoringVersion: number;
  generatedAt: string;
  target: {
    name: string;
    /** The path as given on the command line. */
    path: string;
    commit: string | null;
    branch: string | null;
    /** Web address of the repository, when its remote is on a known host. */
    url: string | null;
  };
  answers: { path: string | null; answered: number; questions: number };
  /** What the scan examined, so a reader can judge the evidence. */
  scan: {
    files: number;
    notebooks: number;
    skippedDirectories: number;
    skippedSymlinks: number;
    unreadFiles: number;
    truncated: boolean;
    git: boolean;
  };
  summary: Summary;
  /** The ML Test Score (Breck et al. 2017) estimated from the findings: a lower bound. */
  mlTestScore: MlTestScoreEstimate;
  categories: CategoryScore[];
  findings: ReportFinding[];
  roadmap: Roadmap;
  /** Unanswered questions that leave rules unknown, most consequential first. */
  questions: OpenQuestion[];
  warnings: ScanWarning[];
}
