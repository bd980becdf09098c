import { join } from 'node:path';
import { InputError } from '../util/errors.js';
import { didYouMean } from '../util/suggest.js';
import { notice, type CliIO } from './io.js';
import { checkDistinct, outputTarget, standardStream, writeOutputs } from './write-outputs.js';

/*
 * Where a command's results go, the same for every command that writes documents (`audit`,
 * `render`, `compare`, `portfolio`): `--format` names one or more formats, stdout takes one,
 * `--output` names the file for one, `--out-dir` takes several, and files are written all or none.
 */

export interface OutputFlags {
  format: string;
  output?: string;
  outDir?: string;
}

export interface Destination<F extends string> {
  format: F;
  /** null for stdout. */
  path: string | null;
}

export interface Output {
  path: string | null;
  content: string;
}

const ALIASES: Record<string, string> = { markdown: 'md', txt: 'text', terminal: 'text' };

export function parseFormats<F extends string>(value: string, allowed: readonly F[]): F[] {
  const formats: F[] = [];
  for (const raw of value.split(',').map((part) => part.trim().toLowerCase()).filter(Boolean)) {
    const name = allowed.includes(raw as F) ? raw : ALIASES[raw];
    if (name === undefined || !allowed.includes(name as F)) throw new InputError(`--format: unknown format "${raw}"${didYouMean(raw, allowed)}; expected ${allowed.join(', ')}`);
    if (!formats.includes(name as F)) formats.push(name as F);
  }
  if (formats.length === 0) throw new InputError(`--format: no format given; expected ${allowed.join(', ')}`);
  return formats;
}

/** Decides where each format goes before anything runs, so a bad combination or target fails fast. */
export function destinations<F extends string>(formats: readonly F[], flags: OutputFlags, fileName: (format: F) => string, others: readonly string[] = []): Array<Destination<F>> {
  const chosen = chooseDestinations(formats, flags, fileName);
  const paths = [...chosen.flatMap((destination) => (destination.path === null ? [] : [destination.path])), ...others];
  checkDistinct(paths);
  for (const path of paths) if (!standardStream(path)) outputTarget(path);
  return chosen;
}

function chooseDestinations<F extends string>(formats: readonly F[], flags: OutputFlags, fileName: (format: F) => string): Array<Destination<F>> {
  if (flags.output && flags.outDir) throw new InputError('--output and --out-dir cannot be used together');
  if (flags.output) {
    if (formats.length > 1) throw new InputError('--output takes one format; use --out-dir to write several');
    return [{ format: formats[0]!, path: flags.output }];
  }
  if (flags.outDir) return formats.map((format) => ({ format, path: join(flags.outDir!, fileName(format)) }));
  if (formats.length > 1) throw new InputError('several formats need --out-dir <dir> (stdout takes one)');
  return [{ format: formats[0]!, path: null }];
}

/** Writes the files (all or none, see `writeOutputs`), then prints what goes to stdout or stderr. */
export async function emit(outputs: readonly Output[], io: CliIO): Promise<void> {
  const stream = (output: Output) => (output.path === null ? 'stdout' : standardStream(output.path));
  const files = outputs.filter((output): output is { path: string; content: string } => stream(output) === null);
  await writeOutputs(files);
  for (const output of outputs) {
    const name = stream(output);
    if (name) io[name].write(output.content);
  }
  if (files.length > 0) notice(io, `wrote ${files.map((output) => output.path).join(', ')}`);
}
