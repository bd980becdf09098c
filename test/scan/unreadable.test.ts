import { describe, expect, it, vi } from 'vitest';
import { scan } from '../../src/scan/scan.js';
import { tempDir } from '../helpers/temp.js';

/*
 * A file the scan lists but cannot open (permissions, a file removed mid-scan) stands here for the
 * `EACCES` a test running as root cannot provoke: the reader reports it as it does for real.
 */
vi.mock('../../src/scan/read.js', async (original) => {
  const real = await original<typeof import('../../src/scan/read.js')>();
  return {
    ...real,
    readText: (path: string, bytes: number, limit: number) => (path.endsWith('requirements.txt') ? { unread: 'unreadable' } : real.readText(path, bytes, limit)),
  };
});

describe('unreadable files', () => {
  it('names a file it could not read in a warning, and carries on', async () => {
    const root = await tempDir({ 'requirements.txt': 'numpy==1.26.2\n', 'train.py': 'import numpy\n' });
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
