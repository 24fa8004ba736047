import type { Kysely } from 'kysely';

/**
 * Who is printing which document version now: one row per document and cache key while a process prints it, so a
 * second process (a worker, another server) waits for that render instead of printing it again. A row lives for
 * the print only; one whose process died expires and is taken over.
 */
// biome-ignore lint/suspicious/noExplicitAny: a migration must not depend on today's table types.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('print_claims')
    .addColumn('document_id', 'text', (column) => column.notNull())
    .addColumn('cache_key', 'text', (column) => column.notNull())
    .addColumn('claim_id', 'text', (column) => column.notNull().unique())
    .addColumn('expires_at', 'text', (column) => column.notNull())
    .addPrimaryKeyConstraint('print_claims_document_cache_key', ['document_id', 'cache_key'])
    .execute();
}
