import { FALLBACK_FACE_NAME } from '@saraban/engine';
import { characterList } from './page-warnings.js';

/**
 * A document names a template that did not load (it was removed, or it is refused: `saraban templates check` says
 * why).
 *
 * @example
 * ```ts
 * try {
 *   await renderer.render(id);
 * } catch (error) {
 *   if (error instanceof TemplateNotLoadedError) console.error(error.template);
 * }
 * ```
 */
export class TemplateNotLoadedError extends Error {
  override readonly name = 'TemplateNotLoadedError';
  constructor(
    readonly documentId: string,
    readonly template: string,
  ) {
    super(
      `document ${documentId} uses template "${template}", which is not loaded: ` +
        'run `saraban templates check` to see why it was refused, or give the document another template',
    );
  }
}

/**
 * A template's query returned errors when run for a document (it was valid when the template loaded: a resolver
 * failed on this document's data).
 *
 * @example
 * ```ts
 * if (error instanceof TemplateQueryError) console.error(error.template, error.reasons);
 * ```
 */
export class TemplateQueryError extends Error {
  override readonly name = 'TemplateQueryError';
  constructor(
    readonly template: string,
    readonly file: string,
    /** The query's error messages, first first. */
    readonly reasons: readonly string[],
  ) {
    super(`template "${template}": its query (${file}) failed: ${reasons.join('; ')}`);
  }
}

/**
 * A document holds characters that no embedded face draws, neither its own nor the fallback: Chromium would print
 * them in a system font the PDF does not embed, so they would look different, or be missing, wherever it is opened.
 *
 * @example
 * ```ts
 * if (error instanceof MissingGlyphsError) console.error(error.characters); // ['→', '中']
 * ```
 */
export class MissingGlyphsError extends Error {
  override readonly name = 'MissingGlyphsError';
  constructor(readonly characters: readonly string[]) {
    super(
      `the document holds ${characterList(characters)}, which no embedded face draws (neither its own nor ` +
        `${FALLBACK_FACE_NAME}): they would print in a system font the PDF does not embed. Replace them, or print ` +
        'in a face that has them (createFont)',
    );
  }
}

/**
 * A document prints in a font that is not in the store (its organization named one that was removed).
 *
 * @example
 * ```ts
 * if (error instanceof FontNotStoredError) console.error(error.fontId);
 * ```
 */
export class FontNotStoredError extends Error {
  override readonly name = 'FontNotStoredError';
  constructor(readonly fontId: string) {
    super(
      `the document prints in font ${fontId}, which is not stored: upload it again with createFont, or give the ` +
        'organization another fontId and write the document again',
    );
  }
}

/**
 * A bundle of no documents, or of more than one bundle joins.
 *
 * @example
 * ```ts
 * if (error instanceof BundleSizeError) console.error(error.count, error.limit);
 * ```
 */
export class BundleSizeError extends Error {
  override readonly name = 'BundleSizeError';
  constructor(
    readonly count: number,
    readonly limit: number,
  ) {
    super(
      count === 0
        ? 'a bundle joins at least one document'
        : `a bundle joins at most ${limit} documents (got ${count}): print more with renderBatch`,
    );
  }
}
