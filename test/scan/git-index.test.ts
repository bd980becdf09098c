import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseGitIndex } from '../../src/scan/git-index.js';
import { scan } from '../../src/scan/scan.js';
import { tempDir } from '../helpers/temp.js';

const git = (cwd: string, ...args: string[]) => execFileSync('git', ['-c', 'user.email=dev@acme.example', '-c', 'user.name=Dev', ...args], { cwd, env: { PATH: process.env.PATH, HOME: cwd }, stdio: 'ignore' });
const options = { signals: [], now: new Date('2026-11-23T00:00:00Z'), git: false };

/** A repository whose `.gitignore` names files it tracks all the same (added with `git add -f`), as skorch's `.*` does its `.github/`. */
async function repository(): Promise<string> {
  const root = await tempDir({
    '.gitignore': '.*\ndata/\n',
    '.github/workflows/ci.yml': 'on: push\njobs:\n  t:\n    runs-on: x\n    steps:\n      - run: pytest\n',
    '.env': 'OPENAI_API_KEY=sk-proj-abc\n',
    'data/raw.csv.dvc': 'outs:\n- md5: 1\n  path: raw.csv\n',
    'data/raw.csv': 'a,b\n1,2\n',
    'data/cache/blob.bin': 'x',
    'src/train.py': 'import sklearn\n',
  });
  git(root, 'init', '-q');
  git(root, 'add', 'src/train.py');
  git(root, 'add', '-f', '.gitignore', '.github/workflows/ci.yml', 'data/raw.csv.dvc');
  return root;
}

describe("git's index", () => {
  it.each([2, 3, 4])('lists the tracked files of an index of version %i', async (version) => {
    const root = await repository();
    git(root, 'update-index', '--index-version', String(version));
    const tracked = parseGitIndex(readFileSync(join(root, '.git', 'index')), 20)!;
    expect(['.gitignore', '.github/workflows/ci.yml', 'data/raw.csv.dvc', 'src/train.py'].every((path) => tracked.has(path))).toBe(true);
    expect(['.env', 'data/raw.csv', 'src', 'src/train'].some((path) => tracked.has(path))).toBe(false);
    expect(['.github', '.github/workflows', 'data', 'src'].every((path) => tracked.hasUnder(path))).toBe(true);
    expect(['data/cache', 'dat', 'src/train.py'].some((path) => tracked.hasUnder(path))).toBe(false);
  });

  it('is not taken for an index when cut short, counted past its length, or split across a shared index', async () => {
    const root = await repository();
    const bytes = readFileSync(join(root, '.git', 'index'));
    expect(parseGitIndex(bytes.subarray(0, 40), 20)).toBeNull();
    expect(parseGitIndex(bytes.subarray(0, bytes.length - 30), 20)).toBeNull();
    const overcounted = Buffer.from(bytes);
    overcounted.writeUInt32BE(3_000_000, 8);
    expect(parseGitIndex(overcounted, 20)).toBeNull();
    // Read with the wrong length of object names, the entries do not line up.
    expect(parseGitIndex(bytes, 32)).toBeNull();
    git(root, 'update-index', '--split-index');
    expect(parseGitIndex(readFileSync(join(root, '.git', 'index')), 20)).toBeNull();
    expect(parseGitIndex(Buffer.from('not an index at all, just some text of a file'), 20)).toBeNull();
  });
});

describe('the walk with the tracked files', () => {
  it('keeps what git tracks though a .gitignore names it, and nothing else the rules leave out', async () => {
    const root = await repository();
    const facts = await scan(root, options);
    expect(facts.files.paths).toEqual(['.github/workflows/ci.yml', '.gitignore', 'data/raw.csv.dvc', 'src/train.py']);
    expect(facts.ci.pipelines.map((pipeline) => pipeline.path)).toEqual(['.github/workflows/ci.yml']);
    // The untracked .env stays ignored: its key is not reported as committed.
    expect(facts.secrets.findings).toEqual([]);
  });

  it('reads the paths of a project in a monorepo from the top', async () => {
    const root = await tempDir({ 'services/model/.gitignore': 'ci/\n', 'services/model/ci/run.sh': 'pytest\n', 'services/model/ci/scratch.txt': '', 'services/model/train.py': '' });
    git(root, 'init', '-q');
    git(root, 'add', 'services/model/train.py', 'services/model/.gitignore');
    git(root, 'add', '-f', 'services/model/ci/run.sh');
    expect((await scan(join(root, 'services', 'model'), options)).files.paths).toEqual(['.gitignore', 'ci/run.sh', 'train.py']);
  });

  it('walks as before where there is no index or it cannot be read', async () => {
    const root = await tempDir({ '.gitignore': 'data/\n', 'data/x.dvc': '', 'train.py': '' });
    await mkdir(join(root, '.git'));
    expect((await scan(root, options)).files.paths).toEqual(['.gitignore', 'train.py']);
    await writeFile(join(root, '.git', 'index'), 'DIRC garbage');
    expect((await scan(root, options)).files.paths).toEqual(['.gitignore', 'train.py']);
  });
});
