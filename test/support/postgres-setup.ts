import type { TestProject } from 'vitest/node';
import { startTemporaryPostgres } from './temporary-postgres.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A PostgreSQL server's `postgres` database, to create each test's own database from. */
    postgresUrl: string;
  }
}

/**
 * Vitest's global setup: one PostgreSQL server for the whole run, in a temporary directory, stopped at the end.
 * SARABAN_TEST_POSTGRES names a server to use instead (e.g. a CI service); tests create their own databases in it.
 */
export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const given = process.env.SARABAN_TEST_POSTGRES;
  if (given) {
    project.provide('postgresUrl', given);
    return undefined;
  }
  const postgres = await startTemporaryPostgres();
  project.provide('postgresUrl', postgres.url);
  return () => postgres.stop();
}
