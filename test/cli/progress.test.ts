import { describe, expect, it } from 'vitest';
import type { CliIO } from '../../src/cli/io.js';
import { progressLine } from '../../src/cli/progress.js';
import { scanFiles } from '../../src/scan/scan.js';
import type { ScanProgress } from '../../src/scan/scan.js';
import { cli, fixture } from '../helpers/cli.js';
import { builtinRules } from '../helpers/rule-tester.js';

/** A stderr that records what is written, a terminal or not, and a clock the test moves. */
function setup(options: { tty: boolean; env?: Record<string, string> }) {
  const written: string[] = [];
  const io: CliIO = { stdout: { write: () => true }, stderr: { isTTY: options.tty, write: (text: string) => written.push(text) }, env: options.env ?? {}, now: () => new Date() };
  let time = 0;
  return { io, written, clock: () => time, advance: (ms: number) => (time += ms) };
}

const reading = (files: number, total = 20_000): ScanProgress => ({ phase: 'reading', files, total });

describe('the progress line of a long audit', () => {
  it('shows nothing for the first half second, then what the scan is doing, redrawn at most every 100 ms, and clears it', () => {
    const { io, written, clock, advance } = setup({ tty: true });
    const progress = progressLine(io, false, clock);
    progress.onProgress!({ phase: 'listing' });
    advance(300);
    progress.onProgress!(reading(10));
    expect(written).toEqual([]);
    advance(300);
    progress.onProgress!(reading(12_345));
    progress.onProgress!(reading(12_346));
    advance(100);
    progress.onProgress!(reading(19_999));
    progress.done();
    expect(written).toEqual(['\r\u001b[Kscale-audit: scanning files: 12,345 of 20,000', '\r\u001b[Kscale-audit: scanning files: 19,999 of 20,000', '\r\u001b[K']);
  });

  it.each([
    ['stderr is not a terminal', { tty: false }, false],
    ['in CI', { tty: true, env: { CI: 'true' } }, false],
    ['with --quiet', { tty: true }, true],
  ])('shows nothing when %s', (_, options, quiet) => {
    const { io, written, clock, advance } = setup(options);
    const progress = progressLine(io, quiet, clock);
    expect(progress.onProgress).toBeUndefined();
    advance(10_000);
    progress.done();
    expect(written).toEqual([]);
  });

  it('is told of every file the scan goes through', async () => {
    const seen: ScanProgress[] = [];
    const files = { 'a.py': 'import mlflow\n', 'b/c.txt': 'x\n', 'README.md': '# r\n' };
    await scanFiles(files, { signals: builtinRules.signals, now: new Date('2026-11-23'), onProgress: (progress) => seen.push(progress) });
    expect(seen).toEqual([reading(1, 3), reading(2, 3), reading(3, 3)]);
  });
});

describe('the progress line of `scale-audit audit`', () => {
  /** A clock that moves 300 ms each time it is read, so that even a small audit is a long one. */
  const slowClock = () => {
    let time = Date.parse('2026-11-23T00:00:00Z');
    return () => new Date((time += 300));
  };
  const env = { SOURCE_DATE_EPOCH: '1763856000' };

  it('shows the files scanned on a terminal, and clears the line before the report is written', async () => {
    const dir = await fixture('ml-service');
    const { code, stdout, stderr } = await cli(['audit', dir, '--format', 'json', '--no-answers'], { env, terminal: true, now: slowClock() });
    expect(code).toBe(0);
    expect(stderr).toMatch(/^\r\u001b\[Kscale-audit: (listing files…|scanning files: \d+ of \d+)/);
    expect(stderr).toMatch(/\r\u001b\[Kscale-audit: scanning files: (\d+) of \1/);
    expect(stderr.endsWith('\r\u001b[K')).toBe(true);
    expect(JSON.parse(stdout).target).toBeDefined();
  });

  it.each([
    ['--quiet', ['--quiet'], { terminal: true }],
    ['-q', ['-q'], { terminal: true }],
    ['stderr is not a terminal', [], { terminal: false }],
  ])('shows nothing with %s', async (_, flags, options) => {
    const dir = await fixture('ml-service');
    const { code, stderr } = await cli(['audit', dir, '--format', 'json', '--no-answers', ...flags], { env, now: slowClock(), ...options });
    expect(code).toBe(0);
    expect(stderr).toBe('');
  });
});
