import type { Kysely } from 'kysely';
import type { Database } from './database.js';
import { type EntityName, NotFoundError } from './errors.js';

/** A row another row points to, e.g. the organization of a document. */
export interface Reference {
  table: 'organizations' | 'documents' | 'fonts';
  entity: EntityName;
  id: string;
}

/**
 * Turns a write the database refused into a {@link NotFoundError} when the row it pointed to does not exist, and
 * rethrows the database's error otherwise. Checking after the failure (instead of matching SQLite's or Postgres's
 * error codes) keeps this the same on every database.
 */
export async function rethrowIfReferenceMissing(
  db: Kysely<Database>,
  error: unknown,
  reference: Reference | undefined,
): Promise<never> {
  if (reference !== undefined) {
    const row = await db.selectFrom(reference.table).select('id').where('id', '=', reference.id).executeTakeFirst();
    if (row === undefined) throw new NotFoundError(reference.entity, reference.id);
  }
  throw error;
}
