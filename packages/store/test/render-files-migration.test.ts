import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../src/index.js';
import * as initial from '../src/migrations/0001-initial.js';
import * as renderCacheKey from '../src/migrations/0002-render-cache-key.js';
import * as batchJobs from '../src/migrations/0003-batch-jobs.js';
import { makeTempDir } from './temp-store.js';

/**
 * A database as the code before render files made it: migrations 0001 to 0003, and renders whose PDF is a blob,
 * inserted as that code's RenderRepository.create did.
 */
async function databaseWithBlobRenders(filename: string, pdfs: Uint8Array[]): Promise<string[]> {
  // biome-ignore lint/suspicious/noExplicitAny: the database as it was, before today's types.
  const db = new Kysely<any>({ dialect: new SqliteDialect({ database: new SqliteDatabase(filename) }) });
  try {
    const migrator = new Migrator({
      db,
      provider: {
        getMigrations: async () => ({
          '0001-initial': initial,
          '0002-render-cache-key': renderCacheKey,
          '0003-batch-jobs': batchJobs,
        }),
      },
    });
    const { error } = await migrator.migrateToLatest();
    if (error) throw error;
    const now = '2026-11-22T09:00:00.000Z';
    await db
      .insertInto('documents')
      .values({
        id: 'd1',
        kind: 'MEMO',
        template: 'memo',
        subject: 'เก่า',
        data: '{}',
        version: 1,
        created_at: now,
        updated_at: now,
      })
      .execute();
    const ids = pdfs.map((_, index) => `00000000-0000-0000-0000-00000000000${index}`);
    for (const [index, pdf] of pdfs.entries()) {
      await db
        .insertInto('renders')
        .values({
          id: ids[index],
          document_id: 'd1',
          document_version: 1,
          template: 'memo',
          sha256: `${index}`.repeat(64),
          pages: index + 1,
          bytes: pdf.byteLength,
          pdf: Buffer.from(pdf),
          warnings: '[]',
          cache_key: `key-${index}`,
          created_at: now,
        })
        .execute();
    }
    return ids;
  } finally {
    await db.destroy();
  }
}

describe('migration 0005-render-files', () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => {
    for (const cleanup of cleanups.splice(0)) cleanup();
  });

  it('moves every PDF stored as a blob into a file, losing nothing, and drops the blob column', async () => {
    const { dir, remove } = makeTempDir();
    cleanups.push(remove);
    const filename = join(dir, 'saraban.db');
    const pdfs = [new TextEncoder().encode('%PDF-1.7 first\n%%EOF\n'), new Uint8Array(300_000).fill(7)];
    const ids = await databaseWithBlobRenders(filename, pdfs);

    const store = await openStore({ filename });
    try {
      for (const [index, id] of ids.entries()) {
        const render = await store.renders.get(id);
        expect(render).toMatchObject({ documentId: 'd1', pages: index + 1, bytes: pdfs[index]?.byteLength });
        expect(await store.renders.findCached('d1', `key-${index}`)).toEqual(render);
        const file = await store.renders.getPdfFile(id);
        expect(file?.path).toBe(join(`${filename}.files`, `${id}.pdf`));
        expect((await readFile(file?.path as string)).equals(Buffer.from(pdfs[index] as Uint8Array))).toBe(true);
      }
      const columns = (await store.db.introspection.getTables()).find((table) => table.name === 'renders')?.columns;
      expect(columns?.map((column) => column.name)).not.toContain('pdf');
      expect(columns?.map((column) => column.name)).toContain('file');
      expect((await readdir(`${filename}.files`)).sort()).toEqual(ids.map((id) => `${id}.pdf`).sort());
    } finally {
      await store.close();
    }
    // Opened again: nothing to move, everything still there.
    const again = await openStore({ filename });
    try {
      expect(await again.renders.listForDocument('d1')).toHaveLength(2);
      expect(existsSync(join(`${filename}.files`, `${ids[1]}.pdf`))).toBe(true);
    } finally {
      await again.close();
    }
  });
});
