import type { Severity } from '../rules/types.js';

/** A place in a file the user wrote. */
export interface FileLine {
  file: string;
  line: number;
}

/** A setting a profile brings: from a built-in profile, or from the file and line of a custom one. */
export interface ProfileSource {
  profile: string;
  file?: string;
  line?: number;
}

/** Where a rule, category or condition setting came from: the configuration file, or a profile. */
export type SettingSource = FileLine | ProfileSource;

/** Where a setting came from: a config file and line, a profile, a command-line flag, or the default. */
export type Source = SettingSource | { flag: string } | 'default';

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
  source: SettingSource;
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

/**
 * What a configuration layer sets: rules, category weights and gates. A profile and a configuration
 * file are each one; they apply in order, built-in defaults < profile < file < command line.
 */
export interface Layer {
  rules: Record<string, RuleSetting>;
  categories: Record<string, { weight: number; source: SettingSource }>;
  gates: Gates;
  /** Where each gate value came from. */
  gateSources: Partial<Record<keyof Gates, Source>>;
}

/** A profile as a file or a configuration writes it (schemas/profile.schema.json). */
export interface ProfileDocument {
  title?: string;
  description: string;
  extends?: string;
  conditions?: Record<string, { holds: boolean; reason: string }>;
  rules?: Record<string, Omit<RuleSetting, 'source'>>;
  categories?: Record<string, { weight: number }>;
  gates?: Gates;
}

export interface Config extends Layer {
  /** The configuration file, or null when none was found or given. */
  file: string | null;
  /** The profile the file selects (`profile:`), where it says so; `--profile` overrides it. */
  profile: { name: string; source: FileLine } | null;
  /** The custom profiles the file declares (`profiles:`), each with its place in the file. */
  profiles: Record<string, { document: ProfileDocument; source: FileLine }>;
  /** Extra rule packs, as absolute paths. */
  packs: string[];
  /** Code plugins, as written: loaded only from a configuration the auditor gives from outside the repository. */
  plugins: string[];
  waivers: Waiver[];
  /** Branding; `logo` and `templateDir` as absolute paths. */
  report: { title?: string; client?: string; author?: string; logo?: string; templateDir?: string };
}

export const EMPTY_CONFIG: Config = { file: null, profile: null, profiles: {}, rules: {}, categories: {}, gates: {}, gateSources: {}, packs: [], plugins: [], waivers: [], report: {} };
