import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/*/test/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Chromium is the heavy part: two test files at a time on a 2-core machine.
    maxWorkers: 2,
  },
});
