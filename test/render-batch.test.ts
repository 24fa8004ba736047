import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { openSaraban } from '@saraban/app';
import { schema } from '@saraban/graphql';
import { openStore } from '@saraban/store';
import { graphql } from 'graphql';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestDatabase } from './support/postgres-database.js';
import { startTestServer, type TestServer, templatesDir } from './support/saraban.js';

const run = promisify(execFile);
const JOB = 'query ($id: ID!) { batchJob(id: $id) { status total done failed errors { documentId message } url } }';

interface JobState {
  status: string;
  total: number;
  done: number;
  failed: number;
  errors: { documentId: string | null; message: string }[];
  url: string | null;
}

/** Polls until the job is DONE or FAILED (at most 60 s). */
async function finished(poll: () => Promise<JobState>): Promise<JobState> {
  for (let attempt = 0; attempt < 600; attempt++) {
    const job = await poll();
    if (job.status === 'DONE' || job.status === 'FAILED') return job;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the batch job did not finish in 60 s');
}

async function zipEntries(zip: Uint8Array, dir: string): Promise<string[]> {
  const file = join(dir, `${Date.now()}.zip`);
  await writeFile(file, zip);
  const { stdout } = await run('zipinfo', ['-1', file]);
  return stdout.trim().split('\n');
}

describe.each(['sqlite', 'postgres'])('renderBatch over HTTP on %s', (dialect) => {
  let server: TestServer;
  let memo: Record<string, unknown>;
  beforeAll(async () => {
    // On PostgreSQL the batch is queued, and the server's own print slot takes its jobs.
    server = await startTestServer(dialect === 'postgres' ? { database: await createTestDatabase() } : {});
    memo = JSON.parse(await readFile(join(templatesDir, 'memo/examples/short-memo.json'), 'utf8'));
  });
  afterAll(() => server?.close());

  test('prints the documents into one zip by URL, reporting progress and the document that failed', async () => {
    const ids: string[] = [];
    for (const n of [1, 2, 3]) {
      const created = await server.graphql(
        'mutation ($input: DocumentInput!) { createDocument(input: $input) { id } }',
        {
          input: { ...memo, subject: `บันทึกชุดที่ ${n}` },
        },
      );
      ids.push(created.data.createDocument.id);
    }
    const missing = '00000000-0000-0000-0000-000000000000';
    const started = await server.graphql(
      'mutation ($ids: [ID!]!) { renderBatch(documentIds: $ids) { id status total } }',
      {
        ids: [...ids, missing],
      },
    );
    expect(started.errors).toBeUndefined();
    expect(started.data.renderBatch.total).toBe(4);
    const jobId = started.data.renderBatch.id;

    const job = await finished(async () => (await server.graphql(JOB, { id: jobId })).data.batchJob);
    expect(job).toMatchObject({ status: 'DONE', total: 4, done: 4, failed: 1 });
    expect(job.errors).toEqual([{ documentId: missing, message: expect.stringContaining('does not exist') }]);
    expect(job.url).toBe(`/batches/${jobId}.zip`);

    const response = await fetch(`${server.url}${job.url}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/zip');
    const entries = await zipEntries(new Uint8Array(await response.arrayBuffer()), server.dir);
    expect(entries).toEqual(['1-บันทึกชุดที่ 1.pdf', '2-บันทึกชุดที่ 2.pdf', '3-บันทึกชุดที่ 3.pdf']);
  });

  test('an empty batch is refused', async () => {
    const result = await server.graphql('mutation { renderBatch(documentIds: []) { id } }');
    expect(result.errors?.[0]?.message).toContain('documentIds: give 1 to 10000 documents, not 0');
  });
});

describe('a batch job left unfinished by a stopped server', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'saraban-batch-restart-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  test('is finished by the next start, which reports it truthfully meanwhile', async () => {
    const databaseFile = join(dir, 'saraban.db');
    const memo = JSON.parse(await readFile(join(templatesDir, 'memo/examples/short-memo.json'), 'utf8'));

    // A server that stored two documents and a job, and stopped while the job was RUNNING.
    const first = await openSaraban({ databaseFile, templatesDir, poolSize: 1 });
    const ids: string[] = [];
    for (const n of [1, 2]) {
      const result = await graphql({
        schema,
        source: 'mutation ($input: DocumentInput!) { createDocument(input: $input) { id } }',
        variableValues: { input: { ...memo, subject: `หลังเริ่มใหม่ ${n}` } },
        contextValue: first.context,
      });
      ids.push((result.data as { createDocument: { id: string } }).createDocument.id);
    }
    await first.close();
    const store = await openStore({ filename: databaseFile });
    const job = await store.batchJobs.create(ids);
    await store.batchJobs.update(job.id, { status: 'RUNNING', done: 1 });
    expect((await store.batchJobs.get(job.id))?.status).toBe('RUNNING');
    await store.close();

    const second = await openSaraban({ databaseFile, templatesDir, poolSize: 1 });
    try {
      const poll = async () => {
        const result = await graphql({
          schema,
          source: JOB,
          variableValues: { id: job.id },
          contextValue: second.context,
        });
        return (result.data as { batchJob: JobState }).batchJob;
      };
      const done = await finished(poll);
      expect(done).toMatchObject({ status: 'DONE', total: 2, done: 2, failed: 0, url: `/batches/${job.id}.zip` });
      const archive = await second.store.batchJobs.getArchive(job.id);
      expect(await zipEntries(Buffer.concat((await archive?.stream().toArray()) ?? []), dir)).toEqual([
        '1-หลังเริ่มใหม่ 1.pdf',
        '2-หลังเริ่มใหม่ 2.pdf',
      ]);
    } finally {
      await second.close();
    }
  });
});
