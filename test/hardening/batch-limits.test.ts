import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestServer, type TestServer } from '../support/saraban.js';

const RENDER_BATCH = 'mutation ($ids: [ID!]!) { renderBatch(documentIds: $ids) { id status } }';
const BATCH_JOB = 'query ($id: ID!) { batchJob(id: $id) { status done errors { documentId message } } }';

/** Ids of documents that do not exist: each fails at once, so the jobs stay cheap and the queue is what is tested. */
function missingIds(count: number, from = 0): string[] {
  return Array.from({ length: count }, (_, i) => `00000000-0000-4000-8000-${String(from + i).padStart(12, '0')}`);
}

async function post(server: TestServer, query: string, variables: Record<string, unknown>) {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as {
    data?: Record<string, { id: string }> | null;
    errors?: { message: string; extensions?: Record<string, unknown> }[];
  };
  return { status: response.status, body };
}

describe('batch work is bounded (issue 16: 20 aliased batches queued 10,000 renders)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  test('aliased batches of more documents than one full batch are refused by the cost limit, none queued', async () => {
    const aliases = Array.from({ length: 20 }, (_, i) => `b${i}: renderBatch(documentIds: $ids) { id }`);
    const { body } = await post(server, `mutation ($ids: [ID!]!) { ${aliases.join(' ')} }`, { ids: missingIds(1000) });
    expect(body.data ?? null).toBeNull();
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', limitName: 'queryCost' });
  });

  test('past 20,000 documents waiting, a batch is refused as "queue full" with HTTP 429', async () => {
    for (const from of [0, 10_000]) {
      const { body } = await post(server, RENDER_BATCH, { ids: missingIds(10_000, from) });
      expect(body.errors).toBeUndefined();
    }
    const { status, body } = await post(server, RENDER_BATCH, { ids: missingIds(1, 20_000) });
    expect(status).toBe(429);
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'QUEUE_FULL', limit: 20_000 });
    expect(body.errors?.[0]?.message).toMatch(/^the print queue is full: \d+ documents are waiting/);
  });
});

describe("a batch's progress, one document at a time", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  test('every failed document is listed, in order, with its id', async () => {
    const ids = missingIds(300);
    const { body } = await post(server, RENDER_BATCH, { ids });
    expect(body.errors).toBeUndefined();
    const jobId = String(body.data?.renderBatch?.id);
    let job: { status: string; done: number; errors: { documentId: string }[] } | undefined;
    for (;;) {
      const polled = await server.graphql<{ batchJob: NonNullable<typeof job> }>(BATCH_JOB, { id: jobId });
      job = polled.data.batchJob;
      if (job.status === 'DONE' || job.status === 'FAILED') break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(job.status).toBe('DONE');
    expect(job.done).toBe(300);
    expect(job.errors.map((error) => error.documentId)).toEqual(ids);
  });
});
