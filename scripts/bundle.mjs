#!/usr/bin/env node
// Build step: bundle the compiled CLI and its dependencies into a few files in dist/bundle/, so
// that starting it reads and compiles one file rather than resolving some 300 modules. Each
// command, renderer and the prompts stay in their own chunk, loaded only when a run needs them.
// The chunks sit two levels below the package root, as dist/cli/ does: paths relative to the
// code (rules/, templates/, package.json) resolve the same from either. CommonJS, because only
// scripts can be handed V8's code cache on Node 20 (src/cli/code-cache.ts; scripts/code-cache.mjs
// stores it).
import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'rolldown';

const dir = fileURLToPath(new URL('../dist/bundle/', import.meta.url));
await rm(dir, { recursive: true, force: true });
await build({
  // The loader that hands the chunks their code cache is an entry of its own, for bin/scale-audit.js.
  input: { main: 'dist/cli/main.js', io: 'dist/cli/io.js', 'code-cache': 'dist/cli/code-cache.js' },
  platform: 'node',
  logLevel: 'warn',
  output: {
    dir,
    format: 'cjs',
    entryFileNames: '[name].cjs',
    chunkFileNames: '[name]-[hash].cjs',
    // Source that is all ASCII is read into a one-byte string: one non-ASCII character anywhere
    // (a "→" in a comment) makes V8 decode and keep the whole chunk as UTF-16, at twice the size.
    // Comments are code the start-up reads and never runs, bar the licences of bundled packages.
    charset: 'ascii',
    comments: { legal: true, annotation: false, jsdoc: false },
    // The one import() of the program, in a chunk Node compiles itself (src/util/import-module.ts).
    codeSplitting: { groups: [{ name: 'import-module', test: /[\\/]dist[\\/]util[\\/]import-module\.js$/ }] },
  },
});
