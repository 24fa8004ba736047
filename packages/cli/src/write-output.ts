import { createWriteStream } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { systemErrorMessage, UserError } from './user-error.js';

/**
 * Writes `source` (a stream, or text) into `file`, a piece at a time. A write that fails (a full disk, a folder that
 * does not exist, no permission) is a UserError naming the file and why, and leaves no partial file behind.
 *
 * @example
 * await writeOutput(pdf.stream(), 'memo.pdf');
 */
export async function writeOutput(source: Readable | string, file: string): Promise<void> {
  try {
    await pipeline(typeof source === 'string' ? Readable.from([source]) : source, createWriteStream(file));
  } catch (error) {
    const why = systemErrorMessage(error, file);
    if (!why) throw error;
    // A half-written PDF must not pass for one; a device such as /dev/full is left alone.
    if ((await stat(file).catch(() => undefined))?.isFile()) await rm(file, { force: true });
    throw new UserError(`cannot write ${why}`);
  }
}
