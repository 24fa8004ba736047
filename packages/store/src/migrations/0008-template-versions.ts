import type { Kysely } from 'kysely';

/**
 * Templates in the database: every published version of a template package (its text files as JSON), and the one
 * draft a designer is editing per template. A render records the version it printed with.
 */
// biome-ignore lint/suspicious/noExplicitAny: a migration must not depend on today's table types.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('template_versions')
    .addColumn('template', 'text', (column) => column.notNull())
    .addColumn('version', 'integer', (column) => column.notNull())
    .addColumn('files', 'text', (column) => column.notNull())
    .addColumn('source', 'text', (column) => column.notNull())
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addPrimaryKeyConstraint('template_versions_primary_key', ['template', 'version'])
    .execute();
  await db.schema
    .createTable('template_drafts')
    .addColumn('template', 'text', (column) => column.primaryKey())
    .addColumn('files', 'text', (column) => column.notNull())
    .addColumn('base_version', 'integer', (column) => column.notNull())
    .addColumn('revision', 'integer', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .execute();
  await db.schema.alterTable('renders').addColumn('template_version', 'integer').execute();
}
