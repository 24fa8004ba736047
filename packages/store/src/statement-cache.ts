import type { Database as BetterSqliteDatabase, Statement } from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

/** How many prepared statements are kept: the store's queries take a few dozen shapes; lists of ids make more. */
const CACHED_STATEMENTS = 256;

/**
 * `sqlite` as kysely's SQLite dialect takes it, with each statement prepared once per SQL text and reused: kysely asks
 * for a new one for every query, and preparing costs 15-30 µs, a fifth of a simple query. The least recently used go
 * beyond {@link CACHED_STATEMENTS}. Kysely runs one query at a time on SQLite's one connection (a streamed query holds
 * it to its end), so a statement is never in two uses at once.
 *
 * @example
 * ```ts
 * const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(new SqliteDatabase(file)) }) });
 * ```
 */
export function withStatementCache(sqlite: BetterSqliteDatabase): BetterSqliteStatements {
  const statements = new Map<string, Statement>();
  return {
    prepare(sql) {
      let statement = statements.get(sql);
      // Map keeps insertion order: taken out and put back, the most recently used is last.
      if (statement) statements.delete(sql);
      else statement = sqlite.prepare(sql);
      statements.set(sql, statement);
      if (statements.size > CACHED_STATEMENTS) {
        for (const leastRecent of statements.keys()) {
          statements.delete(leastRecent);
          break;
        }
      }
      return statement;
    },
    close: () => sqlite.close(),
  };
}

/** Kysely's SQLite database whose statements are better-sqlite3's own, which also tell whether they write. */
export interface BetterSqliteStatements extends SqliteDatabase {
  prepare(sql: string): Statement;
}
