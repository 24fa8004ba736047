import type { FontFile } from '@saraban/store';
import { InputError, LimitError } from './errors.js';
import { limits } from './limits.js';

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
 * Reads an uploaded font file and checks it can print a Thai document: at most {@link limits.fontFileBytes}, a
 * TrueType, OpenType, WOFF or WOFF2 file by its first bytes (whatever media type the client sent), one face (not a
 * collection), with a glyph for every Thai and ASCII character. `path` names the argument in errors.
 *
 * @throws {InputError} naming `path` and what to fix.
 * @example
 * const regular = await fontFileFromUpload(args.regular, 'regular');
 * // { mediaType: 'font/ttf', data: Uint8Array(…) }
 */
export async function fontFileFromUpload(upload: Blob, path: string): Promise<FontFile> {
  if (upload.size > limits.fontFileBytes) {
    throw new LimitError('fontFileBytes', upload.size, { field: path, what: 'bytes in the file' });
  }
  const data = new Uint8Array(await upload.arrayBuffer());
  if (data.byteLength === 0) throw new InputError(path, 'the file is empty');
  const start = Buffer.from(data.subarray(0, 4)).toString('hex');
  const mediaType = FONT_SIGNATURES.find((signature) => signature.bytes === start)?.mediaType;
  if (mediaType === undefined) {
    const reason =
      start === Buffer.from('ttcf').toString('hex')
        ? 'is a font collection (.ttc); upload its one face as a .ttf or .otf file'
        : `is not a TrueType, OpenType, WOFF or WOFF2 font (it starts with bytes ${start.match(/../g)?.join(' ')})`;
    throw new InputError(path, reason);
  }
  // Loaded here, not at the top: fontkit takes some 0.15 s to import, which every start of Saraban would pay for
  // the rare font upload.
  const { create: openFont } = await import('fontkit');
  let face: ReturnType<typeof openFont>;
  try {
    face = openFont(Buffer.from(data.buffer, data.byteOffset, data.byteLength));
  } catch (error) {
    throw new InputError(path, `looks like ${mediaType} but cannot be read: ${(error as Error).message}`);
  }
  // The signatures above are single faces' only; this tells TypeScript so.
  if (!('hasGlyphForCodePoint' in face)) throw new InputError(path, 'is a font collection; upload one face');
  const missing = REQUIRED_CODE_POINTS.filter((codePoint) => !face.hasGlyphForCodePoint(codePoint));
  if (missing.length > 0) {
    const shown = missing
      .slice(0, 8)
      .map(
        (codePoint) =>
          `${String.fromCodePoint(codePoint)} (U+${codePoint.toString(16).toUpperCase().padStart(4, '0')})`,
      );
    throw new InputError(
      path,
      `"${face.familyName}" has no glyph for ${missing.length} of the Thai and Latin characters a document prints, ` +
        `e.g. ${shown.join(', ')}: they would print in another font`,
    );
  }
  return { mediaType, data };
}
