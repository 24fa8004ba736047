import { createHash, randomUUID } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';

/** A file the store keeps: where it is, to stream it, and its size. */
export interface StoredFile {
  path: string;
  bytes: number;
}

/**
 * The directory beside the database that holds the renders' PDFs (`<render id>.pdf`) and the batch jobs' archives
 * (`batch-<job id>.zip`), so that a 300-page report or a zip of a thousand PDFs is written and read as a stream,
 * never held in the database or in memory. The tables record the file names.
 */
export class StoreFiles {
  constructor(readonly directory: string) {}

  /** The path of a file, from the file name a table records. */
  path(fileName: string): string {
    return join(this.directory, fileName);
  }

  /** A new path in the directory to write a file to before {@link adopt} takes it. */
  stagingPath(extension: string): string {
    return join(this.directory, `.staged-${randomUUID()}${extension}`);
  }

  /**
   * Moves a file written at a {@link stagingPath} into place as `fileName`, after measuring its size and SHA-256
   * (reading it as a stream) and syncing it to disk, so that a row naming it survives a power cut as the row does.
   */
  async adopt(staged: string, fileName: string): Promise<{ bytes: number; sha256: string }> {
    const file = await open(staged, 'r');
    const hash = createHash('sha256');
    let bytes = 0;
    try {
      for await (const chunk of file.createReadStream({ autoClose: false })) {
        hash.update(chunk as Buffer);
        bytes += (chunk as Buffer).byteLength;
      }
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(staged, this.path(fileName));
    return { bytes, sha256: hash.digest('hex') };
  }

  /** Removes the files, by the names the tables record, each if it is there. */
  async remove(fileNames: readonly string[]): Promise<void> {
    await Promise.all(fileNames.map((fileName) => rm(this.path(fileName), { force: true })));
  }
}
