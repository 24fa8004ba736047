import type { Kysely } from 'kysely';

/**
 * A batch job's zip is kept for a while, then removed: the job records until when. Zips written before this never
 * expire (their jobs have no date), as they were promised.
 */
// biome-ignore lint/suspicious/noExplicitAny: a migration must not depend on today's table types.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('batch_jobs').addColumn('archive_expires_at', 'text').execute();
}
