import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type Store } from '../src/index.js';

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

/** A store on a real SQLite file in a fresh temp dir; close it with the returned cleanup. */
export async function openTempStore(): Promise<{ store: Store; filename: string; cleanup: () => Promise<void> }> {
  const { dir, remove } = makeTempDir();
  const filename = join(dir, 'saraban.db');
  const store = await openStore({ filename, now: tickingClock() });
  return {
    store,
    filename,
    cleanup: async () => {
      await store.close();
      remove();
    },
  };
}
