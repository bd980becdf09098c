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

  it('says nothing of files left unread on purpose (too large, binary)', async () => {
    const root = await tempDir({ 'weights.bin': Buffer.from([1, 0, 2]), 'train.py': 'import numpy\n' });
    const facts = await scan(root, { signals: [], git: false });
    expect(facts.warnings).toEqual([]);
  });
});
