#!/usr/bin/env node
// Build step: bundle the compiled CLI and its dependencies into a few files in dist/bundle/, so
// that starting it reads and compiles one file rather than resolving some 300 modules. Each
// command, renderer and the prompts stay in their own chunk, loaded only when a run needs them.
// The chunks sit two levels below the package root, as dist/cli/ does: paths relative to the
// code (rules/, templates/, package.json) resolve the same from either. CommonJS, because only
// scripts can be handed V8's code cache on Node 20 (src/cli/code-cache.ts; scripts/code-cache.mjs
// stores it).
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import Module from 'node:module';
import { join } from 'node:path';
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

// Each chunk the CLI's loader compiles (src/cli/code-cache.ts) is written already wrapped as Node
// wraps a CommonJS module: compiling the wrapper and the chunk as two strings made V8 join them
// into one more copy of the source, a megabyte of a short audit's memory. Not the loader itself,
// which bin/scale-audit.js requires, nor the chunks it requires before its hook is in place, nor
// the chunk left to Node (it calls import()).
const loader = await readFile(join(dir, 'code-cache.cjs'), 'utf8');
const loadedByNode = new Set(['code-cache.cjs', ...[...loader.matchAll(/require\("\.\/([^"]+)"\)/g)].map((match) => match[1])]);
for (const name of await readdir(dir)) {
  if (!name.endsWith('.cjs') || loadedByNode.has(name) || name.startsWith('import-module-')) continue;
  await writeFile(join(dir, name), Module.wrap(await readFile(join(dir, name), 'utf8')));
}
