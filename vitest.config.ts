import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/helpers/temp-root.ts'],
    // Child processes: the CLI tests change the working directory during an in-process run
    // (test/helpers/cli.ts), which worker threads cannot do.
    pool: 'forks',
    // One process per worker for the whole run, not one per test file: starting a process and
    // loading the modules again for each of ~50 files cost more than the tests. No test mocks
    // modules or changes globals, so sharing them is safe.
    isolate: false,
    // Vitest leaves a core to itself by default, which on a 2-core machine runs every file in turn;
    // the tests wait on git and Chromium often enough that a worker per core keeps both busy.
    maxWorkers: availableParallelism(),
    // The process tests run the built CLI, the browser tests Chromium: a slow, busy CI machine must not fail them.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
