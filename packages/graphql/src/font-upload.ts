import { checkFontFile, FontFileError } from '@saraban/engine';
import type { FontFile } from '@saraban/store';
import { InputError, LimitError } from './errors.js';
import { limits } from './limits.js';

/**
 * Reads an uploaded font file of at most {@link limits.fontFileBytes} and checks it can print a Thai document (the
 * engine's checkFontFile: read whole on a thread of its own, within limits.fontCheckMemoryMb and fontCheckMs, its
 * tables within fontTableBytes once decompressed). `path` names the argument in errors.
 *
 * @throws {InputError} naming `path` and what to fix; {LimitError} when the file is over the limit.
 * @example
 * const regular = await fontFileFromUpload(args.regular, 'regular');
 * // { mediaType: 'font/ttf', data: Uint8Array(…) }
 */
export async function fontFileFromUpload(upload: Blob, path: string): Promise<FontFile> {
  if (upload.size > limits.fontFileBytes) {
    throw new LimitError('fontFileBytes', upload.size, { field: path, what: 'bytes in the file' });
  }
  const data = new Uint8Array(await upload.arrayBuffer());
  try {
    const mediaType = await checkFontFile(data, {
      maxTableBytes: limits.fontTableBytes,
      maxMemoryMb: limits.fontCheckMemoryMb,
      timeoutMs: limits.fontCheckMs,
    });
    return { mediaType, data };
  } catch (error) {
    if (!(error instanceof FontFileError)) throw error;
    if (error.tableBytes !== undefined) {
      throw new LimitError('fontTableBytes', error.tableBytes, {
        field: path,
        what: 'bytes of font tables once decompressed (the file declares them)',
      });
    }
    throw new InputError(path, error.message);
  }
}
