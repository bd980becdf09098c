import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // End-to-end tests run the built CLI in child processes; a slow, busy CI machine must not fail them.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
