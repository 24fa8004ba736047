import SqliteDatabase from 'better-sqlite3';
import { type Kysely, SqliteAdapter, SqliteDialect, sql } from 'kysely';
import { withStatementCache } from './statement-cache.js';
import { withWalCheckpoints } from './wal-checkpoints.js';

/** How long a write waits for another process's write to finish before failing with SQLITE_BUSY. */
const BUSY_TIMEOUT_MS = 5000;

/** How every connection syncs its commits, and what {@link withUnsyncedCommits} sets back. */
const SYNCED_COMMITS = 'FULL';

/**
 * Kysely's dialect for the SQLite file (or ':memory:'), opened in WAL mode with foreign keys on, each commit synced,
 * the WAL checkpointed off the commits (see {@link withWalCheckpoints}).
 *
 * @example
 * ```ts
 * const db = new Kysely<Database>({ dialect: sqliteDialect('data/saraban.db') });
 * ```
 */
export function sqliteDialect(filename: string): SqliteDialect {
  const sqlite = new SqliteDatabase(filename);
  // WAL lets readers go on while one writer commits; FULL syncs each commit, so an acknowledged write survives a
  // power cut, not only a crash.
  const journal = sqlite.pragma('journal_mode = WAL', { simple: true });
  sqlite.pragma(`synchronous = ${SYNCED_COMMITS}`);
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  const statements = withStatementCache(sqlite);
  // ':memory:' has no WAL to checkpoint.
  return new TransactionalDdlSqliteDialect({
    database: journal === 'wal' ? withWalCheckpoints(sqlite, statements) : statements,
  });
}

/**
 * Runs `write` on the SQLite connection alone, its commits not synced to the disk: for rows nothing is lost without
 * after a power cut (a print claim), so they do not wait for an fsync. The connection is held for the call, so no
 * other statement or transaction commits unsynced meanwhile; the next synced commit writes these rows to disk too.
 *
 * @example
 * ```ts
 * await withUnsyncedCommits(db, (connection) => connection.deleteFrom('print_claims').execute());
 * ```
 */
export function withUnsyncedCommits<DB, T>(db: Kysely<DB>, write: (connection: Kysely<DB>) => Promise<T>): Promise<T> {
  return db.connection().execute(async (connection) => {
    await sql`PRAGMA synchronous = OFF`.execute(connection);
    try {
      return await write(connection);
    } finally {
      await sql.raw(`PRAGMA synchronous = ${SYNCED_COMMITS}`).execute(connection);
    }
  });
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
