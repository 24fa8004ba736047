import { setTimeout as sleep } from 'node:timers/promises';
import type { PrintClaimRepository, Render, RenderRepository } from '@saraban/store';

/**
 * How long a print claim lasts unless renewed. The holder renews it every third of this while it prints (a print
 * may first wait for a free Chromium tab), so only a claim whose process died runs out: another process then takes
 * it over after at most this long.
 */
const CLAIM_LIFETIME_MS = 30_000;

/** How long a process waiting for another's print sleeps between looks, at most. */
const LONGEST_WAIT_MS = 500;

/** A render of a version printed once, and whether this process printed it. */
export interface PrintedOnce {
  render: Render;
  printed: boolean;
}

/**
 * Prints a document version once across every process on the database: `print` runs (print, finish and store)
 * while this process holds the version's print claim; while another process holds it, this one waits for that
 * render and returns it. When the holder fails (its claim ends with no render) or dies (its claim runs out), a
 * waiting process claims and prints in its stead.
 *
 * @example
 * const { render, printed } = await printOnce(store, document.id, key, () => printAndStore());
 */
export async function printOnce(
  store: {
    printClaims: Pick<PrintClaimRepository, 'claim' | 'renew' | 'release'>;
    renders: Pick<RenderRepository, 'findCached'>;
  },
  documentId: string,
  cacheKey: string,
  print: () => Promise<Render>,
): Promise<PrintedOnce> {
  const { printClaims, renders } = store;
  for (let wait = 20; ; wait = Math.min(wait * 2, LONGEST_WAIT_MS)) {
    const claim = await printClaims.claim(documentId, cacheKey, CLAIM_LIFETIME_MS);
    if (claim !== undefined) {
      // A renewal that fails lets the claim run out: at worst another process prints too, and stores nothing
      // (one render per key); the print itself goes on.
      const renewing = setInterval(
        () => printClaims.renew(claim, CLAIM_LIFETIME_MS).catch(() => false),
        CLAIM_LIFETIME_MS / 3,
      );
      let stored: Render | undefined;
      try {
        // The claim is not granted once the render is stored (printClaims.claim), so no holder before stored it.
        stored = await print();
        return { render: stored, printed: true };
      } finally {
        clearInterval(renewing);
        // A release that fails must not replace the stored render (or the print's own error): the claim then runs
        // out after its lifetime, as one whose process died.
        const release = () => printClaims.release(claim).catch(() => undefined);
        // Once the render is stored, the claim guards nothing: it is released after the caller has its answer (0.3
        // ms of SQLite statements, which run on this thread in this turn of the event loop even unawaited, or a round
        // trip to PostgreSQL). A failed print releases it at once, so that a retry in another process prints now.
        if (stored) setImmediate(release);
        else await release();
      }
    }
    // Another process holds the claim, or stored the render between this one's cache look-up and its claim.
    const stored = await renders.findCached(documentId, cacheKey);
    if (stored) return { render: stored, printed: false };
    await sleep(wait);
  }
}
