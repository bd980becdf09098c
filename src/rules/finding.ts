import type { Level, Severity } from './types.js';

export type Status = 'pass' | 'partial' | 'fail' | 'unknown' | 'not_applicable' | 'waived';

export const STATUSES: readonly Status[] = ['fail', 'partial', 'unknown', 'pass', 'waived', 'not_applicable'];

/**
 * One fact behind a finding. `found` and `missing` come from the repository, `answer` from the
 * questionnaire, `fact` from a measured value, `config` from the configuration file (a rule switched
 * off, a waiver). `detail` says what was seen, or what was searched
 * for and not seen, in words a reader can check.
 */
export interface Evidence {
  kind: 'found' | 'missing' | 'answer' | 'fact' | 'config';
  path?: string;
  line?: number;
  cell?: number;
  detail: string;
  /** False for something seen but not counted as the project's practice (in an example, a disabled pipeline). */
  counted?: false;
  /** True for something that must not be there (a committed credential): the problem itself. */
  problem?: true;
  /**
   * For `missing` evidence whose search is too long for one line: everything looked for. Reports
   * name each such search once, in a note the short `detail` refers to.
   */
  searched?: string;
}

/** An answer the repository contradicts, and which side the finding believed. */
export interface FindingConflict {
  questionId: string;
  /** The answer as given, with its place in the answers file. */
  answer: Evidence;
  /** What the repository shows against it. */
  evidence: Evidence[];
  believed: 'answer' | 'evidence';
  why: string;
}

export interface Finding {
  ruleId: string;
  title: string;
  category: string;
  severity: Severity;
  level: Level;
  status: Status;
  /** 1 pass, 0.5 partial, 0 fail; null when unknown or not applicable. */
  score: number | null;
  message: string;
  evidence: Evidence[];
  /** Questions whose answers this rule reads: answering them settles an `unknown`. */
  questions: string[];
  /** Present when an answer changed the rule's own severity (e.g. a high-risk system): from what, and why. */
  severityChange?: { from: Severity; because: Evidence[] };
  /** Present when answers and the repository disagree. */
  conflicts?: FindingConflict[];
  /** The weight in scores, when the configuration overrides the severity's. */
  weight?: number;
  /** For a `waived` finding: the waiver, and the status it would have without it. */
  waiver?: { reason: string; owner?: string; expires: string; file: string; line: number; status: Status };
}

export function scoreOf(status: Status): number | null {
  switch (status) {
    case 'pass':
      return 1;
    case 'partial':
      return 0.5;
    case 'fail':
      return 0;
    default:
      return null;
  }
}
