import pg from 'pg';
import { inject } from 'vitest';

/**
 * A new, empty database on the run's PostgreSQL server (started by postgres-setup.ts), as a URL. Databases are left
 * for the server's removal at the end of the run: dropping each would cost more than it saves.
 *
 * @example
 * const store = await openStore({ url: await createTestDatabase() });
 */
export async function createTestDatabase(): Promise<string> {
  const url = new URL(inject('postgresUrl'));
  const name = `test_${crypto.randomUUID().replaceAll('-', '')}`;
  const client = new pg.Client({ connectionString: url.href });
  await client.connect();
  try {
    await client.query(`create database ${name} template template0`);
  } finally {
    await client.end();
  }
  url.pathname = `/${name}`;
  return url.href;
}
