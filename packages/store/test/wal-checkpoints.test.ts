import { randomBytes } from 'node:crypto';
import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { sql } from 'kysely';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type Document, openStore, type Render, type Store } from '../src/index.js';
import { CHECKPOINT_AFTER_PAGES, CHECKPOINT_WHEN_IDLE_MS } from '../src/wal-checkpoints.js';
import { memoData } from './document-data-fixture.js';
import { makeTempDir, readStoredFile } from './temp-store.js';

/** About a memo's PDF: some 15 pages of the WAL each, so ~70 of them pass SQLite's 1000-page checkpoint. */
const MEMO_PDF_BYTES = 59_000;
const RENDERS = 100;

/** The size of a file on disk, 0 when there is none (SQLite removes the WAL when its last connection closes). */
function bytesOf(path: string): number {
  return statSync(path, { throwIfNoEntry: false })?.size ?? 0;
}

/** Lets the event loop turn once, as it does between two requests of a server. */
function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

describe('the WAL of a SQLite store', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function open(filename: string): Promise<{ store: Store; memo: Document }> {
    const store = await openStore({ filename });
    let closed = false;
    const close = store.close;
    store.close = async () => {
      closed = true;
      await close();
    };
    cleanups.push(() => (closed ? undefined : store.close()));
    const memo = await store.documents.create({ kind: 'MEMO', template: 'memo', subject: 'ขออนุมัติ', data: memoData() });
    return { store, memo };
  }

  function databaseFile(): string {
    const { dir, remove } = makeTempDir();
    cleanups.push(remove);
    return join(dir, 'saraban.db');
  }

  /** `count` renders of fresh memo-sized PDFs, one after another with no turn of the event loop between them. */
  async function renderBurst(store: Store, memo: Document, count: number): Promise<Map<Render, Buffer>> {
    const pdfs = new Map<Render, Buffer>();
    for (let i = 0; i < count; i++) {
      const pdf = randomBytes(MEMO_PDF_BYTES);
      const file = store.renders.stagingPath();
      writeFileSync(file, pdf);
      const render = await store.renders.create({
        documentId: memo.id,
        documentVersion: 1,
        template: 'memo',
        pages: 1,
        warnings: [],
        file,
      });
      pdfs.set(render, pdf);
    }
    return pdfs;
  }

  async function expectAllThere(store: Store, pdfs: Map<Render, Buffer>): Promise<void> {
    for (const [render, pdf] of pdfs) {
      expect((await readStoredFile(await store.renders.getPdfFile(render.id))).equals(pdf)).toBe(true);
    }
  }

  it('is not checkpointed by the commits of a burst of renders, only once the event loop is free after them', async () => {
    const filename = databaseFile();
    const { store, memo } = await open(filename);
    await nextTurn();
    const databaseBefore = bytesOf(filename);
    expect((await sql<{ wal_autocheckpoint: number }>`PRAGMA wal_autocheckpoint`.execute(store.db)).rows).toEqual([
      { wal_autocheckpoint: 10_000 },
    ]);

    const pdfs = await renderBurst(store, memo, RENDERS);
    // Every PDF still in the WAL, none copied into the database file: no commit ran a checkpoint.
    expect(bytesOf(`${filename}-wal`)).toBeGreaterThan(RENDERS * MEMO_PDF_BYTES);
    expect(bytesOf(filename)).toBe(databaseBefore);

    await nextTurn();
    expect(bytesOf(filename)).toBeGreaterThan(databaseBefore + RENDERS * MEMO_PDF_BYTES);
    await expectAllThere(store, pdfs);
  });

  it('stays bounded while renders go on, checkpointed at the first free turn past 1000 pages, not at each', async () => {
    const filename = databaseFile();
    const { store, memo } = await open(filename);
    const bursts = 10;
    let largest = 0;
    let largestBurst = 0;
    let checkpoints = 0;
    for (let burst = 0; burst < bursts; burst++) {
      const before = bytesOf(`${filename}-wal`);
      await renderBurst(store, memo, 20);
      const after = bytesOf(`${filename}-wal`);
      largest = Math.max(largest, after);
      largestBurst = Math.max(largestBurst, after - before);
      const database = bytesOf(filename);
      await nextTurn();
      if (bytesOf(filename) > database) checkpoints++;
    }
    // 200 memo renders (~12 MB) went through a WAL never larger than the threshold and one burst's frames
    // (SQLite's own checkpoint would have bounded it at 10000 pages, ~40 MB), checkpointed once per 1000 pages or so.
    const thresholdBytes = 32 + CHECKPOINT_AFTER_PAGES * (4096 + 24);
    expect(largest).toBeLessThanOrEqual(thresholdBytes + largestBurst);
    expect(checkpoints).toBeGreaterThanOrEqual(2);
    expect(checkpoints).toBeLessThanOrEqual(Math.ceil((bursts * largestBurst) / thresholdBytes));
  });

  it('past the threshold by single statements alone, waits for a transaction or twice the threshold', async () => {
    const filename = databaseFile();
    const { store, memo } = await open(filename);
    await nextTurn();
    const databaseBefore = bytesOf(filename);
    /** Rows written one statement each, outside any transaction, as a print claim is. */
    async function singleStatements(count: number, from: number): Promise<void> {
      for (let seq = from; seq < from + count; seq++) {
        await store.db
          .insertInto('file_chunks')
          .values({ file: 'single.bin', seq, data: randomBytes(MEMO_PDF_BYTES) })
          .execute();
      }
    }
    await singleStatements(80, 0);
    await nextTurn();
    expect(bytesOf(`${filename}-wal`)).toBeGreaterThan(32 + CHECKPOINT_AFTER_PAGES * (4096 + 24));
    expect(bytesOf(filename)).toBe(databaseBefore);
    await renderBurst(store, memo, 1);
    await nextTurn();
    expect(bytesOf(filename)).toBeGreaterThan(databaseBefore + 80 * MEMO_PDF_BYTES);

    const databaseAfter = bytesOf(filename);
    await singleStatements(160, 80);
    await nextTurn();
    expect(bytesOf(filename)).toBeGreaterThan(databaseAfter + 160 * MEMO_PDF_BYTES);
  });

  it('is checkpointed once idle when a few writes left it short of the threshold', async () => {
    const filename = databaseFile();
    const { store, memo } = await open(filename);
    await nextTurn();
    const databaseBefore = bytesOf(filename);
    const pdfs = await renderBurst(store, memo, 2);
    await nextTurn();
    expect(bytesOf(filename)).toBe(databaseBefore);
    await vi.waitFor(() => expect(bytesOf(filename)).toBeGreaterThan(databaseBefore + 2 * MEMO_PDF_BYTES), {
      timeout: 5000,
      interval: 50,
    });
    await expectAllThere(store, pdfs);
  });

  it('is checkpointed once idle after writes that return their row outside a transaction (a document edited)', async () => {
    const filename = databaseFile();
    const { store, memo } = await open(filename);
    // Past the idle checkpoint that opening the store scheduled.
    await new Promise((resolve) => setTimeout(resolve, CHECKPOINT_WHEN_IDLE_MS + 500));
    const databaseBefore = bytesOf(filename);
    // An update returning its row, in no transaction: no commit statement of kysely's follows it.
    const subject = randomBytes(100_000).toString('hex');
    await store.documents.update(memo.id, memo.version, { subject });
    expect(bytesOf(filename)).toBe(databaseBefore);
    await vi.waitFor(() => expect(bytesOf(filename)).toBeGreaterThan(databaseBefore + subject.length), {
      timeout: 5000,
      interval: 50,
    });
    expect((await store.documents.get(memo.id))?.subject).toBe(subject);
  });

  it('leaves what another process still reads, then checkpoints it all once it is done', async () => {
    const filename = databaseFile();
    const { store, memo } = await open(filename);
    // The CLI beside a server: a second store on the same file, reading meanwhile.
    const { store: beside } = await open(filename);
    const reader = new SqliteDatabase(filename);
    cleanups.push(() => {
      reader.close();
    });
    const before = await renderBurst(store, memo, 10);
    await nextTurn();
    reader.exec('BEGIN');
    const seen = reader.prepare('SELECT count(*) AS renders FROM renders').get();
    const databaseBefore = bytesOf(filename);

    const after = await renderBurst(store, memo, RENDERS);
    await nextTurn();
    // The checkpoint copied what the reader's snapshot holds, not what came after it, which the reader may still need
    // from the WAL; it did not wait for the reader (it would wait forever: the reader is in this thread).
    expect(bytesOf(filename)).toBeLessThan(databaseBefore + RENDERS * MEMO_PDF_BYTES);
    expect(reader.prepare('SELECT count(*) AS renders FROM renders').get()).toEqual(seen);
    const written = await renderBurst(beside, memo, 3);

    reader.exec('COMMIT');
    await vi.waitFor(
      () => expect(bytesOf(filename)).toBeGreaterThan(databaseBefore + (10 + RENDERS + 3) * MEMO_PDF_BYTES),
      { timeout: 5000, interval: 50 },
    );
    for (const pdfs of [before, after, written]) {
      await expectAllThere(store, pdfs);
      await expectAllThere(beside, pdfs);
    }
  });

  it('is checkpointed when the store closes, though another connection keeps the file open; all is there again', async () => {
    const filename = databaseFile();
    const { store, memo } = await open(filename);
    // Open (having read once, so it has the WAL open too), not reading now: SQLite itself checkpoints at close only
    // when the last connection goes.
    const other = new SqliteDatabase(filename);
    cleanups.push(() => {
      other.close();
    });
    other.prepare('SELECT count(*) FROM documents').get();
    const databaseBefore = bytesOf(filename);
    const pdfs = await renderBurst(store, memo, 20);
    await store.close();
    expect(bytesOf(filename)).toBeGreaterThan(databaseBefore + 20 * MEMO_PDF_BYTES);

    const { store: reopened } = await open(filename);
    await expectAllThere(reopened, pdfs);
    expect((await sql<{ integrity_check: string }>`PRAGMA integrity_check`.execute(reopened.db)).rows).toEqual([
      { integrity_check: 'ok' },
    ]);
  });
});
