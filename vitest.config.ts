import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

// graphql 16 ships CommonJS (main) and ESM (module) builds without an exports map: Node loads the first, Vite
// would pick the second, and two copies of graphql refuse each other's schema. Tests use the one Node uses.
const graphqlEntry = createRequire(new URL('./packages/graphql/package.json', import.meta.url)).resolve('graphql');

export default defineConfig({
  resolve: { alias: [{ find: /^graphql$/, replacement: graphqlEntry }] },
  test: {
    include: ['packages/*/test/**/*.test.ts', 'test/**/*.test.ts'],
    // A real PostgreSQL for the run: the store's tests and the workers' run on it as well as on SQLite.
    globalSetup: ['test/support/postgres-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Chromium is the heavy part: two test files at a time on a 2-core machine.
    maxWorkers: 2,
  },
});
