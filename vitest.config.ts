import { availableParallelism } from 'node:os';
import { relative } from 'node:path';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The files that take longest, longest first: Chromium, npm and TypeScript, a child process per
 * run, git. Vitest starts the longest files first only when it has timed them in an earlier run;
 * on a clean clone (CI) it starts the largest, and these began half-way through or at the end,
 * where one core finished a long file while the other had nothing left to run.
 */
const LONGEST_FIRST = [
  'test/browser/chromium.test.ts',
  'test/package/pack.test.ts',
  'test/hostile/scan-content.test.ts',
  'test/cli/init.test.ts',
  'test/ci/organisation.test.ts',
  'test/cli/init-terminal.test.ts',
  'test/scan/git-history.test.ts',
  'test/scan/hostile-growth.test.ts',
  'test/cli/output-targets.test.ts',
  'test/eval/evaluate.test.ts',
  'test/hostile/saved-documents.test.ts',
  'test/hostile/yaml.test.ts',
];

/** Vitest's order (its own timings, else file size), the files above first. */
class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (file: TestSpecification) => {
      const known = LONGEST_FIRST.indexOf(relative(file.project.config.root, file.moduleId));
      return known < 0 ? LONGEST_FIRST.length : known;
    };
    const sorted = await super.sort(files);
    return sorted.map((file, order) => ({ file, order })).sort((a, b) => rank(a.file) - rank(b.file) || a.order - b.order).map(({ file }) => file);
  }
}

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/helpers/temp-root.ts'],
    sequence: { sequencer: LongestFirst },
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
