import type { Kysely } from 'kysely';

/** Batch jobs: many documents printed into one archive, their progress kept so a restart can finish them. */
// biome-ignore lint/suspicious/noExplicitAny: a migration must not depend on today's table types.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('batch_jobs')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('status', 'text', (column) => column.notNull())
    .addColumn('document_ids', 'text', (column) => column.notNull())
    .addColumn('done', 'integer', (column) => column.notNull())
    .addColumn('errors', 'text', (column) => column.notNull())
    .addColumn('archive', 'blob')
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .execute();
  await db.schema.createIndex('batch_jobs_status').on('batch_jobs').column('status').execute();
}
