/**
 * How a reader is told a scanned value: "157 commits", not `git.commits = 157`. A path without
 * words here (a plugin's facts, say) is shown as the path and its value.
 */
export interface FactWords {
  /** The value in a short phrase; `describe` names the items of a list. */
  say(value: unknown, describe: (value: unknown) => string): string;
  /** A share from 0 to 1, whose bounds read as percentages. */
  share?: true;
  /** An expected value, after "needs": "needs a lock file or pinned versions". */
  need?(value: unknown): string;
  /** For a list whose items say where they are (`path` and `line`): one item, shown as found there. */
  item?(item: Record<string, unknown>): string;
}

/** How each pinning level is said, and how it is said as what a rule needs. */
const PINNING: Readonly<Record<string, readonly [said: string, needed: string]>> = {
  locked: ['dependencies locked by a lock file', 'a lock file'],
  pinned: ['dependency versions pinned', 'pinned versions'],
  partial: ['some dependency versions pinned', 'some versions pinned'],
  unpinned: ['no dependency version pinned', 'pinned versions'],
  none: ['no runtime dependency declared', 'declared dependencies'],
  'no-dependencies': ['no dependency to pin: the build declares none', 'pinned versions'],
};

const counted = (one: string, many: string): FactWords => ({
  say: (value) => {
    const n = Array.isArray(value) ? value.length : Number(value ?? 0);
    return n === 0 ? `no ${many}` : `${n} ${n === 1 ? one : many}`;
  },
});

const share = (what: string): FactWords => ({ say: (value) => `${Math.round(Number(value) * 100)}% ${what}`, share: true });

const named = (what: string): FactWords => ({
  say: (value, describe) => (value === null || value === undefined || (Array.isArray(value) && value.length === 0) ? `no ${what}` : `${what}: ${describe(value)}`),
});

export const FACT_WORDS: Readonly<Record<string, FactWords>> = {
  'git.commits': counted('commit', 'commits'),
  'git.mergedPullRequests': counted('merged pull request', 'merged pull requests'),
  'git.activeContributors12m': counted('author in the last 12 months', 'authors in the last 12 months'),
  'git.topAuthorShare12m': share('of the last 12 months’ commits by the most active author'),
  'git.hasRemote': { say: (value) => (value ? 'the repository has a remote' : 'the repository has no remote') },
  'docs.codeowners.rules': counted('CODEOWNERS rule', 'CODEOWNERS rules'),
  'docs.modelCard': named('model card'),
  'dependencies.pinning': {
    say: (value) => PINNING[String(value)]?.[0] ?? `dependency pinning: ${String(value)}`,
    need: (value) => PINNING[String(value)]?.[1] ?? String(value),
  },
  'dependencies.floating': {
    ...counted('runtime requirement without an exact version', 'runtime requirements without an exact version'),
    item: (item) => `${String(item.name)} ${item.spec === '' ? 'with no version' : `${String(item.spec)}, not an exact version`}`,
  },
  'tests.count': counted('test file', 'test files'),
  'notebooks.notebookShare': share('of the code in notebooks'),
  'notebooks.withOutputs': counted('notebook saved with its outputs', 'notebooks saved with their outputs'),
  'files.large': named('large files'),
  'docs.modelResults': {
    say: (value) =>
      Array.isArray(value) && value.length > 0
        ? `${value.length} ${value.length === 1 ? 'document reports' : 'documents report'} evaluation results`
        : 'no README, RESULTS or docs page reports evaluation results',
    item: (item) => `evaluation results reported: ${(item.metrics as string[]).join(', ')}`,
  },
};
