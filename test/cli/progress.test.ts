import { describe, expect, it } from 'vitest';
import type { CliIO } from '../../src/cli/io.js';
import { progressLine } from '../../src/cli/progress.js';
import { scanFiles } from '../../src/scan/scan.js';
import type { ScanProgress } from '../../src/scan/scan.js';
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
