import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { toThaiDigits } from '@saraban/thai';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readLayout } from './support/layout.js';
import { postMultipart } from './support/multipart.js';
import { readPdf } from './support/pdf.js';
import { startTestServer, type TestServer, templatesDir } from './support/saraban.js';

const TLWG = '/usr/share/fonts/truetype/tlwg';
const MiB = 1024 * 1024;

const CREATE_FONT = `mutation ($name: String!, $regular: File!, $bold: File) {
  createFont(name: $name, regular: $regular, bold: $bold) {
    id name regular { mediaType byteSize } bold { mediaType byteSize }
  }
}`;
const RENDER = 'mutation ($id: ID!) { renderDocument(id: $id) { url cached documentVersion } }';

interface FontJson {
  id: string;
  name: string;
  regular: { mediaType: string; byteSize: number };
  bold: { mediaType: string; byteSize: number } | null;
}

describe("an organization's own face, uploaded over HTTP and embedded in its documents", () => {
  let server: TestServer;
  let regular: Uint8Array;
  let bold: Uint8Array;
  let font: FontJson;
  beforeAll(async () => {
    server = await startTestServer();
    regular = await readFile(join(TLWG, 'Laksaman.ttf'));
    bold = await readFile(join(TLWG, 'Laksaman-Bold.ttf'));
  });
  afterAll(async () => {
    await server?.close();
  });

  function uploadFont(name: string, files: Record<string, Uint8Array>) {
    const parts = Object.entries(files).map(([variable, bytes]) => ({ variable, bytes, fileName: `${variable}.ttf` }));
    return postMultipart(server.url, CREATE_FONT, { name }, parts);
  }

  async function render(id: string) {
    const result = await server.graphql<{ renderDocument: { url: string; cached: boolean } }>(RENDER, { id });
    expect(result.errors).toBeUndefined();
    const pdf = new Uint8Array(await (await fetch(`${server.url}${result.data.renderDocument.url}`)).arrayBuffer());
    return { ...result.data.renderDocument, pdf };
  }

  test('createFont stores the files under their SHA-256, once, with their media type read from the bytes', async () => {
    const { status, body } = await uploadFont('Laksaman', { regular, bold });
    expect(body.errors).toBeUndefined();
    expect(status).toBe(200);
    font = body.data?.createFont as FontJson;
    expect(font).toMatchObject({
      name: 'Laksaman',
      regular: { mediaType: 'font/ttf', byteSize: regular.byteLength },
      bold: { mediaType: 'font/ttf', byteSize: bold.byteLength },
    });
    expect(font.id).toMatch(/^[0-9a-f]{64}$/);
    const again = await uploadFont('Laksaman again', { regular, bold });
    expect(again.body.data?.createFont).toEqual(font);
  });

  test('a memo of an organization with that face embeds Laksaman only, continuation lines included', async () => {
    const organization = await server.graphql<{ createOrganization: { id: string; font: { id: string } } }>(
      'mutation ($input: OrganizationInput!) { createOrganization(input: $input) { id version font { id } } }',
      { input: { name: 'องค์การบริหารส่วนจังหวัดลำพูน', unit: 'กองการเจ้าหน้าที่', fontId: font.id } },
    );
    expect(organization.errors).toBeUndefined();
    expect(organization.data.createOrganization.font.id).toBe(font.id);

    // The seed memo runs over several pages, so its continuation lines are stamped too.
    const input = JSON.parse(await readFile(join(templatesDir, 'memo/examples/seed-memo.json'), 'utf8'));
    const { organization: _inline, ...rest } = input;
    const created = await server.graphql<{
      createDocument: { id: string; organization: { font: { name: string } } };
    }>('mutation ($input: DocumentInput!) { createDocument(input: $input) { id organization { font { name } } } }', {
      input: { ...rest, organizationId: organization.data.createOrganization.id },
    });
    expect(created.errors).toBeUndefined();
    expect(created.data.createDocument.organization.font.name).toBe('Laksaman');
    const documentId = created.data.createDocument.id;

    const printed = await render(documentId);
    const { pages, fonts } = await readPdf(printed.pdf);
    expect(pages.length).toBeGreaterThan(1);
    expect(fonts.length).toBeGreaterThan(0);
    for (const embedded of fonts) {
      expect(embedded.name).toMatch(/\+Laksaman(-Bold)?$/);
      expect(embedded.embedded).toBe(true);
    }
    expect(fonts.some((embedded) => embedded.name.endsWith('Laksaman-Bold'))).toBe(true);
    const text = pages.join('\n').replace(/\s+/g, '');
    expect(text).toContain(toThaiDigits(input.subject).replace(/\s+/g, ''));
    expect(text).toContain('บันทึกข้อความ');

    // Body lines stand 21.3 pt apart in this face too (27.3 pt between paragraphs, 6 pt before each): Word's single
    // spacing for TH SarabunPSK 16 pt, whatever the face.
    const lines = (await readLayout(printed.pdf))[0]?.lines ?? [];
    const body = lines.slice(
      lines.findIndex((line) => line.text.startsWith('เรียน')),
      lines.findIndex((line) => line.text.startsWith('/')),
    );
    const gaps = body.slice(1).map((line, index) => line.yMin - (body[index]?.yMin ?? 0));
    expect(gaps.length).toBeGreaterThan(15);
    for (const gap of gaps)
      expect(
        [21.3, 27.3].some((pitch) => Math.abs(gap - pitch) < 0.6),
        `${gap} pt`,
      ).toBe(true);

    // The document keeps the face it was written with when the organization drops it...
    await server.graphql(
      'mutation ($id: ID!, $input: OrganizationInput!) { updateOrganization(id: $id, version: 1, input: $input) { version } }',
      {
        id: organization.data.createOrganization.id,
        input: { name: 'องค์การบริหารส่วนจังหวัดลำพูน', unit: 'กองการเจ้าหน้าที่' },
      },
    );
    const kept = await render(documentId);
    expect(kept.cached).toBe(true);
    expect(kept.url).toBe(printed.url);

    // ...and prints anew in the template's Sarabun once it is written again from the organization.
    const updated = await server.graphql(
      'mutation ($id: ID!, $input: DocumentInput!) { updateDocument(id: $id, version: 1, input: $input) { version } }',
      { id: documentId, input: { ...rest, organizationId: organization.data.createOrganization.id } },
    );
    expect(updated.errors).toBeUndefined();
    const reprinted = await render(documentId);
    expect(reprinted.cached).toBe(false);
    const names = (await readPdf(reprinted.pdf)).fonts.map((embedded) => embedded.name);
    expect(names.some((name) => name.includes('Sarabun'))).toBe(true);
    expect(names.some((name) => name.includes('Laksaman'))).toBe(false);
  });

  test('refuses a file that is not a font, naming the argument', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
    const { body } = await uploadFont('Not a font', { regular, bold: png });
    expect(body.errors?.[0]?.message).toBe(
      'bold: is not a TrueType, OpenType, WOFF or WOFF2 font (it starts with bytes 89 50 4e 47)',
    );
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'bold' });
  });

  test('refuses a face without Thai: its text would print in another font', async () => {
    const dejavu = await readFile('/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf');
    const { body } = await uploadFont('DejaVu', { regular: dejavu });
    expect(body.errors?.[0]?.message).toMatch(
      /^regular: "DejaVu Sans" has no glyph for \d+ of the Thai and Latin characters a document prints, e\.g\. ก \(U\+0E01\)/,
    );
  });

  test('refuses a file over 10 MiB with the limit, and stops reading one over 20 MiB', async () => {
    // A TrueType signature, then padding: refused for its size before anything reads it as a font.
    const oversized = new Uint8Array(10 * MiB + 1);
    oversized.set([0, 1, 0, 0]);
    const { body } = await uploadFont('Too big', { regular: oversized });
    expect(body.errors?.[0]?.message).toBe(
      'regular: 10485761 bytes in the file; the limit (fontFileBytes) is 10485760',
    );
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', field: 'regular', limit: 10 * MiB });

    const huge = await uploadFont('Far too big', { regular: new Uint8Array(20 * MiB + 1) });
    expect(huge.status).toBe(413);
    expect(huge.body.errors?.[0]?.message).toContain('File size limit exceeded: 20971520 bytes');
  });

  test('refuses an organization whose fontId names no font, and a file given as JSON', async () => {
    const missing = 'f'.repeat(64);
    const organization = await server.graphql(
      'mutation ($input: OrganizationInput!) { createOrganization(input: $input) { id } }',
      { input: { name: 'ไม่มีฟอนต์', fontId: missing } },
    );
    expect(organization.errors?.[0]?.message).toBe(
      `input.fontId: there is no font ${missing}; upload one with createFont`,
    );
    const json = await server.graphql(CREATE_FONT, { name: 'JSON', regular: 'AAEAAA==' });
    expect(json.errors?.[0]?.message).toContain('File must be uploaded as a part of a multipart request');
  });
});
