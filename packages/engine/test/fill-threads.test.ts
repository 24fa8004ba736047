import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type FillThreads,
  type LoadedTemplate,
  loadTemplates,
  startFillThreads,
  TemplateFillError,
  TemplateFillMemoryError,
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
    threads = startFillThreads({ dir: templatesDir, schema, timeoutMs: LIMIT_MS, memoryMb: 512, threads: 1 });
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

describe('startFillThreads: with a memory limit', () => {
  const MEMORY_MB = 64;
  let memo: LoadedTemplate;
  let registry: Awaited<ReturnType<typeof loadTemplates>>;
  let threads: FillThreads;
  beforeAll(async () => {
    registry = await loadTemplates({ dir: templatesDir, schema });
    memo = registry.get('memo') as LoadedTemplate;
    // A generous time limit: what stops these fills must be the memory limit.
    threads = startFillThreads({ dir: templatesDir, schema, timeoutMs: 60_000, memoryMb: MEMORY_MB, threads: 1 });
  });
  afterAll(() => threads?.close());
  const compiled = async (source: string) =>
    (await registry.compile('memo', { ...memo.files, 'template.hbs': source })).template as LoadedTemplate;

  it('a fill that runs its thread out of memory fails with the limit; the thread is replaced, and fills', async () => {
    // Three loops nested over 190 blocks write 6.9 million letters one by one: each is a piece of the page that
    // stays (32 bytes), over 200 MB in all, though the page is short enough to pass the page-length check.
    const loops = await compiled(`${LOOPS.replace('{{/each}}', 'x{{/each}}')}{{document.subject}}`);
    const blocks = Array.from({ length: 190 }, () => ({ __typename: 'Paragraph' }));
    const fill = threads.fill(loops, { document: { subject: 'x', body: blocks } }, { digitStyle: 'THAI' });
    // The whole message: a thread out of memory does not know the page's length.
    await expect(fill).rejects.toThrow(/^template "memo" needed more than the limit of 64 MB of memory to fill in$/);
    await expect(fill).rejects.toBeInstanceOf(TemplateFillMemoryError);
    const { html } = await threads.fill(memo, await queryResult(memo.query, readExample('memo', 'short-memo')), {
      digitStyle: 'THAI',
    });
    expect(withoutBreakMarks(html)).toContain('ขออนุมัติเผยแพร่รายงาน');
  });

  it('a page longer than the limit allows is refused, naming its length, before it is copied into one string', async () => {
    // 100 paragraphs of 1,000 letters, each written 100 times: a page of 10 million characters, over the 8,388,608
    // that 64 MB allow. Made of shared pieces it costs little; copied into one string it would cost 20 MB at once.
    const echoes = await compiled('{{#each document.body}}{{#each @root.document.body}}{{text}}{{/each}}{{/each}}');
    const body = Array.from({ length: 100 }, () => ({ __typename: 'Paragraph', text: 'ก'.repeat(1000) }));
    const fill = threads.fill(echoes, { document: { subject: 'x', body } }, { digitStyle: 'THAI' });
    await expect(fill).rejects.toThrow(
      'template "memo" needed more than the limit of 64 MB of memory to fill in: its page has 10000000 characters, ' +
        'and the limit allows 8388608',
    );
    await expect(fill).rejects.toBeInstanceOf(TemplateFillMemoryError);
  });
});
