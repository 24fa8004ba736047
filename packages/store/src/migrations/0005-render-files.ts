import { open, rename } from 'node:fs/promises';
import { join } from 'node:path';
import type { Kysely, Migration } from 'kysely';

/**
 * Render PDFs and batch archives move out of the database into files in `directory`: `<render id>.pdf` and
 * `batch-<job id>.zip`; the tables keep the file names. Each stored blob is written out (synced, under a temporary
 * name, then renamed), one at a time, before its blob column goes: a failed migration leaves the database as it
 * was, and running it again writes the same files.
 */
export function renderFiles(directory: string): Migration {
  return {
    // biome-ignore lint/suspicious/noExplicitAny: a migration must not depend on today's table types.
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('renders_with_files')
        .addColumn('id', 'text', (column) => column.primaryKey())
        .addColumn('document_id', 'text', (column) => column.notNull().references('documents.id').onDelete('cascade'))
        .addColumn('document_version', 'integer', (column) => column.notNull())
        .addColumn('template', 'text', (column) => column.notNull())
        .addColumn('sha256', 'text', (column) => column.notNull())
        .addColumn('pages', 'integer', (column) => column.notNull())
        .addColumn('bytes', 'integer', (column) => column.notNull())
        .addColumn('file', 'text', (column) => column.notNull())
        .addColumn('warnings', 'text', (column) => column.notNull())
        .addColumn('cache_key', 'text')
        .addColumn('created_at', 'text', (column) => column.notNull())
        .execute();
      const ids: { id: string }[] = await db.selectFrom('renders').select('id').execute();
      for (const { id } of ids) {
        const { pdf, ...row } = await db
          .selectFrom('renders')
          .selectAll()
          .where('id', '=', id)
          .executeTakeFirstOrThrow();
        const fileName = `${id}.pdf`;
        await writeSynced(join(directory, fileName), pdf);
        await db
          .insertInto('renders_with_files')
          .values({ ...row, file: fileName })
          .execute();
      }
      await db.schema.dropTable('renders').execute();
      await db.schema.alterTable('renders_with_files').renameTo('renders').execute();
      await db.schema.createIndex('renders_document_id').on('renders').column('document_id').execute();
      await db.schema.createIndex('renders_cache_key').on('renders').column('cache_key').execute();

      await db.schema.alterTable('batch_jobs').addColumn('archive_file', 'text').execute();
      const archived: { id: string }[] = await db
        .selectFrom('batch_jobs')
        .select('id')
        .where('archive', 'is not', null)
        .execute();
      for (const { id } of archived) {
        const { archive } = await db
          .selectFrom('batch_jobs')
          .select('archive')
          .where('id', '=', id)
          .executeTakeFirstOrThrow();
        const fileName = `batch-${id}.zip`;
        await writeSynced(join(directory, fileName), archive);
        await db.updateTable('batch_jobs').set({ archive_file: fileName }).where('id', '=', id).execute();
      }
      await db.schema.alterTable('batch_jobs').dropColumn('archive').execute();
    },
  };
}

async function writeSynced(path: string, bytes: Uint8Array): Promise<void> {
  const partial = `${path}.partial`;
  const file = await open(partial, 'w');
  try {
    await file.writeFile(bytes);
    await file.sync();
  } finally {
    await file.close();
  }
  await rename(partial, path);
}
