import type { Kysely } from 'kysely';

/**
 * What became of each document of a batch job run by workers: the render it printed to, or why it failed, recorded
 * once per place in the job, so that a document printed again after its worker died is counted once.
 */
// biome-ignore lint/suspicious/noExplicitAny: a migration must not depend on today's table types.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('batch_job_documents')
    .addColumn('batch_job_id', 'text', (column) => column.notNull().references('batch_jobs.id').onDelete('cascade'))
    .addColumn('position', 'integer', (column) => column.notNull())
    .addColumn('document_id', 'text', (column) => column.notNull())
    .addColumn('render_id', 'text', (column) => column.references('renders.id').onDelete('set null'))
    .addColumn('error', 'text')
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addPrimaryKeyConstraint('batch_job_documents_primary_key', ['batch_job_id', 'position'])
    .execute();
}
