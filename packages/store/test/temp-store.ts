import { mkdtempSync, rmSync } from 'node:fs';
import { readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase } from '../../../test/support/postgres-database.js';
import { type Document, openStore, type Render, type Store, type StoredFile, type StoreOptions } from '../src/index.js';
import { memoData } from './document-data-fixture.js';

/** The databases the store runs on: every repository test runs on each. */
export const dialects = ['sqlite', 'postgres'] as const;
export type Dialect = (typeof dialects)[number];

/** A fresh directory under the system temp dir, removed by the returned cleanup. */
export function makeTempDir(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'saraban-store-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A clock one second further on at each reading, so timestamps order writes. */
export function tickingClock(start = '2026-11-22T09:00:00.000Z'): () => Date {
  let millis = Date.parse(start);
  return () => {
    millis += 1000;
    return new Date(millis);
  };
}

/**
 * Where a fresh store keeps its data: a SQLite file in `dir`, or a new PostgreSQL database staging its files in `dir`.
 */
export async function tempStoreOptions(dialect: Dialect, dir: string): Promise<StoreOptions> {
  return dialect === 'sqlite'
    ? { filename: join(dir, 'saraban.db') }
    : { url: await createTestDatabase(), stagingDirectory: join(dir, 'staging') };
}

/**
 * A store on a real SQLite file in a fresh temp dir, or on a fresh PostgreSQL database; close it with the returned
 * cleanup. `options` opens a second connection to the same data.
 */
export async function openTempStore(
  dialect: Dialect = 'sqlite',
): Promise<{ store: Store; options: StoreOptions; cleanup: () => Promise<void> }> {
  const { dir, remove } = makeTempDir();
  const options = await tempStoreOptions(dialect, dir);
  const store = await openStore({ ...options, now: tickingClock() });
  return {
    store,
    options,
    cleanup: async () => {
      await store.close();
      remove();
    },
  };
}

/**
 * The names of the files the store holds, sorted: those in the database (`file_chunks`) and those in its directory
 * (on SQLite, files larger than a chunk; any file left being written, on both).
 */
export async function storedFileNames(store: Store): Promise<string[]> {
  const names = await readdir(store.filesDirectory);
  const rows = await store.db.selectFrom('file_chunks').select('file').distinct().execute();
  names.push(...rows.map((row) => row.file));
  return names.sort();
}

/** The whole of a stored file, read through its stream. */
export async function readStoredFile(file: StoredFile | undefined): Promise<Buffer> {
  if (file === undefined) throw new Error('no such stored file');
  return Buffer.concat(await file.stream().toArray());
}

/**
 * A memo document, as an office member first stores one.
 *
 * @example
 * const memo = await createMemo(store);
 */
export function createMemo(store: Store): Promise<Document> {
  return store.documents.create({ kind: 'MEMO', template: 'memo', subject: 'ขออนุมัติ', data: memoData() });
}

/**
 * A render of `document`'s current version stored as a render's store stage leaves it: a few bytes of PDF staged,
 * then taken in by `renders.create`.
 *
 * @example
 * const render = await storeTinyRender(store, memo, { cacheKey: 'key-1' });
 */
export async function storeTinyRender(
  store: Store,
  document: Pick<Document, 'id' | 'version'>,
  options: { cacheKey?: string; templateVersion?: number } = {},
): Promise<Render> {
  const file = store.renders.stagingPath();
  await writeFile(file, '%PDF-1.7\n%%EOF\n');
  return store.renders.create({
    documentId: document.id,
    documentVersion: document.version,
    template: 'memo',
    templateVersion: options.templateVersion,
    pages: 1,
    file,
    warnings: [],
    cacheKey: options.cacheKey,
  });
}
