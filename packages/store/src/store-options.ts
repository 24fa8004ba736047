import type { StoreOptions } from './store.js';

/** What a postgres:// (or postgresql://) URL starts with. */
const postgresUrl = /^postgres(ql)?:\/\//i;

/**
 * The store's options from what a user typed: a postgres:// or postgresql:// URL for a PostgreSQL server, anything
 * else the path of a SQLite file.
 *
 * @example
 * ```ts
 * storeOptionsFrom('postgres://saraban@db.example/saraban'); // { url: 'postgres://saraban@db.example/saraban' }
 * storeOptionsFrom('.saraban/saraban.db'); // { filename: '.saraban/saraban.db' }
 * ```
 */
export function storeOptionsFrom(database: string): StoreOptions {
  return postgresUrl.test(database) ? { url: database } : { filename: database };
}

/**
 * The database as it may be shown in a log: a URL with its password hidden, a file as it is.
 *
 * @example
 * ```ts
 * databaseLabel('postgres://saraban:secret@db.example/saraban'); // 'postgres://saraban:***@db.example/saraban'
 * ```
 */
export function databaseLabel(database: string): string {
  if (!postgresUrl.test(database)) return database;
  const url = new URL(database);
  if (url.password !== '') url.password = '***';
  return url.href;
}
