import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectGit, webUrlOf } from '../../src/scan/git.js';
import { tempDir } from '../helpers/temp.js';

function git(cwd: string, ...args: string[]): void {
  execFileSync('git', args, { cwd, stdio: 'ignore', env: { ...process.env, GIT_AUTHOR_DATE: '', GIT_COMMITTER_DATE: '' } });
}

function commit(cwd: string, email: string, date: string, message: string): void {
  execFileSync('git', ['-c', `user.email=${email}`, '-c', 'user.name=Dev', 'commit', '--allow-empty', '-qm', message, '--date', date], {
    cwd,
    stdio: 'ignore',
    env: { ...process.env, GIT_COMMITTER_DATE: date },
  });
}

const now = new Date('2026-11-23T00:00:00Z');

describe('collectGit', () => {
  it('counts commits, authors (not bots), the top author share over the last year, and merged pull requests', async () => {
    const root = await tempDir({ 'a.txt': 'a' });
    git(root, 'init', '-q', '-b', 'main');
    commit(root, 'old@acme.example', '2024-01-10T10:00:00Z', 'initial');
    commit(root, 'ana@acme.example', '2026-03-01T10:00:00Z', 'Add training (#12)');
    commit(root, 'ana@acme.example', '2026-04-01T10:00:00Z', 'Merge pull request #13 from acme/x');
    commit(root, 'ANA@acme.example', '2026-05-01T10:00:00Z', 'Tune');
    commit(root, 'bo@acme.example', '2026-06-01T10:00:00Z', 'Fix');
    commit(root, '49699333+dependabot[bot]@users.noreply.github.com', '2026-05-15T10:00:00Z', 'Bump numpy');
    // Merging a bot's pull request, or a bot's squashed one, reviews nothing of the team's.
    commit(root, 'ana@acme.example', '2026-05-16T10:00:00Z', 'Merge pull request #14 from acme/dependabot/pip/numpy-2.1.0');
    commit(root, '29139614+renovate[bot]@users.noreply.github.com', '2026-05-17T10:00:00Z', 'Update dependency torch to v2.5 (#15)');
    git(root, 'tag', 'v1.0.0');
    git(root, '-c', 'user.email=a@acme.example', '-c', 'user.name=A', 'tag', '-a', 'release/2026-05', '-m', 'May release', 'HEAD~1');
    git(root, 'remote', 'add', 'origin', 'git@github.com:acme/churn.git');
    const warnings: unknown[] = [];
    const facts = await collectGit(root, now, (w) => warnings.push(w));
    expect(warnings).toEqual([]);
    expect(facts).toMatchObject({
      branch: 'main',
      commits: 8,
      contributors: 3,
      activeContributors12m: 2,
      topAuthorShare12m: 0.8,
      firstCommitDate: '2024-01-10T10:00:00.000Z',
      lastCommitDate: '2026-05-17T10:00:00.000Z',
      tags: 2,
      hasRemote: true,
      webUrl: 'https://github.com/acme/churn',
      mergedPullRequests: 2,
      pullRequestShare: 0.25,
    });
    expect(facts!.head).toMatch(/^[0-9a-f]{40}$/);
  });

  it('counts only the commits that touched the audited subdirectory of a monorepo', async () => {
    const root = await tempDir({ 'ml/train.py': 'x', 'web/app.js': 'y' });
    git(root, 'init', '-q', '-b', 'main');
    git(root, 'add', 'ml');
    commit(root, 'ds@acme.example', '2026-02-01T00:00:00Z', 'ml');
    git(root, 'add', 'web');
    commit(root, 'fe@acme.example', '2026-03-01T00:00:00Z', 'web');
    const facts = await collectGit(join(root, 'ml'), now, () => {});
    expect(facts).toMatchObject({ commits: 1, contributors: 1, topAuthorShare12m: 1, lastCommitDate: '2026-02-01T00:00:00.000Z' });
  });

  it('reads a repository with no commit yet, and a detached head with remotes other than origin', async () => {
    const root = await tempDir({ 'a.txt': 'a' });
    git(root, 'init', '-q', '-b', 'main');
    const warnings: unknown[] = [];
    expect(await collectGit(root, now, (w) => warnings.push(w))).toMatchObject({ head: null, branch: null, commits: 0, tags: 0, hasRemote: false, webUrl: null });
    expect(warnings).toEqual([]);

    commit(root, 'a@acme.example', '2026-01-01T00:00:00Z', 'one');
    commit(root, 'a@acme.example', '2026-01-02T00:00:00Z', 'two');
    git(root, 'checkout', '-q', '--detach', 'HEAD~1');
    git(root, 'tag', 'v0.1');
    git(root, 'remote', 'add', 'my.fork', 'https://github.com/someone/churn.git');
    const detached = await collectGit(root, now, () => {});
    expect(detached).toMatchObject({ branch: null, commits: 1, tags: 1, hasRemote: true, webUrl: null });
    expect(detached!.head).toMatch(/^[0-9a-f]{40}$/);
  });

  it('is null outside a repository, without a warning', async () => {
    const root = await tempDir({ 'a.txt': 'a' });
    const warnings: unknown[] = [];
    expect(await collectGit(root, now, (w) => warnings.push(w))).toBeNull();
    expect(warnings).toEqual([]);
  });

  it('never runs programs named by the audited repository’s git config', async () => {
    const root = await tempDir({ 'a.txt': 'a' });
    git(root, 'init', '-q');
    commit(root, 'a@acme.example', '2026-01-01T00:00:00Z', 'x');
    const marker = join(root, 'pwned');
    const hook = `sh -c 'touch ${marker}'`;
    await writeFile(
      join(root, '.git', 'config'),
      `[core]\n\trepositoryformatversion = 0\n\tfsmonitor = ${hook}\n\tpager = ${hook}\n\thooksPath = /tmp\n[log]\n\tshowSignature = true\n[gpg]\n\tprogram = ${hook}\n`,
    );
    await collectGit(root, now, () => {});
    expect(existsSync(marker)).toBe(false);
  });

  it.skipIf(process.platform === 'win32')('reads all of what git prints, however long after git exits it is read', async () => {
    const root = await tempDir({ 'ml/train.py': 'x' });
    git(root, 'init', '-q', '-b', 'main');
    git(root, 'add', 'ml');
    commit(root, 'ds@acme.example', '2026-02-01T00:00:00Z', 'one');
    await writeFile(join(root, 'ml', 'eval.py'), 'y');
    git(root, 'add', 'ml');
    commit(root, 'ds@acme.example', '2026-03-01T00:00:00Z', 'two');
    // On a busy machine git's output can still sit in the pipe after git has exited. This git
    // exits at once and leaves its output to a process that writes it later, on the same pipe.
    const realGit = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
    const bin = await tempDir({ git: `#!/bin/sh
( sleep 0.3; exec ${realGit} "$@" ) &
exit 0
` });
    await chmod(join(bin, 'git'), 0o755);
    const path = process.env.PATH;
    process.env.PATH = `${bin}:${path}`;
    try {
      // A subdirectory: its history comes from git rather than from .git's files.
      const facts = await collectGit(join(root, 'ml'), now, () => {});
      expect(facts).toMatchObject({ commits: 2, firstCommitDate: '2026-02-01T00:00:00.000Z' });
    } finally {
      process.env.PATH = path;
    }
  });

  it.skipIf(process.platform === 'win32')('stops a git that waits on a named pipe its config includes, with a warning', { timeout: 60_000 }, async () => {
    const root = await tempDir({ 'a.txt': 'a' });
    git(root, 'init', '-q');
    commit(root, 'a@acme.example', '2026-01-01T00:00:00Z', 'x');
    execFileSync('mkfifo', [join(root, 'included')]);
    await writeFile(join(root, '.git', 'config'), `[core]\n\trepositoryformatversion = 0\n[include]\n\tpath = ${join(root, 'included')}\n`);
    const warnings: Array<{ message: string }> = [];
    // Stopped after 1 s of silence rather than the 10 s an audit allows: the test is that it is stopped.
    expect(await collectGit(root, now, (w) => warnings.push(w), 1_000)).toBeNull();
    expect(warnings).toEqual([{ message: expect.stringMatching(/^git history not read: git printed nothing for 1 s and was stopped/) }]);
  });
});

describe('webUrlOf', () => {
  it.each([
    ['git@github.com:acme/churn.git', 'https://github.com/acme/churn'],
    ['https://gitlab.com/acme/ml/churn.git', 'https://gitlab.com/acme/ml/churn'],
    ['https://token:x-oauth@github.com/acme/churn', 'https://github.com/acme/churn'],
    ['ssh://git@bitbucket.org/acme/churn.git', 'https://bitbucket.org/acme/churn'],
    ['https://git.internal.acme/churn.git', null],
    ['file:///srv/git/churn', null],
    ['https://github.com/acme/../../evil', null],
  ])('%s → %s', (remote, url) => {
    expect(webUrlOf(remote)).toBe(url);
  });
});
