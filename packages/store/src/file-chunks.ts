import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import type { Kysely } from 'kysely';
import type { Database } from './database.js';
import type { MeasuredFile, StoredFile } from './file-storage.js';

/** The size of one row of `file_chunks`: what is held in memory at once while a file is written or read. */
export const CHUNK_BYTES = 1024 * 1024;

/**
 * Writes a file as rows of `file_chunks` (its name, each chunk's place, the chunk's bytes), in place of any chunks of
 * that name, hashing the bytes as they go. An empty file is one empty chunk, so that it is found. Run it in the
 * transaction that records the file's row, so that both are committed together.
 *
 * @example
 * ```ts
 * const measured = await writeChunks(transaction, 'batch-0c1d….zip', readInChunks('/tmp/staging/.staged-….zip'));
 * ```
 */
export async function writeChunks(
  db: Kysely<Database>,
  name: string,
  chunks: AsyncIterable<Buffer> | Iterable<Buffer>,
): Promise<MeasuredFile> {
  await db.deleteFrom('file_chunks').where('file', '=', name).execute();
  const hash = createHash('sha256');
  let bytes = 0;
  let seq = 0;
  for await (const data of chunks) {
    hash.update(data);
    bytes += data.length;
    // The insert has sent the bytes before it resolves, so the caller may reuse the chunk's buffer afterwards.
    await db.insertInto('file_chunks').values({ file: name, seq, data }).execute();
    seq++;
  }
  if (seq === 0)
    await db
      .insertInto('file_chunks')
      .values({ file: name, seq, data: Buffer.alloc(0) })
      .execute();
  return { bytes, sha256: hash.digest('hex') };
}

/**
 * The file stored as chunks under `name`, its size and a stream that fetches one chunk per query as it is consumed;
 * undefined when there are no chunks by this name.
 *
 * @example
 * ```ts
 * const pdf = await openChunks(db, `${render.id}.pdf`);
 * pdf?.stream().pipe(response);
 * ```
 */
export async function openChunks(db: Kysely<Database>, name: string): Promise<StoredFile | undefined> {
  const { chunks, bytes } = await db
    .selectFrom('file_chunks')
    // length() of a blob (SQLite) or a bytea (PostgreSQL) counts its bytes.
    .select([
      (eb) => eb.fn.countAll<string>().as('chunks'),
      (eb) => eb.fn.sum<string>(eb.fn('length', ['data'])).as('bytes'),
    ])
    .where('file', '=', name)
    .executeTakeFirstOrThrow();
  if (Number(chunks) === 0) return undefined;
  return {
    bytes: Number(bytes),
    stream: () => Readable.from(readChunks(db, name, Number(chunks)), { objectMode: false }),
  };
}

/**
 * Removes the chunks of these files, each if it is there.
 *
 * @example
 * ```ts
 * await removeChunks(db, [`${render.id}.pdf`]);
 * ```
 */
export async function removeChunks(db: Kysely<Database>, names: readonly string[]): Promise<void> {
  if (names.length > 0) await db.deleteFrom('file_chunks').where('file', 'in', names).execute();
}

/**
 * Removes the chunks no row names (their files' rows were deleted by a process that died before removing them) and
 * returns their files' names. Chunks being written now belong to a transaction not yet committed, which this one
 * does not see.
 *
 * @example
 * ```ts
 * await removeOrphanChunks(db); // ['0c1d….pdf']
 * ```
 */
export async function removeOrphanChunks(db: Kysely<Database>): Promise<string[]> {
  const orphans = await db
    .deleteFrom('file_chunks')
    .where('file', 'not in', (eb) => eb.selectFrom('renders').select('file'))
    .where('file', 'not in', (eb) =>
      eb.selectFrom('batch_jobs').select('archive_file as file').where('archive_file', 'is not', null),
    )
    .returning('file')
    .execute();
  return [...new Set(orphans.map((row) => row.file))];
}

/** The file's chunks in order, each fetched when the stream asks for it. */
async function* readChunks(db: Kysely<Database>, name: string, chunks: number): AsyncGenerator<Buffer> {
  for (let seq = 0; seq < chunks; seq++) {
    const row = await db
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
