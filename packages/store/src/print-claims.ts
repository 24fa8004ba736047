import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from './database.js';

/**
 * Claims on printing one document version (a document and a render cache key), shared by every process on the
 * database: `store.printClaims`. The process holding a claim prints; another waits for its render. A claim is held
 * for a lifetime and renewed while printing lasts; one whose process died expires and can be taken over.
 *
 * @example
 * ```ts
 * const claim = await store.printClaims.claim(memo.id, key, 30_000);
 * if (claim) {
 *   try { await printAndStore(); } finally { await store.printClaims.release(claim); }
 * }
 * ```
 */
export class PrintClaimRepository {
  readonly #now: () => Date;
  readonly #write: ClaimWriter;

  /**
   * @param write runs a claim's statement; on SQLite without syncing its commit (a claim lost in a power cut only
   * lets another process print too), which saves a render two fsyncs.
   */
  constructor(db: Kysely<Database>, now: () => Date, write: ClaimWriter = (statement) => statement(db)) {
    this.#now = now;
    this.#write = write;
  }

  /**
   * Claims the printing of `cacheKey` for the document, for `lifetimeMs`: the claim's id when this caller holds it
   * now (nobody held it, or the holder's claim had expired, and no render of it is stored), undefined while another
   * holds it or once its render is stored (look it up). One statement, so two processes claiming at once get one
   * claim, and a process that claims just after another stored the render does not print it again.
   *
   * @example
   * ```ts
   * const claim = await store.printClaims.claim(memo.id, key, 30_000); // 'a1b2…' or undefined
   * ```
   */
  async claim(documentId: string, cacheKey: string, lifetimeMs: number): Promise<string | undefined> {
    const now = this.#now();
    const claimId = randomUUID();
    const expiresAt = new Date(now.getTime() + lifetimeMs).toISOString();
    const row = await this.#write((db) =>
      db
        .insertInto('print_claims')
        .columns(['document_id', 'cache_key', 'claim_id', 'expires_at'])
        .expression(
          db
            .selectNoFrom((eb) => [
              eb.val(documentId).as('document_id'),
              eb.val(cacheKey).as('cache_key'),
              eb.val(claimId).as('claim_id'),
              eb.val(expiresAt).as('expires_at'),
            ])
            // A render stored already is the answer: asked in the claim's own statement, not in a second one after it
            // on every render's path.
            .where(({ not, exists, selectFrom }) =>
              not(
                exists(
                  selectFrom('renders')
                    .select('id')
                    .where('document_id', '=', documentId)
                    .where('cache_key', '=', cacheKey),
                ),
              ),
            ),
        )
        .onConflict((conflict) =>
          conflict
            .columns(['document_id', 'cache_key'])
            .doUpdateSet({ claim_id: claimId, expires_at: expiresAt })
            .where('print_claims.expires_at', '<=', now.toISOString()),
        )
        .returning('claim_id')
        .executeTakeFirst(),
    );
    return row?.claim_id;
  }

  /**
   * Keeps a claim for `lifetimeMs` more from now, while its printing lasts. False when it is no longer held (it
   * expired and another process took it over).
   *
   * @example
   * ```ts
   * await store.printClaims.renew(claim, 30_000);
   * ```
   */
  async renew(claimId: string, lifetimeMs: number): Promise<boolean> {
    const expiresAt = new Date(this.#now().getTime() + lifetimeMs).toISOString();
    const result = await this.#write((db) =>
      db.updateTable('print_claims').set({ expires_at: expiresAt }).where('claim_id', '=', claimId).executeTakeFirst(),
    );
    return result.numUpdatedRows > 0n;
  }

  /**
   * Ends a claim: its render is stored, or printing failed and another process may try. A claim no longer held is
   * left alone.
   *
   * @example
   * ```ts
   * await store.printClaims.release(claim);
   * ```
   */
  async release(claimId: string): Promise<void> {
    await this.#write((db) => db.deleteFrom('print_claims').where('claim_id', '=', claimId).execute());
  }
}

/** Runs one of a claim's statements on the database it is given. */
export type ClaimWriter = <T>(statement: (db: Kysely<Database>) => Promise<T>) => Promise<T>;
