import { readFile } from 'node:fs/promises';
import { brotliCompressSync } from 'node:zlib';
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
 * A WOFF2 file of a few hundred bytes whose table directory declares a cmap of 700 MB: a reader that trusts it
 * allocates all of it before decompressing anything.
 */
function woff2Bomb(): Uint8Array {
  const compressed = brotliCompressSync(Buffer.alloc(16));
  // The cmap (known-table index 0, no transform), its length in UIntBase128: 700,000,000.
  const length = [];
  for (let value = 700_000_000; value > 0; value = Math.floor(value / 128)) length.unshift(value % 128);
  const directory = Buffer.from([0, ...length.map((byte, index) => (index < length.length - 1 ? byte | 0x80 : byte))]);
  const header = Buffer.alloc(48);
  header.write('wOF2', 0, 'ascii');
  header.writeUInt32BE(0x00010000, 4);
  header.writeUInt32BE(48 + directory.length + compressed.length, 8);
  header.writeUInt16BE(1, 12);
  header.writeUInt32BE(700_000_012, 16);
  header.writeUInt32BE(compressed.length, 20);
  return new Uint8Array(Buffer.concat([header, directory, compressed]));
}

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

  test('a WOFF2 bomb (1.7 kB cost 3.2 s and 700 MB) is refused before decompressing, naming the limit', async () => {
    const bomb = woff2Bomb();
    expect(bomb.byteLength).toBeLessThan(1000);
    const { body } = await uploadFont(bomb, 'bomb.woff2');
    expect(body.errors?.[0]?.message).toBe(
      'regular: 700000000 bytes of font tables once decompressed (the file declares them); the limit (fontTableBytes) is 33554432',
    );
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', limitName: 'fontTableBytes' });
  });
});
