import { type PageFonts, pageFontsFromFiles } from '@saraban/engine';
import type { FontRepository } from '@saraban/store';
import { FontNotStoredError } from './errors.js';

/** A face is a few MB; a deployment prints in one or two. */
const RECENT_FACES = 4;

/**
 * The stored faces documents print in, the last few kept. A font id is the SHA-256 of its files, so an entry never
 * goes stale; handing out the same PageFonts object lets a template reuse the page's assets and the render cache
 * hash them once.
 *
 * @example
 * const faces = new DocumentFaces(store.fonts);
 * const fonts = await faces.get(document.data.organization.fontId);
 */
export class DocumentFaces {
  readonly #fonts: Pick<FontRepository, 'getFiles'>;
  readonly #recent = new Map<string, Promise<PageFonts>>();

  constructor(fonts: Pick<FontRepository, 'getFiles'>) {
    this.#fonts = fonts;
  }

  /**
   * The face of this font id, or undefined (no id) for the template's own.
   *
   * @throws {FontNotStoredError} when the font is not in the store.
   */
  get(fontId: string | null): Promise<PageFonts> | undefined {
    if (!fontId) return undefined;
    let face = this.#recent.get(fontId);
    if (face === undefined) {
      face = this.#read(fontId);
      // A failed read is not kept: the next render asks the store again.
      face.catch(() => this.#recent.delete(fontId));
    } else {
      this.#recent.delete(fontId);
    }
    this.#recent.set(fontId, face);
    for (const oldest of this.#recent.keys()) {
      if (this.#recent.size <= RECENT_FACES) break;
      this.#recent.delete(oldest);
    }
    return face;
  }

  async #read(fontId: string): Promise<PageFonts> {
    const files = await this.#fonts.getFiles(fontId);
    if (!files) throw new FontNotStoredError(fontId);
    return pageFontsFromFiles({
      id: fontId,
      regular: { mediaType: files.regular.mediaType, body: files.regular.data },
      bold: files.bold && { mediaType: files.bold.mediaType, body: files.bold.data },
    });
  }
}
