import { createHash } from 'node:crypto';
import { copyFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../src/index.js';
import { makeTempDir } from './temp-store.js';

// Made by Saraban at commit eb45c21 (renders kept as blobs): `renderDocument` of templates/memo/examples/short-memo.json.
const fixture = new URL('./fixtures/renders-as-blobs.db', import.meta.url).pathname;
const render = {
  id: 'fa2583ee-9e4b-4972-9a6c-4162b606b128',
  documentId: '2c6efd51-adaa-42ff-a241-da160cb49cd3',
  sha256: '2fb51555ff05fd3ce64a11f7521d80583e0f98d9b7f5ff10d5d27dca0de98b9f',
  bytes: 39310,
  pages: 1,
  cacheKey: '68cf61dc266055da0fb3c857bc8f0df7d4b5189a5a306b23abd73e41204ec818',
};

describe('migration 0005-render-files', () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => {
    for (const cleanup of cleanups.splice(0)) cleanup();
  });

  it('moves the PDFs an older database holds as blobs into files, losing nothing', async () => {
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
      expect(file).toEqual({ path: join(`${filename}.files`, `${render.id}.pdf`), bytes: render.bytes });
      const pdf = await readFile(file?.path as string);
      expect(createHash('sha256').update(pdf).digest('hex')).toBe(render.sha256);
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const columns = (await store.db.introspection.getTables()).find((table) => table.name === 'renders')?.columns;
      expect(columns?.map((column) => column.name)).toContain('file');
      expect(columns?.map((column) => column.name)).not.toContain('pdf');
    } finally {
      await store.close();
    }

    // Opened again: nothing left to move, and the file is still the one.
    const again = await openStore({ filename });
    try {
      expect(await again.renders.listForDocument(render.documentId)).toHaveLength(1);
      expect(await readdir(`${filename}.files`)).toEqual([`${render.id}.pdf`]);
    } finally {
      await again.close();
    }
  });
});
