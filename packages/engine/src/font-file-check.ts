/** The first four bytes of each font format Chromium embeds, and the media type it is stored under. */
const FONT_SIGNATURES: ReadonlyArray<{ bytes: string; mediaType: string }> = [
  { bytes: '00010000', mediaType: 'font/ttf' },
  { bytes: Buffer.from('true').toString('hex'), mediaType: 'font/ttf' },
  { bytes: Buffer.from('OTTO').toString('hex'), mediaType: 'font/otf' },
  { bytes: Buffer.from('wOFF').toString('hex'), mediaType: 'font/woff' },
  { bytes: Buffer.from('wOF2').toString('hex'), mediaType: 'font/woff2' },
];

/**
 * The characters a face must draw: the Thai block and printable ASCII. A face without one of them would not fail;
 * Chromium would quietly print that character in another font.
 */
const REQUIRED_CODE_POINTS = [...range(0x0e01, 0x0e3a), ...range(0x0e3f, 0x0e5b), ...range(0x21, 0x7e)];

function range(first: number, last: number): number[] {
  return Array.from({ length: last - first + 1 }, (_, index) => first + index);
}

/**
 * A font file that cannot print a Thai document; the message says why and what to upload instead.
 *
 * @example
 * ```ts
 * try {
 *   await checkFontFile(bytes);
 * } catch (error) {
 *   if (error instanceof FontFileError) console.error(error.message);
 *   // is a font collection (.ttc); upload its one face as a .ttf or .otf file
 * }
 * ```
 */
export class FontFileError extends Error {
  override readonly name = 'FontFileError';
}

/**
 * Checks a font file can print a Thai document and returns its media type: a TrueType, OpenType, WOFF or WOFF2 file
 * by its first bytes (whatever media type a client claimed), one face (not a collection), with a glyph for every Thai
 * and printable ASCII character.
 *
 * @throws {FontFileError} saying what is wrong.
 * @example
 * ```ts
 * const mediaType = await checkFontFile(new Uint8Array(await readFile('THSarabunIT๙.ttf'))); // 'font/ttf'
 * ```
 */
export async function checkFontFile(data: Uint8Array): Promise<string> {
  if (data.byteLength === 0) throw new FontFileError('the file is empty');
  const start = Buffer.from(data.subarray(0, 4)).toString('hex');
  const mediaType = FONT_SIGNATURES.find((signature) => signature.bytes === start)?.mediaType;
  if (mediaType === undefined) {
    throw new FontFileError(
      start === Buffer.from('ttcf').toString('hex')
        ? 'is a font collection (.ttc); upload its one face as a .ttf or .otf file'
        : `is not a TrueType, OpenType, WOFF or WOFF2 font (it starts with bytes ${start.match(/../g)?.join(' ')})`,
    );
  }
  // Loaded here, not at the top: fontkit takes some 0.15 s to import, which every start of Saraban would pay for
  // the rare font upload.
  const { create: openFont } = await import('fontkit');
  let face: ReturnType<typeof openFont>;
  try {
    face = openFont(Buffer.from(data.buffer, data.byteOffset, data.byteLength));
  } catch (error) {
    throw new FontFileError(`looks like ${mediaType} but cannot be read: ${(error as Error).message}`);
  }
  // The signatures above are single faces' only; this tells TypeScript so.
  if (!('hasGlyphForCodePoint' in face)) throw new FontFileError('is a font collection; upload one face');
  const missing = REQUIRED_CODE_POINTS.filter((codePoint) => !face.hasGlyphForCodePoint(codePoint));
  if (missing.length > 0) {
    const shown = missing
      .slice(0, 8)
      .map(
        (codePoint) =>
          `${String.fromCodePoint(codePoint)} (U+${codePoint.toString(16).toUpperCase().padStart(4, '0')})`,
      );
    throw new FontFileError(
      `"${face.familyName}" has no glyph for ${missing.length} of the Thai and Latin characters a document prints, ` +
        `e.g. ${shown.join(', ')}: they would print in another font`,
    );
  }
  return mediaType;
}
