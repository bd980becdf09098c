import type { ScanProgress } from '../scan/scan.js';
import type { CliIO } from './io.js';

/** A short audit shows nothing; a long one shows where it is, redrawn at most this often. */
const SHOW_AFTER_MS = 500;
const REDRAW_MS = 100;
const CLEAR_LINE = '\r\u001b[K';

export interface ProgressLine {
  /** For the scan; absent when nothing is to be shown. */
  onProgress?: (progress: ScanProgress) => void;
  /** Clears the line, before the results or an error are printed. */
  done(): void;
}

function describe(progress: ScanProgress): string {
  if (progress.phase === 'listing') return 'listing files…';
  return `scanning files: ${progress.files.toLocaleString('en-US')} of ${progress.total.toLocaleString('en-US')}`;
}

/**
 * The progress of a long audit, on one line of stderr that is redrawn: only for a person at a
 * terminal. Never in CI (its logs keep every redraw) nor when stderr is a pipe or a file, and
 * never with `--quiet`. Time is the CLI's clock (`io.now`), so that a test can make an audit long.
 */
export function progressLine(io: CliIO, quiet: boolean, clock: () => number = () => io.now().getTime()): ProgressLine {
  if (quiet || io.stderr.isTTY !== true || io.env.CI || io.env.TERM === 'dumb') return { done: () => {} };
  const started = clock();
  let latest: ScanProgress | undefined;
  let drawn = -Infinity;
  let shown = '';
  const draw = () => {
    const now = clock();
    if (!latest || now - started < SHOW_AFTER_MS || now - drawn < REDRAW_MS) return;
    const text = `scale-audit: ${describe(latest)}`;
    if (text === shown) return;
    drawn = now;
    shown = text;
    io.stderr.write(`${CLEAR_LINE}${text}`);
  };
  // Listing files is one long wait with no news: the timer draws it. Reading calls back per file.
  const timer = setInterval(draw, REDRAW_MS).unref();
  return {
    onProgress(progress) {
      latest = progress;
      draw();
    },
    done() {
      clearInterval(timer);
      if (shown !== '') io.stderr.write(CLEAR_LINE);
    },
  };
}
