import { execFile } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { cp } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { tempDir } from './temp.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BIN = join(ROOT, 'bin', 'scale-audit.js');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI in a child process, the way a user or CI does. */
export function cli(args: string[], options: { env?: Record<string, string>; cwd?: string } = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { cwd: options.cwd ?? ROOT, env: { PATH: process.env.PATH, HOME: process.env.HOME, ...options.env }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/**
 * A copy of a fixture outside any repository (so this project's own git history does not leak
 * in), optionally committed to a fresh git repository with fixed dates, so its commit is stable.
 */
export async function fixture(name: string, options: { git?: boolean } = {}): Promise<string> {
  const dir = join(await tempDir(), name);
  await cp(join(ROOT, 'test', 'fixtures', name), dir, { recursive: true });
  if (options.git) {
    const env = { ...process.env, GIT_AUTHOR_DATE: '2026-10-01T10:00:00Z', GIT_COMMITTER_DATE: '2026-10-01T10:00:00Z' };
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.email=ds@acme.example', '-c', 'user.name=Data Scientist', ...args], { cwd: dir, env, stdio: 'ignore' });
    git('init', '-q', '-b', 'main');
    git('add', '-A');
    git('commit', '-qm', 'Initial import (#1)');
    git('remote', 'add', 'origin', 'git@github.com:acme/churn.git');
  }
  return dir;
}

/** A user mistake: exit 2 and one line on stderr, never a stack trace. */
export function expectUsageError(result: CliResult, message: RegExp): void {
  expect(result.code).toBe(2);
  expect(result.stderr).toMatch(message);
  expect(result.stderr.trim().split('\n')).toHaveLength(1);
  expect(result.stderr).not.toMatch(/\n\s+at /);
}
