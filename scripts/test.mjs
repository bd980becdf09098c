#!/usr/bin/env node
// `npm test`: the build, then Vitest (its arguments after `npm test --`). The build's type check
// runs on while the tests do, instead of holding them back; `npm test` fails when either fails,
// and prints the type errors after the tests' summary. The one test that needs the declarations
// the check writes (test/package/pack.test.ts) waits for them.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { build, reportTypeCheck } from './build.mjs';

const { code, types } = await build();
if (code !== 0) {
  reportTypeCheck(await types);
  process.exit(code);
}
const vitest = join(dirname(createRequire(import.meta.url).resolve('vitest/package.json')), 'vitest.mjs');
const tests = await new Promise((resolve) => {
  const child = spawn(process.execPath, [vitest, 'run', ...process.argv.slice(2)], { stdio: 'inherit' });
  child.on('close', (status) => resolve(status ?? 1));
});
const checked = reportTypeCheck(await types);
process.exitCode = tests !== 0 ? tests : checked ? 0 : 1;
