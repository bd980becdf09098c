#!/usr/bin/env node
// Node's own floor for a large tree: list every directory and read every regular file once, in one
// thread, with one reused buffer and nothing done with the bytes. `npm run bench -- --repo DIR`
// runs it beside the audit and ripgrep, so a reader sees how much of the gap is Node's alone.
//   node bench/read-floor.mjs DIR
import { closeSync, constants, openSync, readdirSync, readSync } from 'node:fs';
import { join } from 'node:path';

// What the audit skips too: git's own files and installed dependencies.
const SKIPPED = new Set(['.git', 'node_modules']);
const buffer = Buffer.allocUnsafe(2 * 1024 * 1024);
const directories = [process.argv[2] ?? '.'];
let bytes = 0;
while (directories.length > 0) {
  const directory = directories.pop();
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED.has(entry.name)) directories.push(path);
    } else if (entry.isFile()) {
      const fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
      for (let read; (read = readSync(fd, buffer, 0, buffer.length, null)) > 0; ) bytes += read;
      closeSync(fd);
    }
  }
}
process.stdout.write(`${bytes}\n`);
