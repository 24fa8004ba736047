import { type Kysely, sql } from 'kysely';

/**
 * One render per document and cache key: two workers printing the same version at once (a job taken again after its
 * first worker stalled) can no longer store two renders of it; the second write finds the first. Renders stored
 * twice before this keep their files, but only the oldest stays findable by its key.
 */
// biome-ignore lint/suspicious/noExplicitAny: a migration must not depend on today's table types.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    update renders set cache_key = null
    where cache_key is not null and exists (
      select 1 from renders as older
      where older.document_id = renders.document_id and older.cache_key = renders.cache_key
        and (older.created_at < renders.created_at or (older.created_at = renders.created_at and older.id < renders.id))
    )`.execute(db);
  await db.schema
    .createIndex('renders_document_cache_key')
    .unique()
    .on('renders')
    .columns(['document_id', 'cache_key'])
    .execute();
}
