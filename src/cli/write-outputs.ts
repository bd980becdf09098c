import { randomBytes } from 'node:crypto';
import { constants, lstatSync, realpathSync, rmSync, statSync, type Stats } from 'node:fs';
import { mkdir, open, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { InputError } from '../util/errors.js';

/*
 * How an output reaches its target. A regular file (or a new one) is replaced atomically: written
 * to a temporary file beside it, renamed into place. A terminal, `/dev/null`, a pipe, or
 * `/dev/stdout` and its kin are written through: replacing them would turn a device into a file
 * (as root, `-o /dev/null` would replace the system's null device). A link to a regular file
 * replaces the file it names and keeps the link. Anything else (a directory, a block device, a
 * socket, a link to nothing) is refused before any work is done.
 */
export type OutputTarget = { kind: 'replace'; file: string } | { kind: 'write-through'; file: string };

const statOrNull = (stat: (path: string) => Stats, path: string): Stats | null => {
  try {
    return stat(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new InputError(`cannot write output: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, path);
  }
};

const isStream = (info: Stats) => info.isCharacterDevice() || info.isFIFO();

/** The process's own descriptors (`/dev/stdout`, `/dev/fd/1`, `/proc/self/fd/1`): always written through. */
const isProcessDescriptor = (path: string) => /^\/(dev|proc)\//.test(resolve(path));

/**
 * `/dev/stdout` and `/dev/stderr` by any of their names. They are written to the process's own
 * streams rather than opened: a socket (what a parent process often gives as stdout) cannot be
 * opened by name at all.
 */
const STANDARD_STREAMS = /^\/(?:dev\/(?:(stdout)|stderr|fd\/(?:(1)|2))|proc\/self\/fd\/(?:(1)|2))$/;

export function standardStream(path: string): 'stdout' | 'stderr' | null {
  const match = STANDARD_STREAMS.exec(resolve(path));
  if (!match) return null;
  return match[1] ?? match[2] ?? match[3] ? 'stdout' : 'stderr';
}

export function outputTarget(path: string): OutputTarget {
  const own = statOrNull(lstatSync, path);
  if (own === null) return { kind: 'replace', file: path };
  const info = own.isSymbolicLink() ? statOrNull(statSync, path) : own;
  if (info === null) throw new InputError('cannot write output: a link to nothing', path);
  if (info.isDirectory()) throw new InputError('cannot write output: is a directory', path);
  if (isStream(info)) return { kind: 'write-through', file: path };
  if (info.isSocket()) throw new InputError('cannot write output: is a socket', path);
  if (!info.isFile()) throw new InputError('cannot write output: not a regular file, a terminal or a pipe', path);
  if (isProcessDescriptor(path)) return { kind: 'write-through', file: path };
  return { kind: 'replace', file: own.isSymbolicLink() ? realpathSync(path) : path };
}

/** The file a path names, links resolved in every directory on the way (for a new file, in its directory's). */
function canonical(path: string): string {
  const stream = standardStream(path);
  if (stream) return `/dev/${stream}`;
  try {
    return realpathSync(path);
  } catch {
    const absolute = resolve(path);
    return dirname(absolute) === absolute ? absolute : join(canonical(dirname(absolute)), basename(absolute));
  }
}

/**
 * Two outputs naming one file would overwrite each other, whatever names they use for it (`./x`,
 * a link to it, a path through a linked directory): refused before anything is written.
 */
export function checkDistinct(paths: readonly string[]): void {
  const seen = new Set<string>();
  for (const path of paths) {
    const key = canonical(path);
    if (seen.has(key)) throw new InputError('cannot write output: named twice (each output needs its own file)', path);
    seen.add(key);
  }
}

async function writeThrough(file: string, content: string): Promise<void> {
  // Appending writes after whatever the descriptor already holds (`>>`), and creates nothing.
  const handle = await open(file, constants.O_WRONLY | constants.O_APPEND);
  try {
    await handle.writeFile(content);
  } finally {
    await handle.close();
  }
}

/** Temporary files of an interrupted write are removed before the process ends on a signal. */
function removeOnSignal(temporaries: readonly string[]): () => void {
  const handlers = (['SIGINT', 'SIGTERM', 'SIGHUP'] as const).map((signal) => {
    const handler = () => {
      for (const file of temporaries) rmSync(file, { force: true });
      process.kill(process.pid, signal);
    };
    process.once(signal, handler);
    return () => process.off(signal, handler);
  });
  return () => handlers.forEach((remove) => remove());
}

/**
 * Writes every output, or none if any cannot be written: replaced files go to temporary files
 * beside their targets, streams are written, and only then are the temporary files renamed into
 * place (a rename within a directory is atomic). A failed write leaves the previous files
 * untouched and no temporary files behind, even when the process is interrupted.
 */
export async function writeOutputs(outputs: ReadonlyArray<{ path: string; content: string }>): Promise<void> {
  checkDistinct(outputs.map((output) => output.path));
  const targets = outputs.map((output) => ({ target: outputTarget(output.path), content: output.content }));
  const staged: Array<{ temporary: string; file: string }> = [];
  const temporaries: string[] = [];
  const unwatch = removeOnSignal(temporaries);
  let current = outputs[0]?.path;
  try {
    for (const { target, content } of targets) {
      if (target.kind !== 'replace') continue;
      current = target.file;
      await mkdir(dirname(target.file), { recursive: true });
      const temporary = `${target.file}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
      temporaries.push(temporary);
      staged.push({ temporary, file: target.file });
      await writeFile(temporary, content, { flag: 'wx' });
    }
    for (const { target, content } of targets) {
      if (target.kind !== 'write-through') continue;
      current = target.file;
      await writeThrough(target.file, content);
    }
    for (const { temporary, file } of staged) await rename(temporary, file);
  } catch (error) {
    await Promise.all(staged.map(({ temporary }) => rm(temporary, { force: true })));
    if (error instanceof InputError) throw error;
    const failure = error as NodeJS.ErrnoException;
    throw new InputError(`cannot write output: ${failure.code ?? failure.message}`, current);
  } finally {
    unwatch();
  }
}
