import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { compact, readPdf } from './support/pdf.js';
import { startTestServer, type TestServer, templatesDir } from './support/saraban.js';

const PREVIEW = /* GraphQL */ `
  mutation ($name: String!, $files: [TemplateFileInput!]!, $input: DocumentInput!) {
    previewTemplate(name: $name, files: $files, input: $input) {
      problems { file line column message }
      pdf
      pages
      stageTimings { print }
    }
  }
`;

interface Preview {
  problems: { file: string; line: number; column: number; message: string }[];
  pdf: string | null;
  pages: number | null;
  stageTimings: { print: number } | null;
}

describe('previewTemplate and checkTemplate: a draft printed and checked through the API, nothing stored', () => {
  let server: TestServer;
  let files: { path: string; text: string }[];
  let input: Record<string, unknown>;

  beforeAll(async () => {
    server = await startTestServer();
    const { data } = await server.graphql<{ template: { files: typeof files } }>(
      '{ template(name: "memo") { files { path text } } }',
    );
    files = data.template.files;
    input = JSON.parse(await readFile(join(templatesDir, 'memo', 'examples', 'short-memo.json'), 'utf8'));
  });
  afterAll(() => server?.close());

  const edited = (path: string, edit: (text: string) => string) =>
    files.map((file) => (file.path === path ? { path, text: edit(file.text) } : file));

  test('prints the draft as edited, and stores no document and no render', async () => {
    const draft = edited('template.hbs', (text) =>
      text.replace('<h1 class="memo-title">', '<h1 class="memo-title">ร่าง '),
    );
    const { data, errors } = await server.graphql<{ previewTemplate: Preview }>(PREVIEW, {
      name: 'memo',
      files: draft,
      input,
    });
    expect(errors).toBeUndefined();
    const preview = data.previewTemplate;
    expect(preview).toMatchObject({ problems: [], pages: 1 });
    expect(preview.stageTimings?.print).toBeGreaterThan(0);
    const { pages } = await readPdf(Buffer.from(preview.pdf ?? '', 'base64'));
    expect(compact(pages[0] ?? '')).toContain(compact('ร่าง บันทึกข้อความ'));
    // The example's subject, whose digits print in Thai.
    expect(compact(pages[0] ?? '')).toContain(compact('ขออนุมัติเผยแพร่รายงานผลการดำเนินงานประจำไตรมาสที่ ๑'));
    const { data: stored } = await server.graphql<{ documents: { total: number } }>('{ documents { total } }');
    expect(stored.documents.total).toBe(0);
  });

  test('a field the query does not select is a problem at the line that reads it, not an unexplained error', async () => {
    const draft = edited('template.hbs', (text) => `${text}\n<p>{{notInTheQuery}}</p>`);
    const line = (draft.find((file) => file.path === 'template.hbs')?.text ?? '').split('\n').length;
    const { data, errors } = await server.graphql<{ previewTemplate: Preview }>(PREVIEW, {
      name: 'memo',
      files: draft,
      input,
    });
    expect(errors).toBeUndefined();
    expect(data.previewTemplate.pdf).toBeNull();
    expect(data.previewTemplate.problems).toEqual([
      { file: 'template.hbs', line, column: expect.any(Number), message: expect.stringContaining('notInTheQuery') },
    ]);
  });

  test('checkTemplate reports each broken file at its line and column', async () => {
    const draft = edited('query.graphql', (text) => text.replace('recipient {', 'recipient {\n      nickname'));
    const { data } = await server.graphql<{ checkTemplate: Preview['problems'] }>(
      'query ($files: [TemplateFileInput!]!) { checkTemplate(name: "memo", files: $files) { file line column message } }',
      { files: draft },
    );
    expect(data.checkTemplate).toEqual([
      {
        file: 'query.graphql',
        line: 5,
        column: 7,
        message: expect.stringContaining('Cannot query field "nickname" on type "Recipient"'),
      },
    ]);
  });
});
