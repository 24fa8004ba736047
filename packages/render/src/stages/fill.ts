import type { GlyphCoverage, LoadedTemplate, PageFonts, RenderedPage, TemplateFiller } from '@saraban/engine';
import type { Document } from '@saraban/store';
import type { DocumentFaces } from '../document-faces.js';
import { MissingGlyphsError } from '../errors.js';

/** A page filled in, and the face it prints in. */
export interface FilledPage {
  page: RenderedPage;
  /** The face the page embeds: the organization's, or the template's own. */
  fonts: PageFonts;
  /** Characters the face lacks, which the embedded fallback face draws (none are in no face: see below). */
  glyphs: GlyphCoverage;
}

/**
 * Stage `fill`: the template filled with the query's data by `filler` (on a thread of its own, with a time limit,
 * in a server), in the document's digits and its organization's face, then made a page with that face's assets.
 * The face's URL in the page carries the font's SHA-256, so the cache key changes with the face.
 *
 * @throws {TemplateFillError} (from the engine) with the template or partial file, line and column.
 * @throws {TemplateFillTimeoutError} (from the engine) when the filler's time limit passed.
 * @throws {FontNotStoredError} when the organization's font is not stored.
 * @throws {MissingGlyphsError} when the page holds characters no embedded face draws: they would print in a system
 * font.
 * @example
 * const { page } = await fillTemplate(filler, template, data, document, faces);
 */
export async function fillTemplate(
  filler: TemplateFiller,
  template: LoadedTemplate,
  data: unknown,
  document: Document,
  faces: DocumentFaces,
): Promise<FilledPage> {
  const fonts = (await faces.get(document.data.organization.fontId)) ?? template.fonts;
  const filled = await filler.fill(template, data, { digitStyle: document.data.digitStyle, fonts });
  const page = template.page(filled, { fonts });
  const glyphs = await page.glyphs();
  if (glyphs.missing.length > 0) throw new MissingGlyphsError(glyphs.missing);
  return { page, fonts, glyphs };
}

/** Fills templates in on the calling thread, without a time limit: a Renderer given no filler (tests, tools). */
export const FILL_IN_THREAD: TemplateFiller = {
  fill: async (template, data, options) => template.fill(data, options),
};
