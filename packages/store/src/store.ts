import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, SqliteAdapter, SqliteDialect } from 'kysely';
import { BatchJobRepository } from './batch-jobs.js';
import type { Database } from './database.js';
import { DocumentRepository } from './documents.js';
import { FontRepository } from './fonts.js';
import { migrateToLatest } from './migrate.js';
import { OrganizationRepository } from './organizations.js';
import { PersonRepository } from './people.js';
import { RenderRepository } from './renders.js';
import { withStatementCache } from './statement-cache.js';
import { ABANDONED_AFTER_MS, StoreFiles } from './store-files.js';

/** Where the store keeps its data. */
export interface StoreOptions {
  /** The SQLite file, created with its parent directories when missing; ':memory:' for a database that lives in memory. */
  filename: string;
  /**
   * The directory that holds the renders' PDFs and the batch jobs' archives, created when missing. Default: `<filename>.files` beside the
   * database; for ':memory:' a temporary directory that {@link Store.close} removes.
   */
  filesDirectory?: string;
  /** The clock for created and updated timestamps; the system clock when left out. */
  now?: () => Date;
}

/** The database: one repository per kind of record. Open it with {@link openStore}. */
export interface Store {
  readonly organizations: OrganizationRepository;
  readonly people: PersonRepository;
  readonly documents: DocumentRepository;
  readonly renders: RenderRepository;
  readonly batchJobs: BatchJobRepository;
  readonly fonts: FontRepository;
  /** The kysely instance underneath, for queries the repositories do not offer. */
  readonly db: Kysely<Database>;
  /** The directory that holds the renders' PDFs and the batch jobs' archives. */
  readonly filesDirectory: string;
  /** Closes the database; every write acknowledged before is on disk. */
  close(): Promise<void>;
}

/** How long a write waits for another process's write to finish before failing with SQLITE_BUSY. */
const BUSY_TIMEOUT_MS = 5000;

/**
 * Opens the SQLite database, applies the migrations it has not had yet, and returns the store.
 *
 * @throws {MigrationError} when a migration fails; the database is closed and left as it was.
 * @example
 * ```ts
 * const store = await openStore({ filename: 'data/saraban.db' });
 * const memo = await store.documents.get(id);
 * await store.close();
 * ```
 */
export async function openStore(options: StoreOptions): Promise<Store> {
  const { filename, now = () => new Date() } = options;
  const inMemory = filename === ':memory:' || filename === '';
  if (!inMemory) mkdirSync(dirname(filename), { recursive: true });
  const temporaryFiles = inMemory && options.filesDirectory === undefined;
  const filesDirectory = temporaryFiles
    ? mkdtempSync(join(tmpdir(), 'saraban-files-'))
    : (options.filesDirectory ?? `${filename}.files`);
  mkdirSync(filesDirectory, { recursive: true });
  const removeTemporaryFiles = () => {
    if (temporaryFiles) rmSync(filesDirectory, { recursive: true, force: true });
  };
  const sqlite = new SqliteDatabase(filename);
  // WAL lets readers go on while one writer commits; FULL syncs each commit, so an acknowledged write survives a
  // power cut, not only a crash.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  const db = new Kysely<Database>({
    dialect: new TransactionalDdlSqliteDialect({ database: withStatementCache(sqlite) }),
  });
  try {
    await migrateToLatest(db, filesDirectory);
  } catch (error) {
    await db.destroy();
    removeTemporaryFiles();
    throw error;
  }
  const files = new StoreFiles(filesDirectory);
  // Against the system clock, which stamped the files, not the `now` the rows are stamped with.
  await files.removeAbandoned(new Date(), ABANDONED_AFTER_MS);
  return {
    organizations: new OrganizationRepository(db, now),
    people: new PersonRepository(db, now),
    documents: new DocumentRepository(db, now, files),
    renders: new RenderRepository(db, now, files),
    batchJobs: new BatchJobRepository(db, now, files),
    fonts: new FontRepository(db, now),
    db,
    filesDirectory,
    close: async () => {
      await db.destroy();
      removeTemporaryFiles();
    },
  };
}

// SQLite runs CREATE TABLE inside a transaction like any statement, but kysely's adapter says it cannot; saying it
// can makes the migrator run the migrations in one transaction, so a failed migration leaves nothing half done.
class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

class TransactionalDdlSqliteDialect extends SqliteDialect {
  override createAdapter(): SqliteAdapter {
    return new TransactionalDdlSqliteAdapter();
  }
}
