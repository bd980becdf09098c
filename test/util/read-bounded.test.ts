import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBounded, readBoundedIfExists } from '../../src/util/read-bounded.js';
import { inputError } from '../helpers/input-error.js';
import { tempDir } from '../helpers/temp.js';

describe('readBounded', () => {
  const limit = { what: 'sample', maxBytes: 16 };

  it('reads a regular file up to its limit, and says null or "no such file" for a missing one', async () => {
    const dir = await tempDir({ 'fits.txt': 'sixteen bytes ok' });
    expect((await readBounded(join(dir, 'fits.txt'), limit)).toString()).toBe('sixteen bytes ok');
    expect(await readBoundedIfExists(join(dir, 'missing.txt'), limit)).toBeNull();
    expect((await inputError(readBounded(join(dir, 'missing.txt'), limit))).describe()).toBe(`${join(dir, 'missing.txt')}: cannot read sample: no such file`);
  });

  it('refuses a file over the limit, named as the caller shows it', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'big.txt'), 'x'.repeat(2048));
    expect((await inputError(readBounded(join(dir, 'big.txt'), limit, 'shown/big.txt'))).describe()).toBe('shown/big.txt: cannot read sample: too large: 2 KiB, at most 16 bytes allowed');
  });

  it.skipIf(process.platform !== 'linux')('stops one byte past the limit when a file holds more than its size says', async () => {
    // Files in /proc say they are empty; this one holds far more than 16 bytes.
    expect((await inputError(readBounded('/proc/self/status', limit))).message).toBe('cannot read sample: too large: more than 16 bytes allowed');
  });

  it('refuses what is not a regular file', async () => {
    const dir = await tempDir();
    expect((await inputError(readBounded(dir, limit))).message).toBe('cannot read sample: is a directory');
    expect((await inputError(readBounded('/dev/null', limit))).message).toBe('cannot read sample: is a device, not a file');
  });
});
