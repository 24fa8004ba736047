import type { Document, Render, RenderRepository } from '@saraban/store';

/**
 * Stage `store`: the finished PDF taken into the store and recorded, with its size and SHA-256, under the cache key.
 *
 * @example
 * const render = await storeRender(store.renders, { document, template: 'memo', pages, warnings, file, cacheKey });
 */
export function storeRender(
  renders: Pick<RenderRepository, 'create'>,
  render: {
    document: Document;
    template: string;
    /** The template version it printed with, when templates are stored. */
    templateVersion: number | null;
    pages: number;
    /** Requests the page made that were blocked. */
    warnings: string[];
    file: string;
    cacheKey: string;
  },
): Promise<Render> {
  const { document, template, templateVersion, pages, warnings, file, cacheKey } = render;
  return renders.create({
    documentId: document.id,
    documentVersion: document.version,
    template,
    templateVersion,
    pages,
    file,
    warnings,
    cacheKey,
  });
}
