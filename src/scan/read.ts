import { closeSync, constants, fstatSync, lstatSync, openSync, readSync } from 'node:fs';

/** A file's text or why it was left unread, with its size in bytes. */
export type ReadResult = ({ text: string } | { unread: 'too-large' | 'binary' | 'unreadable' }) & { bytes: number };

/** How far into a file to look for a NUL byte, the sign of a binary file (as git does). */
const BINARY_SNIFF_BYTES = 8000;

/** Files up to this size are read into one buffer, reused: the text is a copy, so no read keeps it. */
const SHARED_BYTES = 1024 * 1024;
let shared: Buffer | undefined;

/**
 * The walk lists regular files only, but a path may be swapped for something else before it is
 * read (on any thread): a link is not followed out of the tree, and a FIFO or a device does not
 * block the read (a FIFO without a writer reads as empty). Windows has neither flag.
 */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

/** A file's size as `lstat` gives it, or -1 when it cannot be had (the file is gone). */
export function sizeOf(absolutePath: string): number {
  try {
    return lstatSync(absolutePath, { throwIfNoEntry: false })?.size ?? -1;
  } catch {
    return -1;
  }
}

/**
 * Whether the buffer's first `end` bytes hold a NUL; `end` is below the buffer's length (a buffer is
 * at least SHARED_BYTES long). Without a view of them: making two views of the buffer per file (for
 * the sniff, then for the text) cost more than the search itself. A NUL put at `end` stops the
 * search there, whatever an earlier, longer file left in the shared buffer beyond.
 */
function hasNul(buffer: Buffer, end: number): boolean {
  const kept = buffer[end]!;
  buffer[end] = 0;
  const at = buffer.indexOf(0);
  buffer[end] = kept;
  return at < end;
}

/**
 * A file that opens with UTF-16's byte-order mark, as Windows PowerShell writes `pip freeze >
 * requirements.txt`: text, though every other byte of it is NUL. Null for anything else, and for
 * what decodes to NULs near its start (binary data that happens to open with those two bytes).
 */
function utf16Text(buffer: Buffer, bytes: number): string | null {
  const littleEndian = buffer[0] === 0xff && buffer[1] === 0xfe;
  if (bytes < 2 || bytes % 2 !== 0 || !(littleEndian || (buffer[0] === 0xfe && buffer[1] === 0xff))) return null;
  const body = Buffer.from(buffer.subarray(2, bytes));
  const text = (littleEndian ? body : body.swap16()).toString('utf16le');
  return text.slice(0, BINARY_SNIFF_BYTES / 2).includes('\0') ? null : text;
}

/**
 * Reads a file's text, up to `limit` bytes, and gives its size: a file that fits the shared buffer
 * is sized by reading it to its end, a larger one by `fstat` on the open file, and only one that
 * cannot be opened or read by `lstat` (its size then decides between too large and unreadable, as
 * it would have before any read). Null when the file is gone. Synchronous on purpose: the scan
 * reads tens of thousands of small files one after another, and a blocking read costs a fraction
 * of an asynchronous one's trip through the thread pool.
 */
export function readText(absolutePath: string, limit: number): ReadResult | null {
  let descriptor: number | undefined;
  try {
    descriptor = openSync(absolutePath, OPEN_FLAGS);
    let buffer = (shared ??= Buffer.allocUnsafe(SHARED_BYTES));
    // A regular file's read comes back short only at its end: asking again to hear so, or asking
    // for its size first, would cost a system call per file.
    let bytes = readSync(descriptor, buffer, 0, SHARED_BYTES, 0);
    if (bytes === SHARED_BYTES) {
      const size = fstatSync(descriptor).size;
      if (size > limit) return { unread: 'too-large', bytes: size };
      if (size > SHARED_BYTES) {
        buffer = Buffer.allocUnsafe(size);
        shared.copy(buffer);
        for (let read = 1; bytes < size && read > 0; bytes += read) read = readSync(descriptor, buffer, bytes, size - bytes, bytes);
      }
    }
    if (bytes > limit) return { unread: 'too-large', bytes };
    const utf16 = utf16Text(buffer, bytes);
    if (utf16 !== null) return { text: utf16, bytes };
    if (hasNul(buffer, Math.min(bytes, BINARY_SNIFF_BYTES))) return { unread: 'binary', bytes };
    const text = buffer.toString('utf8', 0, bytes);
    return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, bytes };
  } catch {
    const bytes = sizeOf(absolutePath);
    if (bytes < 0) return null;
    return { unread: bytes > limit ? 'too-large' : 'unreadable', bytes };
  } finally {
    if (descriptor !== undefined) closeSync(descriptor);
  }
}
