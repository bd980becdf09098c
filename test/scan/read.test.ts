import { execFileSync } from 'node:child_process';
import { chmodSync, lstatSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readText, sizeOf } from '../../src/scan/read.js';
import { tempDir } from '../helpers/temp.js';

const MIB = 1024 * 1024;

/** What the scan decided before it sized files by reading them: `lstat` first, then the read. */
function lstatFirst(path: string, limit: number) {
  const bytes = lstatSync(path).size;
  if (bytes > limit) return { unread: 'too-large', bytes };
  const data = readFileSync(path);
  if (data.subarray(0, 8000).includes(0)) return { unread: 'binary', bytes };
  const text = data.toString('utf8');
  return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, bytes };
}

describe('reading a file sized by its read', () => {
  const files: Record<string, string | Buffer> = {
    'empty.txt': '',
    'small.py': 'import numpy\n',
    'bom.md': '\uFEFF# Title\n',
    'utf8.txt': 'naïve – 東京\n',
    'binary.bin': Buffer.from([0x50, 0x4b, 0x00, 0x01]),
    'nul-late.txt': `${'x'.repeat(9000)}\u0000`,
    // The shared buffer still holds the last file's bytes: NULs past a shorter file's end are not its own.
    'zeros.bin': Buffer.alloc(9000),
    'short-after-zeros.txt': 'ab',
    'nul-just-past-sniff.txt': `${'y'.repeat(8000)}\u0000z`,
    'nul-at-sniff-end.txt': `${'y'.repeat(7999)}\u0000z`,
    'sniff-end-kept.txt': 'w'.repeat(8001),
    'exactly-shared.txt': 'a'.repeat(MIB),
    'one-past-shared.txt': 'b'.repeat(MIB + 1),
    'two-and-a-half.txt': 'c'.repeat(2.5 * MIB),
    'binary-large.bin': Buffer.concat([Buffer.from([0]), Buffer.alloc(1.5 * MIB, 1)]),
  };

  it('gives the text, the verdict and the size that lstat then a read gave, whatever the limit', async () => {
    const root = await tempDir(files);
    for (const limit of [0, 5, 1000, MIB - 1, MIB, MIB + 1, 2 * MIB, 3 * MIB]) {
      for (const name of Object.keys(files)) {
        const path = join(root, name);
        expect(readText(path, limit), `${name} limit ${limit}`).toEqual(lstatFirst(path, limit));
        expect(sizeOf(path)).toBe(lstatSync(path).size);
      }
    }
  });

  // Root reads a file whatever its mode.
  it.skipIf(process.getuid?.() === 0)('sizes a file it cannot open with lstat: too large before unreadable, as before', async () => {
    const root = await tempDir({ 'secret.txt': 'x'.repeat(100) });
    chmodSync(join(root, 'secret.txt'), 0o000);
    expect(readText(join(root, 'secret.txt'), 1000)).toEqual({ unread: 'unreadable', bytes: 100 });
    expect(readText(join(root, 'secret.txt'), 10)).toEqual({ unread: 'too-large', bytes: 100 });
  });

  it('reads a file written as UTF-16 with a byte-order mark as text, either byte order', async () => {
    const freeze = 'fastapi==0.135.2\r\ncatboost==1.2.10\r\n';
    const bigEndian = Buffer.from(`\uFEFF${freeze}`, 'utf16le').swap16();
    const root = await tempDir({
      'le/requirements.txt': Buffer.from(`\uFEFF${freeze}`, 'utf16le'),
      'be/requirements.txt': bigEndian,
      'odd.bin': Buffer.from([0xff, 0xfe, 0x41]),
      'nul.bin': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.alloc(16)]),
    });
    expect(readText(join(root, 'le/requirements.txt'), MIB)).toEqual({ text: freeze, bytes: 2 + 2 * freeze.length });
    expect(readText(join(root, 'be/requirements.txt'), MIB)).toEqual({ text: freeze, bytes: 2 + 2 * freeze.length });
    expect(readText(join(root, 'nul.bin'), MIB)).toEqual({ unread: 'binary', bytes: 18 });
    expect(readText(join(root, 'odd.bin'), MIB)).toMatchObject({ bytes: 3 });
  });

  it('says a file that is gone is gone', async () => {
    const root = await tempDir({});
    expect(readText(join(root, 'nope.txt'), 1000)).toBeNull();
    expect(sizeOf(join(root, 'nope.txt'))).toBe(-1);
  });

  // The walk lists regular files; what replaces one before its read must not hang a scan nor lead out of the tree.
  it.skipIf(process.platform === 'win32')('neither waits on a FIFO nor follows a link found where a listed file was', async () => {
    const root = await tempDir({ 'outside.txt': 'a secret kept elsewhere\n' });
    execFileSync('mkfifo', [join(root, 'pipe.py')]);
    symlinkSync(join(root, 'outside.txt'), join(root, 'link.py'));
    // A blocking open would wait for a writer; this one comes back at once, with nothing read (as empty or unreadable, by platform).
    expect([{ unread: 'unreadable', bytes: 0 }, { text: '', bytes: 0 }]).toContainEqual(readText(join(root, 'pipe.py'), 1000));
    expect(readText(join(root, 'link.py'), 1000)).toEqual({ unread: 'unreadable', bytes: lstatSync(join(root, 'link.py')).size });
  });
});
