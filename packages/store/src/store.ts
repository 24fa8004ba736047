import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Kysely } from 'kysely';
import { ApiTokenRepository } from './api-tokens.js';
import { BatchJobRepository } from './batch-jobs.js';
import type { Database } from './database.js';
import { ABANDONED_AFTER_MS } from './directory-files.js';
import { DocumentRepository } from './documents.js';
import type { FileStorage } from './file-storage.js';
import { FontRepository } from './fonts.js';
import { migrateToLatest } from './migrate.js';
import { OrganizationRepository } from './organizations.js';
import { PersonRepository } from './people.js';
import { postgresDialect } from './postgres-dialect.js';
import { PostgresFiles } from './postgres-files.js';
import { PrintClaimRepository } from './print-claims.js';
import { createPrivateFile, PRIVATE_DIRECTORY_MODE } from './private-files.js';
import { RenderRepository } from './renders.js';
import { sqliteDialect, withUnsyncedCommits } from './sqlite-dialect.js';
import { SqliteFiles } from './sqlite-files.js';
import { TemplateVersionRepository } from './template-versions.js';
import { UserRepository } from './users.js';

/** Where the store keeps its data: a SQLite file, or a PostgreSQL server that many machines share. */
export type StoreOptions = SqliteStoreOptions | PostgresStoreOptions;

/**
 * A store in one SQLite file. A PDF or zip of 1 MiB or less is in the file too; a larger one is in a directory beside
 * it.
 */
export interface SqliteStoreOptions {
  /** The SQLite file, created with its parent directories when missing; ':memory:' for a database that lives in memory. */
  filename: string;
  /**
   * The directory that holds the renders' PDFs and the batch jobs' archives larger than 1 MiB, and the files being
   * written, created when missing. Default: `<filename>.files` beside the database; for ':memory:' a temporary
   * directory that {@link Store.close} removes.
   */
  filesDirectory?: string;
  /** The clock for created and updated timestamps; the system clock when left out. */
  now?: () => Date;
  /** How long a batch job's zip is kept once written, in milliseconds. Default 24 hours. */
  archiveLifetimeMs?: number;
}

/** A store on a PostgreSQL server, its PDFs and archives in the database too, so that every machine reaches them. */
export interface PostgresStoreOptions {
  /** postgres://user:password@host:port/database (libpq's settings: PGPASSWORD, sslmode=… and so on, work too). */
  url: string;
  /** Connections the process keeps open at most. Default 10. */
  poolSize?: number;
  /** Where files are written on this machine before they go into the database. Default: saraban-staging in the system temp dir. */
  stagingDirectory?: string;
  /** The clock for created and updated timestamps; the system clock when left out. */
  now?: () => Date;
  /** How long a batch job's zip is kept once written, in milliseconds. Default 24 hours. */
  archiveLifetimeMs?: number;
}

/** The database: one repository per kind of record. Open it with {@link openStore}. */
export interface Store {
  readonly organizations: OrganizationRepository;
  readonly people: PersonRepository;
  readonly documents: DocumentRepository;
  readonly renders: RenderRepository;
  readonly batchJobs: BatchJobRepository;
  readonly fonts: FontRepository;
  /** Template versions and drafts. */
  readonly templates: TemplateVersionRepository;
  /** Users, their roles and sign-in sessions. */
  readonly users: UserRepository;
  /** API tokens for integrators. */
  readonly apiTokens: ApiTokenRepository;
  /** Which process prints which document version now. */
  readonly printClaims: PrintClaimRepository;
  /** The kysely instance underneath, for queries the repositories do not offer. */
  readonly db: Kysely<Database>;
  /** Which database it is. */
  readonly dialect: 'sqlite' | 'postgres';
  /**
   * On SQLite, the directory that holds the renders' PDFs and the batch jobs' archives larger than 1 MiB (smaller ones
   * are in the database) and the files being written; on PostgreSQL, where files are written on this machine before
   * they go into the database.
   */
  readonly filesDirectory: string;
  /** Closes the database; every write acknowledged before is committed. */
  close(): Promise<void>;
}

/** How long a batch job's zip is kept, unless told otherwise: a day, to download it the next morning. */
export const DEFAULT_ARCHIVE_LIFETIME_MS = 24 * 60 * 60 * 1000;

/** Connections a PostgreSQL store keeps open at most, unless told otherwise. */
const DEFAULT_POOL_SIZE = 10;

/**
 * Opens the database, applies the migrations it has not had yet, and returns the store. Many processes may open the
 * same PostgreSQL database at once: one applies the migrations while the others wait.
 *
 * @throws {MigrationError} when a migration fails; the database is closed and left as it was.
 * @example
 * ```ts
 * const store = await openStore({ filename: 'data/saraban.db' });
 * const shared = await openStore({ url: 'postgres://saraban@db.example/saraban' });
 * const memo = await store.documents.get(id);
 * await store.close();
 * ```
 */
export async function openStore(options: StoreOptions): Promise<Store> {
  const { now = () => new Date() } = options;
  const opened = 'url' in options ? openPostgres(options) : openSqlite(options);
  const { db, files, removeTemporaryFiles } = opened;
  try {
    await migrateToLatest(db, files.directory);
  } catch (error) {
    await db.destroy();
    removeTemporaryFiles();
    throw error;
  }
  // Against the system clock, which stamped the files, not the `now` the rows are stamped with.
  await files.removeAbandoned(new Date(), ABANDONED_AFTER_MS);
  return {
    organizations: new OrganizationRepository(db, now),
    people: new PersonRepository(db, now),
    documents: new DocumentRepository(db, now, files),
    renders: new RenderRepository(db, now, files),
    batchJobs: new BatchJobRepository(db, now, files, options.archiveLifetimeMs ?? DEFAULT_ARCHIVE_LIFETIME_MS),
    fonts: new FontRepository(db, now),
    templates: new TemplateVersionRepository(db, now),
    users: new UserRepository(db, now),
    apiTokens: new ApiTokenRepository(db, now),
    printClaims:
      'url' in options
        ? new PrintClaimRepository(db, now)
        : new PrintClaimRepository(db, now, (statement) => withUnsyncedCommits(db, statement)),
    db,
    dialect: 'url' in options ? 'postgres' : 'sqlite',
    filesDirectory: files.directory,
    close: async () => {
      await db.destroy();
      removeTemporaryFiles();
    },
  };
}

interface OpenedDatabase {
  db: Kysely<Database>;
  files: FileStorage;
  removeTemporaryFiles: () => void;
}

function openSqlite(options: SqliteStoreOptions): OpenedDatabase {
  const { filename } = options;
  const inMemory = filename === ':memory:' || filename === '';
  if (!inMemory) {
    mkdirSync(dirname(filename), { recursive: true });
    createPrivateFile(filename);
  }
  const temporaryFiles = inMemory && options.filesDirectory === undefined;
  const filesDirectory = temporaryFiles
    ? mkdtempSync(join(tmpdir(), 'saraban-files-'))
    : (options.filesDirectory ?? `${filename}.files`);
  mkdirSync(filesDirectory, { recursive: true, mode: PRIVATE_DIRECTORY_MODE });
  const db = new Kysely<Database>({ dialect: sqliteDialect(filename) });
  return {
    db,
    files: new SqliteFiles(filesDirectory, db),
    removeTemporaryFiles: () => {
      if (temporaryFiles) rmSync(filesDirectory, { recursive: true, force: true });
    },
  };
}

function openPostgres(options: PostgresStoreOptions): OpenedDatabase {
  const db = new Kysely<Database>({ dialect: postgresDialect(options.url, options.poolSize ?? DEFAULT_POOL_SIZE) });
  const stagingDirectory = options.stagingDirectory ?? join(tmpdir(), 'saraban-staging');
  return { db, files: new PostgresFiles(db, stagingDirectory), removeTemporaryFiles: () => {} };
}
