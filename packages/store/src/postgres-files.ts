import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { open, rm } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { type Kysely, sql } from 'kysely';
import type { Database } from './database.js';
import { removeAbandonedFiles, stagingPathIn } from './directory-files.js';
import type { FileStorage, MeasuredFile, StoredFile } from './file-storage.js';
import { PRIVATE_DIRECTORY_MODE } from './private-files.js';

/** The size of one row of `file_chunks`: what is held in memory at once while a file is written or read. */
export const CHUNK_BYTES = 1024 * 1024;

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
      return await this.#db.transaction().execute(async (transaction) => {
        await transaction.deleteFrom('file_chunks').where('file', '=', name).execute();
        const measured = await writeChunks(transaction, staged, name);
        return record(transaction, measured);
      });
    } finally {
      await rm(staged, { force: true });
    }
  }

  async open(name: string): Promise<StoredFile | undefined> {
    const { chunks, bytes } = await this.#db
      .selectFrom('file_chunks')
      .select([
        (eb) => eb.fn.countAll<string>().as('chunks'),
        sql<string>`coalesce(sum(octet_length(data)), 0)`.as('bytes'),
      ])
      .where('file', '=', name)
      .executeTakeFirstOrThrow();
    if (Number(chunks) === 0) return undefined;
    return {
      bytes: Number(bytes),
      stream: () => Readable.from(this.#read(name, Number(chunks)), { objectMode: false }),
    };
  }

  async remove(names: readonly string[]): Promise<void> {
    if (names.length > 0) await this.#db.deleteFrom('file_chunks').where('file', 'in', names).execute();
  }

  /**
   * Removes the chunks no row names (their files' rows were deleted by a process that died before removing them) and
   * this machine's staged files. Chunks being written now belong to a transaction not yet committed, which this one
   * does not see.
   */
  async removeAbandoned(now: Date, olderThanMs: number): Promise<string[]> {
    const orphans = await this.#db
      .deleteFrom('file_chunks')
      .where('file', 'not in', (eb) => eb.selectFrom('renders').select('file'))
      .where('file', 'not in', (eb) =>
        eb.selectFrom('batch_jobs').select('archive_file as file').where('archive_file', 'is not', null),
      )
      .returning('file')
      .execute();
    const staged = await removeAbandonedFiles(this.directory, now, olderThanMs);
    return [...new Set(orphans.map((row) => row.file)), ...staged];
  }

  /** The file's chunks in order, each fetched when the stream asks for it. */
  async *#read(name: string, chunks: number): AsyncGenerator<Buffer> {
    for (let seq = 0; seq < chunks; seq++) {
      const row = await this.#db
        .selectFrom('file_chunks')
        .select('data')
        .where('file', '=', name)
        .where('seq', '=', seq)
        .executeTakeFirst();
      // Removed while being read: the document was deleted meanwhile.
      if (row === undefined) throw new Error(`stored file ${name} was removed while it was being read`);
      yield Buffer.from(row.data);
    }
  }
}

/** Reads the file a chunk at a time, hashing it and inserting each chunk; an empty file is one empty chunk. */
async function writeChunks(db: Kysely<Database>, path: string, name: string): Promise<MeasuredFile> {
  const hash = createHash('sha256');
  const file = await open(path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    let bytes = 0;
    for (let seq = 0; ; seq++) {
      const { bytesRead } = await file.read(buffer, 0, CHUNK_BYTES, bytes);
      if (bytesRead === 0 && seq > 0) break;
      const data = buffer.subarray(0, bytesRead);
      hash.update(data);
      bytes += bytesRead;
      // The insert has sent the bytes before it resolves, so the buffer is free for the next chunk.
      await db.insertInto('file_chunks').values({ file: name, seq, data }).execute();
      if (bytesRead < CHUNK_BYTES) break;
    }
    return { bytes, sha256: hash.digest('hex') };
  } finally {
    await file.close();
  }
}
