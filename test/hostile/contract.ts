import { execFile, execFileSync } from 'node:child_process';
import { truncate, writeFile } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import { expect } from 'vitest';
import { BIN } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';

/*
 * The contract every hostile input is held to, whatever its class: the run finishes (a run stopped
 * after `TIMEOUT_MS` is a failure, not a pass), in bounded memory (the CLI runs with a small heap
 * and the main thread's stack, so a file read or parsed whole, or a recursion as deep as the input,
 * crashes it), and bad input is one line on stderr, naming the file, with exit code 2: no stack
 * trace, no "internal error". Each class of input has its own file here; the inputs are made at
 * test time (FIFOs, sparse files, generated YAML), never committed.
 *
 * The built CLI runs in a worker thread (`run`), which loads the program once for all the runs of a
 * test process: a child process per run spent most of its time loading it. A thread is stopped
 * after TIMEOUT_MS wherever its JavaScript is (a regular expression backtracking, a loop) and has
 * its own heap limit; what it cannot escape is a system call that blocks, such as opening a named
 * pipe for reading, and the runs that meet one go to a child process (`runProcess`), killed then.
 */

/** Generous: a hang is forever, and a busy 2-core machine has taken over 20 s for an honest run. */
export const TIMEOUT_MS = 60_000;
/** For a vitest `it`: several runs (see `runAll`), each bounded by TIMEOUT_MS. */
export const CASE_TIMEOUT_MS = 240_000;
/** Runs at once: more only compete for the cores and push an honest run past TIMEOUT_MS. */
const CONCURRENT_RUNS = 2;
/** A small audit needs well under this; reading a 100 MB file into a string does not fit. */
const HEAP_MB = 192;
/** A thread's stack, no larger than a process's main thread has (V8's default, 984 KiB). */
const STACK_MB = 1;
/** The environment CI gives a run: no terminal, no colour settings, a fixed report date. */
const ENVIRONMENT = { PATH: process.env.PATH, HOME: process.env.HOME, SOURCE_DATE_EPOCH: '1795000000' };

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  /** True when the run had to be stopped. */
  hung: boolean;
}

export type Runner = (args: string[]) => Promise<Run>;

/** Runs the built CLI in a child process, the way CI does (no terminal), killed after TIMEOUT_MS. */
export const runProcess: Runner = (args) =>
  new Promise((resolve) => {
    execFile(
      process.execPath,
      [`--max-old-space-size=${HEAP_MB}`, BIN, ...args],
      { env: ENVIRONMENT, timeout: TIMEOUT_MS, killSignal: 'SIGKILL', maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const failed = error as (Error & { code?: number | string; killed?: boolean; signal?: string }) | null;
        resolve({ code: failed ? (typeof failed.code === 'number' ? failed.code : null) : 0, stdout, stderr, hung: failed?.killed === true || failed?.signal === 'SIGKILL' });
      },
    );
  });

/** The thread the runs of this test process share, until one has to be stopped or crashes it. */
let thread: Worker | undefined;
/** One run at a time in it. */
let turn: Promise<unknown> = Promise.resolve();

function startThread(): Worker {
  const worker = new Worker(new URL('./cli-thread.mjs', import.meta.url), { env: ENVIRONMENT, resourceLimits: { maxOldGenerationSizeMb: HEAP_MB, stackSizeMb: STACK_MB } });
  // Left running between runs, it must not keep the test process alive at the end.
  worker.unref();
  return worker;
}

function runInThread(args: string[]): Promise<Run> {
  const worker = (thread ??= startThread());
  return new Promise((resolve) => {
    const finish = (result: Run, healthy: boolean) => {
      clearTimeout(deadline);
      worker.off('message', answered).off('error', crashed).off('exit', exited);
      if (!healthy) {
        thread = undefined;
        void worker.terminate();
      }
      resolve(result);
    };
    const answered = (result: Omit<Run, 'hung'>) => finish({ ...result, hung: false }, true);
    // Out of heap (ERR_WORKER_OUT_OF_MEMORY) or an exception nothing caught: what a crashed process would print.
    const crashed = (error: Error) => finish({ code: null, stdout: '', stderr: `${error.stack ?? error}\n`, hung: false }, false);
    const exited = (code: number) => finish({ code, stdout: '', stderr: `the thread exited with code ${code} before answering\n`, hung: false }, false);
    const deadline = setTimeout(() => finish({ code: null, stdout: '', stderr: '', hung: true }, false), TIMEOUT_MS);
    worker.on('message', answered).on('error', crashed).on('exit', exited);
    worker.postMessage({ args, env: ENVIRONMENT });
  });
}

/** Runs the built CLI in a worker thread, the way CI does (no terminal), stopped after TIMEOUT_MS. */
export const run: Runner = (args) => {
  const result = turn.then(() => runInThread(args));
  turn = result;
  return result;
};

/** Several runs, a few at a time (in the thread, one after the other), results in the order given. */
export async function runAll(argsList: ReadonlyArray<string[]>, runner: Runner = run): Promise<Run[]> {
  const results: Run[] = [];
  for (let start = 0; start < argsList.length; start += CONCURRENT_RUNS) {
    results.push(...(await Promise.all(argsList.slice(start, start + CONCURRENT_RUNS).map((args) => runner(args)))));
  }
  return results;
}

/** Bad input: finished, exit 2, one line `scale-audit: <file>…: <message>` naming `file`. */
export function expectRefused(result: Run, file: string, message?: RegExp): void {
  expect(result.hung, 'the run must finish').toBe(false);
  const lines = result.stderr.split('\n').filter(Boolean);
  expect(lines, result.stderr).toHaveLength(1);
  const line = lines[0]!;
  expect(line.startsWith('scale-audit: '), line).toBe(true);
  expect(line).toContain(file);
  expect(line).not.toMatch(/internal error|\n\s+at /);
  if (message) expect(line).toMatch(message);
  expect(result.code, line).toBe(2);
}

/** A run that carries on: finished, a report, exit 0 or 1 (a gate), nothing crashed. */
export function expectCompleted(result: Run): void {
  expect(result.hung, 'the run must finish').toBe(false);
  expect(result.stderr).not.toMatch(/internal error|\n\s+at /);
  expect([0, 1], result.stderr).toContain(result.code);
}

/**
 * A raw control character other than tab and line feed (in a terminal or a log, a command), a
 * bidirectional override (text that reads other than it is), or a Unicode line separator.
 */
export const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/;

/**
 * Printed text that no input can steer: no raw control character, no line whose text (after any
 * indentation) is a CI workflow command such as GitHub Actions' `::error::`, and no Azure Pipelines
 * command (`##vso[`) anywhere in a line.
 */
export function expectCleanLines(text: string): void {
  expect(text).not.toMatch(RAW_CONTROL);
  expect(text).not.toMatch(/##vso\[/i);
  for (const line of text.split('\n')) expect(line.trimStart(), line).not.toMatch(/^(::|##\[)/);
}

/** A named pipe: reading it blocks until someone writes, which nobody will. */
export function fifo(path: string): string {
  execFileSync('mkfifo', [path]);
  return path;
}

/** A file that says it is `bytes` long and takes no disk space. */
export async function sparse(path: string, bytes: number): Promise<string> {
  await writeFile(path, '');
  await truncate(path, bytes);
  return path;
}

/** A small repository to audit: a few files, no git history, so each run takes a second or two. */
export function smallRepository(extra: Record<string, string | Buffer> = {}): Promise<string> {
  return tempDir({ 'train.py': 'import mlflow\nmlflow.log_metric("auc", 0.9)\n', 'requirements.txt': 'pandas==2.2.0\n', ...extra });
}

/** YAML whose nine aliases of nine aliases … expand to a billion items ("billion laughs"). */
export function aliasBomb(prefix = ''): string {
  const names = 'abcdefghi';
  let text = `${prefix}a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n`;
  for (let i = 1; i < names.length; i++) text += `${names[i]}: &${names[i]} [${Array(9).fill(`*${names[i - 1]}`).join(', ')}]\n`;
  return text;
}
