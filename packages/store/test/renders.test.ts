import { createHash } from 'node:crypto';
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Document, NotFoundError, type Store } from '../src/index.js';
import { memoData } from './document-data-fixture.js';
import { dialects, openTempStore, readStoredFile, storedFileNames } from './temp-store.js';

describe.each(dialects)('store.renders on %s', (dialect) => {
  let store: Store;
  let cleanup: () => Promise<void>;
  let memo: Document;
  beforeEach(async () => {
    ({ store, cleanup } = await openTempStore(dialect));
    memo = await store.documents.create({ kind: 'MEMO', template: 'memo', subject: 'ขออนุมัติ', data: memoData() });
  });
  afterEach(() => cleanup());

  const pdf = new TextEncoder().encode('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n%%EOF\n');
  const sha256 = createHash('sha256').update(pdf).digest('hex');

  /** A PDF written where the store takes it from. */
  async function stagedPdf(bytes: Uint8Array = pdf): Promise<string> {
    const file = store.renders.stagingPath();
    await writeFile(file, bytes);
    return file;
  }

  async function newRender(documentId: string, documentVersion = 1, cacheKey?: string, bytes: Uint8Array = pdf) {
    return store.renders.create({
      documentId,
      documentVersion,
      template: 'memo',
      pages: 2,
      file: await stagedPdf(bytes),
      warnings: ['blocked https://example.com/font.woff2'],
      cacheKey,
    });
  }

  it('stores a PDF file, measuring its size and SHA-256, and returns its metadata', async () => {
    const render = await newRender(memo.id);
    expect(render).toEqual({
      id: render.id,
      documentId: memo.id,
      documentVersion: 1,
      template: 'memo',
      templateVersion: null,
      sha256,
      pages: 2,
      bytes: pdf.byteLength,
      warnings: ['blocked https://example.com/font.woff2'],
      createdAt: render.createdAt,
    });
    expect(await store.renders.get(render.id)).toEqual(render);
  });

  it('keeps the PDF as a file of its own, the bytes exactly', async () => {
    const render = await newRender(memo.id);
    const stored = await store.renders.getPdfFile(render.id);
    expect(stored?.bytes).toBe(pdf.byteLength);
    expect((await readStoredFile(stored)).equals(Buffer.from(pdf))).toBe(true);
    expect(await storedFileNames(store)).toEqual([`${render.id}.pdf`]);
  });

  it('keeps a PDF of 1 MiB or less as one row of file_chunks, committed with its render: no file is left beside', async () => {
    const render = await newRender(memo.id);
    expect(await readdir(store.filesDirectory)).toEqual([]);
    const chunks = await store.db.selectFrom('file_chunks').select(['file', 'seq', 'data']).execute();
    expect(chunks.map(({ file, seq, data }) => ({ file, seq, data: Buffer.from(data) }))).toEqual([
      { file: `${render.id}.pdf`, seq: 0, data: Buffer.from(pdf) },
    ]);
  });

  it('keeps a PDF of exactly 1 MiB as one row of file_chunks too, measured and read back exactly', async () => {
    const full = new Uint8Array(1024 * 1024).map((_, index) => (index * 7919) % 251);
    const render = await newRender(memo.id, 1, undefined, full);
    expect(await readdir(store.filesDirectory)).toEqual([]);
    const chunks = await store.db.selectFrom('file_chunks').select(['file', 'seq']).execute();
    expect(chunks).toEqual([{ file: `${render.id}.pdf`, seq: 0 }]);
    expect(render).toMatchObject({ bytes: full.byteLength, sha256: createHash('sha256').update(full).digest('hex') });
    expect((await readStoredFile(await store.renders.getPdfFile(render.id))).equals(Buffer.from(full))).toBe(true);
  });

  it.runIf(dialect === 'sqlite')('keeps a PDF over 1 MiB as a file beside the database, not in it', async () => {
    const large = new Uint8Array(1024 * 1024 + 1).map((_, index) => (index * 7919) % 251);
    const render = await newRender(memo.id, 1, undefined, large);
    expect(await readdir(store.filesDirectory)).toEqual([`${render.id}.pdf`]);
    expect(await store.db.selectFrom('file_chunks').select('file').execute()).toEqual([]);
    expect((await readStoredFile(await store.renders.getPdfFile(render.id))).equals(Buffer.from(large))).toBe(true);
  });

  it.runIf(dialect === 'sqlite')(
    'still opens a render stored as a file beside the database before small PDFs went into it, and removes it with its document',
    async () => {
      // The row and the file as a store before this one left them.
      const id = crypto.randomUUID();
      await writeFile(join(store.filesDirectory, `${id}.pdf`), pdf);
      await store.db
        .insertInto('renders')
        .values({
          id,
          document_id: memo.id,
          document_version: 1,
          template: 'memo',
          template_version: null,
          sha256,
          pages: 1,
          bytes: pdf.byteLength,
          file: `${id}.pdf`,
          warnings: '[]',
          cache_key: null,
          created_at: new Date().toISOString(),
        })
        .execute();
      const stored = await store.renders.getPdfFile(id);
      expect(stored?.bytes).toBe(pdf.byteLength);
      expect((await readStoredFile(stored)).equals(Buffer.from(pdf))).toBe(true);
      await store.documents.delete(memo.id, memo.version);
      expect(await readdir(store.filesDirectory)).toEqual([]);
    },
  );

  it('keeps a long report’s PDF, many chunks of the database, exactly, and streams it again on each call', async () => {
    // 2.5 MiB: three chunks on PostgreSQL, the last one partial.
    const long = new Uint8Array(2.5 * 1024 * 1024).map((_, index) => (index * 7919) % 251);
    const render = await newRender(memo.id, 1, undefined, long);
    expect(render).toMatchObject({ bytes: long.byteLength, sha256: createHash('sha256').update(long).digest('hex') });
    const stored = await store.renders.getPdfFile(render.id);
    expect(stored?.bytes).toBe(long.byteLength);
    expect((await readStoredFile(stored)).equals(Buffer.from(long))).toBe(true);
    expect((await readStoredFile(stored)).equals(Buffer.from(long))).toBe(true);
  });

  it('finds a render by its cache key, only for its own document', async () => {
    const keyed = await newRender(memo.id, 1, 'key-1');
    await newRender(memo.id);
    const other = await store.documents.create({ kind: 'MEMO', template: 'memo', subject: 'อื่น', data: memoData() });
    expect(await store.renders.findCached(memo.id, 'key-1')).toEqual(keyed);
    expect(await store.renders.findCached(memo.id, 'key-2')).toBeUndefined();
    expect(await store.renders.findCached(other.id, 'key-1')).toBeUndefined();
  });

  it('returns undefined for a render it does not have', async () => {
    const id = crypto.randomUUID();
    expect(await store.renders.get(id)).toBeUndefined();
    expect(await store.renders.getPdfFile(id)).toBeUndefined();
  });

  it('refuses a render of a document that does not exist, and keeps no file of it', async () => {
    const documentId = crypto.randomUUID();
    const creating = newRender(documentId);
    await expect(creating).rejects.toBeInstanceOf(NotFoundError);
    await expect(creating).rejects.toMatchObject({ entity: 'document', id: documentId });
    expect(await storedFileNames(store)).toEqual([]);
  });

  it('lists a document’s renders, newest first, and only that document’s', async () => {
    const other = await store.documents.create({ kind: 'MEMO', template: 'memo', subject: 'อื่น', data: memoData() });
    const first = await newRender(memo.id, 1);
    const second = await newRender(memo.id, 2);
    await newRender(other.id);
    expect(await store.renders.listForDocument(memo.id)).toEqual([second, first]);
    expect(await store.renders.listForDocument(crypto.randomUUID())).toEqual([]);
  });

  it('goes with its document when the document is deleted, its file too', async () => {
    const other = await store.documents.create({ kind: 'MEMO', template: 'memo', subject: 'อื่น', data: memoData() });
    const render = await newRender(memo.id);
    const kept = await newRender(other.id);
    await store.documents.delete(memo.id, memo.version);
    expect(await store.renders.get(render.id)).toBeUndefined();
    expect(await store.renders.getPdfFile(render.id)).toBeUndefined();
    expect(await storedFileNames(store)).toEqual([`${kept.id}.pdf`]);
    expect(await store.renders.listForDocument(memo.id)).toEqual([]);
    expect(await store.renders.get(kept.id)).toEqual(kept);
  });
});
