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
 * The first claim is asked while Chromium loads the page: `print` is called at once with `goAhead`, which resolves
 * true once this process holds the claim and no render of the version is stored, false otherwise (Chromium then
 * loads the page but does not print it). The claim and the look for a stored render, SQLite statements on this
 * thread (0.5 ms of a memo's render), no longer wait before the print.
 *
 * @example
 * const { render, printed } = await printOnce(store, document.id, key, (goAhead) => printAndStore(goAhead));
 */
export async function printOnce(
  store: {
    printClaims: Pick<PrintClaimRepository, 'claim' | 'renew' | 'release'>;
    renders: Pick<RenderRepository, 'findCached'>;
  },
  documentId: string,
  cacheKey: string,
  print: (goAhead: Promise<boolean>) => Promise<Render>,
): Promise<PrintedOnce> {
  const { printClaims, renders } = store;
  // Only the first claim loads the page meanwhile: after waiting for another process, the claim comes first.
  let loading: typeof print | undefined = print;
  for (let wait = 20; ; wait = Math.min(wait * 2, LONGEST_WAIT_MS)) {
    // Asked a turn of the event loop later when the page loads meanwhile: the print's message to Chromium is written
    // in this turn, so the statements run while Chromium loads the page rather than before it is sent.
    const deciding = (loading ? new Promise((turned) => setImmediate(turned)) : Promise.resolve()).then(() =>
      claimUnstored(store, documentId, cacheKey),
    );
    const printing = loading?.(
      deciding.then(
        ({ claim, stored }) => claim !== undefined && !stored,
        () => false,
      ),
    );
    loading = undefined;
    // A page loaded and not printed ends in PrintSkippedError: not this render's answer, but its staged file is
    // removed by then.
    const unprinted = async () => {
      await printing?.catch(() => undefined);
    };
    const { claim, stored: before } = await deciding.catch(async (error: unknown) => {
      await unprinted();
      throw error;
    });
    if (claim !== undefined) {
      // A renewal that fails lets the claim run out: at worst another process prints too, and stores nothing
      // (one render per key); the print itself goes on.
      const renewing = setInterval(
        () => printClaims.renew(claim, CLAIM_LIFETIME_MS).catch(() => false),
        CLAIM_LIFETIME_MS / 3,
      );
      let stored = before;
      try {
        if (stored) {
          await unprinted();
          return { render: stored, printed: false };
        }
        stored = await (printing ?? print(Promise.resolve(true)));
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
    await unprinted();
    await sleep(wait);
    const stored = await renders.findCached(documentId, cacheKey);
    if (stored) return { render: stored, printed: false };
  }
}

/**
 * Claims the version, and when this process holds it, looks for its render: the holder before may have stored it
 * between this process's cache look-up and its claim.
 */
async function claimUnstored(
  store: {
    printClaims: Pick<PrintClaimRepository, 'claim' | 'release'>;
    renders: Pick<RenderRepository, 'findCached'>;
  },
  documentId: string,
  cacheKey: string,
): Promise<{ claim: string | undefined; stored: Render | undefined }> {
  const claim = await store.printClaims.claim(documentId, cacheKey, CLAIM_LIFETIME_MS);
  if (claim === undefined) return { claim, stored: undefined };
  try {
    return { claim, stored: await store.renders.findCached(documentId, cacheKey) };
  } catch (error) {
    await store.printClaims.release(claim).catch(() => undefined);
    throw error;
  }
}
