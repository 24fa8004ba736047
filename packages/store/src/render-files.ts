import { createHash, randomUUID } from 'node:crypto';
import { open, rm } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The directory that holds the renders' PDFs, one file per render named by its id, so a 300-page report is never
 * loaded into the database or into memory: it is written and read as a stream.
 */
export class RenderFiles {
  constructor(readonly directory: string) {}

  /** The path of a render's file, from the file name the renders table records. */
  path(fileName: string): string {
    return join(this.directory, fileName);
  }

  /** The file name of a render. */
  fileName(renderId: string): string {
    return `${renderId}.pdf`;
  }

  /** A path in the directory to write a new PDF to, before {@link RenderRepository.create} takes it. */
  stagingPath(): string {
    return join(this.directory, `.staged-${randomUUID()}.pdf`);
  }

  /** Removes the files, each if it is there. */
  async remove(fileNames: readonly string[]): Promise<void> {
    await Promise.all(fileNames.map((fileName) => rm(this.path(fileName), { force: true })));
  }
}

/**
 * The size and SHA-256 (hex) of a file, read as a stream, and the file synced to disk so that a database row
 * naming it survives a power cut as the row does.
 *
 * @example
 * ```ts
 * const { bytes, sha256 } = await measureFile('report.pdf');
 * ```
 */
export async function measureFile(path: string): Promise<{ bytes: number; sha256: string }> {
  const file = await open(path, 'r');
  try {
    const hash = createHash('sha256');
    let bytes = 0;
    for await (const chunk of file.createReadStream({ autoClose: false })) {
      hash.update(chunk as Buffer);
      bytes += (chunk as Buffer).byteLength;
    }
    await file.sync();
    return { bytes, sha256: hash.digest('hex') };
  } finally {
    await file.close();
  }
}
