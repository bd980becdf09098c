import { execFileSync, fork, type ChildProcess } from 'node:child_process';
import { truncate, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { tempDir } from '../helpers/temp.js';

/*
 * The contract every hostile input is held to, whatever its class: the run finishes (a kill after
 * `TIMEOUT_MS` is a failure, not a pass), in bounded memory (the CLI runs with a small heap, so a
 * file read or parsed whole crashes it), and bad input is one line on stderr, naming the file, with
 * exit code 2: no stack trace, no "internal error". Each class of input has its own file here;
 * the inputs are made at test time (FIFOs, sparse files, generated YAML), never committed.
 *
 * The built CLI runs in a child process that takes one command line after another
 * (cli-child.mjs): starting a process and loading the program for each run cost most of its time.
 * A run that does not finish in time is killed with its process, wherever it is stuck (a read
 * blocked on a FIFO included), and the next run starts a fresh one; so does a run that crashed it.
 */

/** Generous: a hang is forever, and a busy 2-core machine has taken over 20 s for an honest run. */
export const TIMEOUT_MS = 60_000;
/** For a vitest `it`: several runs (see `runAll`), each bounded by TIMEOUT_MS. */
export const CASE_TIMEOUT_MS = 240_000;
/** A small audit needs well under this; reading a 100 MB file into a string does not fit. */
const HEAP_MB = 192;

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  /** True when the run had to be killed. */
  hung: boolean;
}

interface Runner {
  child: ChildProcess;
  /** What the process itself printed (a crash's last words), as opposed to the run's captured output. */
  printed: string;
}

/** The process the runs of this test process share, until one has to be killed or crashes it. */
let runner: Runner | undefined;
/** One run at a time in it. */
let turn: Promise<unknown> = Promise.resolve();
// Gone with the test process, not a moment after it (when it would see the channel close).
process.on('exit', () => runner?.child.kill('SIGKILL'));

function startRunner(): Runner {
  const child = fork(fileURLToPath(new URL('./cli-child.mjs', import.meta.url)), [], {
    execArgv: [`--max-old-space-size=${HEAP_MB}`],
    // The environment CI gives a run: no terminal, no colour settings, a fixed report date.
    env: { PATH: process.env.PATH, HOME: process.env.HOME, SOURCE_DATE_EPOCH: '1795000000' },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  const started: Runner = { child, printed: '' };
  child.stdout!.on('data', (chunk: Buffer) => (started.printed += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (started.printed += chunk.toString()));
  // Left waiting between runs, it must not keep the test process alive at the end.
  child.unref();
  child.channel?.unref();
  return started;
}

function runInRunner(args: string[]): Promise<Run> {
  const current = (runner ??= startRunner());
  const { child } = current;
  return new Promise((resolve) => {
    const finish = (result: Run, healthy: boolean) => {
      clearTimeout(deadline);
      child.off('message', answered).off('close', exited);
      if (!healthy) {
        runner = undefined;
        child.kill('SIGKILL');
      }
      resolve(result);
    };
    const answered = (result: Omit<Run, 'hung'>) => finish({ ...result, hung: false }, true);
    // Out of heap, or an exception nothing caught: what the process printed is what a user would see.
    const exited = (code: number | null, signal: string | null) => finish({ code, stdout: '', stderr: `${current.printed}\n(the process ended: ${signal ?? `exit ${code}`})\n`, hung: false }, false);
    const deadline = setTimeout(() => finish({ code: null, stdout: '', stderr: '', hung: true }, false), TIMEOUT_MS);
    child.on('message', answered).on('close', exited);
    child.send({ args });
  });
}

/** Runs the built CLI the way CI does (no terminal), killed after TIMEOUT_MS. */
export function run(args: string[]): Promise<Run> {
  const result = turn.then(() => runInRunner(args));
  turn = result;
  return result;
}

/** Several runs, one after the other, results in the order given. */
export function runAll(argsList: ReadonlyArray<string[]>): Promise<Run[]> {
  return Promise.all(argsList.map((args) => run(args)));
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
