import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { postMultipart } from '../support/multipart.js';
import { pngHeader } from '../support/png-header.js';
import { startTestServer, type TestServer } from '../support/saraban.js';

const CREATE_ORGANIZATION =
  'mutation ($input: OrganizationInput!) { createOrganization(input: $input) { emblem { mediaType dataUrl } } }';
const CREATE_FONT = 'mutation ($name: String!, $regular: File!) { createFont(name: $name, regular: $regular) { id } }';

const svg = (body: string, attributes = '') =>
  Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="100" height="100"${attributes}>${body}</svg>`,
  ).toString('base64');

/**
 * SVG's billion laughs: each level draws the one before ten times, so nine levels draw a billion circles from a few
 * hundred bytes.
 */
function nestedUses(levels: number): string {
  let defs = '<circle id="l0" r="1"/>';
  for (let level = 1; level <= levels; level++) {
    const uses = Array.from({ length: 10 }, () => `<use href="#l${level - 1}"/>`).join('');
    defs += `<g id="l${level}">${uses}</g>`;
  }
  return svg(`<defs>${defs}</defs><use href="#l${levels}"/>`);
}

/**
 * A brotli stream of 531 bytes that decompresses to 700,000,000 zero bytes: brotli (quality 3, window 24) of 700 MB
 * of zeros, kept here since making it takes seconds. The bomb was such a stream in a WOFF2 of 1.7 kB; the
 * brotli decoder fontkit uses grows its output meta-block by meta-block past the size the file declares.
 */
const ZEROS_700_MB = [
  'z///fwAgAOKxQHLv//n//w8ABEAcFoDu/T////8BgACIwwLQvf/n//8/ABAAcVgAuvf//P//BwACIA4LQPf+n////wBAAMRhAeje',
  '//P//x8ACIA4LADd+3/+//8DAAEQhwWge//P//9/ACAA4rAAdO//+f//DwAEQBwWgO79P////wGAAIjDAtC9/+f//z8AEABxWAC6',
  '9//8//8HAAIgDgtA9/6f////AEAAxGEB6N7/8///HwAIgDgsAN37f/7//wMAARCHBaB7/8///38AIADisAB07//5//8PAARAHBaA',
  '7v0/////AYAAiMMC0L3/5///PwAQAHFYALr3//z//wcAAiAOC0D3/p////8AQADEYQHo3v/z//8fAAiAOCwA3ft//v//AwABEIcF',
  'oHv/z///fwAgAOKwAHTv//n//w8ABEAcFoDu/T////8BgACIwwLQvf/n//8/ABAAcVgAuvf//P//BwACIA4LQPf+n////wBAAMRh',
  'Aeje//P//x8ACIA4LADd+3/+//8DAAEQhwWge//P//9/ACAA4rAAdO//+f//DwAEQBwWgO79P////wGAAIjDAtC9/+f//z8AEABx',
  'WAC69//8//8HAAIgDgtA9/6f////AEAAxGEB6N7/8///HwAIgDgsAN37f/7//wMAARCHBaB7/8///38AIADisAB07//z3yQXAARA',
  'HBaArkcu',
].join('');

/**
 * A WOFF2 file of a few hundred bytes whose one table (cmap) declares `declaredBytes` and whose compressed stream
 * decompresses to 700 MB, whatever the file declares.
 */
function woff2Bomb(declaredBytes: number): Uint8Array {
  const compressed = Buffer.from(ZEROS_700_MB, 'base64');
  // The cmap (known-table index 0, no transform), its length in UIntBase128.
  const length = [];
  for (let value = declaredBytes; value > 0; value = Math.floor(value / 128)) length.unshift(value % 128);
  const directory = Buffer.from([0, ...length.map((byte, index) => (index < length.length - 1 ? byte | 0x80 : byte))]);
  const header = Buffer.alloc(48);
  header.write('wOF2', 0, 'ascii');
  header.writeUInt32BE(0x00010000, 4);
  header.writeUInt32BE(48 + directory.length + compressed.length, 8);
  header.writeUInt16BE(1, 12);
  header.writeUInt32BE(declaredBytes + 12, 16);
  header.writeUInt32BE(compressed.length, 20);
  return new Uint8Array(Buffer.concat([header, directory, compressed]));
}

/** Megabytes this process's resident memory has reached at most since it started (Node reports kilobytes). */
const peakMb = () => process.resourceUsage().maxRSS / 1024;

describe('uploads are checked before anything decodes them (issue 16)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  const createOrganization = (emblem: { mediaType: string; base64: string }) =>
    server.graphql<{ createOrganization: { emblem: { dataUrl: string } } }>(CREATE_ORGANIZATION, {
      input: { name: 'องค์การบริหารส่วนจังหวัดลำพูน', emblem },
    });

  test('an emblem PNG of 20000 x 20000 pixels (a 380 kB file took Chromium from 1.4 to 4.6 GiB) is refused', async () => {
    const { errors } = await createOrganization({ mediaType: 'image/png', base64: pngHeader(20_000, 20_000) });
    expect(errors?.[0]?.message).toBe(
      'input.emblem.base64: 400000000 pixels (20000 x 20000); the limit (emblemPixels) is 4000000',
    );
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', limitName: 'emblemPixels' });
  });

  test("an image block's PNG over the pixel limit is refused with the limit's name", async () => {
    const input = JSON.parse(
      await readFile(new URL('../../templates/memo/examples/short-memo.json', import.meta.url), 'utf8'),
    );
    const { errors } = await server.graphql(
      'mutation ($input: DocumentInput!) { createDocument(input: $input) { id } }',
      {
        input: { ...input, body: [{ image: { mediaType: 'image/png', base64: pngHeader(20_000, 20_000) } }] },
      },
    );
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', limitName: 'imagePixels' });
  });

  test('an SVG emblem keeps its drawing and loses its scripts, handlers, foreignObject and outside references', async () => {
    const hostile = svg(
      '<script>alert(1)</script>' +
        '<foreignObject width="10" height="10"><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject>' +
        '<image href="http://evil.example/track.png" width="10" height="10"/>' +
        '<use xlink:href="http://evil.example/sprite.svg#a"/>' +
        '<rect width="10" height="10" fill="url(http://evil.example/p.svg#g)"/>' +
        '<style>@import url(http://evil.example/x.css); circle { fill: #c00 }</style>' +
        '<circle id="seal" cx="50" cy="50" r="40" onclick="alert(2)"/><use href="#seal"/>',
      ' onload="alert(3)"',
    );
    const { data, errors } = await createOrganization({ mediaType: 'image/svg+xml', base64: hostile });
    expect(errors).toBeUndefined();
    const dataUrl = data.createOrganization.emblem.dataUrl;
    const stored = Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64').toString('utf8');
    expect(stored).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(stored).toContain('<circle id="seal" cx="50" cy="50" r="40"');
    expect(stored).toContain('href="#seal"');
    for (const gone of ['script', 'alert', 'onload', 'onclick', 'foreignObject', 'evil.example', '@import']) {
      expect(stored).not.toContain(gone);
    }
  });

  test('an SVG that draws a billion elements from a few hundred bytes (it held a tab 30 s) is refused', async () => {
    const { errors } = await createOrganization({ mediaType: 'image/svg+xml', base64: nestedUses(9) });
    expect(errors?.[0]?.message).toMatch(
      /^input\.emblem\.base64: \d+ elements drawn \(each <use> or url\(#…\) reference counted again\); the limit \(svgElements\) is 10000$/,
    );
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', limitName: 'svgElements', limit: 10_000 });
  });

  const uploadFont = (bytes: Uint8Array, fileName: string) =>
    postMultipart(server.url, CREATE_FONT, { name: fileName }, [{ variable: 'regular', bytes, fileName }]);

  test('a truncated TTF (it passed, and documents printed in a fallback face) is refused: the file is cut short', async () => {
    const whole = await readFile('/usr/share/fonts/truetype/tlwg/Laksaman.ttf');
    const { body } = await uploadFont(whole.subarray(0, Math.floor(whole.length * 0.6)), 'Laksaman-cut.ttf');
    expect(body.errors?.[0]?.message).toMatch(
      /^regular: is cut short: its table "\S+" ends at byte \d+ but the file has 68164 bytes; upload the whole file$/,
    );
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'regular' });
  });

  test('the WOFF2 bomb (a 1.7 kB file cost 3.2 s and 700 MB) is refused before decompressing, naming the limit', async () => {
    const bomb = woff2Bomb(700_000_000);
    expect(bomb.byteLength).toBeLessThan(1000);
    const { body } = await uploadFont(bomb, 'bomb.woff2');
    expect(body.errors?.[0]?.message).toBe(
      'regular: 700000000 bytes of font tables once decompressed (the file declares them); the limit (fontTableBytes) is 33554432',
    );
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', limitName: 'fontTableBytes' });
  });

  test('the same bomb declaring 30 MB, within the limit, is refused as soon as it decompresses past that', async () => {
    const peakBefore = peakMb();
    const { body } = await uploadFont(woff2Bomb(30_000_000), 'bomb.woff2');
    expect(body.errors?.[0]?.message).toBe(
      'regular: its compressed tables decompress to more than the 30000000 bytes it declares; it is not a usable font',
    );
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'regular' });
    // Decompressing stopped at what the file declares: the process never held the 700 MB.
    expect(peakMb() - peakBefore).toBeLessThan(128);
  });
});
