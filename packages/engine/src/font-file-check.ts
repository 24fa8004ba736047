import { brotliDecompressSync } from 'node:zlib';
import { create as openFont } from 'fontkit';
import { FontFileError } from './font-file-error.js';

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

/** Thai with its marks stacked, and Latin: shaping it reads the tables that place and substitute glyphs. */
const SHAPED_TEXT = 'ที่ผู้ใหญ่ปั้นน้ำ กิ๊ฟ ABC abc 0123';

function range(first: number, last: number): number[] {
  return Array.from({ length: last - first + 1 }, (_, index) => first + index);
}

/** The bounds of {@link readFontFile}. */
export interface FontCheckLimits {
  /** Bytes the font's tables may take once decompressed (a WOFF or WOFF2 file says how many before any is read). */
  maxTableBytes: number;
}

/**
 * Reads a font file whole and checks it can print a Thai document, returning its media type: a TrueType, OpenType,
 * WOFF or WOFF2 file by its first bytes (whatever media type a client claimed), one face (not a collection), every
 * table inside the file and readable, its tables no larger decompressed than `limits.maxTableBytes` (checked before
 * decompressing), and a glyph, with a readable outline, for every Thai and printable ASCII character. Synchronous
 * and memory-hungry on a hostile file: {@link checkFontFile} runs it on a thread of its own.
 *
 * @throws {FontFileError} saying what is wrong.
 * @example
 * ```ts
 * readFontFile(new Uint8Array(await readFile('THSarabunIT๙.ttf')), { maxTableBytes: 32 * 1024 * 1024 }); // 'font/ttf'
 * ```
 */
export function readFontFile(data: Uint8Array, limits: FontCheckLimits): string {
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
  const unreadable = (what: string, error: unknown) =>
    new FontFileError(`looks like ${mediaType} but ${what} cannot be read: ${(error as Error).message}`);
  let face: ReturnType<typeof openFont>;
  try {
    // Reads the header and the table directory only; the tables are read below.
    face = openFont(Buffer.from(data.buffer, data.byteOffset, data.byteLength));
  } catch (error) {
    throw unreadable('its table directory', error);
  }
  // The signatures above are single faces' only; this tells TypeScript so.
  if (!('hasGlyphForCodePoint' in face)) throw new FontFileError('is a font collection; upload one face');
  const tableBytes = checkTableDirectory(face, mediaType, data.byteLength, limits);
  if (mediaType === 'font/woff2') checkWoff2Stream(face, data, tableBytes);
  for (const tag of Object.keys(tablesOf(face))) {
    try {
      // fontkit decodes a table it knows when it is first read.
      void (face as unknown as Record<string, unknown>)[tag];
    } catch (error) {
      throw unreadable(`its table "${tag}"`, error);
    }
  }
  const missing: number[] = [];
  for (const codePoint of REQUIRED_CODE_POINTS) {
    if (!face.hasGlyphForCodePoint(codePoint)) {
      missing.push(codePoint);
      continue;
    }
    try {
      const glyph = face.glyphForCodePoint(codePoint);
      void glyph.path.commands.length;
      void glyph.advanceWidth;
    } catch (error) {
      throw unreadable(`the glyph for ${describe(codePoint)}`, error);
    }
  }
  if (missing.length > 0) {
    throw new FontFileError(
      `"${face.familyName}" has no glyph for ${missing.length} of the Thai and Latin characters a document prints, ` +
        `e.g. ${missing.slice(0, 8).map(describe).join(', ')}: they would print in another font`,
    );
  }
  try {
    face.layout(SHAPED_TEXT);
  } catch (error) {
    throw unreadable('its shaping of Thai text', error);
  }
  return mediaType;
}

/** A character as messages show it: "ก (U+0E01)". */
function describe(codePoint: number): string {
  return `${String.fromCodePoint(codePoint)} (U+${codePoint.toString(16).toUpperCase().padStart(4, '0')})`;
}

/** A table as fontkit's directory describes it: where it is in the file, and its size (decompressed, for WOFF). */
interface TableEntry {
  offset?: number;
  length?: number;
  compLength?: number;
  transformLength?: number;
}

function tablesOf(face: object): Record<string, TableEntry> {
  return (face as { directory: { tables: Record<string, TableEntry> } }).directory.tables;
}

/**
 * Every table lies inside the file (a file cut short fails here, naming the table it cuts), and the tables once
 * decompressed fit `maxTableBytes`: a WOFF2 of 1.7 kB declaring 700 MB had fontkit allocate all of it. Returns the
 * bytes the tables declare.
 */
function checkTableDirectory(face: object, mediaType: string, fileBytes: number, limits: FontCheckLimits): number {
  const tables = Object.entries(tablesOf(face));
  const tableBytes = tables.reduce((sum, [, entry]) => sum + (entry.transformLength ?? entry.length ?? 0), 0);
  if (tableBytes > limits.maxTableBytes) {
    throw new FontFileError(
      `declares ${tableBytes} bytes of tables once decompressed; a face takes a few MB, and the limit is ` +
        `${limits.maxTableBytes}: it is not a usable font`,
      tableBytes,
    );
  }
  if (mediaType === 'font/woff2') return tableBytes; // One compressed stream, no offsets: see checkWoff2Stream.
  for (const [tag, entry] of tables) {
    const end = (entry.offset ?? 0) + (mediaType === 'font/woff' ? (entry.compLength ?? 0) : (entry.length ?? 0));
    if (end > fileBytes) {
      throw new FontFileError(
        `is cut short: its table "${tag}" ends at byte ${end} but the file has ${fileBytes} bytes; upload the whole file`,
      );
    }
  }
  return tableBytes;
}

/**
 * A WOFF2's one compressed stream decompresses to no more than the `tableBytes` its directory declares. fontkit's
 * brotli decoder (in JavaScript) grows its output past the declared size, meta-block by meta-block, copying it each
 * time: a 1.7 kB file declaring a few MB and streaming 700 MB of zeros held the thread for minutes and grew past
 * its heap cap (the buffers are outside the heap). Node's brotli stops as soon as the output passes the size.
 */
function checkWoff2Stream(face: object, data: Uint8Array, tableBytes: number): void {
  // Where fontkit found the stream, right after the table directory, and its length from the header.
  const { _dataPos: start, directory } = face as { _dataPos: number; directory: { totalCompressedSize: number } };
  try {
    brotliDecompressSync(data.subarray(start, start + directory.totalCompressedSize), {
      maxOutputLength: Math.max(tableBytes, 1),
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new FontFileError(
        `its compressed tables decompress to more than the ${tableBytes} bytes it declares; it is not a usable font`,
      );
    }
    throw new FontFileError(
      `looks like font/woff2 but its compressed tables cannot be read: ${(error as Error).message}`,
    );
  }
}
