import type { Level, Severity } from './types.js';

export type Status = 'pass' | 'partial' | 'fail' | 'unknown' | 'not_applicable';

export const STATUSES: readonly Status[] = ['fail', 'partial', 'unknown', 'pass', 'not_applicable'];

/**
 * One fact behind a finding. `found` and `missing` come from the repository, `answer` from the
 * questionnaire, `fact` from a measured value. `detail` says what was seen, or what was searched
 * for and not seen, in words a reader can check.
 */
export interface Evidence {
  kind: 'found' | 'missing' | 'answer' | 'fact';
  path?: string;
  line?: number;
  cell?: number;
  detail: string;
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
