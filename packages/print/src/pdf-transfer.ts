import type { PrintAsset } from './assets.js';

/**
 * The most characters of HTML plus bytes of non-font assets whose PDF Chromium hands over in the reply to the print
 * command rather than as a stream. Reading a stream costs three more round trips to Chromium (3.4 ms of a memo's
 * 22 ms print, measured one print at a time); for a long document they are nothing, and its PDF should not be held
 * whole. A memo or a ten-page report is under this size (its PDF a few hundred KiB); a 100-page report is over it.
 */
const LARGEST_REPLY_INPUT = 128 * 1024;

/**
 * Whether the PDF of `html` with `assets` is small enough to come whole in the reply to the print command. Its size
 * grows with the characters of the HTML and the bytes of the images and other files the page loads, but not with its
 * fonts: a PDF embeds only the glyphs its text draws, so a font adds no more than the text does. (The memo's assets
 * hold a 373 KiB fallback face of symbols a memo seldom draws; counting it sent every memo's 43 KiB PDF through
 * the stream.)
 *
 * @example
 * ```ts
 * pdfFitsInReply('<p>สวัสดี</p>', new Map([[fontUrl, { contentType: 'font/woff2', body: bigFont }]])); // true
 * ```
 */
export function pdfFitsInReply(html: string, assets: ReadonlyMap<string, PrintAsset>): boolean {
  let size = html.length;
  for (const { contentType, body } of assets.values()) {
    if (contentType.startsWith('font/')) continue;
    size += typeof body === 'string' ? body.length : body.byteLength;
  }
  return size <= LARGEST_REPLY_INPUT;
}
