import type { Kysely } from 'kysely';

/**
 * The document's date and its header organization's name, copied out of `data` into columns of their own, as kind
 * and subject are, so staff can search documents by them. Existing documents get them from their data.
 */
// biome-ignore lint/suspicious/noExplicitAny: a migration must not depend on today's table types.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('documents').addColumn('document_date', 'text').execute();
  await db.schema.alterTable('documents').addColumn('organization_name', 'text').execute();
  const rows: { id: string; data: string }[] = await db.selectFrom('documents').select(['id', 'data']).execute();
  for (const row of rows) {
    const data = JSON.parse(row.data) as { date?: string | null; organization?: { name?: string } };
    await db
      .updateTable('documents')
      .set({ document_date: data.date ?? null, organization_name: data.organization?.name ?? null })
      .where('id', '=', row.id)
      .execute();
  }
  await db.schema.createIndex('documents_document_date').on('documents').column('document_date').execute();
}
