#!/usr/bin/env node
// Build step: bundle the compiled CLI and its dependencies into a few files in dist/bundle/, so
// that starting it reads and compiles one file rather than resolving some 300 modules. Each
// command, renderer and the prompts stay in their own chunk, loaded only when a run needs them.
// The chunks sit two levels below the package root, as dist/cli/ does: paths relative to the
// code (rules/, templates/, package.json) resolve the same from either.
import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'rolldown';

const dir = fileURLToPath(new URL('../dist/bundle/', import.meta.url));
await rm(dir, { recursive: true, force: true });
await build({
  input: { main: 'dist/cli/main.js', io: 'dist/cli/io.js' },
  platform: 'node',
  logLevel: 'warn',
  output: { dir, format: 'esm', chunkFileNames: '[name]-[hash].js' },
});
