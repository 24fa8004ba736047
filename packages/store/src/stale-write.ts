import type { Kysely } from 'kysely';
import type { Database } from './database.js';
import { type EntityName, NotFoundError, VersionConflictError, type WriteOperation } from './errors.js';

/** The tables whose rows carry a version. */
export type VersionedTable = 'organizations' | 'people' | 'documents';

/**
 * Explains why a write guarded by `where id = ? and version = ?` touched no row: the row is gone, or it moved on.
 * Called only after the guarded write, so the write itself never races with this read.
 */
export async function throwStaleWrite(
  db: Kysely<Database>,
  table: VersionedTable,
  entity: EntityName,
  id: string,
  expectedVersion: number,
  operation: WriteOperation,
): Promise<never> {
  const row = await db.selectFrom(table).select('version').where('id', '=', id).executeTakeFirst();
  if (row === undefined) throw new NotFoundError(entity, id);
  throw new VersionConflictError(entity, id, expectedVersion, row.version, operation);
}
