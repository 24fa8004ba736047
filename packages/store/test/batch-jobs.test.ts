import { writeFile } from 'node:fs/promises';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NotFoundError, type Store } from '../src/index.js';
import { createMemo, dialects, openTempStore, readStoredFile, storedFileNames, storeTinyRender } from './temp-store.js';

describe.each(dialects)('store.batchJobs on %s', (dialect) => {
  let store: Store;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    ({ store, cleanup } = await openTempStore(dialect));
  });
  afterEach(() => cleanup());

  it('creates a QUEUED job, records progress, and keeps the archive as a file of its own', async () => {
    const job = await store.batchJobs.create(['a', 'b']);
    expect(job).toMatchObject({ status: 'QUEUED', documentIds: ['a', 'b'], done: 0, errors: [], hasArchive: false });
    await store.batchJobs.update(job.id, { status: 'RUNNING', done: 1, errors: [{ documentId: 'a', message: 'x' }] });
    expect(await store.batchJobs.get(job.id)).toMatchObject({ status: 'RUNNING', done: 1, hasArchive: false });
    const zip = new Uint8Array([80, 75, 5, 6]);
    const archive = store.batchJobs.stagingPath();
    await writeFile(archive, zip);
    const finished = await store.batchJobs.update(job.id, { status: 'DONE', done: 2, archive });
    expect(finished).toMatchObject({
      status: 'DONE',
      done: 2,
      errors: [{ documentId: 'a', message: 'x' }],
      hasArchive: true,
    });
    const stored = await store.batchJobs.getArchive(job.id);
    expect(stored?.bytes).toBe(zip.byteLength);
    expect(new Uint8Array(await readStoredFile(stored))).toEqual(zip);
    expect(await storedFileNames(store)).toEqual([`batch-${job.id}.zip`]);
  });

  it('keeps a zip kept again under the job’s name in place of the one before, whether each is over 1 MiB or not', async () => {
    const job = await store.batchJobs.create(['a']);
    const small = Buffer.from([80, 75, 5, 6]);
    const large = Buffer.alloc(1024 * 1024 + 1, 7);
    for (const zip of [small, large, small]) {
      const archive = store.batchJobs.stagingPath();
      await writeFile(archive, zip);
      await store.batchJobs.update(job.id, { status: 'DONE', archive });
      expect((await readStoredFile(await store.batchJobs.getArchive(job.id))).equals(zip)).toBe(true);
      expect(await storedFileNames(store)).toEqual([`batch-${job.id}.zip`]);
    }
  });

  it.runIf(dialect === 'sqlite')(
    'keeps the zip kept before, and nothing of the new one, when recording a zip of the other size in its place fails',
    async () => {
      const small = Buffer.from([80, 75, 5, 6]);
      const large = Buffer.alloc(1024 * 1024 + 1, 7);
      const keep = async (id: string, zip: Buffer) => {
        const archive = store.batchJobs.stagingPath();
        await writeFile(archive, zip);
        return store.batchJobs.update(id, { status: 'DONE', archive });
      };
      const wasLarge = await store.batchJobs.create(['a']);
      const wasSmall = await store.batchJobs.create(['b']);
      await keep(wasLarge.id, large);
      await keep(wasSmall.id, small);
      // The write fails after the staged file was read (and, for a small one, removed): the commit never comes.
      await sql`CREATE TRIGGER refuse_archive BEFORE UPDATE OF archive_file ON batch_jobs
        BEGIN SELECT RAISE(ABORT, 'archive refused'); END`.execute(store.db);
      await expect(keep(wasLarge.id, small)).rejects.toThrow('archive refused');
      await expect(keep(wasSmall.id, large)).rejects.toThrow('archive refused');
      expect((await readStoredFile(await store.batchJobs.getArchive(wasLarge.id))).equals(large)).toBe(true);
      expect((await readStoredFile(await store.batchJobs.getArchive(wasSmall.id))).equals(small)).toBe(true);
      // One file each, the one before, and no staged file left.
      expect(await storedFileNames(store)).toEqual([`batch-${wasLarge.id}.zip`, `batch-${wasSmall.id}.zip`].sort());
    },
  );

  it('lists the unfinished jobs, oldest first', async () => {
    const queued = await store.batchJobs.create(['a']);
    const running = await store.batchJobs.create(['b']);
    const done = await store.batchJobs.create(['c']);
    await store.batchJobs.update(running.id, { status: 'RUNNING' });
    await store.batchJobs.update(done.id, { status: 'DONE' });
    expect((await store.batchJobs.listUnfinished()).map((job) => job.id)).toEqual([queued.id, running.id]);
  });

  it('says which job is missing', async () => {
    await expect(store.batchJobs.update('nope', { done: 1 })).rejects.toThrow(NotFoundError);
    expect(await store.batchJobs.get('nope')).toBeUndefined();
    expect(await store.batchJobs.getArchive('nope')).toBeUndefined();
  });

  it('records each document once, counts done and errors from the records, and gives the renders by place', async () => {
    const memo = await createMemo(store);
    const render = await storeTinyRender(store, memo);
    const job = await store.batchJobs.create([memo.id, 'gone', memo.id]);
    const first = await store.batchJobs.recordDocument(job.id, 0, { renderId: render.id });
    expect(first).toMatchObject({ status: 'RUNNING', done: 1, errors: [] });
    await store.batchJobs.recordDocument(job.id, 1, { error: 'document gone does not exist' });
    // Printed again after its worker died: the first record stands.
    const again = await store.batchJobs.recordDocument(job.id, 1, { renderId: render.id });
    expect(again).toMatchObject({
      status: 'RUNNING',
      done: 2,
      errors: [{ documentId: 'gone', message: 'document gone does not exist' }],
    });
    expect(await store.batchJobs.listRenderIds(job.id)).toEqual([render.id, undefined]);
    await expect(store.batchJobs.recordDocument('nope', 0, { error: 'x' })).rejects.toThrow(NotFoundError);
  });

  it('counts every document when many are recorded at the same time', async () => {
    const documentIds = Array.from({ length: 30 }, (_, index) => `document-${index}`);
    const job = await store.batchJobs.create(documentIds);
    await Promise.all(
      documentIds.map((documentId, position) =>
        store.batchJobs.recordDocument(job.id, position, { error: `${documentId} failed` }),
      ),
    );
    const recorded = await store.batchJobs.get(job.id);
    expect(recorded?.done).toBe(30);
    expect(recorded?.errors.map((error) => error.documentId)).toEqual(documentIds);
  });
});
