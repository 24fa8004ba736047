import { closeSync, fstatSync, openSync, readSync, rmSync, unlinkSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from './database.js';
import { DirectoryFiles } from './directory-files.js';
import { CHUNK_BYTES, openChunks, removeChunks, removeOrphanChunks, writeChunks } from './file-chunks.js';
import type { FileStorage, MeasuredFile, StoredFile } from './file-storage.js';

/**
 * The renders' PDFs and the batch jobs' archives of a SQLite store. A file that fits in one chunk ({@link CHUNK_BYTES}:
 * a memo, a letter, a zip of a few of them) is one row of `file_chunks`, written in the transaction that records the
 * row naming it, so that one synced commit keeps both. A larger one (a 300-page report, a zip of a thousand PDFs) is a
 * file in `directory` beside the database ({@link DirectoryFiles}), written and read as a stream, never whole in
 * memory. Files are written in `directory` first, so that keeping a large one is a rename.
 *
 * @example
 * ```ts
 * const files = new SqliteFiles('data/saraban.db.files', db);
 * const pdf = await files.open(`${render.id}.pdf`);
 * pdf?.stream().pipe(response);
 * ```
 */
export class SqliteFiles implements FileStorage {
  readonly directory: string;
  readonly #db: Kysely<Database>;
  readonly #large: DirectoryFiles;

  constructor(directory: string, db: Kysely<Database>) {
    this.directory = directory;
    this.#db = db;
    this.#large = new DirectoryFiles(directory, db);
  }

  stagingPath(extension: string): string {
    return this.#large.stagingPath(extension);
  }

  /**
   * A file of one chunk is read whole and recorded with its chunk in one transaction, in place of any file of that
   * name, its staged file removed either way; a larger one goes to the directory as {@link DirectoryFiles.keep} takes
   * it, its row recorded in a transaction that removes any chunk of that name, which would otherwise be found first.
   */
  async keep<T>(
    staged: string,
    name: string,
    record: (db: Kysely<Database>, measured: MeasuredFile) => Promise<T>,
  ): Promise<T> {
    let data: Buffer | undefined;
    try {
      data = readIfOneChunk(staged);
      // Removed before the commit, synchronously: the commit's sync then has none of the file's bytes to write first
      // (ext4 writes a new file's data before the metadata it syncs: a commit took 2.1 ms with the file still there,
      // 0.4 without).
      if (data !== undefined) unlinkSync(staged);
    } catch (error) {
      await rm(staged, { force: true });
      throw error;
    }
    if (data === undefined) {
      return this.#large.keep(staged, name, (db, measured) =>
        db.transaction().execute(async (transaction) => {
          await removeChunks(transaction, [name]);
          return record(transaction, measured);
        }),
      );
    }
    const chunk = data;
    const recorded = await this.#db
      .transaction()
      .execute(async (transaction) => record(transaction, await writeChunks(transaction, name, [chunk])));
    // A larger file of that name kept before (a batch job's zip, kept again) is found no more: it goes, once the chunk
    // is committed. Looking for one costs a failed lstat (microseconds); a render's name is always new.
    rmSync(join(this.directory, name), { force: true });
    return recorded;
  }

  async open(name: string): Promise<StoredFile | undefined> {
    return (await openChunks(this.#db, name)) ?? this.#large.open(name);
  }

  async remove(names: readonly string[]): Promise<void> {
    await Promise.all([removeChunks(this.#db, names), this.#large.remove(names)]);
  }

  /** Removes the chunks no row names and the files being written that a process left behind. */
  async removeAbandoned(now: Date, olderThanMs: number): Promise<string[]> {
    const orphans = await removeOrphanChunks(this.#db);
    return [...orphans, ...(await this.#large.removeAbandoned(now, olderThanMs))];
  }
}

/**
 * The file's bytes when it fits in one chunk, else undefined. Read synchronously: from the page cache a read of a
 * memo's PDF takes well under a millisecond, where each asynchronous step is a round trip through libuv's thread pool
 * on every render's path.
 */
function readIfOneChunk(path: string): Buffer | undefined {
  const file = openSync(path, 'r');
  try {
    const { size } = fstatSync(file);
    if (size > CHUNK_BYTES) return undefined;
    const data = Buffer.allocUnsafe(size);
    let read = 0;
    while (read < size) {
      const got = readSync(file, data, read, size - read, read);
      if (got === 0) break;
      read += got;
    }
    return data.subarray(0, read);
  } finally {
    closeSync(file);
  }
}
