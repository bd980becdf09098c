import { closeSync, constants, fstatSync, openSync, readSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';

/*
 * Objects of a repository read from its object directory, as git stores them: loose files and
 * packs (index version 2, deltas applied). Only what a history walk needs, a commit's bytes by its
 * name. Nothing outside that layout is guessed at: another index version, an object in an
 * alternate store, a file that is not a plain file — each makes the reader give up (`GitObjectsUnread`),
 * and the caller asks git, which costs a process start but knows every layout.
 */

/** Thrown when the object directory holds something this reader does not read: git must be asked. */
export class GitObjectsUnread extends Error {}

const OBJECT_TYPES = ['', 'commit', 'tree', 'blob', 'tag'] as const;
const OFS_DELTA = 6;
const REF_DELTA = 7;
/** Git's own packs chain deltas 50 deep by default; deeper chains are left to git. */
const MAX_DELTA_DEPTH = 64;
/** A commit is a few hundred bytes; one larger than this is left to git rather than held in memory. */
const MAX_OBJECT_BYTES = 4 * 1024 * 1024;
const NAME_BYTES = 20;
/** A pack entry's header: a type and size of up to ten bytes, then a delta's base (an offset of up to ten, or a name). */
const MAX_HEADER_BYTES = 32;
const FIRST_READ_BYTES = 4096;
const IDX_HEADER = Buffer.from([0xff, 0x74, 0x4f, 0x63, 0, 0, 0, 2]);

export interface GitObject {
  type: (typeof OBJECT_TYPES)[number];
  body: Buffer;
}

/** A regular file opened without following a link and without blocking on a pipe; null when there is none. */
function openPlain(path: string): { fd: number; size: number } | null {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOFOLLOW ?? 0));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new GitObjectsUnread();
  }
  const info = fstatSync(fd);
  if (!info.isFile()) {
    closeSync(fd);
    throw new GitObjectsUnread();
  }
  return { fd, size: info.size };
}

/** A small plain file's bytes (a list of names), null when there is none. */
export function readPlainFile(path: string, maxBytes: number): Buffer | null {
  const file = openPlain(path);
  if (!file) return null;
  try {
    if (file.size > maxBytes) throw new GitObjectsUnread();
    return readAt(file.fd, 0, file.size);
  } finally {
    closeSync(file.fd);
  }
}

function readAt(fd: number, position: number, length: number): Buffer {
  const buffer = Buffer.allocUnsafe(length);
  let filled = 0;
  while (filled < length) {
    const read = readSync(fd, buffer, filled, length - filled, position + filled);
    if (read === 0) break;
    filled += read;
  }
  return buffer.subarray(0, filled);
}

function inflated(data: Buffer, expected: number): Buffer {
  try {
    // A stream ends itself: bytes after its end (the next object, in a pack) are not read.
    return inflateSync(data, { maxOutputLength: Math.max(expected, 1) });
  } catch {
    throw new GitObjectsUnread();
  }
}

/** An index-v2 file's magic and version, then the fan-out table, whose last entry counts the pack's objects. */
const INDEX_HEADER_BYTES = IDX_HEADER.length + 256 * 4;

/** The number of objects an index's first bytes declare; another format or version is left to git. */
function objectCount(index: Buffer): number {
  if (index.length < INDEX_HEADER_BYTES || !index.subarray(0, IDX_HEADER.length).equals(IDX_HEADER)) throw new GitObjectsUnread();
  return index.readUInt32BE(INDEX_HEADER_BYTES - 4);
}

/** One pack: its index read whole, its data read object by object. */
class Pack {
  private constructor(
    private readonly index: Buffer,
    private readonly count: number,
    private readonly fd: number,
    private readonly size: number,
  ) {}

  /** The pack whose index is at `idxPath`, or null when its `.pack` is gone (git is repacking). */
  static open(idxPath: string): Pack | null {
    const idx = openPlain(idxPath);
    if (!idx) return null;
    let index: Buffer;
    try {
      index = readAt(idx.fd, 0, idx.size);
    } finally {
      closeSync(idx.fd);
    }
    const count = objectCount(index);
    if (index.length < INDEX_HEADER_BYTES + count * (NAME_BYTES + 8)) throw new GitObjectsUnread();
    const pack = openPlain(`${idxPath.slice(0, -'.idx'.length)}.pack`);
    return pack ? new Pack(index, count, pack.fd, pack.size) : null;
  }

  /** How many objects the pack holds, from its index's header alone. */
  static countIn(idxPath: string): number {
    const idx = openPlain(idxPath);
    if (!idx) return 0;
    try {
      return objectCount(readAt(idx.fd, 0, INDEX_HEADER_BYTES));
    } finally {
      closeSync(idx.fd);
    }
  }

  close(): void {
    closeSync(this.fd);
  }

  /** Where the object named `name` starts in the pack, or -1. */
  offsetOf(name: Buffer): number {
    const fanout = IDX_HEADER.length;
    const first = name[0]!;
    let low = first === 0 ? 0 : this.index.readUInt32BE(fanout + (first - 1) * 4);
    let high = this.index.readUInt32BE(fanout + first * 4);
    const names = INDEX_HEADER_BYTES;
    while (low < high) {
      const middle = (low + high) >>> 1;
      const start = names + middle * NAME_BYTES;
      const order = this.index.compare(name, 0, NAME_BYTES, start, start + NAME_BYTES);
      if (order === 0) return this.offsetAt(middle);
      if (order < 0) low = middle + 1;
      else high = middle;
    }
    return -1;
  }

  private offsetAt(position: number): number {
    const offsets = INDEX_HEADER_BYTES + this.count * (NAME_BYTES + 4);
    const small = this.index.readUInt32BE(offsets + position * 4);
    if (!(small & 0x80000000)) return small;
    const large = offsets + this.count * 4 + (small & 0x7fffffff) * 8;
    if (large + 8 > this.index.length) throw new GitObjectsUnread();
    return this.index.readUInt32BE(large) * 2 ** 32 + this.index.readUInt32BE(large + 4);
  }

  /** The object starting at `offset`, its deltas applied (`store` finds a delta's base named by its name). */
  read(offset: number, store: ObjectStore, depth: number): GitObject {
    if (depth > MAX_DELTA_DEPTH || offset >= this.size) throw new GitObjectsUnread();
    // One read holds most commits whole: the header (type, size, a delta's base) and the stream.
    let chunk = readAt(this.fd, offset, FIRST_READ_BYTES);
    let at = 0;
    let byte = chunk[at++]!;
    const type = (byte >> 4) & 7;
    let size = byte & 15;
    for (let shift = 4; byte & 0x80; shift += 7) {
      if (at >= MAX_HEADER_BYTES || at >= chunk.length) throw new GitObjectsUnread();
      byte = chunk[at++]!;
      size += (byte & 0x7f) * 2 ** shift;
    }
    if (size > MAX_OBJECT_BYTES) throw new GitObjectsUnread();
    let base: GitObject | null = null;
    if (type === OFS_DELTA) {
      byte = chunk[at++]!;
      let distance = byte & 0x7f;
      while (byte & 0x80) {
        if (at >= MAX_HEADER_BYTES || at >= chunk.length) throw new GitObjectsUnread();
        byte = chunk[at++]!;
        distance = (distance + 1) * 128 + (byte & 0x7f);
      }
      if (distance <= 0 || distance > offset) throw new GitObjectsUnread();
      base = this.read(offset - distance, store, depth + 1);
    } else if (type === REF_DELTA) {
      if (at + NAME_BYTES > chunk.length) throw new GitObjectsUnread();
      base = store.readName(chunk.subarray(at, at + NAME_BYTES), depth + 1);
      at += NAME_BYTES;
    } else if (!OBJECT_TYPES[type]) throw new GitObjectsUnread();
    // Deflate seldom grows data by more than a few bytes per block; a stream cut short is read
    // again with a window twice as large, until the pack ends.
    for (let window = Math.max(size + 64, chunk.length - at); ; window *= 2) {
      if (chunk.length < at + window) chunk = readAt(this.fd, offset, at + window);
      try {
        const body = inflateSync(chunk.subarray(at), { maxOutputLength: Math.max(size, 1) });
        if (body.length !== size) break;
        return base ? { type: base.type, body: applyDelta(base.body, body) } : { type: OBJECT_TYPES[type]!, body };
      } catch (error) {
        if (error instanceof GitObjectsUnread || chunk.length < at + window || window > 2 * size + 4096) break;
      }
    }
    throw new GitObjectsUnread();
  }
}

/** Git's delta: the base's and the result's sizes, then copies from the base and inserted bytes. */
function applyDelta(base: Buffer, delta: Buffer): Buffer {
  let at = 0;
  const size = (): number => {
    let value = 0;
    for (let shift = 0; ; shift += 7) {
      if (at >= delta.length) throw new GitObjectsUnread();
      const byte = delta[at++]!;
      value += (byte & 0x7f) * 2 ** shift;
      if (!(byte & 0x80)) return value;
    }
  };
  if (size() !== base.length) throw new GitObjectsUnread();
  const result = Buffer.allocUnsafe(size());
  let written = 0;
  while (at < delta.length) {
    const op = delta[at++]!;
    if (op & 0x80) {
      let offset = 0;
      let length = 0;
      for (let bit = 0; bit < 4; bit++) if (op & (1 << bit)) offset += delta[at++]! * 2 ** (8 * bit);
      for (let bit = 0; bit < 3; bit++) if (op & (0x10 << bit)) length += delta[at++]! * 2 ** (8 * bit);
      if (length === 0) length = 0x10000;
      if (at > delta.length || offset + length > base.length || written + length > result.length) throw new GitObjectsUnread();
      written += base.copy(result, written, offset, offset + length);
    } else if (op > 0) {
      if (at + op > delta.length || written + op > result.length) throw new GitObjectsUnread();
      written += delta.copy(result, written, at, at + op);
      at += op;
    } else throw new GitObjectsUnread();
  }
  if (written !== result.length) throw new GitObjectsUnread();
  return result;
}

/**
 * The objects of one object directory. `open` reads nothing but the directory's listing; packs are
 * opened on first use. `close` releases the packs' descriptors.
 */
export class ObjectStore {
  private packs: Pack[] | undefined;
  private readonly loose = new Map<string, ReadonlySet<string>>();

  private constructor(
    private readonly directory: string,
    private readonly packIndexes: string[],
  ) {}

  /**
   * The store of `directory` (a repository's `objects`). Throws `GitObjectsUnread` when it borrows
   * from another store (alternates), or holds more than `maxPacked` objects in its packs: for a long
   * history one git process is cheaper than reading it here.
   */
  static open(directory: string, maxPacked: number): ObjectStore {
    // Any alternates file, empty or not, is left to git (a non-empty one fails the size limit of 0).
    if (readPlainFile(join(directory, 'info', 'alternates'), 0) !== null) throw new GitObjectsUnread();
    let names: string[];
    try {
      names = readdirSync(join(directory, 'pack'));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new GitObjectsUnread();
      names = [];
    }
    const indexes = names.filter((name) => /^pack-[0-9a-f]{40}\.idx$/.test(name)).sort().map((name) => join(directory, 'pack', name));
    if (names.some((name) => name.endsWith('.idx') && !/^pack-[0-9a-f]{40}\.idx$/.test(name))) throw new GitObjectsUnread();
    let packed = 0;
    for (const index of indexes) if ((packed += Pack.countIn(index)) > maxPacked) throw new GitObjectsUnread();
    return new ObjectStore(directory, indexes);
  }

  close(): void {
    for (const pack of this.packs ?? []) pack.close();
    this.packs = [];
  }

  /** The object named `name` (40 hex digits); a missing one means git must be asked (a partial clone, a store elsewhere). */
  read(name: string): GitObject {
    return this.readName(Buffer.from(name, 'hex'), 0);
  }

  readName(name: Buffer, depth: number): GitObject {
    if (name.length !== NAME_BYTES) throw new GitObjectsUnread();
    // Packs first, as git looks: after a repack most objects are there, and few loose files remain.
    this.packs ??= this.packIndexes.flatMap((index) => Pack.open(index) ?? []);
    for (const pack of this.packs) {
      const offset = pack.offsetOf(name);
      if (offset >= 0) return pack.read(offset, this, depth);
    }
    const loose = this.readLoose(name.toString('hex'));
    if (loose) return loose;
    throw new GitObjectsUnread();
  }

  /** The names in one fan-out directory of loose objects, listed once. */
  private looseNames(prefix: string): ReadonlySet<string> {
    let names = this.loose.get(prefix);
    if (!names) {
      try {
        names = new Set(readdirSync(join(this.directory, prefix)));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new GitObjectsUnread();
        names = new Set();
      }
      this.loose.set(prefix, names);
    }
    return names;
  }

  private readLoose(hex: string): GitObject | null {
    if (!this.looseNames(hex.slice(0, 2)).has(hex.slice(2))) return null;
    const data = readPlainFile(join(this.directory, hex.slice(0, 2), hex.slice(2)), MAX_OBJECT_BYTES);
    if (!data) return null;
    const object = inflated(data, MAX_OBJECT_BYTES + 64);
    const space = object.indexOf(0x20);
    const nul = object.indexOf(0);
    const type = object.toString('latin1', 0, space);
    const size = Number(object.toString('latin1', space + 1, nul));
    if (space <= 0 || nul < space || !OBJECT_TYPES.includes(type as GitObject['type']) || object.length - nul - 1 !== size) throw new GitObjectsUnread();
    return { type: type as GitObject['type'], body: object.subarray(nul + 1) };
  }
}
