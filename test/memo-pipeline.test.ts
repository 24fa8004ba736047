import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { openStore } from '@saraban/store';
import { toThaiDigits } from '@saraban/thai';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { bodyTextItems, type DocumentJson } from './support/document-text.js';
import { compact, firstMissingInOrder, readPdf, readTextLikePdfJs, runningText } from './support/pdf.js';
import { repoRoot, sarabanBin, startTestServer, type TestServer } from './support/saraban.js';

const run = promisify(execFile);
const seedMemoFile = join(repoRoot, 'templates/memo/examples/seed-memo.json');

const CREATE = `mutation ($input: DocumentInput!) { createDocument(input: $input) { id version } }`;
const RENDER = `mutation ($id: ID!) { renderDocument(id: $id) { id url pages bytes sha256 warnings } }`;

describe('the seed memo, end to end over HTTP', () => {
  let server: TestServer;
  let input: DocumentJson;
  let pdf: Uint8Array;
  let render: { id: string; url: string; pages: number; bytes: number; sha256: string; warnings: string[] };

  beforeAll(async () => {
    server = await startTestServer();
    input = JSON.parse(await readFile(seedMemoFile, 'utf8'));
    const created = await server.graphql(CREATE, { input });
    expect(created.errors).toBeUndefined();
    const rendered = await server.graphql(RENDER, { id: created.data.createDocument.id });
    expect(rendered.errors).toBeUndefined();
    render = rendered.data.renderDocument;
    const response = await fetch(`${server.url}${render.url}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    pdf = new Uint8Array(await response.arrayBuffer());
  });
  afterAll(() => server?.close());

  test('the download is the render: its size and SHA-256 match', async () => {
    const { createHash } = await import('node:crypto');
    expect(pdf.byteLength).toBe(render.bytes);
    expect(createHash('sha256').update(pdf).digest('hex')).toBe(render.sha256);
    // The seed's organization has no emblem: the placeholder printed, and the render says so and how to set one.
    expect(render.warnings).toEqual([
      expect.stringMatching(/^organization "องค์การบริหารส่วนจังหวัดลำพูน" has no emblem: .*updateOrganization/),
    ]);
  });

  test('the PDF is kept in the database, in the commit of its render, not as a file beside it', async () => {
    expect(await readdir(join(server.dir, 'saraban.db.files'))).toEqual([]);
    const store = await openStore({ filename: join(server.dir, 'saraban.db') });
    try {
      const chunks = await store.db.selectFrom('file_chunks').select(['file', 'data']).execute();
      expect(chunks.map(({ file, data }) => ({ file, data: Buffer.from(data) }))).toEqual([
        { file: `${render.id}.pdf`, data: Buffer.from(pdf) },
      ]);
    } finally {
      await store.close();
    }
  });

  test('every paragraph and list item of the input is in the PDF, in order, in Thai digits', async () => {
    const { pages } = await readPdf(pdf);
    expect(pages.length).toBe(render.pages);
    expect(pages.length).toBeGreaterThan(1);
    const text = runningText(pages);
    const items = bodyTextItems(input.body).map((item) => toThaiDigits(item));
    expect(items.length).toBeGreaterThan(40);
    expect(firstMissingInOrder(text, items)).toBeUndefined();
    // Header, signature and endorsements.
    const after = [
      'บันทึกข้อความ',
      toThaiDigits(input.subject),
      ...input.endorsements.flatMap((e: DocumentJson) => [...e.opinion, e.signer.givenName]),
    ];
    expect(firstMissingInOrder(text, after)).toBeUndefined();
    expect(compact(text)).toContain(compact('(นายพิชัย จาอาบาล)'));
    expect(compact(text)).toContain(compact('๑๔ เมษายน ๒๕๖๖'));
    expect(compact(text)).toContain(compact('๒๕ มิ.ย. ๒๕๖๖'));
    expect(text).not.toMatch(/[0-9]/);
  });

  test('readers that ignore /ActualText (pdf.js, indexers) read tone marks and shifted vowels, not U+0000', async () => {
    // Skia's ToUnicode maps the variant glyphs of tone marks and upper vowels (shifted left or down) to U+0000.
    const text = compact((await readTextLikePdfJs(pdf)).join(''));
    expect(text).not.toContain('\u0000');
    const written = [...bodyTextItems(input.body), input.endorsements.at(-1).signer.familyName].join(' ');
    const words = new Set(
      [...new Intl.Segmenter('th', { granularity: 'word' }).segment(written)]
        .map(({ segment }) => segment)
        // Words with a tone mark or an upper vowel, where Skia draws variants.
        .filter((word) => /[\u0E31\u0E34-\u0E37\u0E47-\u0E4C]/.test(word) && !/[0-9]/.test(word)),
    );
    expect(words.size).toBeGreaterThan(50);
    // pdf.js writes sara am as nikhahit and sara aa (NFKC); lines break between words.
    expect([...words].filter((word) => !text.includes(word.normalize('NFKC')))).toEqual([]);
  });

  test('only embedded Sarabun fonts', async () => {
    const { fonts } = await readPdf(pdf);
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) {
      expect(font.embedded, font.name).toBe(true);
      expect(font.name, font.name).toMatch(/Sarabun/);
    }
  });

  test('page 1 has no page number; page 2 begins "- ๒ -"', async () => {
    const { pages } = await readPdf(pdf);
    expect(pages[0]).not.toMatch(/-\s*[๑1]\s*-/);
    expect(compact(pages[1] ?? '').startsWith('-๒-')).toBe(true);
    expect(compact(pages[2] ?? '').startsWith('-๓-')).toBe(true);
  });

  test('the CLI prints the same JSON file to a PDF with the same text', async () => {
    const out = join(server.dir, 'cli-memo.pdf');
    const { stdout } = await run('node', [
      sarabanBin,
      'render',
      '--template',
      'memo',
      '--data',
      seedMemoFile,
      '--out',
      out,
    ]);
    expect(stdout).toContain(`${render.pages} pages`);
    const fromCli = await readPdf(new Uint8Array(await readFile(out)));
    const fromApi = await readPdf(pdf);
    expect(fromCli.pages.map(compact)).toEqual(fromApi.pages.map(compact));
  });

  test('a stale update is refused with a clear error', async () => {
    const created = await server.graphql(CREATE, { input });
    const { id } = created.data.createDocument;
    const UPDATE = `mutation ($id: ID!, $version: Int!, $input: DocumentInput!) { updateDocument(id: $id, version: $version, input: $input) { version } }`;
    const first = await server.graphql(UPDATE, { id, version: 1, input: { ...input, subject: 'แก้ไขครั้งที่หนึ่ง' } });
    expect(first.data.updateDocument.version).toBe(2);
    const stale = await server.graphql(UPDATE, { id, version: 1, input: { ...input, subject: 'แก้ไขซ้อน' } });
    expect(stale.errors?.[0]?.message).toMatch(/is at version 2; your update was based on version 1/);
    expect(stale.errors?.[0]?.extensions?.code).toBe('VERSION_CONFLICT');
  });
});
