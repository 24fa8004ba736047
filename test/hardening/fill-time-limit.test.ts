import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
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
const RENDER = 'mutation ($id: ID!) { renderDocument(id: $id) { id pages url } }';

describe('filling a template in: off the event loop, with a time limit (issue 16)', () => {
  let dir: string;
  let templates: string;
  let server: TestServer;
  const loopsInput = memoInput({
    template: 'loops',
    body: Array.from({ length: BLOCKS }, (_, i) => ({ paragraph: { text: `ย่อหน้า ${i}` } })),
  });

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'saraban-fill-limit-'));
    templates = join(dir, 'templates');
    await cp(templatesDir, templates, { recursive: true });
    await mkdir(join(templates, 'loops'));
    for (const [file, text] of Object.entries(LOOPS_TEMPLATE)) await writeFile(join(templates, 'loops', file), text);
    server = await startTestServer({ templatesDir: templates, fillTimeoutMs: LIMIT_MS });
  });
  afterAll(async () => {
    await server?.close();
    await rm(dir, { recursive: true, force: true });
  });

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

    // The stopped fill's thread was replaced: a memo prints.
    const memo = await server.graphql<{ createDocument: { id: string } }>(CREATE_DOCUMENT, { input: memoInput() });
    const printed = await server.graphql<{ renderDocument: { pages: number; url: string } }>(RENDER, {
      id: memo.data.createDocument.id,
    });
    expect(printed.errors).toBeUndefined();
    const pdf = new Uint8Array(await (await fetch(`${server.url}${printed.data.renderDocument.url}`)).arrayBuffer());
    expect(await pdfText(pdf)).toContain('ขออนุมัติเผยแพร่รายงาน');
  });

  test('saraban render reports the limit in one line with exit code 1', async () => {
    const data = join(dir, 'loops.json');
    await writeFile(data, JSON.stringify(loopsInput));
    const result = await runSaraban([
      'render',
      '--templates',
      templates,
      '--data',
      data,
      '--out',
      join(dir, 'loops.pdf'),
      '--fill-timeout',
      String(LIMIT_MS),
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([
      `${data}: template "loops" took longer than the limit of ${LIMIT_MS} ms to fill in: ` +
        'simplify the template (loops inside loops), or have the limit raised (--fill-timeout of saraban serve, render or batch)',
    ]);
  });
});
