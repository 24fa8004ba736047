import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/support/postgres-database.js';
import { type BatchDocumentJob, RenderJobError, RenderQueue, type RenderQueueOptions } from '../src/index.js';

describe('RenderQueue on PostgreSQL', () => {
  const queues: RenderQueue[] = [];
  afterEach(async () => {
    await Promise.all(queues.splice(0).map((queue) => queue.close()));
  });

  async function open(options: RenderQueueOptions): Promise<RenderQueue> {
    const queue = await RenderQueue.open(options);
    queues.push(queue);
    return queue;
  }

  /** Resolves once `count` calls have been seen. */
  function seen(count: number, calls: unknown[]): Promise<void> {
    return new Promise((resolve) => {
      const check = setInterval(() => {
        if (calls.length >= count) {
          clearInterval(check);
          resolve();
        }
      }, 50);
    });
  }

  it('gives every document of a batch to a print slot once, across two workers, then its zip', async () => {
    const url = await createTestDatabase();
    const api = await open({ url });
    const documents: [worker: string, job: BatchDocumentJob][] = [];
    const archives: string[] = [];
    for (const worker of ['one', 'two']) {
      const queue = await open({ url });
      await queue.work(2, {
        render: async () => ({}),
        document: async (job) => {
          documents.push([worker, job]);
        },
        archive: async (job) => {
          archives.push(job.batchJobId);
        },
      });
    }
    const documentIds = Array.from({ length: 12 }, (_, index) => `document-${index}`);
    await api.enqueueBatch('job-1', documentIds);
    await seen(12, documents);
    await api.enqueueArchive('job-1');
    await seen(1, archives);
    const taken = documents.map(([, job]) => job).sort((a, b) => a.position - b.position);
    expect(taken).toEqual(documentIds.map((documentId, position) => ({ batchJobId: 'job-1', position, documentId })));
    expect(archives).toEqual(['job-1']);
  });

  it('gives a job whose first run never ends to a worker again once it expires', async () => {
    const url = await createTestDatabase();
    const settings = { url, expireInSeconds: 1, maintenanceIntervalSeconds: 1, pollingIntervalSeconds: 0.5 };
    const api = await open(settings);
    const runs: BatchDocumentJob[] = [];
    const worker = await open(settings);
    await worker.work(1, {
      render: async () => ({}),
      document: async (job) => {
        runs.push(job);
        // The first run hangs, as a worker that died would never answer.
        if (runs.length === 1) await new Promise(() => {});
      },
      archive: async () => {},
    });
    await api.enqueueBatch('job-2', ['document-0']);
    await seen(2, runs);
    expect(runs).toEqual([
      { batchJobId: 'job-2', position: 0, documentId: 'document-0' },
      { batchJobId: 'job-2', position: 0, documentId: 'document-0' },
    ]);
  });

  it('has a worker print a document now and gives back what it returned, or why it failed', async () => {
    const url = await createTestDatabase();
    const api = await open({ url, retryLimit: 0 });
    const worker = await open({ url });
    await worker.work(1, {
      render: async ({ documentId }) => {
        if (documentId === 'broken') throw new Error('the printer broke');
        return { renderId: `render-of-${documentId}` };
      },
      document: async () => {},
      archive: async () => {},
    });
    expect(await api.render('memo-1', 30_000)).toEqual({ renderId: 'render-of-memo-1' });
    const failing = api.render('broken', 30_000);
    await expect(failing).rejects.toBeInstanceOf(RenderJobError);
    await expect(failing).rejects.toThrow('document broken was not printed: the printer broke');
  });
});
