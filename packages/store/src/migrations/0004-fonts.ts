import type { Kysely } from 'kysely';

/**
 * Faces an organization supplies (e.g. TH SarabunIT๙), kept by the SHA-256 of their files so the same files are
 * stored once, and the face each organization prints in.
 */
// biome-ignore lint/suspicious/noExplicitAny: a migration must not depend on today's table types.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('fonts')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('name', 'text', (column) => column.notNull())
    .addColumn('regular_media_type', 'text', (column) => column.notNull())
    .addColumn('regular_bytes', 'integer', (column) => column.notNull())
    .addColumn('regular_data', 'blob', (column) => column.notNull())
    .addColumn('bold_media_type', 'text')
    .addColumn('bold_bytes', 'integer')
    .addColumn('bold_data', 'blob')
    .addColumn('created_at', 'text', (column) => column.notNull())
    .execute();
  await db.schema
    .alterTable('organizations')
    .addColumn('font_id', 'text', (column) => column.references('fonts.id'))
    .execute();
}
