import { createHash, randomUUID } from 'node:crypto';
import { closeSync, createReadStream, fchmodSync, fstatSync, fsync, openSync, readSync, renameSync } from 'node:fs';
import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Kysely } from 'kysely';
import type { Database } from './database.js';
import type { FileStorage, MeasuredFile, StoredFile } from './file-storage.js';
import { PRIVATE_FILE_MODE } from './private-files.js';

/**
 * How old a file being written (a staged render or zip, a PDF Chromium is still streaming) must be before it counts as
 * abandoned by a process that died. Far above any print's time limit, so a second process printing into the same
 * directory (the CLI beside a running server) never loses its file.
 */
export const ABANDONED_AFTER_MS = 60 * 60 * 1000;

const READ_SIZE = 1024 * 1024;
const fsyncFile = promisify(fsync);

/**
 * Files in a directory beside the SQLite database, `<render id>.pdf` and `batch-<job id>.zip`, written and read as a
 * stream: where {@link SqliteFiles} keeps a file larger than one chunk (a 300-page report, a zip of a thousand PDFs),
 * never whole in the database or in memory, and where every file is written first. Renders stored before smaller
 * files went into the database are files here too. The tables record the file names.
 *
 * @example
 * ```ts
 * const files = new DirectoryFiles('data/saraban.db.files', db);
 * const pdf = await files.open(`${render.id}.pdf`);
 * ```
 */
export class DirectoryFiles implements FileStorage {
  readonly directory: string;
  readonly #db: Kysely<Database>;

  constructor(directory: string, db: Kysely<Database>) {
    this.directory = directory;
    this.#db = db;
  }

  stagingPath(extension: string): string {
    return stagingPathIn(this.directory, extension);
  }

  /**
   * Moves the staged file into place, synced to disk so that the row naming it survives a power cut as the row does,
   * then records it; when recording fails, the file is removed.
   */
  async keep<T>(
    staged: string,
    name: string,
    record: (db: Kysely<Database>, measured: MeasuredFile) => Promise<T>,
  ): Promise<T> {
    try {
      return await record(this.#db, await this.#adopt(staged, name));
    } catch (error) {
      await Promise.all([rm(staged, { force: true }), this.remove([name])]);
      throw error;
    }
  }

  async open(name: string): Promise<StoredFile | undefined> {
    const path = this.#path(name);
    const found = await stat(path).catch(() => undefined);
    return found && { bytes: found.size, stream: () => createReadStream(path) };
  }

  /** The path of a file, from the file name a table records. */
  #path(fileName: string): string {
    return join(this.directory, fileName);
  }

  /**
   * Moves a file written at a {@link stagingPath} into place as `fileName`, after measuring its size and SHA-256
   * (reading it a piece at a time, never whole) and syncing it to disk.
   */
  async #adopt(staged: string, fileName: string): Promise<MeasuredFile> {
    const hash = createHash('sha256');
    let bytes = 0;
    const file = openSync(staged, 'r');
    // Whoever wrote it (Chromium's stream, a zip), a stored file is for Saraban's user alone.
    fchmodSync(file, PRIVATE_FILE_MODE);
    // The sync waits for the disk (0.45 ms on the bench's machine), in the thread pool: the file is hashed meanwhile.
    const syncing = fsyncFile(file);
    try {
      // Read synchronously, a MiB at a time (a memo's PDF in one read): from the page cache a read takes well under a
      // millisecond, where each asynchronous one is a round trip through libuv's thread pool on every render's path.
      const buffer = Buffer.allocUnsafe(Math.min(READ_SIZE, fstatSync(file).size) || 1);
      for (;;) {
        const read = readSync(file, buffer, 0, buffer.length, bytes);
        if (read === 0) break;
        hash.update(buffer.subarray(0, read));
        bytes += read;
      }
    } finally {
      // Closed only once synced, whether the reading failed or not.
      await syncing.finally(() => closeSync(file));
    }
    renameSync(staged, this.#path(fileName));
    return { bytes, sha256: hash.digest('hex') };
  }

  /**
   * Files being written have names that start with a dot (`.staged-…`, and the `….partial` files Chromium streams
   * into); the files the tables record never do.
   *
   * @example
   * ```ts
   * await files.removeAbandoned(new Date(), ABANDONED_AFTER_MS) // ['.staged-0c1d….pdf']
   * ```
   */
  async removeAbandoned(now: Date, olderThanMs: number): Promise<string[]> {
    return removeAbandonedFiles(this.directory, now, olderThanMs);
  }

  async remove(fileNames: readonly string[]): Promise<void> {
    await Promise.all(fileNames.map((fileName) => rm(this.#path(fileName), { force: true })));
  }
}

/**
 * A new path in `directory` for a file being written: its name starts with a dot, which marks it as not yet kept.
 *
 * @example
 * ```ts
 * stagingPathIn('/tmp/saraban-staging', '.pdf'); // '/tmp/saraban-staging/.staged-0c1d….pdf'
 * ```
 */
export function stagingPathIn(directory: string, extension: string): string {
  return join(directory, `.staged-${randomUUID()}${extension}`);
}

/**
 * Removes the files being written in `directory` (their names start with a dot) that were last modified more than
 * `olderThanMs` before `now`, and returns their names.
 *
 * @example
 * ```ts
 * await removeAbandonedFiles('data/saraban.db.files', new Date(), ABANDONED_AFTER_MS); // ['.staged-0c1d….pdf']
 * ```
 */
export async function removeAbandonedFiles(directory: string, now: Date, olderThanMs: number): Promise<string[]> {
  const removed: string[] = [];
  for (const name of await readdir(directory)) {
    if (!name.startsWith('.')) continue;
    const path = join(directory, name);
    // Gone already (its writer finished or gave up meanwhile): nothing to remove.
    const modified = await stat(path).then(
      (found) => found.mtimeMs,
      () => undefined,
    );
    if (modified === undefined || now.getTime() - modified <= olderThanMs) continue;
    await rm(path, { force: true });
    removed.push(name);
  }
  return removed;
}
