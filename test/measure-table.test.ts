import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DocumentJson } from './support/document-text.js';
import { compact, readPdf } from './support/pdf.js';
import { startTestServer, type TestServer, templatesDir } from './support/saraban.js';

const run = promisify(execFile);

describe('measure tables: structured measures in the schema and in print', () => {
  let server: TestServer;
  let input: DocumentJson;
  let documentId: string;

  beforeAll(async () => {
    server = await startTestServer();
    input = JSON.parse(await readFile(join(templatesDir, 'measure-report/examples/measure-results.json'), 'utf8'));
    const created = await server.graphql('mutation ($input: DocumentInput!) { createDocument(input: $input) { id } }', {
      input: { ...input, template: 'measure-report' },
    });
    expect(created.errors).toBeUndefined();
    documentId = created.data.createDocument.id;
  });
  afterAll(() => server?.close());

  test('the document returns its measures with default labels and the period as a Thai month range', async () => {
    const { data, errors } = await server.graphql(
      `query ($id: ID!) { document(id: $id) { body { __typename ... on MeasureTable {
          columns { field label } groups { measures { title owner period { start end text } } } } } } }`,
      { id: documentId },
    );
    expect(errors).toBeUndefined();
    const table = data.document.body.find((block: { __typename: string }) => block.__typename === 'MeasureTable');
    expect(table.columns.map((c: { label: string }) => c.label)).toEqual([
      'มาตรการ',
      'วิธีการดำเนินการ',
      'ผู้รับผิดชอบ',
      'ระยะเวลา',
      'ผลการดำเนินการ',
      'ข้อเสนอแนะ',
    ]);
    const [first] = table.groups[0].measures;
    expect(first.period).toEqual({ start: '2021-10-01', end: '2022-09-30', text: 'ต.ค.๖๔-ก.ย.๖๕' });
    expect(table.groups[0].measures).toHaveLength(7);
  });

  test('an integrator can ask for every measure one unit owns', async () => {
    const { data, errors } = await server.graphql(
      '{ measures(owner: "กองคลัง") { document { id } measure { title owner } } }',
    );
    expect(errors).toBeUndefined();
    const expected = input.body[1].measureTable.groups[0].measures.filter((m: { owner?: string }) =>
      m.owner?.includes('กองคลัง'),
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(data.measures.map((entry: { measure: { title: string } }) => entry.measure.title)).toEqual(
      expected.map((m: { title: string }) => m.title),
    );
    expect(data.measures.every((entry: { document: { id: string } }) => entry.document.id === documentId)).toBe(true);
  });

  test('in print, the table runs over pages landscape and every page with rows begins with the header row', async () => {
    const rendered = await server.graphql('mutation ($id: ID!) { renderDocument(id: $id) { url pages } }', {
      id: documentId,
    });
    expect(rendered.errors).toBeUndefined();
    const pdf = new Uint8Array(await (await fetch(`${server.url}${rendered.data.renderDocument.url}`)).arrayBuffer());
    const { pages } = await readPdf(pdf, { raw: true });
    const dir = await mkdtemp(join(tmpdir(), 'saraban-measures-'));
    try {
      await writeFile(join(dir, 'report.pdf'), pdf);
      const { stdout } = await run('pdfinfo', [join(dir, 'report.pdf')]);
      // A4 landscape: 841.89 x 595.28 pt, as Chromium rounds it.
      expect(stdout).toMatch(/Page size:\s+841\.\d+ x 59[45]\.\d+ pts/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    expect(pages.length).toBeGreaterThan(3);
    const header = compact('มาตรการ วิธีการดำเนินการ ผู้รับผิดชอบ ระยะเวลา ผลการดำเนินการ ข้อเสนอแนะ');
    // Page 1 holds the title and the introduction before the table.
    expect(compact(pages[0] ?? '')).toContain(header);
    for (const [index, page] of pages.entries()) {
      if (index === 0) continue;
      const text = compact(page).replace(/^-[๐-๙]+-/, '');
      expect(text.startsWith(header), `page ${index + 1}`).toBe(true);
    }
    const all = compact(pages.join(''));
    expect(all).toContain('ต.ค.๖๔-ก.ย.๖๕');
    // The seed's broken address prints with its Arabic digits.
    expect(all).toContain(compact('uploads/service/115/'));
  });
});
