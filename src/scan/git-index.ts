import { closeSync, fstatSync, openSync, readSync, constants } from 'node:fs';
import { compareStrings } from '../util/compare.js';

/*
 * The files git tracks, read from the work tree's index (`.git/index`) without running git. Git
 * applies ignore rules to untracked files only: a tracked file stays in the repository whatever a
 * `.gitignore` says (skorch's `.gitignore` holds `.*`, and its tracked `.github/` runs its CI), so
 * the walk keeps what the index lists. The index is the audited repository's data: read bounded,
 * each length checked, and any layout this reader does not know (a split index) read as unknown.
 */

/** An index of a monorepo of a few hundred thousand files is tens of megabytes. */
const MAX_INDEX_BYTES = 256 * 1024 * 1024;
const MAX_ENTRIES = 4_000_000;
const DIRECTORY_MODE = 0o040000;
const MODE_TYPE = 0o170000;

export interface TrackedFiles {
  /** Whether git tracks the file at this path (from the work tree's top). */
  has(path: string): boolean;
  /** Whether git tracks a file below this directory (a path from the top, without a trailing slash). */
  hasUnder(directory: string): boolean;
}

/** A sorted list of tracked paths; a sparse index's directory entries end with `/` and stand for all below them. */
class SortedPaths implements TrackedFiles {
  constructor(private readonly paths: readonly string[]) {}

  private firstNotBefore(path: string): number {
    let low = 0;
    let high = this.paths.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (compareStrings(this.paths[middle]!, path) < 0) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  has(path: string): boolean {
    if (this.paths[this.firstNotBefore(path)] === path) return true;
    return this.underSparseDirectory(path);
  }

  hasUnder(directory: string): boolean {
    const prefix = `${directory}/`;
    return this.paths[this.firstNotBefore(prefix)]?.startsWith(prefix) === true || this.underSparseDirectory(directory);
  }

  /** A sparse index lists a directory it keeps out of the work tree as `dir/`: everything below it is tracked. */
  private underSparseDirectory(path: string): boolean {
    for (let slash = path.indexOf('/'); slash > 0; slash = path.indexOf('/', slash + 1)) {
      if (this.paths[this.firstNotBefore(path.slice(0, slash + 1))] === path.slice(0, slash + 1)) return true;
    }
    return false;
  }
}

/** Git's offset varint (index v4's prefix lengths): each continuation adds one before shifting. */
function varint(bytes: Uint8Array, at: number): { value: number; next: number } | null {
  let byte = bytes[at++];
  if (byte === undefined) return null;
  let value = byte & 0x7f;
  while (byte & 0x80) {
    byte = bytes[at++];
    if (byte === undefined || value > 0xffffff) return null;
    value = ((value + 1) << 7) | (byte & 0x7f);
  }
  return { value, next: at };
}

/**
 * The paths an index lists, or null for bytes this reader does not take for a whole index of
 * versions 2 to 4 (or one split across a shared index, whose entries are elsewhere). `hashBytes`:
 * 20 for SHA-1 repositories, 32 for SHA-256 ones.
 */
export function parseGitIndex(bytes: Uint8Array, hashBytes: number): TrackedFiles | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 12 + hashBytes || view.getUint32(0) !== 0x44495243 /* DIRC */) return null;
  const version = view.getUint32(4);
  const count = view.getUint32(8);
  if (version < 2 || version > 4 || count > MAX_ENTRIES) return null;
  const end = bytes.length - hashBytes;
  // Names are decoded as the walk's `readdir` decodes them, so that a name that is not UTF-8 reads the same in both.
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const paths: string[] = [];
  let previous: Uint8Array = new Uint8Array(0);
  let at = 12;
  try {
    for (let i = 0; i < count; i++) {
      const flagsAt = at + 40 + hashBytes;
      if (flagsAt + 2 > end) return null;
      const mode = view.getUint32(at + 24);
      const flags = view.getUint16(flagsAt);
      const extended = (flags & 0x4000) !== 0;
      if (extended && version < 3) return null;
      const nameAt = flagsAt + 2 + (extended ? 2 : 0);
      let name: Uint8Array;
      let path: string;
      if (version === 4) {
        const strip = varint(bytes, nameAt);
        if (!strip || strip.value > previous.length) return null;
        const nul = bytes.indexOf(0, strip.next);
        if (nul < 0 || nul >= end) return null;
        name = new Uint8Array(previous.length - strip.value + (nul - strip.next));
        name.set(previous.subarray(0, previous.length - strip.value));
        name.set(bytes.subarray(strip.next, nul), previous.length - strip.value);
        path = Buffer.from(name.buffer, name.byteOffset, name.byteLength).toString('utf8');
        at = nul + 1;
      } else {
        const nul = bytes.indexOf(0, nameAt);
        if (nul < 0 || nul >= end) return null;
        // The name's length is in the flags unless it is too long for their 12 bits.
        if ((flags & 0xfff) !== 0xfff && nul - nameAt !== (flags & 0xfff)) return null;
        name = bytes.subarray(nameAt, nul);
        path = text.toString('utf8', nameAt, nul);
        // Entries are padded with NULs to a multiple of eight bytes.
        at += (nameAt - at + name.length + 8) & ~7;
      }
      previous = name;
      // Entries of a merge in progress list a path once per stage.
      if (paths[paths.length - 1] === path) continue;
      paths.push((mode & MODE_TYPE) === DIRECTORY_MODE && !path.endsWith('/') ? `${path}/` : path);
    }
    // Extensions follow; a split index keeps most entries in a shared file this reader does not follow.
    while (at + 8 <= end) {
      const signature = String.fromCharCode(bytes[at]!, bytes[at + 1]!, bytes[at + 2]!, bytes[at + 3]!);
      if (signature === 'link') return null;
      at += 8 + view.getUint32(at + 4);
    }
  } catch {
    // A length that reads past the end.
    return null;
  }
  return new SortedPaths(paths.sort(compareStrings));
}

/** The work tree's index, or null when there is none, it is not a plain file, or it is too large. */
function readGitIndex(file: string): Uint8Array | null {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch {
    return null;
  }
  try {
    const info = fstatSync(fd);
    if (!info.isFile() || info.size > MAX_INDEX_BYTES) return null;
    const bytes = new Uint8Array(info.size);
    let read = 0;
    while (read < bytes.length) {
      const got = readSync(fd, bytes, read, bytes.length - read, null);
      if (got === 0) break;
      read += got;
    }
    return read === bytes.length ? bytes : null;
  } catch {
    return null;
  } finally {
    closeSync(fd);
  }
}

/** The files the index of a repository whose object names are `hashBytes` long lists; null when it cannot be read whole. */
export function trackedFiles(file: string, hashBytes: number): TrackedFiles | null {
  const bytes = readGitIndex(file);
  return bytes && parseGitIndex(bytes, hashBytes);
}
