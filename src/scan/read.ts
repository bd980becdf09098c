import { closeSync, openSync, readSync } from 'node:fs';

export type ReadResult = { text: string } | { unread: 'too-large' | 'binary' | 'unreadable' };

/** How far into a file to look for a NUL byte, the sign of a binary file (as git does). */
const BINARY_SNIFF_BYTES = 8000;

/** Files up to this size are read into one buffer, reused: the text is a copy, so no read keeps it. */
const SHARED_BYTES = 1024 * 1024;
let shared: Buffer | undefined;

/**
 * Reads a file's text, up to `limit` bytes. Synchronous on purpose: the scan reads tens of
 * thousands of small files one after another, and a blocking read costs a fraction of an
 * asynchronous one's trip through the thread pool.
 */
export function readText(absolutePath: string, bytes: number, limit: number): ReadResult {
  if (bytes > limit) return { unread: 'too-large' };
  let descriptor: number | undefined;
  try {
    descriptor = openSync(absolutePath, 'r');
    const buffer = bytes <= SHARED_BYTES ? (shared ??= Buffer.allocUnsafe(SHARED_BYTES)) : Buffer.allocUnsafe(bytes);
    let offset = 0;
    while (offset < bytes) {
      const read = readSync(descriptor, buffer, offset, bytes - offset, offset);
      if (read === 0) break;
      offset += read;
    }
    const data = buffer.subarray(0, offset);
    if (data.subarray(0, BINARY_SNIFF_BYTES).includes(0)) return { unread: 'binary' };
    const text = data.toString('utf8');
    return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
  } catch {
    return { unread: 'unreadable' };
  } finally {
    if (descriptor !== undefined) closeSync(descriptor);
  }
}
