import { execFileSync } from 'node:child_process';
import { mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import Module from 'node:module';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { copyTree, tempDir } from '../helpers/temp.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FIXTURE = join(ROOT, 'test', 'fixtures', 'ml-service');

/** Runs the CLI's bundle from `packageRoot` in a fresh process, and says which chunks V8 took from their stored cache. */
function auditWithChunks(packageRoot: string, format: string): { report: string; chunks: Array<{ file: string; cached: boolean }> } {
  const script = `
    import { loadCliBundle, loadedChunks } from ${JSON.stringify(join(packageRoot, 'dist', 'bundle', 'code-cache.cjs'))};
    const { run } = loadCliBundle(${JSON.stringify(join(packageRoot, 'dist', 'bundle'))});
    let report = '';
    const io = { stdout: { write: (text) => (report += text) }, stderr: { write: () => true }, env: {}, now: () => new Date(0) };
    await run([${JSON.stringify(FIXTURE)}, '--format', ${JSON.stringify(format)}, '--quiet'], io);
    process.stdout.write(JSON.stringify({ report, chunks: loadedChunks() }));
  `;
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }));
}

describe('the code cache of the CLI bundle', () => {
  /** The built package's audits, once each: the second test compares with the JSON one. */
  const built = new Map<string, ReturnType<typeof auditWithChunks>>();
  const builtAudit = (format: string) => built.get(format) ?? built.set(format, auditWithChunks(ROOT, format)).get(format)!;

  it('is what the built chunks run from under the Node that built them, for every format', () => {
    for (const format of ['json', 'html']) {
      const { chunks } = builtAudit(format);
      expect(chunks.length).toBeGreaterThan(10);
      expect(chunks.filter((chunk) => !chunk.cached).map((chunk) => chunk.file)).toEqual([]);
      // HTML runs from the build's precompiled pages, beside the bundle: Handlebars' compiler is not loaded.
      if (format === 'html') expect(chunks.map((chunk) => basename(chunk.file))).toContain('builtin-page-report.cjs');
    }
  });

  it("stores the bundle's chunks wrapped as Node wraps a module, so that loading one makes no second copy of its source", async () => {
    const { chunks } = builtAudit('json');
    const opening = Module.wrap('\u0000').split('\u0000')[0]!;
    for (const { file } of chunks) expect((await readFile(file, 'utf8')).startsWith(opening), file).toBe(true);
  });

  it('is ignored when it does not fit the chunk: the audit is the same', async () => {
    // A copy of the package whose caches are garbage (another Node's, a damaged file).
    const copy = await tempDir({});
    for (const entry of await readdir(ROOT)) {
      if (entry !== 'dist' && entry !== 'test') await symlink(join(ROOT, entry), join(copy, entry));
    }
    // Only the bundle is copied, to damage its caches; the rest of dist/ is linked like the package's other files.
    await mkdir(join(copy, 'dist'));
    for (const entry of await readdir(join(ROOT, 'dist'))) {
      if (entry !== 'bundle') await symlink(join(ROOT, 'dist', entry), join(copy, 'dist', entry));
    }
    copyTree(join(ROOT, 'dist', 'bundle'), join(copy, 'dist', 'bundle'));
    const bundle = join(copy, 'dist', 'bundle');
    for (const file of await readdir(bundle)) if (file.endsWith('.cache')) await writeFile(join(bundle, file), Buffer.alloc(4096, 7));
    const damaged = auditWithChunks(copy, 'json');
    expect(damaged.chunks.some((chunk) => chunk.cached)).toBe(false);
    expect(damaged.report.replaceAll(copy, ROOT)).toBe(builtAudit('json').report);
  });
});
