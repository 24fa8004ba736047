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
