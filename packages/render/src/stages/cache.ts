import type { RenderedPage } from '@saraban/engine';
import type { Document, Render, RenderRepository } from '@saraban/store';
import { renderCacheKey } from './render-cache-key.js';

/** The page's cache key, and the render stored under it, if any. */
export interface CacheLookup {
  key: string;
  cached: Render | undefined;
}

/**
 * Stage `cache`: the render of the same document version, template output and assets printed before, if any; the
 * same inputs print the same bytes, so it is returned instead of printing again.
 *
 * @example
 * const { key, cached } = await lookUpRender(store.renders, document, page);
 */
export async function lookUpRender(
  renders: Pick<RenderRepository, 'findCached'>,
  document: Document,
  page: RenderedPage,
): Promise<CacheLookup> {
  const key = renderCacheKey(
    { documentId: document.id, documentVersion: document.version, printedAt: document.updatedAt },
    page,
  );
  return { key, cached: await renders.findCached(document.id, key) };
}
