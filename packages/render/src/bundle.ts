import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { buffer } from 'node:stream/consumers';
import { joinPdfs } from '@saraban/finish';
import type { DocumentRepository, Render, RenderRepository } from '@saraban/store';
import { convertDigits } from '@saraban/thai';
import { BundleSizeError } from './errors.js';
import type { RenderResult } from './renderer.js';
import { StageClock } from './stage-timings.js';

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

/** What {@link renderBundle} works with: the repositories, and how one document is rendered (here or by a worker). */
export interface BundleSources {
  documents: Pick<DocumentRepository, 'get'>;
  renders: Pick<RenderRepository, 'findCached' | 'stagingPath' | 'create' | 'getPdfFile'>;
  render(documentId: string): Promise<RenderResult>;
}

/**
 * Several stored documents as one PDF, in the order given: each rendered by `sources.render` (a stored render is
 * reused), their PDFs joined with a bookmark per document (its subject, in the document's digits), stored as a
 * render of the first document with template {@link BUNDLE_TEMPLATE}, and returned again for the same renders and
 * title. Joining needs no Chromium, so an API server whose renders go to workers joins them itself.
 *
 * @throws {BundleSizeError} for no documents or more than {@link BUNDLE_MAX_DOCUMENTS}.
 * @example
 * const bundle = await renderBundle({ documents, renders, render: (id) => renderer.render(id) }, [letterId, enclosureId]);
 */
export async function renderBundle(
  sources: BundleSources,
  documentIds: readonly string[],
  options: { title?: string | null } = {},
): Promise<RenderResult> {
  if (documentIds.length === 0 || documentIds.length > BUNDLE_MAX_DOCUMENTS) {
    throw new BundleSizeError(documentIds.length, BUNDLE_MAX_DOCUMENTS);
  }
  const { documents, renders } = sources;
  const clock = new StageClock();
  const parts: BundlePart[] = [];
  let printedAt = '';
  for (const id of documentIds) {
    const render = await sources.render(id);
    const document = await documents.get(id);
    // The subject in the document's digits, as its own PDF's title has it.
    const subject = document ? convertDigits(document.data.subject, document.data.digitStyle) : render.documentId;
    if (document && document.updatedAt > printedAt) printedAt = document.updatedAt;
    parts.push({ render, title: subject });
  }
  const [first] = parts as [BundlePart, ...BundlePart[]];
  const title = options.title ?? first.title;
  const key = bundleCacheKey(parts, title);
  const cached = await clock.time('cache', () => renders.findCached(first.render.documentId, key));
  if (cached) return { ...cached, cached: true, stageTimings: clock.timings };
  const file = renders.stagingPath();
  await clock.time('finish', async () => {
    const pdfs = await Promise.all(parts.map((part) => readRenderPdf(renders, part.render.id)));
    const joined = await joinPdfs(
      parts.map((part, index) => ({ pdf: pdfs[index] as Uint8Array, title: part.title })),
      // The newest document's time, so the same documents give the same bytes.
      { title, createdAt: new Date(printedAt || 0) },
    );
    await writeFile(file, joined);
  });
  const render = await clock.time('store', () =>
    renders.create({
      documentId: first.render.documentId,
      documentVersion: first.render.documentVersion,
      template: BUNDLE_TEMPLATE,
      pages: parts.reduce((sum, part) => sum + part.render.pages, 0),
      file,
      warnings: [...new Set(parts.flatMap((part) => part.render.warnings))],
      cacheKey: key,
    }),
  );
  return { ...render, cached: false, stageTimings: clock.timings };
}
