import { execFileSync } from 'node:child_process';
import { mkdir, realpath, symlink, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nearestDotGit, parseConfig, readGitPlace, type GitPlace } from '../../src/scan/git-files.js';
import { tempDir } from '../helpers/temp.js';

const run = (cwd: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.email=dev@acme.example', '-c', 'user.name=Dev', ...args], { cwd, encoding: 'utf8', env: { PATH: process.env.PATH, HOME: cwd } }).trim();

/** What git itself answers for the same directory: the answers the file reader must match. */
function fromGit(cwd: string): GitPlace {
  const toplevel = run(cwd, 'rev-parse', '--show-toplevel');
  const head = (() => {
    try {
      return run(cwd, 'rev-parse', '--verify', '-q', 'HEAD');
    } catch {
      return null;
    }
  })();
  const branch = head === null ? null : run(cwd, 'rev-parse', '--abbrev-ref', 'HEAD');
  const tags = run(cwd, 'rev-parse', '--tags').split('\n').filter(Boolean).length;
  let urls = '';
  try {
    urls = run(cwd, 'config', '--get-regexp', '^remote\\..*\\.url$');
  } catch {
    urls = '';
  }
  const remotes = new Map(urls.split('\n').filter(Boolean).map((line) => /^remote\.(.+)\.url (.*)$/.exec(line)!.slice(1, 3) as [string, string]));
  // None of these repositories rewrites its history: where it is stored is the history to read.
  const history = resolve(cwd, run(cwd, 'rev-parse', '--git-common-dir'));
  return { toplevel, head, branch: branch === 'HEAD' ? null : branch, tags, remotes, history };
}

/** What the files say of a directory, found as collectGit finds it. */
async function placeOf(directory: string, env: Record<string, string>) {
  return readGitPlace(await nearestDotGit(await realpath(directory)), env);
}

async function repository(): Promise<string> {
  const root = await realpath(await tempDir({ 'ml/train.py': 'x\n', 'README.md': 'r\n' }));
  run(root, 'init', '-q', '-b', 'main');
  return root;
}

describe('readGitPlace: what the repository files say, checked against git', () => {
  it.each<[string, (root: string) => Promise<string>]>([
    ['a branch with no commit yet', async (root) => root],
    [
      'commits, loose tags (one nested, one annotated) and remotes, from a subdirectory',
      async (root) => {
        run(root, 'add', '.');
        run(root, 'commit', '-qm', 'one');
        run(root, 'tag', 'v1');
        run(root, 'tag', '-a', 'release/2026-05', '-m', 'May');
        run(root, 'remote', 'add', 'origin', 'git@github.com:acme/churn.git');
        run(root, 'remote', 'add', 'fork.v2', 'https://gitlab.com/me/churn');
        run(root, 'config', 'remote.fork.v2.url', 'https://gitlab.com/me/churn2');
        return join(root, 'ml');
      },
    ],
    [
      'packed refs, a tag both packed and loose, and a detached HEAD',
      async (root) => {
        run(root, 'add', '.');
        run(root, 'commit', '-qm', 'one');
        run(root, 'tag', '-a', 'v1', '-m', 'one');
        run(root, 'commit', '--allow-empty', '-qm', 'two');
        run(root, 'pack-refs', '--all');
        run(root, 'tag', '-f', 'v1');
        run(root, 'tag', 'v2');
        run(root, 'checkout', '-q', '--detach', 'HEAD~1');
        return root;
      },
    ],
    [
      'a linked worktree on its own branch',
      async (root) => {
        run(root, 'add', '.');
        run(root, 'commit', '-qm', 'one');
        run(root, 'tag', 'v1');
        run(root, 'worktree', 'add', '-q', '-b', 'feature/x', join(root, '..', `${root.split('/').pop()}-wt`));
        return join(root, '..', `${root.split('/').pop()}-wt`);
      },
    ],
  ])('%s', async (_name, prepare) => {
    const directory = await prepare(await repository());
    expect(await placeOf(directory, {})).toEqual(fromGit(directory));
  });

  it('says there is no repository above a plain directory', async () => {
    const plain = await tempDir({ 'a.py': 'x\n' });
    // A temporary directory could sit inside some repository; this one's answer is git's.
    const gitSays = (() => {
      try {
        run(plain, 'rev-parse', '--show-toplevel');
        return 'repository';
      } catch {
        return 'none';
      }
    })();
    if (gitSays === 'none') expect(await placeOf(plain, {})).toBe('none');
  });

  it.each<[string, (root: string) => Promise<void>]>([
    ['an include in the config', async (root) => run(root, 'config', 'include.path', '../shared.gitconfig')],
    ['a work tree moved by core.worktree', async (root) => run(root, 'config', 'core.worktree', root)],
    ['HEAD as a link', async (root) => {
      await writeFile(join(root, '.git', 'HEAD.real'), 'ref: refs/heads/main\n');
      execFileSync('rm', [join(root, '.git', 'HEAD')]);
      await symlink(join(root, '.git', 'HEAD.real'), join(root, '.git', 'HEAD'));
    }],
    ['a HEAD on something other than a branch', async (root) => writeFile(join(root, '.git', 'HEAD'), 'ref: refs/remotes/origin/main\n')],
    ['a loose ref that is not an object name', async (root) => {
      await mkdir(join(root, '.git', 'refs', 'heads'), { recursive: true });
      await writeFile(join(root, '.git', 'refs', 'heads', 'main'), 'not a commit\n');
    }],
  ])('leaves %s to git', async (_name, prepare) => {
    const root = await repository();
    await prepare(root);
    expect(await placeOf(root, {})).toBeNull();
  });

  it('leaves a repository chosen by the environment to git', async () => {
    const root = await repository();
    expect(await placeOf(root, { GIT_DIR: join(root, '.git') })).toBeNull();
    expect(await placeOf(root, { GIT_CONFIG_COUNT: '1' })).toBeNull();
    expect(await placeOf(root, { GIT_OBJECT_DIRECTORY: join(root, 'elsewhere') })).toMatchObject({ history: null });
  });
});

describe('parseConfig', () => {
  it('reads remotes as git does: quoted values, escapes, comments, names in any case', () => {
    const config = parseConfig(['[core]', '\tbare = false', '[Remote "origin"]', '\tURL = "git@github.com:acme/x.git" ; the main one', '[remote "a\\"b"]', 'url = https://x.example/a\\tb # c', '[remote "origin"]', '\turl = https://github.com/acme/y'].join('\n'));
    expect(config).toEqual({ remotes: new Map([['origin', 'https://github.com/acme/y'], ['a"b', 'https://x.example/a\tb']]), storedHistory: true });
  });

  it.each([
    ['a mailmap', '[mailmap]\nfile = ~/.mailmap'],
    ['another output encoding', '[i18n]\nlogOutputEncoding = ISO-8859-1'],
    ['SHA-256 object names', '[extensions]\nobjectFormat = sha256'],
  ])('marks history changed by %s as one to ask git for', (_name, text) => {
    expect(parseConfig(text)).toMatchObject({ storedHistory: false });
  });

  it.each([
    ['an unclosed quote', '[remote "o"]\nurl = "x'],
    ['a value continued on the next line', '[remote "o"]\nurl = x\\\ny'],
    ['a section it does not know how to read', '[remote.o]\nurl = x'],
    ['includeIf', '[includeIf "gitdir:~/work/"]\npath = w'],
    ['reftable', '[extensions]\nrefStorage = reftable'],
  ])('gives up on %s', (_name, text) => {
    expect(parseConfig(text)).toBeNull();
  });
});
