/**
 * Lets the event loop run once: a long synchronous stretch (the walk, the reads) pauses here so
 * that a child process's output is drained and a progress line drawn while it goes on.
 */
export function nextTurn(): Promise<void> {
  return new Promise<void>((resolve) => setImmediate(resolve));
}
