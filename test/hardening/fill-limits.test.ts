import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DocumentJson } from '../support/document-text.js';
import { pdfText } from '../support/poppler.js';
import { startTestServer, type TestServer, templatesDir } from '../support/saraban.js';
import { runSaraban } from '../support/saraban-process.js';
import { CREATE_DOCUMENT, memoInput } from './memo-input.js';

/**
 * A template a designer could publish that loops over the document's blocks three times nested: 500 blocks make
 * 125 million turns, seconds of work on one thread (the case took 36 s), whatever the machine. Then it reads
 * a field its query does not select, so a fill that is not stopped fails right after its loops and nothing prints:
 * every /healthz answer during the render is one given while the fill ran, or in the milliseconds before it.
 */
const LOOPS_TEMPLATE = {
  'template.json': JSON.stringify({ name: 'loops', title: 'ลูปซ้อน', kind: 'MEMO', paper: 'A4' }),
  'query.graphql': 'query Loops($id: ID!) { document(id: $id) { subject body { __typename } } }',
  'template.hbs':
    '{{#each @root.document.body}}{{#each @root.document.body}}{{#each @root.document.body}}' +
    '{{/each}}{{/each}}{{/each}}<p>{{document.subject}} {{document.bookNumber}}</p>',
  'style.css': '',
};
const BLOCKS = 500;
const LIMIT_MS = 1000;

/**
 * A template a designer could publish that writes a paragraph of its own once per pair of the document's blocks: 200
 * blocks make a page of 196 million characters. Handlebars makes it out of one piece it repeats, in milliseconds (well
 * within the time limit); copied into one string it is 392 MB at once, then copied again while finished.
 */
const LETTERS = 4900;
const ECHOES_TEMPLATE = {
  'template.json': JSON.stringify({ name: 'echoes', title: 'ทวนซ้ำ', kind: 'MEMO', paper: 'A4' }),
  'query.graphql': 'query Echoes($id: ID!) { document(id: $id) { subject body { __typename } } }',
  'template.hbs': `{{#each document.body}}{{#each @root.document.body}}<p>${'ก'.repeat(LETTERS)}</p>{{/each}}{{/each}}`,
  'style.css': '',
};
const PARAGRAPHS = 200;
/** The page: the template's paragraph, with its <p> and </p>, once per pair of blocks. */
const PAGE_CHARACTERS = PARAGRAPHS * PARAGRAPHS * (LETTERS + '<p></p>'.length);

const RENDER = 'mutation ($id: ID!) { renderDocument(id: $id) { id pages url } }';

describe('filling a template in: off the event loop, with a time and a memory limit (issue 16)', () => {
  let dir: string;
  let templates: string;
  let server: TestServer;
  const loopsInput = memoInput({
    template: 'loops',
    body: Array.from({ length: BLOCKS }, (_, i) => ({ paragraph: { text: `ย่อหน้า ${i}` } })),
  });
  const echoesInput = memoInput({
    template: 'echoes',
    body: Array.from({ length: PARAGRAPHS }, (_, i) => ({ paragraph: { text: `ย่อหน้า ${i}` } })),
  });

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'saraban-fill-limit-'));
    templates = join(dir, 'templates');
    await cp(templatesDir, templates, { recursive: true });
    for (const [name, files] of Object.entries({ loops: LOOPS_TEMPLATE, echoes: ECHOES_TEMPLATE })) {
      await mkdir(join(templates, name));
      for (const [file, text] of Object.entries(files)) await writeFile(join(templates, name, file), text);
    }
    // The memory limit is the default, 512 MB of heap per fill thread.
    server = await startTestServer({ templatesDir: templates, fillTimeoutMs: LIMIT_MS });
  });
  afterAll(async () => {
    await server?.close();
    await rm(dir, { recursive: true, force: true });
  });

  /** A memo prints after a fill failed: its thread, stopped or out of memory, was replaced. */
  async function expectMemoPrints() {
    const memo = await server.graphql<{ createDocument: { id: string } }>(CREATE_DOCUMENT, { input: memoInput() });
    const printed = await server.graphql<{ renderDocument: { pages: number; url: string } }>(RENDER, {
      id: memo.data.createDocument.id,
    });
    expect(printed.errors).toBeUndefined();
    const pdf = new Uint8Array(await (await fetch(`${server.url}${printed.data.renderDocument.url}`)).arrayBuffer());
    expect(await pdfText(pdf)).toContain('ขออนุมัติเผยแพร่รายงาน');
  }

  /** `saraban render` of `input` with these templates and `options`: its exit code and its lines of errors. */
  async function renderWithCli(input: DocumentJson, options: string[]) {
    const data = join(dir, `${input.template}.json`);
    await writeFile(data, JSON.stringify(input));
    const out = join(dir, `${input.template}.pdf`);
    const result = await runSaraban(['render', '--templates', templates, '--data', data, '--out', out, ...options]);
    return { data, code: result.code, lines: result.stderr.trim().split('\n') };
  }

  test('three nested loops stop at the limit with TEMPLATE_FILL_TIMEOUT, /healthz answers throughout, the next render prints', async () => {
    const created = await server.graphql<{ createDocument: { id: string } }>(CREATE_DOCUMENT, { input: loopsInput });
    expect(created.errors).toBeUndefined();

    // /healthz asked again and again, one at a time, while the render runs: a fill on the server's event loop
    // would leave it unanswered until the fill ended.
    let rendered = false;
    const rendering = server.graphql(RENDER, { id: created.data.createDocument.id }).finally(() => {
      rendered = true;
    });
    let answers = 0;
    while (!rendered) {
      // A connection the server dropped while its event loop was held (a kept-alive one past its timeout) is no answer.
      if (
        await fetch(`${server.url}/healthz`).then(
          (response) => response.ok,
          () => false,
        )
      )
        answers++;
    }
    const { errors } = await rendering;
    expect(errors?.[0]?.extensions).toMatchObject({
      code: 'TEMPLATE_FILL_TIMEOUT',
      template: 'loops',
      limit: LIMIT_MS,
    });
    expect(errors?.[0]?.message).toContain(`template "loops" took longer than the limit of ${LIMIT_MS} ms to fill in`);
    expect(answers).toBeGreaterThanOrEqual(10);
    await expectMemoPrints();
  });

  test('saraban render reports the time limit in one line with exit code 1', async () => {
    const { data, code, lines } = await renderWithCli(loopsInput, ['--fill-timeout', String(LIMIT_MS)]);
    expect(code).toBe(1);
    expect(lines).toEqual([
      `${data}: template "loops" took longer than the limit of ${LIMIT_MS} ms to fill in: ` +
        'simplify the template (loops inside loops), or have the limit raised (--fill-timeout of saraban serve, render or batch)',
    ]);
  });

  test('a page too long for the memory limit fails with TEMPLATE_FILL_MEMORY naming the limit and its length; the server goes on and prints', async () => {
    const created = await server.graphql<{ createDocument: { id: string } }>(CREATE_DOCUMENT, { input: echoesInput });
    expect(created.errors).toBeUndefined();

    const { errors } = await server.graphql(RENDER, { id: created.data.createDocument.id });
    expect(errors?.[0]?.extensions).toMatchObject({
      code: 'TEMPLATE_FILL_MEMORY',
      template: 'echoes',
      limit: 512,
      characters: PAGE_CHARACTERS,
    });
    expect(errors?.[0]?.message).toBe(
      `template "echoes" needed more than the limit of 512 MB of memory to fill in: its page has ${PAGE_CHARACTERS} ` +
        'characters, and the limit allows 67108864: simplify the template (long text repeated inside loops), ' +
        'or have the limit raised (--fill-memory of saraban serve, render or batch)',
    );
    expect((await fetch(`${server.url}/healthz`)).ok).toBe(true);
    await expectMemoPrints();
  });

  test('saraban render reports the memory limit --fill-memory set in one line with exit code 1', async () => {
    const { data, code, lines } = await renderWithCli(echoesInput, ['--fill-memory', '256']);
    expect(lines).toEqual([
      `${data}: template "echoes" needed more than the limit of 256 MB of memory to fill in: its page has ` +
        `${PAGE_CHARACTERS} characters, and the limit allows 33554432: simplify the template (long text repeated ` +
        'inside loops), or have the limit raised (--fill-memory of saraban serve, render or batch)',
    ]);
    expect(code).toBe(1);
  });
});
