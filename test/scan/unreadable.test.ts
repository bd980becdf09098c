import { chmod } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scan } from '../../src/scan/scan.js';
import { tempDir } from '../helpers/temp.js';

describe('unreadable files', () => {
  // Root reads a file whatever its mode: there, nothing is unreadable this way.
  it.skipIf(process.getuid?.() === 0)('names a file it could not read in a warning, and carries on', async () => {
    const root = await tempDir({ 'requirements.txt': 'numpy==1.26.2\n', 'train.py': 'import numpy\n' });
    await chmod(join(root, 'requirements.txt'), 0o000);
    const facts = await scan(root, { signals: [], git: false });
    expect(facts.warnings).toContainEqual({ path: 'requirements.txt', message: 'could not read the file: it is left out of the audit' });
    expect(facts.files.unread).toContainEqual({ path: 'requirements.txt', reason: 'unreadable' });
    expect(facts.files.count).toBe(2);
  });

  it('says nothing of data and code left unread on purpose (too large, binary)', async () => {
    const root = await tempDir({ 'weights.bin': Buffer.from([1, 0, 2]), 'train.py': 'import numpy\n', 'big.py': `x = 1\n${'#'.repeat(3000)}\n` });
    const facts = await scan(root, { signals: [], git: false, maxFileBytes: 1024 });
    expect(facts.warnings).toEqual([]);
  });

  it('names a dependency manifest or a Dockerfile it left unread, since pinning or the image would read as missing', async () => {
    const root = await tempDir({
      'requirements.txt': Buffer.from('numpy==1.26.2\n\u0000garbage'),
      'requirements-gpu.txt': `torch==2.3.0\n${'# padding\n'.repeat(200)}`,
      Dockerfile: Buffer.from([0x46, 0x52, 0x4f, 0x4d, 0x00]),
      'train.py': 'import numpy\n',
    });
    const facts = await scan(root, { signals: [], git: false, maxFileBytes: 1024 });
    expect(facts.warnings).toEqual([
      { path: 'Dockerfile', message: 'the file is binary: its container definition is not read' },
      { path: 'requirements-gpu.txt', message: 'the file is larger than the 1 KiB read limit: its dependencies are not read' },
      { path: 'requirements.txt', message: 'the file is binary: its dependencies are not read' },
    ]);
  });
});
