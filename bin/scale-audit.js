#!/usr/bin/env node
// The built CLI lives in dist/bundle/ (scripts/bundle.mjs), loaded with its code cache
// (src/cli/code-cache.ts); a checkout needs `npm run build` first. This file is CommonJS
// (bin/package.json): Node then starts it without setting up its ES module loader, a tenth of
// what `--help` costs.
'use strict';
const { readFileSync } = require('node:fs');
const { join } = require('node:path');

const args = process.argv.slice(2);
// `--version` alone needs none of the program, whose loading is most of its cost: answered here,
// from the same package.json and in the same form as the program's own `--version`.
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  process.stdout.write(`${JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')).version}\n`);
} else {
  start(args);
}

function start(args) {
  const bundle = join(__dirname, '..', 'dist', 'bundle');
  let cli;
  try {
    cli = require(join(bundle, 'code-cache.cjs')).loadCliBundle(bundle);
  } catch (error) {
    if (error?.code !== 'MODULE_NOT_FOUND' || !/dist[\\/]bundle[\\/](code-cache|main)\.cjs/.test(String(error.message))) throw error;
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
  cli.run(args, cli.processIO()).then((code) => {
    process.exitCode = code;
  });
}
