import { createHash } from 'node:crypto';
import { buffer } from 'node:stream/consumers';
import type { Render, RenderRepository } from '@saraban/store';

/** The template name a bundle's render records: it was joined, not printed from one template. */
export const BUNDLE_TEMPLATE = 'bundle';

/** The most documents one bundle joins: a letter and its enclosures, not a year's archive (use renderBatch). */
export const BUNDLE_MAX_DOCUMENTS = 50;

/** One printed document of a bundle, and its bookmark. */
export interface BundlePart {
  render: Render;
  /** The bookmark's text: the document's subject. */
  title: string;
}

/**
 * The cache key of a bundle: the renders it joins (each its document's version, template and data) and the titles
 * it gives them, so the same parts and titles return the stored bundle.
 *
 * @example
 * bundleCacheKey(parts, 'ขอส่งสำเนาหนังสือ') // 'bundle:3f0c…'
 */
export function bundleCacheKey(parts: readonly BundlePart[], title: string): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify([title, ...parts.map((part) => [part.render.sha256, part.title])]));
  return `${BUNDLE_TEMPLATE}:${hash.digest('hex')}`;
}

/**
 * The stored PDF of a render, whole: a bundle's parts are read to be joined.
 *
 * @example
 * const pdf = await readRenderPdf(store.renders, render.id);
 */
export async function readRenderPdf(renders: Pick<RenderRepository, 'getPdfFile'>, id: string): Promise<Uint8Array> {
  const file = await renders.getPdfFile(id);
  if (!file) throw new Error(`render ${id} has no stored PDF`);
  return new Uint8Array(await buffer(file.stream()));
}
