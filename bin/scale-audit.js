#!/usr/bin/env node
// The built CLI lives in dist/bundle/ (scripts/bundle.mjs), loaded with its code cache
// (src/cli/code-cache.ts); a checkout needs `npm run build` first.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
// `--version` alone needs none of the program, whose loading is most of its cost: answered here,
// from the same package.json and in the same form as the program's own `--version`.
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  process.stdout.write(`${JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version}\n`);
} else {
  await start(args);
}

async function start(args) {
  let cli;
  try {
    const { loadCliBundle } = await import('../dist/cli/code-cache.js');
    cli = loadCliBundle(fileURLToPath(new URL('../dist/bundle', import.meta.url)));
  } catch (error) {
    if (!['ERR_MODULE_NOT_FOUND', 'MODULE_NOT_FOUND'].includes(error?.code) || !/dist[\\/](cli[\\/]code-cache\.js|bundle[\\/]main\.cjs)/.test(String(error.message))) throw error;
    process.stderr.write('scale-audit: not built yet; run `npm run build` first\n');
    process.exit(2);
  }
  // A reader that stops early (`scale-audit . | head`) is not an error: stop quietly, as Unix tools do.
  // Any other failure to write the results (a full disk, `> /dev/full`) is said in one line, exit 2.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error) => {
      if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      if (stream === process.stdout) process.stderr.write(`scale-audit: cannot write to stdout: ${error.code ?? error.message}\n`);
      process.exit(2);
    });
  }
  process.exitCode = await cli.run(args, cli.processIO());
}
