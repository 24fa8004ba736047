/**
 * A PNG of the given size as base64: its signature and IHDR chunk, all a reader needs to know its pixels (and all
 * Chromium needs to allocate them), without the megabytes of the image itself.
 *
 * @example
 * const emblem = { mediaType: 'image/png', base64: pngHeader(20000, 20000) };
 */
export function pngHeader(width: number, height: number): string {
  const header = Buffer.alloc(33);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(header, 0);
  header.writeUInt32BE(13, 8);
  header.write('IHDR', 12, 'ascii');
  header.writeUInt32BE(width, 16);
  header.writeUInt32BE(height, 20);
  header[24] = 8;
  header[25] = 2;
  return header.toString('base64');
}
