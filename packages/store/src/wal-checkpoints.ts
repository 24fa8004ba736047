import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Database as BetterSqliteDatabase } from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';
import type { BetterSqliteStatements } from './statement-cache.js';

/**
 * Pages the WAL may hold before a checkpoint is run once the event loop is free: SQLite's own default for its
 * automatic checkpoint (about 4 MB with 4 KiB pages, some 40 memo renders).
 */
export const CHECKPOINT_AFTER_PAGES = 1000;

/**
 * Pages at which SQLite's automatic checkpoint runs after all, inside the commit that reaches them: a bound for when
 * the deferred checkpoints cannot keep up (another process reading without pause holds them back, or the event loop
 * never gets free). Litestream's former hard limit, 10 times the default.
 */
export const AUTOMATIC_CHECKPOINT_PAGES = 10 * CHECKPOINT_AFTER_PAGES;

/** How long without a write before whatever the WAL holds is checkpointed, so an idle database is all in its file. */
export const CHECKPOINT_WHEN_IDLE_MS = 1000;

/** `PRAGMA synchronous` reads 2 when each commit, and so each checkpoint, is synced. */
const SYNCED = 2;

/** SQLite's WAL header (32 bytes) and each frame's header (24 bytes) come on top of the pages. */
const WAL_HEADER_BYTES = 32;
const FRAME_HEADER_BYTES = 24;

/**
 * `database` as kysely takes it, with the WAL checkpoints moved off the commits: SQLite's automatic checkpoint,
 * which copies the WAL into the database file and syncs it (several ms once every 1000 pages, some 40 memo renders),
 * ran inside the commit that crossed the threshold, on that render's path; better-sqlite3 being synchronous, it stalled
 * the event loop there too. Here it runs after the commit's caller has its answer: once a write is done and the event
 * loop gets to its next turn (`setImmediate`), if the WAL holds more than {@link CHECKPOINT_AFTER_PAGES} pages and a
 * transaction wrote (or twice as many, from single statements alone); {@link CHECKPOINT_WHEN_IDLE_MS} after the last
 * write otherwise; and when the database is closed. SQLite's own automatic checkpoint stays as a bound at
 * {@link AUTOMATIC_CHECKPOINT_PAGES}.
 *
 * A checkpoint is PASSIVE, as SQLite's own: it never waits for another process (a checkpoint that waits for readers
 * is what hung Litestream's users, their issue #724); what a reader there still needs is checkpointed once idle.
 * The WAL file is kept, to be written over from its start (a WAL truncated to nothing made each commit that extends
 * it again ~0.3 ms slower); `journal_size_limit` cuts it back to the threshold when it restarts, so that its size on
 * disk growing past the threshold tells that it holds more. `sqlite` must be the connection `database` prepares its
 * statements on.
 *
 * @example
 * ```ts
 * const sqlite = new SqliteDatabase('data/saraban.db');
 * sqlite.pragma('journal_mode = WAL');
 * const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withWalCheckpoints(sqlite, sqlite) }) });
 * ```
 */
export function withWalCheckpoints(sqlite: BetterSqliteDatabase, database: BetterSqliteStatements): SqliteDatabase {
  sqlite.pragma(`wal_autocheckpoint = ${AUTOMATIC_CHECKPOINT_PAGES}`);
  const wal = `${resolve(sqlite.name)}-wal`;
  const pageBytes = sqlite.pragma('page_size', { simple: true }) as number;
  const thresholdBytes = WAL_HEADER_BYTES + CHECKPOINT_AFTER_PAGES * (FRAME_HEADER_BYTES + pageBytes);
  sqlite.pragma(`journal_size_limit = ${thresholdBytes}`);
  let afterWrite: NodeJS.Immediate | undefined;
  let whenIdle: NodeJS.Timeout | undefined;
  /** Whether a transaction wrote since the last look at the WAL. */
  let committed = false;

  /** Runs a checkpoint; true when it could not do all of it (it is then tried again once idle). */
  function checkpoint(): boolean {
    // Within a transaction kysely holds open across an await, or while print claims commit unsynced (a checkpoint
    // then would not sync the database file before the WAL is reset), it waits: the commit that ends it is a write.
    if (sqlite.inTransaction) return true;
    try {
      // Asked inside the try: a statement still being stepped (a streamed query) makes any other one throw.
      if (sqlite.pragma('synchronous', { simple: true }) !== SYNCED) return true;
      const [{ busy, log, checkpointed }] = sqlite.pragma('wal_checkpoint(PASSIVE)') as [CheckpointResult];
      // Another process was checkpointing, or reading what this one could not copy yet.
      return busy !== 0 || checkpointed < log;
    } catch {
      // A failed checkpoint loses nothing (the WAL keeps every commit); the next one, or SQLite's bound, does it.
      return true;
    }
  }

  function checkpointWhenIdle(): void {
    if (whenIdle) whenIdle.refresh();
    // Unref'd: an idle checkpoint is no reason to keep the process alive; close checkpoints anyway.
    else whenIdle = setTimeout(idle, CHECKPOINT_WHEN_IDLE_MS).unref();
  }

  function idle(): void {
    whenIdle = undefined;
    if (checkpoint()) checkpointWhenIdle();
  }

  function afterWrites(): void {
    afterWrite = undefined;
    // Single statements outside a transaction (a print claim, taken as a render starts) add a page or two: past the
    // threshold by them, the WAL waits for the next transaction's commit (the render's own, after which the caller
    // has its answer) or for idle, instead of being checkpointed at the next turn, in that render's first steps; unless
    // such writes alone took it to twice the threshold.
    const limit = committed ? thresholdBytes : 2 * thresholdBytes;
    committed = false;
    if (walBytes(wal) <= limit || checkpoint()) checkpointWhenIdle();
  }

  return {
    prepare(sql) {
      const statement = database.prepare(sql);
      // Kysely runs a statement right after preparing it. One that writes (an insert, an update returning its row
      // too) or returns no rows (a commit, which SQLite counts as read-only) may have added to the WAL.
      if (!statement.readonly || !statement.reader) {
        if (sqlite.inTransaction) committed = true;
        afterWrite ??= setImmediate(afterWrites);
      }
      return statement;
    },
    close() {
      clearImmediate(afterWrite);
      clearTimeout(whenIdle);
      if (sqlite.open) checkpoint();
      database.close();
    },
  };
}

/** What `PRAGMA wal_checkpoint` answers: whether it was blocked, frames in the WAL, frames copied into the database. */
interface CheckpointResult {
  busy: number;
  log: number;
  checkpointed: number;
}

function walBytes(wal: string): number {
  return statSync(wal, { throwIfNoEntry: false })?.size ?? 0;
}
