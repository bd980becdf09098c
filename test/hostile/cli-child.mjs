// The built CLI in a child process that runs one command line after another, for
// test/hostile/contract.ts: the program is loaded once for many runs, each given the process's
// environment, its output captured and sent back. Plain JavaScript: Node runs it without Vitest.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

// As bin/scale-audit.js loads it: the bundle with its code cache, through the bundle's own loader.
const bundle = fileURLToPath(new URL('../../dist/bundle', import.meta.url));
const { run } = createRequire(import.meta.url)(`${bundle}/code-cache.cjs`).loadCliBundle(bundle);

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

/** Sends what the process's own streams get (a console.log left in, a Node warning) to `into` until undone. */
function redirect(stream, into) {
  const write = stream.write;
  stream.write = (chunk) => into.write(String(chunk));
  return () => (stream.write = write);
}

process.on('message', async ({ args }) => {
  const stdout = capture();
  const stderr = capture();
  // In a process of its own, whatever else the run printed would be in its output too.
  const undo = [redirect(process.stdout, stdout), redirect(process.stderr, stderr)];
  try {
    const code = await run(args, { stdout, stderr, env: process.env, now: () => new Date() });
    process.send({ code, stdout: stdout.text, stderr: stderr.text });
  } finally {
    for (const restore of undo) restore();
  }
});
// The test process is gone: so is the reason to wait for another command line.
process.on('disconnect', () => process.exit());
