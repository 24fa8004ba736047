import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createWriteStream, watch } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { promisify } from 'node:util';
import { openSaraban, type SarabanApp } from '@saraban/app';
import { type RunningServer, startServer } from '@saraban/server';
import { toThaiDigits } from '@saraban/thai';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { measureReportExample, repeatedMeasures } from '../bench/lib/pipeline.mjs';
import { compact } from './support/pdf.js';
import { templatesDir } from './support/saraban.js';

const run = promisify(execFile);

// 360 measures print 300 pages and more of the measure report (A4 landscape) at the official size.
const measures = 360;

// A 300-page print is the work of these tests, not a stuck one: on a busy machine one takes minutes.
describe('a 300-page report streams from Chromium to its file and to the download', { timeout: 240_000 }, () => {
  let dir: string;
  let saraban: SarabanApp;
  let server: RunningServer;
  let documentId: string;

  async function graphql(query: string, variables: Record<string, unknown>) {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    // biome-ignore lint/suspicious/noExplicitAny: the response's shape is what the test checks.
    return (await response.json()) as { data: any; errors?: { message: string }[] };
  }

  const renderMutation = 'mutation ($id: ID!) { renderDocument(id: $id) { id url pages bytes sha256 cached } }';

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'saraban-large-'));
    saraban = await openSaraban({
      databaseFile: join(dir, 'saraban.db'),
      templatesDir,
      poolSize: 1,
      // 300 pages take Chromium 10-15 s on a quiet machine, more than the default limit of 30 s on a busy one.
      printTimeoutMs: 180_000,
    });
    server = await startServer(saraban.context, { port: 0 });
    const input = repeatedMeasures(await measureReportExample(), measures);
    const created = await graphql('mutation ($input: DocumentInput!) { createDocument(input: $input) { id } }', {
      input,
    });
    expect(created.errors).toBeUndefined();
    documentId = created.data.createDocument.id;
  });
  afterAll(async () => {
    await server?.close();
    await saraban?.close();
    await rm(dir, { recursive: true, force: true });
  });

  test('rendered over HTTP and downloaded, pdfinfo counts 300 pages or more and the last page reads back', async () => {
    const rendered = await graphql(renderMutation, { id: documentId });
    expect(rendered.errors).toBeUndefined();
    const render = rendered.data.renderDocument;

    const response = await fetch(`${server.url}${render.url}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-length')).toBe(String(render.bytes));
    const file = join(dir, 'report.pdf');
    await pipeline(Readable.fromWeb(response.body as WebReadableStream<Uint8Array>), createWriteStream(file));
    expect(
      createHash('sha256')
        .update(await readFile(file))
        .digest('hex'),
    ).toBe(render.sha256);

    const { stdout: info } = await run('pdfinfo', [file]);
    const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
    expect(pages).toBeGreaterThanOrEqual(300);
    expect(pages).toBe(render.pages);
    expect(info).toMatch(/^Title:\s+\S/m);
    // The last page: its number, then the header row the table repeats on every page.
    const { stdout: lastPage } = await run('pdftotext', ['-f', String(pages), '-l', String(pages), file, '-']);
    expect(compact(lastPage)).toContain(`-${toThaiDigits(String(pages))}มาตรการวิธีการดำเนินการ`);
    const { stdout: text } = await run('pdftotext', [file, '-'], { maxBuffer: 16 * 1024 * 1024 });
    expect(compact(text)).toContain(`กลุ่มมาตรการที่${toThaiDigits(String(measures / 5))}`);
  });

  test('rendered again, the stored render comes back from the cache without printing', async () => {
    const first = (await graphql(renderMutation, { id: documentId })).data.renderDocument;
    const again = await graphql(renderMutation, { id: documentId });
    expect(again.errors).toBeUndefined();
    expect(again.data.renderDocument).toEqual({ ...first, cached: true });
    expect(await readdir(saraban.store.filesDirectory)).toEqual([`${first.id}.pdf`]);
  });

  // Two Chromium restarts and three prints of the report.
  test('Chromium killed while the PDF streams, and again on the retry: the render fails and leaves no file', {
    timeout: 480_000,
  }, async () => {
    // A document of its own, so the render cache has nothing for it.
    const input = repeatedMeasures(await measureReportExample(), measures);
    const created = await graphql('mutation ($input: DocumentInput!) { createDocument(input: $input) { id } }', {
      input,
    });
    const id = created.data.createDocument.id;
    const files = saraban.store.filesDirectory;
    const filesBefore = await readdir(files);
    // The printer opens its partial file when the PDF starts to stream: that is when this Chromium dies.
    const killed: number[] = [];
    const watcher = watch(files, (_event, name) => {
      const pid = saraban.printer.browserPid();
      if (!name?.endsWith('.partial') || pid === undefined || killed.includes(pid)) return;
      killed.push(pid);
      process.kill(pid, 'SIGKILL');
    });
    let rendered: Awaited<ReturnType<typeof graphql>>;
    try {
      rendered = await graphql(renderMutation, { id });
    } finally {
      watcher.close();
    }
    expect(killed).toHaveLength(2);
    // The server tells the client no more than that (the log has the BrowserCrashError).
    expect(rendered.errors).toHaveLength(1);
    expect(await saraban.store.renders.listForDocument(id)).toEqual([]);
    expect(await readdir(files)).toEqual(filesBefore);

    // The next render starts a new Chromium and prints the whole report.
    const next = await graphql(renderMutation, { id });
    expect(next.errors).toBeUndefined();
    expect(next.data.renderDocument.pages).toBeGreaterThanOrEqual(300);
  });
});
