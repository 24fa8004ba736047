import { createHash } from 'node:crypto';
import { copyFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../src/index.js';
import { makeTempDir, readStoredFile } from './temp-store.js';

// Made by Saraban at commit eb45c21 (renders and batch archives kept as blobs): templates/memo/examples/short-memo.json
// stored, then printed by `renderBatch` (one render and a zip of it).
const fixture = new URL('./fixtures/renders-as-blobs.db', import.meta.url).pathname;
const render = {
  id: 'dce5841f-34c4-4fcc-a779-6b575a1db090',
  documentId: 'd8b1ddae-1071-485c-a1ac-b2f82acfdab7',
  sha256: '2fb6b0b2975672fde0c77e6af2423e4d18074d7db491ba4b6a4f95c5e2f67c33',
  bytes: 39310,
  pages: 1,
  cacheKey: '7fbcb380e7c345bc3480820aaaff6e52a2b5f469a22eb93bbb4ab57570df49a8',
};
const batchJob = {
  id: '775bec9e-4166-4e44-a1a5-e1a7a7d3e975',
  archiveBytes: 31934,
  archiveSha256: '523c68f502219b6ea0408d6d53e667e0628952a258057cc56f3c06fc03326537',
};

describe('migration 0005-render-files', () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => {
    for (const cleanup of cleanups.splice(0)) cleanup();
  });

  it('moves the PDFs and archives an older database holds as blobs into files, losing nothing', async () => {
    const { dir, remove } = makeTempDir();
    cleanups.push(remove);
    const filename = join(dir, 'saraban.db');
    copyFileSync(fixture, filename);

    const store = await openStore({ filename });
    try {
      const stored = await store.renders.get(render.id);
      expect(stored).toMatchObject({ documentId: render.documentId, sha256: render.sha256, bytes: render.bytes });
      expect(await store.renders.findCached(render.documentId, render.cacheKey)).toEqual(stored);
      const file = await store.renders.getPdfFile(render.id);
      expect(file?.bytes).toBe(render.bytes);
      const pdf = await readStoredFile(file);
      expect(createHash('sha256').update(pdf).digest('hex')).toBe(render.sha256);
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const job = await store.batchJobs.get(batchJob.id);
      expect(job).toMatchObject({ status: 'DONE', done: 1, hasArchive: true });
      const archive = await store.batchJobs.getArchive(batchJob.id);
      expect(archive?.bytes).toBe(batchJob.archiveBytes);
      const zip = await readStoredFile(archive);
      expect(createHash('sha256').update(zip).digest('hex')).toBe(batchJob.archiveSha256);

      const tables = await store.db.introspection.getTables();
      const columns = (name: string) =>
        tables.find((table) => table.name === name)?.columns.map((column) => column.name);
      expect(columns('renders')).toContain('file');
      expect(columns('renders')).not.toContain('pdf');
      expect(columns('batch_jobs')).toContain('archive_file');
      expect(columns('batch_jobs')).not.toContain('archive');
    } finally {
      await store.close();
    }

    // Opened again: nothing left to move, and the file is still the one.
    const again = await openStore({ filename });
    try {
      expect(await again.renders.listForDocument(render.documentId)).toHaveLength(1);
      expect((await readdir(`${filename}.files`)).sort()).toEqual([`batch-${batchJob.id}.zip`, `${render.id}.pdf`]);
    } finally {
      await again.close();
    }
  });
});
