import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type FillThreads,
  type LoadedTemplate,
  loadTemplates,
  startFillThreads,
  TemplateFillError,
  TemplateFillTimeoutError,
} from '../src/index.js';
import { queryResult, readExample, schema, templatesDir, withoutBreakMarks } from './document-fixture.js';

/** Three loops nested over the document's blocks: 400 blocks are 64 million turns, seconds on any machine. */
const LOOPS =
  '{{#each @root.document.body}}{{#each @root.document.body}}{{#each @root.document.body}}{{/each}}{{/each}}{{/each}}';
const LIMIT_MS = 500;

describe('startFillThreads: templates filled in on a thread of their own, with a time limit', () => {
  let memo: LoadedTemplate;
  let loops: LoadedTemplate;
  let memoData: unknown;
  let threads: FillThreads;
  beforeAll(async () => {
    const registry = await loadTemplates({ dir: templatesDir, schema });
    memo = registry.get('memo') as LoadedTemplate;
    const compiled = await registry.compile('memo', { ...memo.files, 'template.hbs': `${LOOPS}{{document.subject}}` });
    loops = compiled.template as LoadedTemplate;
    memoData = await queryResult(memo.query, readExample('memo', 'short-memo'));
    // One thread: the memo below waits for it while the loops run.
    threads = startFillThreads({ dir: templatesDir, schema, timeoutMs: LIMIT_MS, threads: 1 });
  });
  afterAll(() => threads?.close());

  it('fills in the same page as the calling thread does', async () => {
    const filled = await threads.fill(memo, memoData, { digitStyle: 'THAI' });
    expect(filled).toEqual(memo.fill(memoData, { digitStyle: 'THAI' }));
  });

  it('stops a fill past the limit; a fill that waited for the thread meanwhile gets its own limit, and fills', async () => {
    // The thread has the loops template already (it was filled once with no blocks): the long fill starts at once.
    await threads.fill(loops, { document: { subject: 'x', body: [] } }, { digitStyle: 'THAI' });
    const blocks = Array.from({ length: 400 }, () => ({ __typename: 'Paragraph' }));
    const looping = threads.fill(loops, { document: { subject: 'x', body: blocks } }, { digitStyle: 'THAI' });
    const waiting = threads.fill(memo, memoData, { digitStyle: 'THAI' });
    await expect(looping).rejects.toThrow(new TemplateFillTimeoutError('memo', LIMIT_MS));
    const { html } = await waiting;
    expect(withoutBreakMarks(html)).toContain('ขออนุมัติเผยแพร่รายงาน');
  });

  it('draws a QR code as the calling thread does (the thread loads the figures for the first page that has one)', async () => {
    const registry = await loadTemplates({ dir: templatesDir, schema });
    const qr = (await registry.compile('memo', { ...memo.files, 'template.hbs': '{{qrCode document.subject}}' }))
      .template as LoadedTemplate;
    const filled = await threads.fill(qr, memoData, { digitStyle: 'THAI' });
    expect(filled.html).toContain('<svg');
    expect(filled).toEqual(qr.fill(memoData, { digitStyle: 'THAI' }));
  });

  it('reports where a template failed, as the calling thread would', async () => {
    const data = { document: {} };
    const here = (() => {
      try {
        memo.fill(data, { digitStyle: 'THAI' });
      } catch (error) {
        return error as TemplateFillError;
      }
    })();
    // The calling thread's failure is what the thread's is compared with: without one, the checks below pass on any.
    expect(here).toBeInstanceOf(TemplateFillError);
    const fill = threads.fill(memo, data, { digitStyle: 'THAI' });
    await expect(fill).rejects.toBeInstanceOf(TemplateFillError);
    await expect(fill).rejects.toThrow(here?.message);
    await expect(fill).rejects.toMatchObject({ file: here?.file, line: here?.line, column: here?.column });
  });
});
