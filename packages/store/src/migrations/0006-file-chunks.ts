import type { Kysely } from 'kysely';

/**
 * Stored files as rows of chunks, for PostgreSQL, where the renders' PDFs and the batch jobs' archives live in the
 * database so that every machine reaches them. Created in SQLite too, so that both databases have the same
 * migrations; a SQLite store keeps its files of one chunk there (since session 9), larger ones beside the database.
 */
// biome-ignore lint/suspicious/noExplicitAny: a migration must not depend on today's table types.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('file_chunks')
    .addColumn('file', 'text', (column) => column.notNull())
    .addColumn('seq', 'integer', (column) => column.notNull())
    .addColumn('data', 'blob', (column) => column.notNull())
    .addPrimaryKeyConstraint('file_chunks_primary_key', ['file', 'seq'])
    .execute();
}
