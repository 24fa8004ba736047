import { type PageFonts, pageFontsFromFiles } from '@saraban/engine';
import type { Store } from '@saraban/store';
import { GraphQLError } from 'graphql';

/**
 * Faces read lately, by font id. An id is the SHA-256 of the files, so an entry never goes stale; keeping the same
 * PageFonts object also lets a template reuse the page's assets and the render cache hash them once.
 */
const recentFaces = new Map<string, Promise<PageFonts>>();
/** A face is a few MB; a deployment prints in one or two. */
const RECENT_FACES = 4;

/**
 * The face a document prints in: its organization snapshot's font, or undefined for the template's own.
 *
 * @throws {GraphQLError} FONT_NOT_FOUND when the font is not in the store.
 * @example
 * const fonts = await documentFonts(context.store, document.data.organization.fontId);
 * const page = template.render(data, { digitStyle, fonts });
 */
export async function documentFonts(store: Store, fontId: string | null | undefined): Promise<PageFonts | undefined> {
  if (!fontId) return undefined;
  let face = recentFaces.get(fontId);
  if (face === undefined) {
    face = store.fonts.getFiles(fontId).then((files) => {
      if (!files) {
        throw new GraphQLError(`the document prints in font ${fontId}, which is not stored`, {
          extensions: { code: 'FONT_NOT_FOUND' },
        });
      }
      return pageFontsFromFiles({
        id: fontId,
        regular: { mediaType: files.regular.mediaType, body: files.regular.data },
        bold: files.bold && { mediaType: files.bold.mediaType, body: files.bold.data },
      });
    });
    // A failed read is not kept: the next render asks the store again.
    face.catch(() => recentFaces.delete(fontId));
  } else {
    recentFaces.delete(fontId);
  }
  recentFaces.set(fontId, face);
  for (const oldest of recentFaces.keys()) {
    if (recentFaces.size <= RECENT_FACES) break;
    recentFaces.delete(oldest);
  }
  return face;
}
