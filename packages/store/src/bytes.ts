/**
 * The bytes as the database drivers want them: Buffer (better-sqlite3 and pg both bind it as a blob), without a copy.
 */
export function toDatabaseBytes(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** The bytes as the app sees them: a plain Uint8Array, whatever subclass the driver returned. */
export function fromDatabaseBytes(bytes: Uint8Array): Uint8Array {
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
