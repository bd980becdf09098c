import { mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/*
 * Vitest's global setup: every temporary file of the run goes into one directory, removed when the
 * run ends. The test processes inherit TMPDIR, so this covers the tests' own directories (`tempDir`,
 * shared across the files a process runs, so none can be removed before the run ends) and what the
 * programs they start leave there: Chromium's profile, Playwright's artifacts, git.
 */
export function setup(): () => Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'scale-audit-tests-'));
  const previous = process.env.TMPDIR;
  process.env.TMPDIR = root;
  return async () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    // Chromium's helpers may still be going away, and writing its profile, when the test
    // processes have ended: rm waits 0.2 s more at each retry, 3 s in all.
    // Vitest runs this before it lets the test processes go. rmSync blocked its event loop for
    // 8-11 s on a tree of 5,000 entries at a load average of 11 (one unlink after another, each
    // waiting on the disk); rm, which removes a directory's entries at once, took 1.1-1.7 s.
    try {
      await rm(root, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
    } catch (error) {
      // The tests ran: what they leave is said, not turned into a failure.
      console.warn(`could not remove the tests' temporary directory ${root}: ${(error as Error).message}`);
    }
  };
}
