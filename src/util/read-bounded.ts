import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { InputError } from './errors.js';

const KIB = 1024;
const MIB = 1024 * KIB;

/**
 * How much the tool reads of a file someone names. A file written by a person (answers, a
 * configuration, assumptions, a rule pack, a template, ignore rules) is a few kilobytes; these
 * limits are far above that and far below what would exhaust memory or time on parsing.
 */
export const DOCUMENT_BYTES = 2 * MIB;
/** A saved report or baseline: written by the tool, larger, still parsed whole. */
export const SAVED_DOCUMENT_BYTES = 64 * MIB;

export interface ReadLimit {
  /** What the file is, for messages: "cannot read <what>: …". */
  what: string;
  maxBytes: number;
}

/** A size as a person reads it: "2 MiB", "512 KiB". */
export function size(bytes: number): string {
  return bytes >= MIB ? `${Math.ceil(bytes / MIB)} MiB` : bytes >= KIB ? `${Math.ceil(bytes / KIB)} KiB` : `${bytes} bytes`;
}

/** Only a regular file has an end: a FIFO or a device can block a read forever or never stop. */
export function notAFile(info: Stats): string | null {
  if (info.isFile()) return null;
  if (info.isDirectory()) return 'is a directory';
  if (info.isFIFO()) return 'is a named pipe (FIFO), not a file';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'is a device, not a file';
  if (info.isSocket()) return 'is a socket, not a file';
  return 'is not a regular file';
}

const REASONS: Record<string, string> = {
  ENOENT: 'no such file',
  ENOTDIR: 'no such file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'is a directory',
  ELOOP: 'too many levels of symbolic links',
  ENAMETOOLONG: 'file name too long',
};

/**
 * As `readBounded`, with null for a file that does not exist. Read with synchronous calls: the
 * files it is for are a person's few kilobytes, which a system call each reads sooner than a round
 * trip through libuv's thread pool per step (stat, open, stat, read, read, close), and an audit
 * reads a dozen of them before it starts.
 */
export async function readBoundedIfExists(file: string, limit: ReadLimit, shownAs = file): Promise<Buffer | null> {
  const refuse = (reason: string) => new InputError(`cannot read ${limit.what}: ${reason}`, shownAs);
  const tooLarge = (bytes?: number) => refuse(`too large: ${bytes === undefined ? 'more than' : `${size(bytes)}, at most`} ${size(limit.maxBytes)} allowed`);
  try {
    // Checked before opening, so that opening has no effect on a device; checked again on the
    // descriptor, in case the file was swapped in between. Opened without blocking: a FIFO swapped
    // in is refused, not waited on.
    const named = statSync(file);
    if (notAFile(named)) throw refuse(notAFile(named)!);
    if (named.size > limit.maxBytes) throw tooLarge(named.size);
    const fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    try {
      const info = fstatSync(fd);
      if (notAFile(info)) throw refuse(notAFile(info)!);
      if (info.size > limit.maxBytes) throw tooLarge(info.size);
      // One byte more than allowed tells a file that fits from one that grew or lied about its size
      // (a file in /proc says 0).
      let buffer = Buffer.alloc(Math.min(info.size, limit.maxBytes) + 1);
      let filled = 0;
      for (;;) {
        if (filled === buffer.length) {
          if (filled > limit.maxBytes) throw tooLarge();
          const grown = Buffer.alloc(Math.min(buffer.length * 2 + 4096, limit.maxBytes + 1));
          buffer.copy(grown);
          buffer = grown;
        }
        const bytesRead = readSync(fd, buffer, filled, buffer.length - filled, filled);
        if (bytesRead === 0) return buffer.subarray(0, filled);
        filled += bytesRead;
      }
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    if (error instanceof InputError) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (code === 'ENOENT' || code === 'ENOTDIR') return null;
    throw refuse(REASONS[code] ?? (code || (error as Error).message));
  }
}

/**
 * The bytes of a file that a user, a configuration or the tool names: a regular file of at most
 * `limit.maxBytes`, or an `InputError` naming the file. It never blocks (a FIFO or a device is
 * refused before it is read) and never reads more than one byte past the limit.
 */
export async function readBounded(file: string, limit: ReadLimit, shownAs = file): Promise<Buffer> {
  const bytes = await readBoundedIfExists(file, limit, shownAs);
  if (bytes === null) throw new InputError(`cannot read ${limit.what}: no such file`, shownAs);
  return bytes;
}

/** A text file (UTF-8), bounded as `readBounded`. */
export async function readBoundedText(file: string, limit: ReadLimit, shownAs = file): Promise<string> {
  return (await readBounded(file, limit, shownAs)).toString('utf8');
}

export async function readBoundedTextIfExists(file: string, limit: ReadLimit): Promise<string | null> {
  return (await readBoundedIfExists(file, limit))?.toString('utf8') ?? null;
}
