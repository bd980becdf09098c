import { expect } from 'vitest';

/*
 * Cost that grows with the input, measured as a ratio rather than a time: a unit test runs on slow,
 * noisy machines, where any absolute bound is either flaky or meaningless. The work is timed in
 * CPU time (another process's load does not count), best of a few runs, at a small and a large
 * size; a linear cost grows like the size, a quadratic one like its square. The bound allows
 * several times the linear growth and still fails long before a quadratic one.
 */

function cpuMilliseconds(work: () => void): number {
  const start = process.cpuUsage();
  work();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

function best(work: () => void, runs: number): number {
  return Math.min(...Array.from({ length: runs }, () => cpuMilliseconds(work)));
}

/** `make(size)` builds the work for an input of that size; large = factor × small. */
export function expectRoughlyLinear(make: (size: number) => () => void, small: number, factor = 10): void {
  const runs = 3;
  // On a loaded machine a large run is slowed more often than a small one (caches, frequency):
  // it gets more tries, which only a run that looked too slow ever uses.
  const largeRuns = 6;
  const bound = factor * 4;
  const smallWork = make(small);
  const largeWork = make(small * factor);
  smallWork(); // warm the code paths, so the first measure is not a compile
  // Below a few milliseconds, timer resolution and GC noise dominate: count that as the floor.
  const smallTime = Math.max(best(smallWork, runs), 2);
  // The best of the large runs decides, so the first run within the bound settles it: the large
  // input, most of the cost, runs again only when noise made it look slow.
  let growth = Infinity;
  for (let run = 0; run < largeRuns && growth >= bound; run++) growth = Math.min(growth, cpuMilliseconds(largeWork) / smallTime);
  expect(growth, `cost grew ${growth.toFixed(1)}× for ${factor}× the input`).toBeLessThan(bound);
}
