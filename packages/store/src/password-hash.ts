import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from 'node:crypto';

/**
 * scrypt's cost as OWASP's password storage cheat sheet sets it: N = 2^17 (128 MiB of memory per hash), r = 8,
 * p = 1. scrypt rather than Argon2id: it is in Node's own crypto (OpenSSL), so no native addon has to be compiled or
 * downloaded, it runs on libuv's thread pool (never on the event loop), and it is memory-hard as Argon2id is.
 */
const COST = { ln: 17, r: 8, p: 1 };
const KEY_BYTES = 32;
const SALT_BYTES = 16;

function derive(password: string, salt: Buffer, cost: { ln: number; r: number; p: number }): Promise<Buffer> {
  const options: ScryptOptions = { N: 2 ** cost.ln, r: cost.r, p: cost.p, maxmem: 2 * 128 * cost.r * 2 ** cost.ln };
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, KEY_BYTES, options, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

/**
 * The password's scrypt hash with a fresh salt, as a PHC string that names its own cost, so the cost can be raised
 * later without breaking the hashes already stored.
 *
 * @example
 * await hashPassword('correct horse battery staple') // "$scrypt$ln=17,r=8,p=1$<salt>$<hash>"
 */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, COST);
  return `$scrypt$ln=${COST.ln},r=${COST.r},p=${COST.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

/**
 * Whether `password` is the one `hash` was made from (compared in constant time); false for a hash it cannot read.
 *
 * @example
 * await verifyPassword('correct horse battery staple', user.passwordHash) // true
 */
export async function verifyPassword(password: string, hash: string): Promise<boolean> {
  const match = /^\$scrypt\$ln=(\d+),r=(\d+),p=(\d+)\$([\w+/=]+)\$([\w+/=]+)$/.exec(hash);
  if (!match) return false;
  const [, ln, r, p, salt, key] = match;
  const expected = Buffer.from(key as string, 'base64');
  const cost = { ln: Number(ln), r: Number(r), p: Number(p) };
  const actual = await derive(password, Buffer.from(salt as string, 'base64'), cost);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
