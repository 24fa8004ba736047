import { writeFile } from 'node:fs/promises';
import { ArchiveExpiredError, openStore } from '@saraban/store';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { dialects, makeTempDir, storedFileNames, tempStoreOptions } from '../../packages/store/test/temp-store.js';
import { startTestServer, type TestServer } from '../support/saraban.js';
import { CREATE_DOCUMENT, memoInput } from './memo-input.js';

const HOUR_MS = 60 * 60 * 1000;

describe.each(dialects)(
  'batch zips expire and are removed, on %s (issue 16: 1.5 GB of zips never expired)',
  (dialect) => {
    test('the job says when its zip expires; after that it is removed and asking for it is a clear error', async () => {
      let now = Date.parse('2026-12-06T09:00:00.000Z');
      const { dir, remove } = makeTempDir();
      const store = await openStore({
        ...(await tempStoreOptions(dialect, dir)),
        now: () => new Date(now),
        archiveLifetimeMs: 2 * HOUR_MS,
      });
      try {
        const job = await store.batchJobs.create([]);
        const archive = store.batchJobs.stagingPath();
        await writeFile(archive, 'PK\x05\x06'.padEnd(22, '\0'));
        const done = await store.batchJobs.update(job.id, { status: 'DONE', archive });
        expect(done).toMatchObject({ hasArchive: true, archiveExpiresAt: '2026-12-06T11:00:00.000Z' });
        expect((await store.batchJobs.getArchive(job.id))?.bytes).toBe(22);
        expect(await store.batchJobs.removeExpiredArchives()).toEqual([]);

        now += 2 * HOUR_MS;
        expect(await store.batchJobs.get(job.id)).toMatchObject({ hasArchive: false });
        await expect(store.batchJobs.getArchive(job.id)).rejects.toThrow(ArchiveExpiredError);
        await expect(store.batchJobs.getArchive(job.id)).rejects.toThrow(
          `the zip of batch job ${job.id} expired at 2026-12-06T11:00:00.000Z and was removed: run renderBatch again`,
        );
        expect(await store.batchJobs.removeExpiredArchives()).toEqual([job.id]);
        expect(await storedFileNames(store)).toEqual([]);
        await expect(store.batchJobs.getArchive(job.id)).rejects.toThrow(ArchiveExpiredError);
      } finally {
        await store.close();
        remove();
      }
    });
  },
);

describe('a download of an expired zip over HTTP', () => {
  let server: TestServer;
  beforeAll(async () => {
    // A lifetime of nothing: every zip has expired as soon as it is written.
    server = await startTestServer({ zipLifetimeMs: 0 });
  });
  afterAll(async () => {
    await server?.close();
  });

  test('answers 410 with code ARCHIVE_EXPIRED and what to do; the job says when and gives no url', async () => {
    const created = await server.graphql<{ createDocument: { id: string } }>(CREATE_DOCUMENT, { input: memoInput() });
    const started = await server.graphql<{ renderBatch: { id: string } }>(
      'mutation ($ids: [ID!]!) { renderBatch(documentIds: $ids) { id } }',
      { ids: [created.data.createDocument.id] },
    );
    const id = started.data.renderBatch.id;
    let job: { status: string; url: string | null; expiresAt: string | null } | undefined;
    for (let poll = 0; poll < 600 && job?.status !== 'DONE'; poll++) {
      if (poll > 0) await new Promise((resolve) => setTimeout(resolve, 100));
      const answer = await server.graphql<{ batchJob: NonNullable<typeof job> }>(
        'query ($id: ID!) { batchJob(id: $id) { status url expiresAt } }',
        { id },
      );
      job = answer.data.batchJob;
    }
    expect(job).toMatchObject({ status: 'DONE', url: null, expiresAt: expect.stringMatching(/^\d{4}-/) });
    const response = await fetch(`${server.url}/batches/${id}.zip`);
    expect(response.status).toBe(410);
    expect(await response.text()).toBe(
      `ARCHIVE_EXPIRED: the zip of batch job ${id} expired at ${job?.expiresAt} and was removed: run renderBatch ` +
        'again for a new one (the documents already printed are not printed again)\n',
    );
  });
});
