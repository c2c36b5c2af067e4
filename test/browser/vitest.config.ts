import { defineConfig } from 'vitest/config';

// Real-browser tests: one file at a time (2-core machines), generous timeouts for browser start-up.
export default defineConfig({
  test: {
    environment: 'node',
    root: new URL('../..', import.meta.url).pathname,
    include: ['test/browser/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
