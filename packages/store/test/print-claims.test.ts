import { describe, expect, test } from 'vitest';
import { openStore } from '../src/index.js';
import { createMemo, dialects, openTempStore, storeTinyRender, tickingClock } from './temp-store.js';

describe.each(dialects)('print claims on %s', (dialect) => {
  test('one of two processes holds a version; the other gets it once released, or once it runs out', async () => {
    const { store, options, cleanup } = await openTempStore(dialect);
    // A second process whose clock is a minute ahead of the first's: to it, a claim the first took for 30 s has run
    // out, one for 120 s has not.
    const other = await openStore({ ...options, now: tickingClock('2026-11-22T09:01:00.000Z') });
    try {
      const [a, b] = await Promise.all([
        store.printClaims.claim('doc-1', 'key-1', 120_000),
        other.printClaims.claim('doc-1', 'key-1', 120_000),
      ]);
      expect([a, b].filter((claim) => claim !== undefined)).toHaveLength(1);
      const holder = a ? store : other;
      const waiter = a ? other : store;
      expect(await waiter.printClaims.claim('doc-1', 'key-1', 120_000)).toBeUndefined();
      // Another version of the document is free.
      expect(await waiter.printClaims.claim('doc-1', 'key-2', 1_000)).toBeDefined();

      await holder.printClaims.release((a ?? b) as string);
      const taken = await store.printClaims.claim('doc-1', 'key-1', 30_000);
      expect(taken).toBeDefined();
      expect(await store.printClaims.renew(taken as string, 30_000)).toBe(true);

      // Its process died: past its lifetime the claim is taken over, and the old holder can no longer renew it.
      const takenOver = await other.printClaims.claim('doc-1', 'key-1', 30_000);
      expect(takenOver).toBeDefined();
      expect(await store.printClaims.renew(taken as string, 30_000)).toBe(false);
    } finally {
      await other.close();
      await cleanup();
    }
  });

  test('a version whose render is stored is not claimed: its render is the answer, not a second print', async () => {
    const { store, cleanup } = await openTempStore(dialect);
    try {
      // Its holder stored it and let the claim go.
      const memo = await createMemo(store);
      await storeTinyRender(store, memo, { cacheKey: 'key-1' });
      expect(await store.printClaims.claim(memo.id, 'key-1', 30_000)).toBeUndefined();
      // The same document's other versions, and other documents' same key, are free.
      expect(await store.printClaims.claim(memo.id, 'key-2', 30_000)).toBeDefined();
      expect(await store.printClaims.claim('doc-2', 'key-1', 30_000)).toBeDefined();
    } finally {
      await cleanup();
    }
  });
});
