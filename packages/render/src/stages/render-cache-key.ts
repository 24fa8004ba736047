import { createHash, type Hash } from 'node:crypto';

interface PageToPrint {
  html: string;
  assets: ReadonlyMap<string, { contentType: string; body: Uint8Array | string }>;
}

// A template's asset map is built once and shared by all its renders: hash it once.
const assetDigests = new WeakMap<object, string>();

function assetsDigest(assets: PageToPrint['assets']): string {
  let digest = assetDigests.get(assets);
  if (digest === undefined) {
    const hash = createHash('sha256');
    for (const [url, asset] of [...assets].sort(([a], [b]) => a.localeCompare(b))) {
      field(hash, url);
      field(hash, asset.contentType);
      field(hash, asset.body);
    }
    digest = hash.digest('hex');
    assetDigests.set(assets, digest);
  }
  return digest;
}

/** Length-prefixed, so no two different inputs hash alike by running into each other. */
function field(hash: Hash, value: string | Uint8Array): void {
  const bytes = typeof value === 'string' ? Buffer.from(value) : value;
  hash.update(`${bytes.byteLength}:`);
  hash.update(bytes);
}

/**
 * What a PDF is printed from, hashed: the document version, the page (which holds the template's output for the
 * data) and every asset it may load. Equal keys print equal bytes, so a render with the same key can be reused.
 *
 * @example
 * const key = renderCacheKey({ documentId, documentVersion: 3, printedAt }, page);
 */
export function renderCacheKey(
  document: { documentId: string; documentVersion: number; printedAt: string },
  page: PageToPrint,
): string {
  const hash = createHash('sha256');
  field(hash, document.documentId);
  field(hash, String(document.documentVersion));
  field(hash, document.printedAt);
  field(hash, page.html);
  field(hash, assetsDigest(page.assets));
  return hash.digest('hex');
}
