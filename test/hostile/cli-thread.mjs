// The built CLI in a worker thread, for test/hostile/contract.ts: the program is loaded once and
// runs audit after audit through `run(argv, io)`, each given only the environment it would have
// as a process, its output captured. Plain JavaScript: a worker thread loads it without Vitest.
import { parentPort } from 'node:worker_threads';

const { run } = await import(new URL('../../dist/bundle/main.js', import.meta.url).href);

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

parentPort.on('message', async ({ args, env }) => {
  const stdout = capture();
  const stderr = capture();
  const code = await run(args, { stdout, stderr, env, now: () => new Date() });
  parentPort.postMessage({ code, stdout: stdout.text, stderr: stderr.text });
});
