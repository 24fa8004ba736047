/**
 * A font file that cannot print a Thai document; the message says why and what to upload instead. `tableBytes` is
 * set when the reason is the size its tables declare once decompressed (over `limit`).
 *
 * @example
 * ```ts
 * try {
 *   await checkFontFile(bytes, { maxTableBytes: 32 * 1024 * 1024 });
 * } catch (error) {
 *   if (error instanceof FontFileError) console.error(error.message);
 *   // is a font collection (.ttc); upload its one face as a .ttf or .otf file
 * }
 * ```
 */
export class FontFileError extends Error {
  override readonly name = 'FontFileError';

  constructor(
    message: string,
    readonly tableBytes?: number,
  ) {
    super(message);
  }
}
