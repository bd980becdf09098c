import { execFileSync } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import { mkdir, realpath, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nearestDotGit, readGitPlace } from '../../src/scan/git-files.js';
import { historyFromFiles, type LogEntry } from '../../src/scan/git-history.js';
import { tempDir } from '../helpers/temp.js';

const GIT_ENV = { PATH: process.env.PATH, HOME: '/nonexistent', GIT_CONFIG_NOSYSTEM: '1' };

function git(cwd: string, args: string[], env: Record<string, string> = {}): string {
  return execFileSync('git', ['-c', 'user.name=Dev', '-c', 'user.email=dev@acme.example', ...args], { cwd, encoding: 'utf8', env: { ...GIT_ENV, ...env } });
}

/** A commit with the author and committer dates given (git orders its walk by the committer's). */
function commit(cwd: string, message: string, { author = '2026-01-01T00:00:00Z', committer = author, email = 'dev@acme.example' } = {}): void {
  git(cwd, ['-c', `user.email=${email}`, 'commit', '--allow-empty', '-q', '--cleanup=verbatim', '-m', message], { GIT_AUTHOR_DATE: author, GIT_COMMITTER_DATE: committer });
}

/** What `git log` lists, read as collectGit reads it. */
function fromGit(cwd: string): LogEntry[] {
  return git(cwd, ['log', '--format=%aE%x09%aI%x09%s', 'HEAD'])
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [email = '', date = '', ...subject] = line.split('\t');
      return { email, date: new Date(date).toISOString(), subject: subject.join('\t') };
    });
}

async function fromFiles(cwd: string): Promise<LogEntry[] | null> {
  const place = await readGitPlace(await nearestDotGit(await realpath(cwd)), {});
  if (place === null || place === 'none' || place.head === null || place.history === null) return null;
  return historyFromFiles(place.history, place.head);
}

async function repository(): Promise<string> {
  const root = await realpath(await tempDir());
  git(root, ['init', '-q', '-b', 'main']);
  return root;
}

/** Commits on two branches merged, with dates out of order (a clock that was wrong) and ties. */
function branchyHistory(root: string): void {
  commit(root, 'root', { author: '2025-01-01T00:00:00Z' });
  git(root, ['checkout', '-q', '-b', 'feature']);
  commit(root, 'feature one', { author: '2025-03-01T00:00:00Z' });
  commit(root, 'feature two, clock behind', { author: '2024-12-01T00:00:00Z' });
  commit(root, 'feature three, the same second as main two', { author: '2025-02-01T00:00:00Z' });
  git(root, ['checkout', '-q', 'main']);
  commit(root, 'main one', { author: '2025-02-01T00:00:00Z' });
  commit(root, 'main two, same second', { author: '2025-02-01T00:00:00Z' });
  git(root, ['merge', '-q', '--no-ff', '-m', 'Merge pull request #7 from acme/feature', 'feature'], { GIT_AUTHOR_DATE: '2025-04-01T00:00:00Z', GIT_COMMITTER_DATE: '2025-04-01T00:00:00Z' });
  commit(root, 'after the merge', { author: '2025-04-01T00:00:00Z', email: 'Ana@Acme.example' });
}

describe('historyFromFiles: the commits git log lists, read from the object store', () => {
  it.each<[string, (root: string) => void]>([
    ['loose objects, merged branches with skewed and equal dates', branchyHistory],
    [
      'subjects as git shows them: paragraphs joined, blank lines and trailing spaces dropped, tabs and accents kept',
      (root) => {
        commit(root, '\n\n  Title over  \r\ntwo lines\t\n\nbody that is not the subject');
        commit(root, 'Ümlaut\tand a tab (#12)');
        commit(root, '   \n');
      },
    ],
    [
      'packs with commits stored as deltas, then loose commits on top',
      (root) => {
        const body = Array.from({ length: 60 }, (_, line) => `line ${line} of a long message that repeats`).join('\n');
        for (let i = 0; i < 12; i++) commit(root, `change ${i}\n\n${body}\nend ${i}`, { author: `2025-05-${String(i + 1).padStart(2, '0')}T00:00:00Z` });
        git(root, ['repack', '-a', '-d', '-f', '-q', '--depth=50', '--window=250']);
        const deltified = git(root, ['verify-pack', '-v', ...readdirSync(join(root, '.git', 'objects', 'pack')).filter((name) => name.endsWith('.idx')).map((name) => join(root, '.git', 'objects', 'pack', name))])
          .split('\n')
          .filter((line) => / commit /.test(line) && line.trim().split(/\s+/).length >= 7);
        // The point of this case: some commit is stored as a delta of another.
        expect(deltified.length).toBeGreaterThan(0);
        commit(root, 'loose after the pack', { author: '2025-06-01T00:00:00Z' });
      },
    ],
  ])('%s', async (_name, build) => {
    const root = await repository();
    build(root);
    const expected = fromGit(root);
    expect(expected.length).toBeGreaterThan(0);
    expect(await fromFiles(root)).toEqual(expected);
  });

  it('stops at a shallow clone’s edge, as git does', async () => {
    const origin = await repository();
    branchyHistory(origin);
    const clone = await realpath(await tempDir());
    git(clone, ['clone', '-q', '--depth', '2', `file://${origin}`, 'c']);
    const shallow = join(clone, 'c');
    const expected = fromGit(shallow);
    expect(expected.length).toBeLessThan(fromGit(origin).length);
    expect(await fromFiles(shallow)).toEqual(expected);
  });

  it.each<[string, (root: string) => Promise<void> | void]>([
    ['a .mailmap, which changes the emails git shows', async (root) => writeFile(join(root, '.mailmap'), 'Ana <ana@acme.example> <dev@acme.example>\n')],
    ['a mailmap named in the config', (root) => void git(root, ['config', 'mailmap.file', '/elsewhere'])],
    ['replace refs, which swap commits', (root) => void git(root, ['replace', 'HEAD', 'HEAD~1'])],
    ['grafts', async (root) => {
      await mkdir(join(root, '.git', 'info'), { recursive: true });
      await writeFile(join(root, '.git', 'info', 'grafts'), '');
    }],
  ])('leaves history rewritten by %s to git', async (_name, prepare) => {
    const root = await repository();
    commit(root, 'one');
    commit(root, 'two');
    await prepare(root);
    expect(await fromFiles(root)).toBeNull();
  });

  it.each<[string, (root: string) => Promise<void> | void]>([
    ['a commit in another encoding', (root) => void git(root, ['-c', 'i18n.commitEncoding=ISO-8859-1', 'commit', '--allow-empty', '-qm', 'latin'])],
    ['objects borrowed from another store (alternates)', async (root) => {
      await mkdir(join(root, '.git', 'objects', 'info'), { recursive: true });
      await writeFile(join(root, '.git', 'objects', 'info', 'alternates'), '/elsewhere/objects\n');
    }],
    ['a missing commit (a partial or broken clone)', (root) => {
      const parent = git(root, ['rev-parse', 'HEAD~1']).trim();
      rmSync(join(root, '.git', 'objects', parent.slice(0, 2), parent.slice(2)));
    }],
    ['a named pipe where an object should be', (root) => {
      const head = git(root, ['rev-parse', 'HEAD']).trim();
      const path = join(root, '.git', 'objects', head.slice(0, 2), head.slice(2));
      rmSync(path);
      execFileSync('mkfifo', [path]);
    }],
  ])('gives git %s, without blocking', async (_name, prepare) => {
    const root = await repository();
    commit(root, 'one');
    commit(root, 'two');
    await prepare(root);
    const place = await readGitPlace(await nearestDotGit(root), {});
    expect(place).toMatchObject({ history: join(root, '.git') });
    if (place === null || place === 'none') throw new Error('a plain repository');
    expect(historyFromFiles(place.history!, place.head!)).toBeNull();
  });
});
