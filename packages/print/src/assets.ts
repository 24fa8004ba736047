/** A file the printed page may load, served from memory. */
export interface PrintAsset {
  /** The Content-Type header, e.g. `font/woff2`, `image/png`, `text/css; charset=utf-8`. */
  contentType: string;
  body: Uint8Array | string;
}

/** Whether two asset bodies hold the same bytes (cheap when they are the same object, as shared assets are). */
export function sameAssetBody(a: PrintAsset['body'], b: PrintAsset['body']): boolean {
  if (a === b) return true;
  if (typeof a === 'string' || typeof b === 'string') return typeof a === typeof b && a === b;
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(b);
}
