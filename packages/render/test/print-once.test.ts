import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type Render, type Store } from '@saraban/store';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { printOnce } from '../src/stages/print-once.js';

/** Whether another process could print the version now: it takes the claim (and gives it back) if it is free. */
async function claimIsFree(other: Store): Promise<boolean> {
  const claim = await other.printClaims.claim('doc-1', 'key-1', 1_000);
  if (claim !== undefined) await other.printClaims.release(claim);
  return claim !== undefined;
}

describe('printOnce: when the print claim is released (a real SQLite store, seen from a second connection)', () => {
  let dir: string;
  let store: Store;
  let other: Store;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'saraban-print-once-'));
    store = await openStore({ filename: join(dir, 'saraban.db') });
    other = await openStore({ filename: join(dir, 'saraban.db') });
  });
  afterEach(async () => {
    await other.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('after a print that stored its render: once the caller has its answer, never left held', async () => {
    // The print itself is the caller's (print, finish, store): here it only hands back its render.
    const render = { id: 'render-1' } as Render;
    const printed = await printOnce(store, 'doc-1', 'key-1', async () => render);
    expect(printed).toEqual({ render, printed: true });
    // The caller has its answer while the claim is still held...
    expect(await claimIsFree(other)).toBe(false);
    // ...and it is released in the next turn.
    await new Promise((settled) => setImmediate(settled));
    await new Promise((settled) => setTimeout(settled, 50));
    expect(await claimIsFree(other)).toBe(true);
  });

  it('after a print that failed: before the caller has the error, so another process may print at once', async () => {
    const failing = printOnce(store, 'doc-1', 'key-1', async () => {
      throw new Error('Chromium crashed');
    });
    await expect(failing).rejects.toThrow('Chromium crashed');
    expect(await claimIsFree(other)).toBe(true);
  });
});
