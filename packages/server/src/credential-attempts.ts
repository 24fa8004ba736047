import { TooManyAttemptsError } from '@saraban/graphql';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

/** The bounds on guessing passwords and API tokens; the server's defaults are those of `limits`. */
export interface AttemptLimits {
  /** Sign-in attempts for one user name within the window; a successful one clears the count. */
  signInAttempts: number;
  /** Failed sign-ins and unknown API tokens from one client address within the window. */
  addressFailures: number;
  /** The window, in seconds, from the first attempt counted. */
  attemptWindowSeconds: number;
}

/**
 * Counts sign-in attempts per user name and failed credentials (wrong passwords, unknown API tokens) per client
 * address, and refuses with {@link TooManyAttemptsError} past either limit, before the password is hashed or the
 * token looked up: a guesser gets a few tries per window and no more of the server's time (a password check costs
 * 128 MiB and a few hundred milliseconds of scrypt). A sign-in's attempt is counted before its password is checked,
 * so a burst of concurrent guesses is counted whole.
 *
 * The counts are kept in this process's memory (rate-limiter-flexible's RateLimiterMemory): they start again when
 * the server restarts, and each `serve` process behind one address counts on its own.
 *
 * @example
 * const attempts = new CredentialAttempts({ signInAttempts: 10, addressFailures: 100, attemptWindowSeconds: 900 });
 * const signedIn = await attempts.signIn('somchai', '10.1.2.3', () => users.signIn('somchai', password));
 */
export class CredentialAttempts {
  readonly #limits: AttemptLimits;
  readonly #byName: RateLimiterMemory;
  readonly #byAddress: RateLimiterMemory;

  constructor(limits: AttemptLimits) {
    this.#limits = limits;
    const duration = limits.attemptWindowSeconds;
    this.#byName = new RateLimiterMemory({ keyPrefix: 'name', points: limits.signInAttempts, duration });
    this.#byAddress = new RateLimiterMemory({ keyPrefix: 'address', points: limits.addressFailures, duration });
  }

  /**
   * Runs `check` (the password check) unless `name` or `address` is past its limit. A success clears the name's
   * count and is not held against the address; a failure (undefined) stays counted for both.
   *
   * @throws {TooManyAttemptsError} past a limit, without running `check`.
   */
  async signIn<T>(name: string, address: string, check: () => Promise<T | undefined>): Promise<T | undefined> {
    const [byName, byAddress] = await Promise.allSettled([
      this.#byName.consume(name),
      this.#byAddress.consume(address),
    ]);
    if (byName.status === 'rejected') throw this.#refusal(byName.reason, 'signInAttempts', `signIn for "${name}"`);
    if (byAddress.status === 'rejected') throw this.#refusal(byAddress.reason, 'addressFailures', address);
    const signedIn = await check();
    if (signedIn !== undefined) {
      await Promise.all([this.#byName.delete(name), this.#byAddress.reward(address)]);
    }
    return signedIn;
  }

  /**
   * Runs `find` (an API token's look-up) unless `address` is past its limit of failures; a token not found counts
   * as one. Whether the address is past its limit is decided again once the token is looked up: a burst of guesses
   * sent at once is looked up side by side (on PostgreSQL), and each answer past the limit, a right token's too, is
   * the refusal, so the burst learns no more than the limit allows.
   *
   * @throws {TooManyAttemptsError} past the limit (without running `find` when it was passed before).
   */
  async token<T>(address: string, find: () => Promise<T | undefined>): Promise<T | undefined> {
    const limit = this.#limits.addressFailures;
    const before = await this.#byAddress.get(address);
    if (before && before.consumedPoints >= limit) throw this.#refusal(before, 'addressFailures', address);
    const found = await find();
    // A guess is counted once looked up, a right token never: one looked up beside a burst of guesses is not held
    // against itself. Either is refused when the failures counted before it reach the limit.
    const counted = found === undefined ? await this.#byAddress.penalty(address) : await this.#byAddress.get(address);
    const earlier = (counted?.consumedPoints ?? 0) - (found === undefined ? 1 : 0);
    if (counted && earlier >= limit) throw this.#refusal(counted, 'addressFailures', address);
    return found;
  }

  #refusal(reason: unknown, limitName: 'signInAttempts' | 'addressFailures', who: string): unknown {
    if (!(reason instanceof RateLimiterRes)) return reason;
    return new TooManyAttemptsError(who, {
      limitName,
      limit: this.#limits[limitName],
      found: reason.consumedPoints,
      windowSeconds: this.#limits.attemptWindowSeconds,
      retryAfterSeconds: Math.max(1, Math.ceil(reason.msBeforeNext / 1000)),
    });
  }
}
