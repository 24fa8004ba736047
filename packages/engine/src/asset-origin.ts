/**
 * The origin of every asset URL a rendered page uses (fonts, template images). The name is reserved (`.invalid`),
 * so nothing on the network answers it: the printer serves these URLs from {@link RenderedPage.assets} and blocks
 * every other request.
 *
 * @example
 * ```ts
 * page.assets.get(`${ASSET_ORIGIN}/fonts/sarabun-thai-400-normal.woff2`)
 * ```
 */
export const ASSET_ORIGIN = 'https://assets.saraban.invalid';

/** A file a page loads from {@link ASSET_ORIGIN}. */
export interface PageAsset {
  /** The media type, e.g. "font/woff2". */
  readonly contentType: string;
  readonly body: Uint8Array | string;
}

/** The media types of the files a template package may ship as images or fonts, by extension. */
export const ASSET_CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
};
