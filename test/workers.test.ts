import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { openStore, type Store } from '@saraban/store';
import { toThaiDigits } from '@saraban/thai';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { compact, readPdf } from './support/pdf.js';
import { pdfOutline, pdfPageSizes } from './support/poppler.js';
import { createTestDatabase } from './support/postgres-database.js';
import { sarabanBin, templatesDir } from './support/saraban.js';
import { type SarabanProcess, startSaraban, stopSaraban } from './support/saraban-process.js';

const run = promisify(execFile);
const DOCUMENTS = 200;

interface JobState {
  status: string;
  total: number;
  done: number;
  failed: number;
  url: string | null;
}

describe('a server and two workers on PostgreSQL', () => {
  let dir: string;
  let db: string;
  let store: Store;
  let graphqlUrl: string;
  let memo: Record<string, unknown>;
  const processes: SarabanProcess[] = [];

  /** POSTs one operation to the API server; resolves with the whole body. */
  async function post<T>(query: string, variables: Record<string, unknown> = {}) {
    const response = await fetch(graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as { data: T; errors?: { message: string; extensions: { code: string } }[] };
  }

  /** Runs one operation that must succeed; resolves with its data. */
  async function graphql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const body = await post<T>(query, variables);
    expect(body.errors).toBeUndefined();
    return body.data;
  }

  async function createMemo(subject: string): Promise<string> {
    const created = await graphql<{ createDocument: { id: string } }>(
      'mutation ($input: DocumentInput!) { createDocument(input: $input) { id } }',
      { input: { ...memo, subject } },
    );
    return created.createDocument.id;
  }

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'saraban-workers-'));
    db = await createTestDatabase();
    memo = JSON.parse(await readFile(join(templatesDir, 'memo/examples/short-memo.json'), 'utf8'));
    // The API server prints nothing: no Chromium; renders go through the queue to the workers.
    const server = await startSaraban(
      ['serve', '--no-worker', '--port', '0', '--db', db, '--job-expiry', '20'],
      /GraphQL API and GraphiQL: (\S+)/,
    );
    processes.push(server);
    graphqlUrl = server.match[1] as string;
  });
  afterAll(async () => {
    await Promise.all(processes.map((started) => stopSaraban(started.child)));
    await store?.close();
    await rm(dir, { recursive: true, force: true });
  });

  /** A worker process: two print slots; a job it abandons is given to another after 20 s. */
  function startWorker(): Promise<SarabanProcess> {
    return startSaraban(['worker', '--db', db, '--pool', '2', '--job-expiry', '20'], /taking render jobs/);
  }

  test('200 documents in one renderBatch, one worker killed midway: 200 PDFs, each render stored once', {
    timeout: 420_000,
  }, async () => {
    const [doomed, survivor] = await Promise.all([startWorker(), startWorker()]);
    processes.push(doomed as SarabanProcess, survivor as SarabanProcess);

    const ids: string[] = [];
    for (let n = 1; n <= DOCUMENTS; n++) ids.push(await createMemo(`บันทึกที่ ${n}`));
    const { renderBatch } = await graphql<{ renderBatch: { id: string } }>(
      'mutation ($ids: [ID!]!) { renderBatch(documentIds: $ids) { id } }',
      { ids },
    );
    const poll = async () =>
      (
        await graphql<{ batchJob: JobState }>(
          'query ($id: ID!) { batchJob(id: $id) { status total done failed url } }',
          {
            id: renderBatch.id,
          },
        )
      ).batchJob;

    // Midway, while its print slots are busy, one worker dies without a word.
    for (let job = await poll(); job.done < DOCUMENTS / 4; job = await poll()) await sleep(200);
    doomed?.child.kill('SIGKILL');
    let job = await poll();
    expect(job.done).toBeLessThan(DOCUMENTS);
    while (job.status !== 'DONE' && job.status !== 'FAILED') {
      await sleep(500);
      job = await poll();
    }
    expect(job).toEqual({
      status: 'DONE',
      total: DOCUMENTS,
      done: DOCUMENTS,
      failed: 0,
      url: `/batches/${renderBatch.id}.zip`,
    });

    // The zip holds 200 PDFs, in the batch's order, each the document it names (whose digits print in Thai).
    const zip = join(dir, 'batch.zip');
    const response = await fetch(new URL(job.url as string, graphqlUrl));
    expect(response.status).toBe(200);
    await writeFile(zip, new Uint8Array(await response.arrayBuffer()));
    const { stdout: listing } = await run('zipinfo', ['-1', zip]);
    const entries = listing.trim().split('\n');
    expect(entries).toHaveLength(DOCUMENTS);
    expect(entries[0]).toBe('001-บันทึกที่ 1.pdf');
    expect(entries[DOCUMENTS - 1]).toBe(`${DOCUMENTS}-บันทึกที่ ${DOCUMENTS}.pdf`);
    for (const n of [1, 77, DOCUMENTS]) {
      const entry = entries[n - 1] as string;
      const { stdout: pdf } = await run('unzip', ['-p', zip, entry], { encoding: 'buffer', maxBuffer: 1 << 24 });
      const { pages } = await readPdf(new Uint8Array(pdf));
      expect(compact(pages.join(''))).toContain(compact(`เรื่อง บันทึกที่ ${toThaiDigits(String(n))}`));
    }

    // Each document was stored as one render: none lost, none printed twice into the store.
    store = await openStore({ url: db });
    const perDocument = await store.db
      .selectFrom('renders')
      .select(['document_id', (eb) => eb.fn.countAll<string>().as('renders')])
      .groupBy('document_id')
      .execute();
    expect(perDocument).toHaveLength(DOCUMENTS);
    expect(new Set(perDocument.map((row) => Number(row.renders)))).toEqual(new Set([1]));
    // The dead worker's jobs were taken again by the other: the kill did cut prints short.
    const client = new pg.Client({ connectionString: db });
    await client.connect();
    try {
      const { rows } = await client.query(
        "select count(*) as retried from pgboss.job where name = 'saraban-batch-document' and retry_count > 0",
      );
      expect(Number(rows[0]?.retried)).toBeGreaterThan(0);
    } finally {
      await client.end();
    }
  });

  test('renderDocument on the server without Chromium is printed by a worker; its errors keep their code', async () => {
    const id = await createMemo('บันทึกพิมพ์ทีละฉบับ');
    const { renderDocument } = await graphql<{ renderDocument: { url: string; pages: number; cached: boolean } }>(
      'mutation ($id: ID!) { renderDocument(id: $id) { url pages cached } }',
      { id },
    );
    expect(renderDocument).toMatchObject({ pages: 1, cached: false });
    const download = await fetch(new URL(renderDocument.url, graphqlUrl));
    expect(download.status).toBe(200);
    const { pages } = await readPdf(new Uint8Array(await download.arrayBuffer()));
    expect(compact(pages.join(''))).toContain(compact('เรื่อง บันทึกพิมพ์ทีละฉบับ'));

    const missing = '00000000-0000-0000-0000-000000000000';
    const failed = await post('mutation ($id: ID!) { renderDocument(id: $id) { url } }', { id: missing });
    expect(failed.errors?.[0]).toMatchObject({
      message: `document ${missing} does not exist`,
      extensions: { code: 'NOT_FOUND' },
    });
  });

  test('renderBundle on the server without Chromium: its documents printed by a worker, the same PDF as in-process', async () => {
    // A worker of its own, so the test stands alone; with the others it shares the jobs.
    processes.push(await startWorker());
    const files = ['external-letter/examples/circular-forward.json', 'report/examples/anti-corruption-report.json'];
    const ids: string[] = [];
    for (const file of files) {
      const input = JSON.parse(await readFile(join(templatesDir, file), 'utf8'));
      const created = await graphql<{ createDocument: { id: string } }>(
        'mutation ($input: DocumentInput!) { createDocument(input: $input) { id } }',
        { input: { ...input, template: file.split('/')[0] } },
      );
      ids.push(created.createDocument.id);
    }
    const { renderBundle } = await graphql<{ renderBundle: { url: string; pages: number; template: string } }>(
      'mutation ($ids: [ID!]!) { renderBundle(documentIds: $ids) { url pages template } }',
      { ids },
    );
    expect(renderBundle.template).toBe('bundle');
    const download = await fetch(new URL(renderBundle.url, graphqlUrl));
    expect(download.status).toBe(200);
    const queued = new Uint8Array(await download.arrayBuffer());

    // The same two documents bundled by the CLI, printed by its own Chromium into a SQLite store.
    const out = join(dir, 'in-process.pdf');
    await run('node', [
      sarabanBin,
      'bundle',
      ...files.flatMap((file) => ['--data', join(templatesDir, file)]),
      '--out',
      out,
      '--db',
      join(dir, 'in-process.db'),
    ]);
    const inProcess = new Uint8Array(await readFile(out));

    const outline = await pdfOutline(queued);
    expect(outline).toEqual([
      { title: expect.stringContaining('การเตรียมความพร้อมการประเมินคุณธรรม'), page: 1 },
      { title: 'รายงานผลการดำเนินงานตามแผนปฏิบัติการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. ๒๕๖๖', page: 3 },
    ]);
    expect(await pdfOutline(inProcess)).toEqual(outline);
    const sizes = await pdfPageSizes(queued);
    expect(sizes).toHaveLength(renderBundle.pages);
    expect(await pdfPageSizes(inProcess)).toEqual(sizes);
    // The letter's two pages, the report's cover and narrative, then its annexes: two portrait, two landscape.
    expect(sizes.map(({ width, height }) => (width > height ? 'L' : 'P')).join('')).toBe('PPPPPPLL');
    expect((await readPdf(queued)).pages).toEqual((await readPdf(inProcess)).pages);
  });
});

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
