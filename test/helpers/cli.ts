import { execFile, execFileSync, type ExecFileException } from 'node:child_process';
import { constants } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import type { CliIO, OutputStream } from '../../src/cli/io.js';
import { run } from '../../src/cli/main.js';
import { copyTree, tempDir } from './temp.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BIN = join(ROOT, 'bin', 'scale-audit.js');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  env?: Record<string, string>;
  cwd?: string;
  /** In-process runs only: stderr is a terminal. */
  terminal?: boolean;
  /** In-process runs only: the CLI's clock. */
  now?: () => Date;
}

/** What a child process would be given: only PATH and HOME from ours, plus the test's variables. */
const environment = (options: CliOptions) => ({ PATH: process.env.PATH, HOME: process.env.HOME, ...options.env });

/**
 * Runs the built CLI in a child process, the way a user or CI does: for what only a process shows
 * (the bin script, exit statuses, a closed pipe, a full disk, signals, its own stdout by name).
 */
export function cliProcess(args: string[], options: CliOptions = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd: options.cwd ?? ROOT, env: environment(options), maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) =>
      resolve({ code: error ? exitCodeOf(error) : 0, stdout, stderr }),
    );
  });
}

/**
 * A child killed by a signal has no exit code: it reads as a shell reads it (128 + the signal's
 * number: 139 for SIGSEGV), so a crash never passes for the CLI's own exit 1.
 */
function exitCodeOf(error: ExecFileException): number {
  if (typeof error.code === 'number') return error.code;
  const signal = error.signal ? constants.signals[error.signal] : undefined;
  return signal === undefined ? 1 : 128 + signal;
}

/** An output stream that keeps what is written to it, as a terminal when `terminal` says so. */
export function capture(terminal = false): OutputStream & { text: string } {
  return {
    text: '',
    isTTY: terminal,
    write(chunk: string) {
      this.text += chunk;
      return true;
    },
  };
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
const processState = () => ({ exitCode: process.exitCode, listeners: SIGNALS.map((signal) => process.listenerCount(signal)) });

/** The working directory is the process's: runs take turns, each in its own directory. */
let turn: Promise<unknown> = Promise.resolve();

/**
 * Runs the CLI in this process, through the `run(argv, io)` seam the bin script uses, with what a
 * child process would have: the working directory, only the given environment, no terminal.
 * A run that left the process changed (its exit code, a signal handler) fails the test: the CLI
 * must be embeddable.
 */
export function cli(args: string[], options: CliOptions = {}): Promise<CliResult> {
  const result = turn.then(async () => {
    const before = processState();
    const stdout = capture();
    const stderr = capture(options.terminal);
    const io: CliIO = { stdout, stderr, env: environment(options), now: options.now ?? (() => new Date()) };
    const home = process.cwd();
    process.chdir(options.cwd ?? ROOT);
    try {
      const code = await run(args, io);
      expect(processState(), 'the process as the run found it').toEqual(before);
      return { code, stdout: stdout.text, stderr: stderr.text };
    } finally {
      process.chdir(home);
    }
  });
  turn = result.catch(() => undefined);
  return result;
}

/** Each fixture committed once per test process: four git processes cost more than copying the result. */
const committed = new Map<string, Promise<string>>();

async function commit(name: string): Promise<string> {
  const dir = join(await tempDir(), name);
  copyTree(join(ROOT, 'test', 'fixtures', name), dir);
  const env = { ...process.env, GIT_AUTHOR_DATE: '2026-10-01T10:00:00Z', GIT_COMMITTER_DATE: '2026-10-01T10:00:00Z' };
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.email=ds@acme.example', '-c', 'user.name=Data Scientist', ...args], { cwd: dir, env, stdio: 'ignore' });
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-qm', 'Initial import (#1)');
  git('remote', 'add', 'origin', 'git@github.com:acme/churn.git');
  return dir;
}

/**
 * A copy of a fixture outside any repository (so this project's own git history does not leak
 * in), optionally committed to a fresh git repository with fixed dates, so its commit is stable.
 */
export async function fixture(name: string, options: { git?: boolean } = {}): Promise<string> {
  let source = join(ROOT, 'test', 'fixtures', name);
  if (options.git) {
    if (!committed.has(name)) committed.set(name, commit(name));
    source = await committed.get(name)!;
  }
  const dir = join(await tempDir(), name);
  copyTree(source, dir);
  return dir;
}

/** A user mistake: exit 2 and one line on stderr, never a stack trace. */
export function expectUsageError(result: CliResult, message: RegExp): void {
  expect(result.code).toBe(2);
  expect(result.stderr).toMatch(message);
  expect(result.stderr.trim().split('\n')).toHaveLength(1);
  expect(result.stderr).not.toMatch(/\n\s+at /);
}
