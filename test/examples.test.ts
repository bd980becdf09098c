import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from './helpers/temp.js';

/*
 * examples/report/ is what the README shows a newcomer: it must be what the code produces today.
 * The script that writes it runs again here, into a temporary directory.
 */
const root = new URL('..', import.meta.url).pathname;

describe('examples/report', () => {
  let generated: string;
  beforeAll(async () => {
    generated = await tempDir();
    await promisify(execFile)(process.execPath, [join(root, 'scripts/examples.mjs'), '--out-dir', generated]);
  });

  it.each(['report.md', 'report.html', 'report-full.md', 'report-full.html', 'report.json'])('%s is what `npm run examples` generates (run it after changing rules or renderers)', async (file) => {
    expect(await readFile(join(generated, file), 'utf8')).toBe(await readFile(join(root, 'examples/report', file), 'utf8'));
  });
});
