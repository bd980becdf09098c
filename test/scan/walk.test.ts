import { lstatSync } from 'node:fs';
import { mkdir, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scan } from '../../src/scan/scan.js';
import { walk, walkedFile } from '../../src/scan/walk.js';
import { tempDir } from '../helpers/temp.js';

const options = { signals: [], now: new Date('2026-11-23T00:00:00Z'), git: false };

describe('walk', () => {
  it('honours nested .gitignore files, including a deeper re-include', async () => {
    const root = await tempDir({
      '.gitignore': 'data/\n*.log\nbuild/\n',
      'train.log': '',
      'src/app.py': '',
      'data/raw.csv': '',
      'logs/.gitignore': '!keep.log\n',
      'logs/keep.log': '',
      'logs/drop.log': '',
      'build/out.txt': '',
    });
    const result = await walk(root, { maxFiles: 1000 });
    expect(result.paths).toEqual(['.gitignore', 'logs/.gitignore', 'logs/keep.log', 'src/app.py']);
  });

  it('skips dependency, cache and environment directories, by name or by their marker file', async () => {
    const root = await tempDir({
      'node_modules/x/index.js': '',
      '.venv/lib/site.py': '',
      'myenv/pyvenv.cfg': '',
      'myenv/lib/python3.11/x.py': '',
      'condaenv/conda-meta/history': '',
      'src/__pycache__/a.pyc': '',
      'pkg.egg-info/PKG-INFO': '',
      '.git/HEAD': 'ref: refs/heads/main\n',
      '.dvc/config': '[core]\n',
      '.dvc/cache/ab/cdef': '',
      'src/model.py': '',
    });
    const result = await walk(root, { maxFiles: 1000 });
    expect(result.paths).toEqual(['.dvc/config', 'src/model.py']);
    expect(result.skippedDirectories).toBe(8);
  });

  it("skips another project's repository copied in whole, not a package of the project's own nor a template's seed", async () => {
    const root = await tempDir({
      '.github/workflows/ci.yml': 'on: push\n',
      LICENSE: 'MIT\n',
      'backend/lib/solaris/.github/ISSUE_TEMPLATE/bug.md': '',
      'backend/lib/solaris/LICENSE.txt': 'Apache-2.0\n',
      'backend/lib/solaris/renovate.json': '{}\n',
      'backend/lib/solaris/tests/test_nets.py': '',
      'packages/core/LICENSE': 'MIT\n',
      'packages/core/pyproject.toml': '',
      'seed/.github/workflows/build.yml': 'on: push\n',
    });
    const result = await walk(root, { maxFiles: 1000 });
    expect(result.paths).toEqual(['.github/workflows/ci.yml', 'LICENSE', 'packages/core/LICENSE', 'packages/core/pyproject.toml', 'seed/.github/workflows/build.yml']);
    expect(result.skippedDirectories).toBe(1);
    // Without a .github of its own, the folder that has one is the repository the project ships: a template's seed code.
    const template = await tempDir({ LICENSE: 'MIT-0\n', 'seedcode/.github/workflows/build.yml': 'on: push\n', 'seedcode/LICENSE': 'MIT-0\n', 'seedcode/pipelines/pipeline.py': '' });
    expect((await walk(template, { maxFiles: 1000 })).paths).toEqual(['LICENSE', 'seedcode/.github/workflows/build.yml', 'seedcode/LICENSE', 'seedcode/pipelines/pipeline.py']);
    // A project of a monorepo whose top has the .github: a folder with its own is a copy again.
    expect((await walk(template, { maxFiles: 1000, within: { top: '/nowhere', directory: 'services/model', github: true } })).paths).toEqual(['LICENSE']);
  });

  it('never follows symbolic links, so a loop or a link out of the repository is harmless', async () => {
    const root = await tempDir({ 'src/model.py': 'x = 1\n' });
    await symlink(root, join(root, 'src', 'loop'));
    await symlink('/etc/passwd', join(root, 'passwd'));
    const result = await walk(root, { maxFiles: 1000 });
    expect(result.paths).toEqual(['src/model.py']);
    expect(result.skippedSymlinks).toBe(2);
  });

  it('stops at the file limit and says so', async () => {
    const root = await tempDir(Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`f${i}.txt`, ''])));
    const facts = await scan(root, { ...options, maxFiles: 10 });
    expect(facts.files.count).toBe(10);
    expect(facts.files.truncated).toBe(true);
    expect(facts.warnings.map((w) => w.message).join()).toMatch(/stopped listing files at 10/);
  });

  it('stops at the same files every time: a directory, then its subdirectories in name order', async () => {
    const files = Object.fromEntries(['a', 'b', 'c'].flatMap((dir) => Array.from({ length: 4 }, (_, i) => [`${dir}/sub/f${i}.txt`, ''])));
    const root = await tempDir({ ...files, 'top.txt': '', 'b/own.txt': '' });
    const listed = async () => (await walk(root, { maxFiles: 7 })).paths;
    const first = await listed();
    expect(first).toEqual(['a/sub/f0.txt', 'a/sub/f1.txt', 'a/sub/f2.txt', 'a/sub/f3.txt', 'b/own.txt', 'b/sub/f0.txt', 'top.txt']);
    for (let i = 0; i < 5; i++) expect(await listed()).toEqual(first);
  });

  it('takes the files of a directory in name order, code unit by code unit, whether it holds few entries or many', async () => {
    // Upper case before lower, digits before letters, `-` before `/`, non-ASCII last: code-unit order, not a locale's.
    const names = ['b.txt', 'B.txt', '_x', 'a-b', 'a.b', 'a', '10', '9', 'é', 'z', 'Z', 'aa'];
    for (const count of [1, 2, names.length, 16, 17, 40]) {
      const chosen = Array.from({ length: count }, (_, i) => (i < names.length ? names[i]! : `n${(count * 7 + i * 13) % 97}-${i}`));
      const root = await tempDir(Object.fromEntries(chosen.map((name) => [`d/${name}`, ''])));
      const sorted = chosen.map((name) => `d/${name}`).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      // Truncated, the walk keeps the first files by name: the order it took them in.
      expect((await walk(root, { maxFiles: Math.max(1, count - 1) })).paths).toEqual(sorted.slice(0, Math.max(1, count - 1)));
    }
  });
});

describe('scan reads', () => {
  it('leaves binary and oversized files unread, and lists large files', async () => {
    const root = await tempDir({
      'model.py': 'import torch\n',
      'weights.py': Buffer.from([0x69, 0x6d, 0x00, 0x70]),
      'big.py': 'x = 1\n'.repeat(100),
    });
    const facts = await scan(root, { ...options, maxFileBytes: 200, largeFileBytes: 500 });
    expect(facts.files.unread).toEqual([
      { path: 'big.py', reason: 'too-large' },
      { path: 'weights.py', reason: 'binary' },
    ]);
    expect(facts.files.large).toEqual([{ path: 'big.py', bytes: 600 }]);
    expect(Object.keys(facts.code.imports)).toEqual(['torch']);
  });

  it('sizes every file as lstat does, read or not, binary, large or empty', async () => {
    const root = await tempDir({
      'model.py': 'import torch\n',
      'logo.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]),
      'empty.txt': '',
      'data/big.csv': 'a,b\n'.repeat(400_000),
      'notes.md': 'é'.repeat(700_000),
    });
    const facts = await scan(root, { ...options, largeFileBytes: 1_000_000 });
    const sizes = facts.files.paths.map((path) => lstatSync(join(root, path)).size);
    expect(facts.files.totalBytes).toBe(sizes.reduce((sum, bytes) => sum + bytes, 0));
    expect(facts.files.large).toEqual([{ path: 'data/big.csv', bytes: 1_600_000 }, { path: 'notes.md', bytes: 1_400_000 }]);
  });

  it('refuses a path that is missing or not a directory', async () => {
    const root = await tempDir({ 'file.txt': '' });
    await expect(scan(join(root, 'nope'), options)).rejects.toThrow('no such directory');
    await expect(scan(join(root, 'file.txt'), options)).rejects.toThrow('not a directory');
  });

  it('says where the audited directory sits in the git work tree holding it, through a link too', async () => {
    const root = await tempDir({ 'services/model/train.py': 'x', 'README.md': '' });
    expect((await scan(root, options)).root).toEqual({ name: expect.any(String), directory: null, fromTop: [] });
    await mkdir(join(root, '.git'));
    expect((await scan(root, options)).root.directory).toBe('');
    expect((await scan(join(root, 'services', 'model'), options)).root).toEqual({ name: 'model', directory: 'services/model', fromTop: [] });
    await symlink(join(root, 'services'), join(root, 'linked'));
    expect((await scan(join(root, 'linked', 'model'), options)).root.directory).toBe('services/model');
  });

  it('gives the same facts for the same tree', async () => {
    const files = Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`pkg${i % 7}/m${i}.py`, `import numpy\nimport mod${i % 5}\n`]));
    const root = await tempDir(files);
    await mkdir(join(root, 'empty'));
    const first = JSON.stringify(await scan(root, options));
    const second = JSON.stringify(await scan(root, options));
    expect(second).toBe(first);
  });
});

describe('walkedFile', () => {
  const files = ['.env', 'a-c', 'a/b', 'a/b/c.py', 'b.txt', 'z'].map((path, i) => ({ path, bytes: i }));

  it('finds a path in the sorted list, and only a path that is there', () => {
    for (const file of files) expect(walkedFile(files, file.path)).toBe(file);
    for (const path of ['', 'a', 'a/', 'a/b/', 'a/b/c', 'zz', '.', 'A-C']) expect(walkedFile(files, path), path).toBeUndefined();
    expect(walkedFile([], 'a')).toBeUndefined();
  });
});
