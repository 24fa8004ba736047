import { crc32, deflateSync } from 'node:zlib';

/**
 * A PNG of the given size whose pixels are noise (the same noise on every call), as base64: it compresses to no
 * less than its pixels, in the PNG and in the PDF that prints it, so a document with one is as large as needed.
 *
 * @example
 * const image = { mediaType: 'image/png', base64: noisePng(700, 700) }; // a PDF of 1.4 MB or more
 */
export function noisePng(width: number, height: number): string {
  const rows = Buffer.alloc((width * 3 + 1) * height);
  let state = 1;
  for (let index = 0; index < rows.length; index++) {
    // A row's first byte is its filter type, 0: the bytes as they are.
    if (index % (width * 3 + 1) === 0) continue;
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    rows[index] = state >>> 24;
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bits per channel
  header[9] = 2; // RGB
  const chunk = (type: string, data: Buffer) => {
    const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const framed = Buffer.alloc(typed.length + 8);
    framed.writeUInt32BE(data.length, 0);
    typed.copy(framed, 4);
    framed.writeUInt32BE(crc32(typed), typed.length + 4);
    return framed;
  };
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]).toString('base64');
}
