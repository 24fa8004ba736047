import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestServer, type TestServer, templatesDir } from './support/saraban.js';

// Each error a client can cause or meet reaches it over HTTP with a stable code and a message that says what to do.

const CREATE = 'mutation ($input: DocumentInput!) { createDocument(input: $input) { id version } }';
const RENDER = 'mutation ($id: ID!) { renderDocument(id: $id) { id pages } }';
const memo = {
  kind: 'MEMO',
  subject: 'ขออนุมัติจัดซื้อวัสดุสำนักงาน',
  organization: { name: 'กองคลัง องค์การบริหารส่วนจังหวัดลำพูน' },
  body: [{ paragraph: { text: 'ด้วยกองคลังมีความประสงค์จะจัดซื้อวัสดุสำนักงาน' } }],
};
const missing = '00000000-0000-4000-8000-000000000000';

describe('error codes over HTTP', () => {
  let server: TestServer;
  let dir: string;

  beforeAll(async () => {
    // The memo template, and one that reads a field its query does not select, on line 2 of a partial it calls.
    dir = await mkdtemp(join(tmpdir(), 'saraban-error-templates-'));
    await cp(join(templatesDir, '_shared'), join(dir, '_shared'), { recursive: true });
    await cp(join(templatesDir, 'memo'), join(dir, 'memo'), { recursive: true });
    await writeFile(join(dir, '_shared', 'unselected.hbs'), '<p>{{subject}}</p>\n<p>{{bookNumber}}</p>\n');
    await mkdir(join(dir, 'unselected'));
    await writeFile(
      join(dir, 'unselected', 'template.json'),
      JSON.stringify({ name: 'unselected', title: 'unselected', kind: 'REPORT', paper: 'A4' }),
    );
    await writeFile(join(dir, 'unselected', 'style.css'), '');
    await writeFile(join(dir, 'unselected', 'query.graphql'), 'query R($id: ID!) { document(id: $id) { subject } }\n');
    await writeFile(join(dir, 'unselected', 'template.hbs'), '<h1>รายงาน</h1>\n{{> unselected document}}\n');
    server = await startTestServer({ templatesDir: dir });
  });

  afterAll(async () => {
    await server?.close();
    await rm(dir, { recursive: true, force: true });
  });

  test('rendering a document that does not exist is NOT_FOUND, and says which', async () => {
    const { errors } = await server.graphql(RENDER, { id: missing });
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', entity: 'document', id: missing });
    expect(errors?.[0]?.message).toBe(`document ${missing} does not exist`);
  });

  test('updating or deleting a document that does not exist is NOT_FOUND', async () => {
    const updated = await server.graphql(
      'mutation ($input: DocumentInput!) { updateDocument(id: "x", version: 1, input: $input) { id } }',
      {
        input: memo,
      },
    );
    expect(updated.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const deleted = await server.graphql(`mutation { deleteDocument(id: "${missing}", version: 1) }`);
    expect(deleted.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(deleted.errors?.[0]?.message).toMatch(/does not exist/);
  });

  test('a list past its bounds is BAD_USER_INPUT naming the bound', async () => {
    const { errors } = await server.graphql('{ documents(limit: 501) { total } }');
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'limit' });
    expect(errors?.[0]?.message).toMatch(/limit must be a whole number from 1 to 500; got 501/);
  });

  test('a template that reads a field its query does not select is TEMPLATE_RENDER_FAILED, with the partial, line and column', async () => {
    const created = await server.graphql<{ createDocument: { id: string } }>(CREATE, {
      input: { ...memo, kind: 'REPORT', template: 'unselected' },
    });
    const { errors } = await server.graphql(RENDER, { id: created.data.createDocument.id });
    const file = join(dir, '_shared', 'unselected.hbs');
    expect(errors?.[0]?.extensions).toEqual({
      code: 'TEMPLATE_RENDER_FAILED',
      template: 'unselected',
      file,
      line: 2,
      column: 6,
    });
    expect(errors?.[0]?.message).toBe(
      `template "unselected" failed to fill in, at ${file}:2:6: "bookNumber" not defined in [object Object]. ` +
        "Fix the template there: a field it reads must be selected by the template's query.graphql",
    );
  });
});

describe('a print over its time limit', () => {
  let server: TestServer;

  beforeAll(async () => {
    // One millisecond: no print finishes in it, so every print runs past the limit.
    server = await startTestServer({ printTimeoutMs: 1 });
  });

  afterAll(() => server?.close());

  test('reaches the client as PRINT_TIMEOUT with the limit in the message, and leaves no render', async () => {
    const created = await server.graphql<{ createDocument: { id: string } }>(CREATE, { input: memo });
    const id = created.data.createDocument.id;
    const { errors } = await server.graphql(RENDER, { id });
    expect(errors).toHaveLength(1);
    expect(errors?.[0]?.extensions).toEqual({ code: 'PRINT_TIMEOUT', limit: 1 });
    expect(errors?.[0]?.message).toBe(
      'printing took longer than the limit of 1 ms: split the document into shorter ones, or have the limit ' +
        'raised (--print-timeout of saraban serve, render or batch)',
    );
    const renders = await server.graphql<{ document: { renders: unknown[] } }>(
      'query ($id: ID!) { document(id: $id) { renders { id } } }',
      { id },
    );
    expect(renders.data.document.renders).toEqual([]);
  });
  test('a batch job records the same message for the document that ran past the limit', async () => {
    const created = await server.graphql<{ createDocument: { id: string } }>(CREATE, { input: memo });
    const id = created.data.createDocument.id;
    const started = await server.graphql<{ renderBatch: { id: string } }>(
      'mutation ($ids: [ID!]!) { renderBatch(documentIds: $ids) { id } }',
      { ids: [id] },
    );
    const jobQuery = 'query ($id: ID!) { batchJob(id: $id) { status errors { documentId message } } }';
    type Job = { batchJob: { status: string; errors: { documentId: string; message: string }[] } };
    let job = (await server.graphql<Job>(jobQuery, { id: started.data.renderBatch.id })).data.batchJob;
    while (job.status === 'QUEUED' || job.status === 'RUNNING') {
      await new Promise((resolve) => setTimeout(resolve, 100));
      job = (await server.graphql<Job>(jobQuery, { id: started.data.renderBatch.id })).data.batchJob;
    }
    expect(job.errors).toEqual([
      {
        documentId: id,
        message:
          'printing took longer than the limit of 1 ms: split the document into shorter ones, or have the limit ' +
          'raised (--print-timeout of saraban serve, render or batch)',
      },
    ]);
  });
});
