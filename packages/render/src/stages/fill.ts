import type { GlyphCoverage, LoadedTemplate, PageFonts, RenderedPage } from '@saraban/engine';
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
 * Stage `fill`: the template filled with the query's data, in the document's digits and its organization's face.
 * The face's URL in the page carries the font's SHA-256, so the cache key changes with the face.
 *
 * @throws {TemplateFillError} (from the engine) with the template or partial file, line and column.
 * @throws {FontNotStoredError} when the organization's font is not stored.
 * @throws {MissingGlyphsError} when the page holds characters no embedded face draws: they would print in a system
 * font.
 * @example
 * const { page } = await fillTemplate(template, data, document, faces);
 */
export async function fillTemplate(
  template: LoadedTemplate,
  data: unknown,
  document: Document,
  faces: DocumentFaces,
): Promise<FilledPage> {
  const fonts = (await faces.get(document.data.organization.fontId)) ?? template.fonts;
  const page = template.render(data, { digitStyle: document.data.digitStyle, fonts });
  const glyphs = await page.glyphs();
  if (glyphs.missing.length > 0) throw new MissingGlyphsError(glyphs.missing);
  return { page, fonts, glyphs };
}
