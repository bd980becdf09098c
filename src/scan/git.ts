import { realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { SimpleGit } from 'simple-git';
import { notAFile } from '../util/read-bounded.js';
import { nearestDotGit, readGitPlace, type DotGit } from './git-files.js';
import { historyFromFiles, type LogEntry } from './git-history.js';
import type { Warn } from './location.js';

export interface GitFacts {
  head: string | null;
  branch: string | null;
  commits: number;
  /** Distinct authors over the whole history, bots (Dependabot, Renovate, CI) left out. */
  contributors: number;
  /** Distinct authors in the twelve months before the audit date. */
  activeContributors12m: number;
  /** Share of the last twelve months' commits made by the most active author, 0..1; null with no commits. */
  topAuthorShare12m: number | null;
  firstCommitDate: string | null;
  lastCommitDate: string | null;
  tags: number;
  hasRemote: boolean;
  /** Web address of the `origin` remote on a known host (GitHub, GitLab, Bitbucket, Azure DevOps), credentials removed. */
  webUrl: string | null;
  /** Commits on the current branch that look like merged pull requests (merge commits or `(#123)` squash titles), not those of bots' pull requests. */
  mergedPullRequests: number;
  /**
   * Merged pull requests per direct commit, 0..1, over the commits read: how much of the history
   * arrived through review. A merge brings several commits, so 0.2 can already mean most work is
   * reviewed. Null without commits.
   */
  pullRequestShare: number | null;
}

const YEAR_MS = 365 * 24 * 60 * 60 * 1000;
/** Enough history for the twelve-month figures on busy repositories, without reading all of a giant's. */
const MAX_LOG_COMMITS = 50_000;
/** Dependency and CI bots commit a lot and know nothing about the model: they are not authors. */
const BOT_AUTHOR = /\[bot\]@|^(dependabot|renovate|github-actions|pre-commit-ci|snyk-bot|greenkeeper)\b|^bot@|noreply@github\.com$/i;
/**
 * How long git may go without a byte of output before it is stopped. A repository can make git
 * block for ever: a named pipe as `.git/HEAD`, `.git/config`, a ref, or a file its config includes.
 * An honest git prints its first line in well under this, even on a busy machine.
 */
const SILENCE_MS = 10_000;
const PULL_REQUEST_SUBJECT = /^Merge pull request #\d+|^Merge branch .+ into |\(#\d+\)\s*$|See merge request /;
/**
 * A pull request a dependency or CI bot opened (Dependabot's and Renovate's branches, pre-commit.ci's
 * update): merging one reviews no change of the team's own, so it is not counted as review.
 */
const BOT_PULL_REQUEST = /^Merge pull request #\d+ from [\w.-]+\/(?:dependabot|renovate|pre-commit-ci-update-config|snyk-(?:fix|upgrade)-)/;

/*
 * The audited repository is untrusted, and a repository's own config can name programs for git to
 * run (an fsmonitor hook, a pager, a signature verifier). Only read-only commands that read no work
 * tree is used, and those settings are overridden on the command line, which wins over the
 * repository's config.
 */
const SAFE_CONFIG = [
  'core.fsmonitor=false',
  'core.hooksPath=/dev/null',
  'core.pager=cat',
  'log.showSignature=false',
  'protocol.allow=never',
];

export function webUrlOf(remote: string): string | null {
  const trimmed = remote.trim().replace(/\.git$/, '');
  // URL parsing would resolve `..` away; a remote that climbs paths is not one we link to.
  if (trimmed.includes('..')) return null;
  const scp = /^[\w.-]+@([\w.-]+):(.+)$/.exec(trimmed);
  let host: string;
  let path: string;
  if (scp) {
    host = scp[1]!;
    path = scp[2]!;
  } else {
    let url: URL;
    try {
      url = new URL(trimmed);
    } catch {
      return null;
    }
    if (!['https:', 'http:', 'ssh:', 'git:'].includes(url.protocol)) return null;
    host = url.hostname;
    path = url.pathname.replace(/^\/+/, '');
  }
  if (!/^(github\.com|gitlab\.com|bitbucket\.org|dev\.azure\.com)$/.test(host)) return null;
  if (!/^[\w.\-/]+$/.test(path)) return null;
  return `https://${host}/${path}`;
}

/** Where the audited directory sits in its repository, what is checked out, and how many tags it has. */
interface Place {
  toplevel: string;
  head: string | null;
  branch: string | null;
  tags: number;
}

/**
 * One process answers all four (`--tags` lists one object name per tag, as many as `git tag --list`
 * names), except in a repository with no commit yet, where HEAD names nothing.
 */
async function locate(git: () => Promise<SimpleGit>): Promise<Place> {
  try {
    const lines = (await (await git()).raw(['rev-parse', '--show-toplevel', 'HEAD', '--tags', '--abbrev-ref', 'HEAD'])).split('\n').filter(Boolean);
    const [toplevel = '', head = ''] = lines;
    const branch = lines.length > 2 ? lines[lines.length - 1]! : '';
    return { toplevel, head: head || null, branch: branch && branch !== 'HEAD' ? branch : null, tags: Math.max(0, lines.length - 3) };
  } catch (error) {
    if (NOT_A_REPOSITORY.test((error as Error).message) || stalled(error)) throw error;
    const [toplevel = '', ...tags] = (await (await git()).raw(['rev-parse', '--show-toplevel', '--tags'])).split('\n').filter(Boolean);
    return { toplevel, head: null, branch: null, tags: tags.length };
  }
}

/**
 * What every git command reads first: the nearest `.git`, its HEAD and its config (links followed,
 * as git follows them). One that is not a regular file (a named pipe) would block git before it
 * printed anything; named here, it costs no wait. (Pipes git reads later are what SILENCE_MS is for.)
 */
async function blockingGitFile(dotGit: DotGit): Promise<string | null> {
  const info = await stat(dotGit.path).catch(() => null);
  if (!info || !info.isDirectory()) return !info || info.isFile() ? null : `.git ${notAFile(info)}`;
  for (const name of ['HEAD', 'config']) {
    const file = await stat(join(dotGit.path, name)).catch(() => null);
    const problem = file && notAFile(file);
    if (problem) return `.git/${name} ${problem}`;
  }
  return null;
}

/** Git's answer when the directory is simply not in a repository: not a problem worth a warning. */
const NOT_A_REPOSITORY = /not a git repository/i;

/** simple-git's timeout plugin names itself on the error it throws. */
const stalled = (error: unknown) => (error as { plugin?: unknown } | null)?.plugin === 'timeout';

/**
 * A git client for the directory, loaded on first use: most repositories' facts come from their
 * files (git-files.ts, git-history.ts), and those audits need neither git nor simple-git.
 */
function gitClient(root: string, silenceMs: number): () => Promise<SimpleGit> {
  let client: Promise<SimpleGit> | undefined;
  return () =>
    (client ??= import('simple-git').then(({ simpleGit }) =>
      simpleGit({
        baseDir: root,
        config: SAFE_CONFIG,
        timeout: { block: silenceMs },
        // By default a command counts as done 50 ms after git exits, output read or not: on a busy
        // machine that cut a long log short. Done is when git's output is closed; a git that
        // holds it open without printing is what the silence timeout stops.
        completion: { onExit: false },
        // simple-git refuses any write to these keys; ours only switch the dangerous behaviour off.
        unsafe: { allowUnsafeFsMonitor: true, allowUnsafeHooksPath: true, allowUnsafePager: true, allowUnsafeProtocolOverride: true },
      }),
    ));
}

const LOG_FORMAT = '--format=%aE%x09%aI%x09%s';

/** What `git log` says of the commits: the same entries `historyFromFiles` reads. */
async function logFromGit(git: () => Promise<SimpleGit>, scope: string[]): Promise<LogEntry[]> {
  const text = await (await git()).raw(['log', `--max-count=${MAX_LOG_COMMITS}`, LOG_FORMAT, 'HEAD', ...scope]);
  return text.split('\n').flatMap((line) => {
    if (!line) return [];
    // A subject can hold a tab of its own.
    const [email = '', date = '', ...subject] = line.split('\t');
    return [{ email, date, subject: subject.join('\t') }];
  });
}

/**
 * History facts for the audited directory. It may be a subdirectory of a repository (a package in
 * a monorepo): commits and authors are then those that touched it (`-- .`). `silenceMs` is for
 * tests, which need not wait SILENCE_MS to see a blocked git stopped.
 */
export async function collectGit(root: string, now: Date, warn: Warn, silenceMs = SILENCE_MS): Promise<GitFacts | null> {
  const git = gitClient(root, silenceMs);
  const directory = await realpath(root);
  const dotGit = await nearestDotGit(directory);
  const blocking = dotGit && (await blockingGitFile(dotGit));
  if (blocking) {
    warn({ message: `git history not read: ${blocking}` });
    return null;
  }
  // Each git process costs a start-up: what the repository's files say plainly is read from them.
  const fromFiles = await readGitPlace(dotGit, process.env);
  if (fromFiles === 'none') return null;
  let place: Place;
  try {
    place = fromFiles ?? (await locate(git));
  } catch (error) {
    if (!NOT_A_REPOSITORY.test((error as Error).message)) warn({ message: `git history not read: ${firstLine(error, silenceMs)}` });
    return null;
  }
  try {
    const { toplevel, head, branch, tags } = place;
    // Limit history to the audited directory only when it is a subdirectory: a path limit also
    // drops merge commits, which the pull-request count needs.
    const scope = (await realpath(toplevel)) === directory ? [] : ['--', '.'];
    // The questions that do not depend on one another go at once.
    const history = head && scope.length === 0 && fromFiles?.history ? historyFromFiles(fromFiles.history, head) : null;
    const [remotes, log] = await Promise.all([
      fromFiles?.remotes ?? remotesFromGit(git),
      history ?? (head ? logFromGit(git, scope) : Promise.resolve([])),
    ]);
    const origin = remotes.get('origin') ?? '';
    const facts: GitFacts = {
      head,
      branch,
      commits: 0,
      contributors: 0,
      activeContributors12m: 0,
      topAuthorShare12m: null,
      firstCommitDate: null,
      lastCommitDate: null,
      tags,
      hasRemote: remotes.size > 0,
      webUrl: origin ? webUrlOf(origin) : null,
      mergedPullRequests: 0,
      pullRequestShare: null,
    };
    if (!head) return facts;

    const since = now.getTime() - YEAR_MS;
    const authors = new Set<string>();
    const recent = new Map<string, number>();
    let recentCommits = 0;
    let read = 0;
    for (const { email, date, subject } of log) {
      read += 1;
      const author = email.toLowerCase();
      const human = !BOT_AUTHOR.test(author);
      if (human) authors.add(author);
      if (human && PULL_REQUEST_SUBJECT.test(subject) && !BOT_PULL_REQUEST.test(subject)) facts.mergedPullRequests += 1;
      const time = Date.parse(date);
      if (human && time >= since && time <= now.getTime()) {
        recent.set(author, (recent.get(author) ?? 0) + 1);
        recentCommits += 1;
      }
    }
    // The log is newest first: its ends are the last and the first commit read.
    if (log.length > 0) {
      facts.lastCommitDate = iso(log[0]!.date);
      facts.firstCommitDate = iso(log[log.length - 1]!.date);
    }
    // The log stops at MAX_LOG_COMMITS; only a longer history needs counting apart.
    facts.commits = read < MAX_LOG_COMMITS ? read : Number((await (await git()).raw(['rev-list', '--count', 'HEAD', ...scope])).trim()) || read;
    facts.pullRequestShare = read === 0 ? null : Math.round((facts.mergedPullRequests / read) * 1000) / 1000;
    facts.contributors = authors.size;
    facts.activeContributors12m = recent.size;
    facts.topAuthorShare12m = recentCommits === 0 ? null : Math.round((Math.max(...recent.values()) / recentCommits) * 1000) / 1000;
    return facts;
  } catch (error) {
    warn({ message: `git history not read: ${firstLine(error, silenceMs)}` });
    return null;
  }
}

async function remotesFromGit(git: () => Promise<SimpleGit>): Promise<Map<string, string>> {
  // Exit status 1 means no remote at all.
  const urls = await (await git()).raw(['config', '--get-regexp', '^remote\\..*\\.url$']).catch(() => '');
  return new Map(urls.split('\n').flatMap((line) => {
    const match = /^remote\.(.+)\.url (.*)$/.exec(line);
    return match ? [[match[1]!, match[2]!] as const] : [];
  }));
}

function firstLine(error: unknown, silenceMs: number): string {
  if (stalled(error)) return `git printed nothing for ${silenceMs / 1000} s and was stopped (is a file in .git, or one its config includes, a named pipe?)`;
  return ((error as Error).message.split('\n').find((line) => line.trim()) ?? 'git failed').trim();
}

function iso(date: string): string {
  const time = Date.parse(date);
  return Number.isNaN(time) ? date : new Date(time).toISOString();
}
