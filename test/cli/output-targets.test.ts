import { execFileSync, spawn } from 'node:child_process';
import { existsSync, lstatSync } from 'node:fs';
import { mkdir, readdir, readFile, readlink, symlink, writeFile } from 'node:fs/promises';
import { once } from 'node:events';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { BIN, cli, cliProcess, expectUsageError, fixture } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';

/* Where `--output`, `--out-dir` and `--write-baseline` may write, and what happens to what is there. */

const isRoot = process.getuid?.() === 0;

/** A character device like /dev/null made in a temporary directory (root only), so a regression cannot harm the machine's. */
function nullDevice(dir: string): string {
  const device = join(dir, 'null');
  execFileSync('mknod', [device, 'c', '1', '3']);
  return device;
}

describe('output targets', () => {
  it.skipIf(!isRoot)('a character device is written through and stays a device', async () => {
    const repo = await fixture('notebook-poc');
    const dir = await tempDir();
    const device = nullDevice(dir);
    const link = join(dir, 'null-link');
    await symlink(device, link);
    for (const target of [device, link]) {
      const result = await cli([repo, '--format', 'json', '--output', target]);
      expect(result.code, result.stderr).toBe(0);
    }
    expect(lstatSync(device).isCharacterDevice()).toBe(true);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(await readdir(dir)).toEqual(['null', 'null-link']);
  });

  it('/dev/stdout prints the report to standard output', async () => {
    const repo = await fixture('notebook-poc');
    const result = await cliProcess([repo, '--format', 'json', '--output', '/dev/stdout']);
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout).target.name).toBe('notebook-poc');
  });

  it('a named pipe is written through to its reader', async () => {
    const repo = await fixture('notebook-poc');
    const dir = await tempDir();
    const fifo = join(dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    const reader = spawn('cat', [fifo]);
    let read = '';
    reader.stdout.on('data', (chunk: Buffer) => (read += chunk.toString()));
    const closed = new Promise((done) => reader.on('close', done));
    const result = await cli([repo, '--format', 'md', '--output', fifo]);
    await closed;
    expect(result.code, result.stderr).toBe(0);
    expect(read).toContain('notebook-poc');
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });

  it('a link to a regular file replaces the file and keeps the link', async () => {
    const repo = await fixture('notebook-poc');
    const dir = await tempDir({ 'reports/latest.json': 'old' });
    await symlink(join(dir, 'reports', 'latest.json'), join(dir, 'current.json'));
    const result = await cli([repo, '--format', 'json', '--output', join(dir, 'current.json')]);
    expect(result.code, result.stderr).toBe(0);
    expect(await readlink(join(dir, 'current.json'))).toBe(join(dir, 'reports', 'latest.json'));
    expect(JSON.parse(await readFile(join(dir, 'reports', 'latest.json'), 'utf8')).target.name).toBe('notebook-poc');
    expect((await readdir(join(dir, 'reports'))).sort()).toEqual(['latest.json']);
  });

  it.each([
    ['a directory', async (dir: string) => (await mkdir(join(dir, 'target')), join(dir, 'target')), /target: cannot write output: is a directory/],
    ['a link to nothing', async (dir: string) => (await symlink(join(dir, 'nowhere'), join(dir, 'target')), join(dir, 'target')), /target: cannot write output: a link to nothing/],
  ])('%s is refused before the scan, with nothing written', async (_, make, message) => {
    const repo = await fixture('notebook-poc');
    const dir = await tempDir();
    const target = await make(dir);
    const before = await readdir(dir);
    expectUsageError(await cli([repo, '--format', 'json', '--output', target]), message);
    expect(await readdir(dir)).toEqual(before);
    expect(existsSync(join(dir, 'nowhere'))).toBe(false);
  });

  it.each([
    ['the same path', async (dir: string) => join(dir, '.', 'x.json')],
    ['a link to it', async (dir: string) => (await symlink('x.json', join(dir, 'y.json')), join(dir, 'y.json'))],
    ['a path through a linked directory', async (dir: string) => (await symlink('.', join(dir, 'here')), join(dir, 'here', 'x.json'))],
  ])('the same file named by --output and by --write-baseline as %s is refused, with nothing written', async (_, baseline) => {
    const repo = await fixture('notebook-poc');
    const dir = await tempDir({ 'x.json': 'previous' });
    const other = await baseline(dir);
    const before = await readdir(dir);
    const result = await cli([repo, '--format', 'json', '--output', join(dir, 'x.json'), '--write-baseline', other]);
    expectUsageError(result, /cannot write output: named twice/);
    expect(await readdir(dir)).toEqual(before);
    expect(await readFile(join(dir, 'x.json'), 'utf8')).toBe('previous');
  });

  it('a run interrupted while writing leaves no temporary file behind', async () => {
    const repo = await fixture('notebook-poc');
    const out = await tempDir();
    // A pipe is written through after the files are staged, and opening it waits for a reader:
    // the run stops there with the Markdown staged beside its target.
    execFileSync('mkfifo', [join(out, 'report.json')]);
    const child = spawn(process.execPath, [BIN, repo, '--format', 'md,json', '--out-dir', out], { stdio: 'ignore' });
    try {
      while (!(await readdir(out)).some((name) => name.endsWith('.tmp'))) await sleep(20);
      child.kill('SIGTERM');
      const [, signal] = (await once(child, 'close')) as [number | null, NodeJS.Signals | null];
      expect(signal).toBe('SIGTERM');
      expect(await readdir(out)).toEqual(['report.json']);
    } finally {
      child.kill('SIGKILL');
    }
  });

  it.skipIf(!existsSync('/dev/full'))('a full disk is one line naming stdout and exit 2', async () => {
    const repo = await fixture('notebook-poc');
    const run = execFileSync('sh', ['-c', `"${process.execPath}" "${BIN}" "${repo}" --format json 2>&1 >/dev/full; echo "exit=$?"`], { encoding: 'utf8' });
    expect(run).toMatch(/^scale-audit: cannot write to stdout: ENOSPC\nexit=2\n$/);
  });
});
