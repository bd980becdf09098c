import type { Severity } from '../rules/types.js';

/** Where a setting came from: a config file and line, a command-line flag, or the default. */
export type Source = { file: string; line: number } | { flag: string } | 'default';

export interface Gates {
  failUnder?: number;
  failUnderCategory?: Record<string, number>;
  failOn?: Severity;
  minLevel?: number;
  minConfidence?: number;
}

export interface RuleSetting {
  enabled?: boolean;
  reason?: string;
  severity?: Severity;
  weight?: number;
  source: { file: string; line: number };
}

export interface Waiver {
  rule: string;
  paths?: string[];
  reason: string;
  owner?: string;
  /** YYYY-MM-DD, the last day the waiver counts. */
  expires: string;
  source: { file: string; line: number };
}

export interface Config {
  /** The configuration file, or null when none was found or given. */
  file: string | null;
  rules: Record<string, RuleSetting>;
  categories: Record<string, { weight: number; source: { file: string; line: number } }>;
  gates: Gates;
  /** Where each gate value came from. */
  gateSources: Partial<Record<keyof Gates, Source>>;
  /** Extra rule packs, as absolute paths. */
  packs: string[];
  waivers: Waiver[];
  /** Branding; `logo` and `templateDir` as absolute paths. */
  report: { title?: string; client?: string; author?: string; logo?: string; templateDir?: string };
}

export const EMPTY_CONFIG: Config = { file: null, rules: {}, categories: {}, gates: {}, gateSources: {}, packs: [], waivers: [], report: {} };
