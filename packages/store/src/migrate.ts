import { type Kysely, type Migration, Migrator } from 'kysely';
import { MigrationError } from './errors.js';
import * as initial from './migrations/0001-initial.js';
import * as renderCacheKey from './migrations/0002-render-cache-key.js';
import * as batchJobs from './migrations/0003-batch-jobs.js';
import * as fonts from './migrations/0004-fonts.js';
import { renderFiles } from './migrations/0005-render-files.js';
import * as fileChunks from './migrations/0006-file-chunks.js';
import * as batchJobDocuments from './migrations/0007-batch-job-documents.js';
import * as templateVersions from './migrations/0008-template-versions.js';
import * as oneRenderPerKey from './migrations/0009-one-render-per-key.js';
import * as batchArchiveExpiry from './migrations/0010-batch-archive-expiry.js';
import * as documentSearch from './migrations/0011-document-search.js';
import * as users from './migrations/0012-users.js';
import * as printClaims from './migrations/0013-print-claims.js';

/**
 * Every migration, by name, in the order they apply. Forward-only: a migration, once released, is never edited or
 * removed; a change to the schema is a new file with the next number.
 */
function migrations(filesDirectory: string): Record<string, Migration> {
  return {
    '0001-initial': initial,
    '0002-render-cache-key': renderCacheKey,
    '0003-batch-jobs': batchJobs,
    '0004-fonts': fonts,
    '0005-render-files': renderFiles(filesDirectory),
    '0006-file-chunks': fileChunks,
    '0007-batch-job-documents': batchJobDocuments,
    '0008-template-versions': templateVersions,
    '0009-one-render-per-key': oneRenderPerKey,
    '0010-batch-archive-expiry': batchArchiveExpiry,
    '0011-document-search': documentSearch,
    '0012-users': users,
    '0013-print-claims': printClaims,
  };
}

/**
 * Applies the migrations the database has not had yet; a no-op on an up-to-date database. Render PDFs a SQLite
 * database still holds as blobs are written into `filesDirectory` (a PostgreSQL database never held any: it starts
 * with every migration).
 *
 * @example
 * ```ts
 * await migrateToLatest(db, 'data/saraban.db.files'); // openStore does this before returning
 * ```
 */
// biome-ignore lint/suspicious/noExplicitAny: the migrator works on the database as it is, before today's types hold.
export async function migrateToLatest(db: Kysely<any>, filesDirectory: string): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations(filesDirectory) },
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error !== undefined) {
    throw new MigrationError(results?.find((result) => result.status === 'Error')?.migrationName, error);
  }
}
