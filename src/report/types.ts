import type { MlProject } from '../score/ml-project.js';
import type { Business } from '../business/types.js';
import type { Finding } from '../rules/finding.js';
import type { Remediation } from '../rules/types.js';
import type { OpenQuestion } from '../roadmap/questions.js';
import type { Roadmap } from '../roadmap/plan.js';
import type { ReportConflict } from './conflicts.js';
import type { MlTestScoreEstimate } from '../score/ml-test-score.js';
import type { CategoryScore, Summary } from '../score/score.js';
import type { ScanWarning } from '../scan/facts.js';
import type { GateResult } from '../gates/gates.js';

/**
 * The one object every renderer, `compare` and any CI step consume. Its JSON Schema is
 * `schemas/report.schema.json`; bump the major version on any change that breaks a reader.
 */
export const REPORT_SCHEMA_VERSION = '1.6.0';

export interface WaiverSummary {
  rule: string;
  reason: string;
  owner?: string;
  expires: string;
  file: string;
  line: number;
}

/** Who the report is for and by: the cover of a consultant's deliverable. Null where not given. */
export interface Cover {
  /** Replaces the default title, "Production readiness: <repository>". */
  title: string | null;
  client: string | null;
  author: string | null;
}

export const NO_COVER: Cover = { title: null, client: null, author: null };

/** The profile an audit ran under: which kind of project it was judged as. */
export interface ReportProfile {
  name: string;
  title: string;
  description: string;
  /** "built-in", or the file (and line, for one a configuration declares) that defines it. */
  source: string;
  /** The built-in profile it starts from. */
  extends: string | null;
}

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
  cover: Cover;
  /** The profile the audit ran under (`--profile`, or the configuration's), or null for none. */
  profile: ReportProfile | null;
  target: {
    name: string;
    /** The path as given on the command line. */
    path: string;
    /**
     * The audited directory's path from the top of its git work tree ('' at the top, `services/model`
     * in a monorepo); absent outside git and in reports older than 1.6. Evidence paths are relative
     * to the audited directory; links to the web host and code scanning's paths start from the top.
     */
    directory?: string;
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
  /**
   * Whether the repository shows ML code at all; when it does not, `summary.score` is null and every
   * format says why. Absent from reports saved before it existed.
   */
  mlProject?: MlProject;
  /** The ML Test Score (Breck et al. 2017) estimated from the findings: a lower bound. */
  mlTestScore: MlTestScoreEstimate;
  categories: CategoryScore[];
  findings: ReportFinding[];
  roadmap: Roadmap;
  /** Unanswered questions that leave rules unknown, most consequential first. */
  questions: OpenQuestion[];
  /** Where the answers and the repository disagree, and which side each finding believed. */
  conflicts: ReportConflict[];
  /** The steering-committee view: budget, timeline and payback, team and skills, regulation. */
  business: Business;
  /** The configuration used, and the waivers it declares that no longer or never applied. */
  config: { file: string | null; expiredWaivers: WaiverSummary[]; unusedWaivers: WaiverSummary[] };
  /** The CI gates checked in this run, each with whether it passed and why. */
  gates: GateResult[];
  /** The comparison with a baseline, when one was given. */
  baseline: { file: string; regressions: string[]; improvements: string[] } | null;
  warnings: ScanWarning[];
}
