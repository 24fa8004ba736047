import { mkdirSync } from 'node:fs';
import { open, rm } from 'node:fs/promises';
import type { Kysely } from 'kysely';
import type { Database } from './database.js';
import { removeAbandonedFiles, stagingPathIn } from './directory-files.js';
import { CHUNK_BYTES, openChunks, removeChunks, removeOrphanChunks, writeChunks } from './file-chunks.js';
import type { FileStorage, MeasuredFile, StoredFile } from './file-storage.js';
import { PRIVATE_DIRECTORY_MODE } from './private-files.js';

/**
 * The renders' PDFs and the batch jobs' archives in PostgreSQL, where every machine reaches them: each file is rows of
 * `file_chunks` (its name, the chunk's place, a MiB of bytes at most), written in the transaction that records the
 * file's row and read back one chunk per query as the stream is consumed. Files are written on this machine first,
 * in `stagingDirectory`.
 *
 * @example
 * ```ts
 * const files = new PostgresFiles(db, '/tmp/saraban-staging');
 * const pdf = await files.open(`${render.id}.pdf`);
 * pdf?.stream().pipe(response);
 * ```
 */
export class PostgresFiles implements FileStorage {
  readonly directory: string;
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>, stagingDirectory: string) {
    this.#db = db;
    this.directory = stagingDirectory;
    mkdirSync(stagingDirectory, { recursive: true, mode: PRIVATE_DIRECTORY_MODE });
  }

  stagingPath(extension: string): string {
    return stagingPathIn(this.directory, extension);
  }

  /**
   * Copies the staged file into chunks, in place of any file of that name, and records it, in one transaction; the
   * staged file is removed either way.
   */
  async keep<T>(
    staged: string,
    name: string,
    record: (db: Kysely<Database>, measured: MeasuredFile) => Promise<T>,
  ): Promise<T> {
    try {
      return await this.#db
        .transaction()
        .execute(async (transaction) =>
          record(transaction, await writeChunks(transaction, name, readInChunks(staged))),
        );
    } finally {
      await rm(staged, { force: true });
    }
  }

  open(name: string): Promise<StoredFile | undefined> {
    return openChunks(this.#db, name);
  }

  remove(names: readonly string[]): Promise<void> {
    return removeChunks(this.#db, names);
  }

  /** Removes the chunks no row names and this machine's staged files. */
  async removeAbandoned(now: Date, olderThanMs: number): Promise<string[]> {
    const orphans = await removeOrphanChunks(this.#db);
    return [...orphans, ...(await removeAbandonedFiles(this.directory, now, olderThanMs))];
  }
}

/** The file a chunk at a time, in one buffer that the next chunk overwrites. */
async function* readInChunks(path: string): AsyncGenerator<Buffer> {
  const file = await open(path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    for (let position = 0; ; ) {
      const { bytesRead } = await file.read(buffer, 0, CHUNK_BYTES, position);
      if (bytesRead === 0) break;
      position += bytesRead;
      yield buffer.subarray(0, bytesRead);
      if (bytesRead < CHUNK_BYTES) break;
    }
  } finally {
    await file.close();
  }
}
