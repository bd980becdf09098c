import { chmod, mkdir, writeFile } from 'node:fs/promises';
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

  // Linux file names are bytes: a name that is not UTF-8 reaches the walk with U+FFFD in it, a name no file has.
  it('says why a file whose name is not valid UTF-8 is left out, and carries on', async () => {
    const root = await tempDir({ 'train.py': 'import numpy\n' });
    await writeFile(Buffer.concat([Buffer.from(`${root}/n`), Buffer.from([0xff]), Buffer.from('ame.py')]), 'import torch\n');
    const facts = await scan(root, { signals: [], git: false });
    expect(facts.warnings).toEqual([{ path: 'n\ufffdame.py', message: 'the name is not valid UTF-8, so the file cannot be opened by it: it is left out of the audit' }]);
    expect(facts.files.count).toBe(1);
  });

  it('says the same of a directory, and lists the rest', async () => {
    const root = await tempDir({ 'train.py': 'import numpy\n' });
    const directory = Buffer.concat([Buffer.from(`${root}/d`), Buffer.from([0xfe])]);
    await mkdir(directory);
    await writeFile(Buffer.concat([directory, Buffer.from('/x.py')]), 'import torch\n');
    const facts = await scan(root, { signals: [], git: false });
    expect(facts.warnings).toEqual([{ path: 'd\ufffd', message: 'could not list directory: the name is not valid UTF-8, so it cannot be opened by it' }]);
    expect(facts.files.count).toBe(1);
  });
});
