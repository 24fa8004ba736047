import type { Kysely } from 'kysely';

/**
 * Stored files as rows of chunks, for PostgreSQL, where the renders' PDFs and the batch jobs' archives live in the
 * database so that every machine reaches them. A SQLite store keeps its files beside the database and leaves this
 * table empty; it is created there too so that both databases have the same migrations.
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
