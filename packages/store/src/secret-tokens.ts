import { createHash, randomBytes } from 'node:crypto';

/**
 * A new secret: `prefix` and 32 random bytes in base64url (256 bits: not guessable, so a plain SHA-256 of it is
 * enough to store, unlike a password).
 *
 * @example
 * newSecret('sbt_') // "sbt_Qm9…" (47 characters)
 */
export function newSecret(prefix: string): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

/**
 * How a secret (a session cookie, an API token) is stored and looked up: its SHA-256 in hex. A copy of the database
 * then holds nothing that signs anyone in.
 *
 * @example
 * secretHash('sbt_Qm9…') // "9f86d081…"
 */
export function secretHash(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
