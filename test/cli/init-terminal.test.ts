import { spawn, spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadAnswers } from '../../src/answers/load.js';
import { DEFAULT_ANSWERS_FILE } from '../../src/answers/types.js';
import { BIN, fixture } from '../helpers/cli.js';
import { builtinRules } from '../helpers/rule-tester.js';

/*
 * `init` in a real terminal: util-linux `script` gives the CLI a pseudo-terminal, so inquirer runs
 * exactly as it does for a person, and the test types keys into it. Without `script` (macOS ships
 * a different one) the tests are skipped with a warning.
 */
const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).stdout?.includes('util-linux') === true;
if (!hasScript) console.warn('util-linux `script` not found: the real-terminal tests of init are skipped');

const ENTER = '\r';
const DOWN = '\u001b[B';
const CTRL_C = '\u0003';
/** Every question's first line: "3/59 · Governance  governance.eu-ai-act-risk · …". */
const HEADER = /\d+\/\d+ · /g;

interface Session {
  /** Types the keys once the k-th question is on screen; false when the run ended first. */
  atQuestion(k: number, ...keys: string[]): Promise<boolean>;
  exit: Promise<number>;
  readonly screen: string;
}

const quote = (arg: string) => `'${arg.replace(/'/g, `'\\''`)}'`;

function initInTerminal(dir: string): Session {
  const child = spawn('script', ['-qfec', [process.execPath, BIN, 'init', dir].map(quote).join(' '), '/dev/null'], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, TERM: 'xterm', NO_COLOR: '1' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let screen = '';
  child.stdout.on('data', (chunk: Buffer) => (screen += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (screen += chunk.toString()));
  let ended = false;
  const exit = new Promise<number>((resolve) => child.on('close', (code) => ((ended = true), resolve(code ?? -1))));
  return {
    async atQuestion(k, ...keys) {
      const pause = () => new Promise((resolve) => setTimeout(resolve, 10));
      while (!ended && (screen.match(HEADER)?.length ?? 0) < k) await pause();
      // A prompt draws its header before it listens for keys: wait until the screen has stopped
      // changing, or a busy machine loses the first key.
      for (let seen = ''; !ended && seen !== screen; ) {
        seen = screen;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      if (ended) return false;
      for (const key of keys) child.stdin.write(key);
      return true;
    },
    exit,
    get screen() {
      return screen.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '');
    },
  };
}

// Concurrent: each session spends most of its time waiting for its screen to settle, not computing.
describe.skipIf(!hasScript).concurrent('init in a real terminal', () => {
  it('saves no answer for someone who presses Enter through every question', async () => {
    const dir = await fixture('ml-service', { git: true });
    const file = join(dir, DEFAULT_ANSWERS_FILE);
    const session = initInTerminal(dir);
    let shown = 0;
    while (await session.atQuestion(shown + 1, ENTER)) shown += 1;
    expect(await session.exit, session.screen).toBe(0);
    expect(shown).toBeGreaterThan(10);
    expect(Object.keys((await loadAnswers(file, builtinRules.questions)).values)).toEqual([]);
    // Every question shown is in the file, blank and marked skipped.
    expect((await readFile(file, 'utf8')).match(/: # skipped\n/g)).toHaveLength(shown);
    expect(session.screen).toContain(`Saved 0 answers in ${file}; skipped ${shown} (left blank).`);
  });

  it('after Ctrl+C counts the answer saved and the questions not asked', async () => {
    const dir = await fixture('ml-service', { git: true });
    const file = join(dir, DEFAULT_ANSWERS_FILE);
    const session = initInTerminal(dir);
    // The first question decides the EU AI Act risk class: Down moves from "Skip" to the first class.
    await session.atQuestion(1, DOWN, ENTER);
    await session.atQuestion(2, CTRL_C);
    expect(await session.exit).toBe(130);
    expect(Object.keys((await loadAnswers(file, builtinRules.questions)).values)).toEqual(['governance.eu-ai-act-risk']);
    expect(session.screen).toContain(`Stopped. Saved 1 answer in ${file}; not asked `);
    expect(session.screen).toMatch(/; not asked \d+\. Run the same command again/);
  });
});
