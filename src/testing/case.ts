import type { AnswerValue } from '../answers/types.js';
import type { Status } from '../rules/finding.js';
import type { Severity } from '../rules/types.js';
import type { GitFacts } from '../scan/facts.js';

/**
 * One case of a rule: a tiny repository (in-memory files, or a folder of files), facts and answers,
 * and what the rule must say about it. The same shape in a `*.tests.yaml` file beside a pack and in
 * a TypeScript table.
 */
export interface RuleCase {
  name: string;
  /** The repository's files, by path (`/`-separated, relative to its root). */
  files?: Record<string, string>;
  /** A folder of files to scan instead of `files`. */
  tree?: string;
  /**
   * Facts merged over the scanned ones: a mapping is merged key by key, anything else replaces. For
   * a rule about facts alone, or a fact a fixture cannot easily show.
   */
  facts?: Record<string, unknown>;
  /** The git history: `null` for no repository; otherwise these values over a repository with some history. */
  git?: Partial<GitFacts> | null;
  answers?: Record<string, AnswerValue>;
  /** The status the rule must give. */
  status: Exclude<Status, 'waived'>;
  /** Text that the evidence must contain (in a path, a line or a detail); each of a list. */
  evidence?: string | string[];
  /** Text the first line of evidence must contain: the proof a report shows first, before the rest. */
  firstEvidence?: string;
  /** The answers and the repository disagree, and the finding believes this side (no conflict when absent). */
  conflict?: 'answer' | 'evidence';
  /** The severity an answer gives the finding, when it is not the rule's own. */
  severity?: Severity;
}

/** Cases by rule id. */
export type RuleCases = Record<string, RuleCase[]>;

/** A repository with some history, a remote and three authors: a case overrides what it is about. */
export function gitFacts(overrides: Partial<GitFacts> = {}): GitFacts {
  return {
    head: '0123456789abcdef0123456789abcdef01234567',
    branch: 'main',
    commits: 42,
    contributors: 3,
    activeContributors12m: 3,
    topAuthorShare12m: 0.5,
    firstCommitDate: '2025-01-01T00:00:00.000Z',
    lastCommitDate: '2026-11-01T00:00:00.000Z',
    tags: 0,
    hasRemote: true,
    webUrl: null,
    mergedPullRequests: 10,
    pullRequestShare: 0.238,
    ...overrides,
  };
}

const isMapping = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/** `over` merged into `base`: mappings key by key, anything else replaced. (Built as entries, so that a key such as `__proto__` is a key.) */
export function mergeFacts(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const keys = new Set([...Object.keys(base), ...Object.keys(over)]);
  return Object.fromEntries(
    [...keys].map((key) => {
      if (!Object.hasOwn(over, key)) return [key, base[key]];
      const [was, value] = [Object.hasOwn(base, key) ? base[key] : undefined, over[key]];
      return [key, isMapping(was) && isMapping(value) ? mergeFacts(was, value) : value];
    }),
  );
}
