#!/usr/bin/env node
// Build step, after the bundle: run the CLI on the committed service fixture in each format, then
// store V8's code cache of every chunk it loaded, with the functions those runs compiled, beside
// the chunk (src/cli/code-cache.ts reads them). Outputs go to a scratch directory, deleted after.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCliBundle, saveCodeCaches } from '../dist/cli/code-cache.js';

const root = fileURLToPath(new URL('../', import.meta.url));
const { run } = loadCliBundle(join(root, 'dist', 'bundle'));
const scratch = mkdtempSync(join(tmpdir(), 'scale-audit-code-cache-'));
const quiet = { write: () => true };
const io = { stdout: quiet, stderr: quiet, env: {}, now: () => new Date(0) };
try {
  for (const format of ['json', 'html', 'md', 'sarif', 'text']) {
    const status = await run([join(root, 'test', 'fixtures', 'ml-service'), '--format', format, '--quiet', '-o', join(scratch, `report.${format}`)], io);
    if (status > 1) throw new Error(`the audit for the code cache failed with exit ${status} (--format ${format})`);
  }
  saveCodeCaches();
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
