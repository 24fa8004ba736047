import type { Readable } from 'node:stream';
import type { Kysely } from 'kysely';
import type { Database } from './database.js';

/** A file the store keeps (a render's PDF, a batch job's zip): its size, and a stream of its bytes. */
export interface StoredFile {
  /** The size of the file. */
  bytes: number;
  /**
   * The file's bytes, read a piece at a time as the stream is consumed: a 300-page report or a zip of a thousand PDFs
   * is never whole in memory. Each call starts a new stream.
   */
  stream(): Readable;
}

/** What {@link FileStorage.keep} measured of a file while taking it in. */
export interface MeasuredFile {
  bytes: number;
  /** SHA-256 of the bytes, hex. */
  sha256: string;
}

/**
 * Where the store keeps the renders' PDFs and the batch jobs' archives, behind one interface: in SQLite, one row of
 * `file_chunks` for a file of 1 MiB or less and a file beside the database for a larger one ({@link SqliteFiles}), or
 * chunks in PostgreSQL that every machine reaches ({@link PostgresFiles}). A file is written to a local
 * {@link stagingPath} first (Chromium prints into it), then taken in by {@link keep} under the name a table records.
 */
export interface FileStorage {
  /**
   * A directory on this machine: SQLite's stored files larger than 1 MiB and the files being written, or, for
   * PostgreSQL, only the files being written.
   */
  readonly directory: string;
  /** A new path on this machine to write a file to before {@link keep} takes it. */
  stagingPath(extension: string): string;
  /**
   * Takes the file written at `staged` in as `name`, measuring its size and SHA-256 as it reads it a piece at a time,
   * and calls `record` to write the row that names it, with the database to write it through: where the storage is
   * the database, the file and the row are committed together, and either both are kept or neither. The staged file
   * is gone afterwards, kept or not.
   */
  keep<T>(
    staged: string,
    name: string,
    record: (db: Kysely<Database>, measured: MeasuredFile) => Promise<T>,
  ): Promise<T>;
  /** The stored file, or undefined when there is none by this name. */
  open(name: string): Promise<StoredFile | undefined>;
  /** Removes the files, by the names the tables recorded, each if it is there. */
  remove(names: readonly string[]): Promise<void>;
  /**
   * Removes what a process that died while writing left behind, last written more than `olderThanMs` before `now`.
   * Returns the names removed.
   */
  removeAbandoned(now: Date, olderThanMs: number): Promise<string[]>;
}
