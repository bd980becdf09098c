// The built CLI in a child process that runs one command line after another, for
// test/hostile/contract.ts: the program is loaded once for many runs, each given the process's
// environment, its output captured and sent back. Plain JavaScript: Node runs it without Vitest.
import { fileURLToPath } from 'node:url';
import { loadCliBundle } from '../../dist/cli/code-cache.js';

// As bin/scale-audit.js loads it: the bundle with its code cache.
const { run } = loadCliBundle(fileURLToPath(new URL('../../dist/bundle', import.meta.url)));

function capture() {
  return {
    text: '',
    isTTY: false,
    write(chunk) {
      this.text += chunk;
      return true;
    },
  };
}

process.on('message', async ({ args }) => {
  const stdout = capture();
  const stderr = capture();
  const code = await run(args, { stdout, stderr, env: process.env, now: () => new Date() });
  process.send({ code, stdout: stdout.text, stderr: stderr.text });
});
// The test process is gone: so is the reason to wait for another command line.
process.on('disconnect', () => process.exit());
