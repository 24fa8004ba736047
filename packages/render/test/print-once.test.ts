import type { Render } from '@saraban/store';
import { describe, expect, it } from 'vitest';
import { printOnce } from '../src/stages/print-once.js';

/** A store whose claims always succeed, recording what happened in order. */
function storeWith(events: string[]) {
  return {
    printClaims: {
      claim: async () => 'claim-1',
      renew: async () => true,
      release: async (claim: string) => {
        events.push(`release ${claim}`);
      },
    },
    renders: { findCached: async () => undefined },
  };
}

const render = { id: 'render-1' } as Render;

describe('printOnce: when the print claim is released', () => {
  it('after a print that stored its render: once the caller has its answer, never left held', async () => {
    const events: string[] = [];
    const printed = await printOnce(storeWith(events), 'doc-1', 'key-1', async () => render);
    events.push('answered');
    expect(printed).toEqual({ render, printed: true });
    await new Promise((settled) => setImmediate(settled));
    expect(events).toEqual(['answered', 'release claim-1']);
  });

  it('after a print that failed: before the caller has the error, so another process may print at once', async () => {
    const events: string[] = [];
    const failing = printOnce(storeWith(events), 'doc-1', 'key-1', async () => {
      throw new Error('Chromium crashed');
    });
    await expect(failing).rejects.toThrow('Chromium crashed');
    expect(events).toEqual(['release claim-1']);
  });
});
