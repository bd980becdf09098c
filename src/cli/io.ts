import { isatty } from 'node:tty';
import { InputError } from '../util/errors.js';
import { printable } from '../util/printable.js';
import type { Prompter } from './prompter.js';

export interface OutputStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

/** Everything the CLI touches of its process, so tests can run it in-process. */
export interface CliIO {
  stdout: OutputStream;
  stderr: OutputStream;
  env: Record<string, string | undefined>;
  now: () => Date;
  /** Asks a person questions; present only when one is at a terminal (stdin and stdout are TTYs). */
  prompter?: () => Promise<Prompter>;
}

export function processIO(): CliIO {
  // Asked of the descriptors: reading `process.stdin.isTTY` would open standard input as a stream,
  // loading Node's stream and socket modules, for a run that never reads it.
  const terminal = isatty(0) && isatty(1);
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    now: () => new Date(),
    ...(terminal
      ? { prompter: async () => (await import('./inquirer-prompter.js')).inquirerPrompter({ input: process.stdin, output: process.stdout }, !process.env.NO_COLOR && process.env.TERM !== 'dumb') }
      : {}),
  };
}

/**
 * One line on stderr, `scale-audit: <message>`: every line the tool prints there starts with its
 * name, and nothing in the message (a file name, a gate's text) can start a line of its own.
 */
export function notice(io: CliIO, message: string): void {
  io.stderr.write(`scale-audit: ${printable(message)}\n`);
}

/** The report date: `SOURCE_DATE_EPOCH` (seconds) when set, so that builds are reproducible. */
export function auditDate(io: CliIO): Date {
  const epoch = io.env.SOURCE_DATE_EPOCH;
  if (epoch === undefined || epoch === '') return io.now();
  if (!/^\d+$/.test(epoch)) throw new InputError(`SOURCE_DATE_EPOCH must be a whole number of seconds, got "${epoch}"`);
  return new Date(Number(epoch) * 1000);
}

/** Colour only for people: a terminal, and neither NO_COLOR nor --no-color (FORCE_COLOR overrides). */
export function useColor(io: CliIO, requested: boolean): boolean {
  if (!requested) return false;
  if (io.env.FORCE_COLOR && io.env.FORCE_COLOR !== '0') return true;
  if (io.env.NO_COLOR) return false;
  return io.stdout.isTTY === true && io.env.TERM !== 'dumb';
}
