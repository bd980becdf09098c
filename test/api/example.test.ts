import { execFile } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { fixture } from '../helpers/cli.js';

/*
 * docs/api.md's example, run as a user runs it: `node audit-one.mjs <repository>`. It imports
 * 'scale-audit' by name; written inside this package, the name resolves through package.json's
 * `exports` to the built dist/, as it does from node_modules once installed.
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

it("runs the example of docs/api.md on a repository and prints what the example says", async () => {
  const doc = await readFile(join(ROOT, 'docs', 'api.md'), 'utf8');
  const example = /```js\n(\/\/ audit-one\.mjs[\s\S]*?)```/.exec(doc)?.[1];
  expect(example, 'docs/api.md has the audit-one.mjs example').toBeDefined();
  const dir = join(ROOT, 'test-artifacts', 'api');
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'audit-one.mjs'), example!);
  const repository = await fixture('ml-service');

  const { code, stdout, stderr } = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(process.execPath, [join(dir, 'audit-one.mjs'), repository], { cwd: dir }, (error, out, err) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout: out, stderr: err }));
  });
  expect(code, stderr).toBe(0);
  expect(stderr).toBe('');
  const lines = stdout.trim().split('\n');
  expect(lines[0]).toMatch(/^ml-service: readiness \d+\/100, level \d \(.+\)$/);
  expect(lines).toContainEqual(expect.stringMatching(/^the Markdown report has \d{3,} lines$/));
  expect(lines.at(-1)).toMatch(/^\d+ files; team\.named-owner: pass$/);
});
