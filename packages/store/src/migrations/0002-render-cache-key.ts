import type { Kysely } from 'kysely';

/**
 * Renders remember what they were printed from (a hash of the document version, the page and its assets), so the
 * same input can return the stored PDF without printing again.
 */
// biome-ignore lint/suspicious/noExplicitAny: a migration must not depend on today's table types.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('renders').addColumn('cache_key', 'text').execute();
  await db.schema.createIndex('renders_cache_key').on('renders').column('cache_key').execute();
}
