import type { Role } from '@saraban/store';

/**
 * Nobody is signed in (no session cookie, no API token, or one that expired or was revoked) and users are configured:
 * code UNAUTHENTICATED, HTTP 401. `needed` names the roles that may do what was asked.
 *
 * @example
 * throw new UnauthenticatedError('Mutation.createDocument', ['ADMIN', 'STAFF']);
 */
export class UnauthenticatedError extends Error {
  override readonly name = 'UnauthenticatedError';
  constructor(
    /** What was asked, e.g. "Mutation.createDocument", or a download's path. */
    readonly operation: string,
    readonly needed: readonly Role[],
    reason = 'nobody is signed in',
  ) {
    const who = `Sign in, or send an API token (Authorization: Bearer …), with the role ${needed.join(' or ')}`;
    super(needed.length > 0 ? `${operation}: ${reason}. ${who}` : `${operation}: ${reason}`);
  }
}

/**
 * The one signed in has a role that may not do what was asked: code FORBIDDEN, HTTP 403, with the role they have and
 * the roles that may.
 *
 * @example
 * throw new ForbiddenError('Mutation.createDocument', 'VIEWER', ['ADMIN', 'STAFF']);
 * // "Mutation.createDocument needs the role ADMIN or STAFF; you are VIEWER"
 */
export class ForbiddenError extends Error {
  override readonly name = 'ForbiddenError';
  constructor(
    readonly operation: string,
    readonly role: Role,
    readonly needed: readonly Role[],
  ) {
    super(`${operation} needs the role ${needed.join(' or ')}; you are ${role}`);
  }
}

/** What {@link TooManyAttemptsError} counted: the limit hit, its window and when to try again. */
export interface AttemptCount {
  limitName: 'signInAttempts' | 'addressFailures';
  limit: number;
  /** The attempts counted in this window, this one included. */
  found: number;
  windowSeconds: number;
  /** Seconds until the window has passed and attempts are checked again. */
  retryAfterSeconds: number;
}

/**
 * Too many sign-in attempts for one name, or failed sign-ins and unknown API tokens from one client address, within
 * the window: code TOO_MANY_ATTEMPTS, HTTP 429 with Retry-After, naming the limit. The password or token was not
 * checked.
 *
 * @example
 * const count = { limitName: 'signInAttempts', limit: 10, found: 11, windowSeconds: 900, retryAfterSeconds: 840 };
 * throw new TooManyAttemptsError('signIn for "somchai"', count);
 * // 'signIn for "somchai": 11 sign-in attempts within 900 s; the limit (signInAttempts) is 10. Try again in 840 s'
 */
export class TooManyAttemptsError extends Error {
  override readonly name = 'TooManyAttemptsError';
  constructor(
    /** Whose attempts: 'signIn for "somchai"', or a client address. */
    readonly who: string,
    readonly count: AttemptCount,
  ) {
    const { limitName, limit, found, windowSeconds, retryAfterSeconds } = count;
    const what = limitName === 'signInAttempts' ? 'sign-in attempts' : 'failed sign-ins and unknown API tokens';
    super(
      `${who}: ${found} ${what} within ${windowSeconds} s; the limit (${limitName}) is ${limit}. ` +
        `Try again in ${retryAfterSeconds} s`,
    );
  }
}
