import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/*
 * Vitest's global setup: every temporary file of the run goes into one directory, removed when the
 * run ends. The test processes inherit TMPDIR, so this covers the tests' own directories (`tempDir`,
 * shared across the files a process runs, so none can be removed before the run ends) and what the
 * programs they start leave there: Chromium's profile, Playwright's artifacts, git.
 */
export function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'scale-audit-tests-'));
  const previous = process.env.TMPDIR;
  process.env.TMPDIR = root;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    // Chromium's helpers may still be going away, and writing its profile, when the test
    // processes have ended: rmSync waits 0.2 s more at each retry, 3 s in all.
    try {
      rmSync(root, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
    } catch (error) {
      // The tests ran: what they leave is said, not turned into a failure.
      console.warn(`could not remove the tests' temporary directory ${root}: ${(error as Error).message}`);
    }
  };
}
