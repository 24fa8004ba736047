import type { PrintAsset } from './assets.js';

/**
 * The most characters of HTML whose PDF Chromium hands over in the reply to the print command rather than as a
 * stream. Reading a stream costs three more round trips to Chromium (3.4 ms of a memo's 22 ms print, measured one
 * print at a time); for a long document they are nothing. A memo or a ten-page report is under this size (its PDF a
 * few hundred KiB); a 100-page report is over it.
 */
const LARGEST_REPLY_HTML = 128 * 1024;

/**
 * The most bytes of images and other non-font files a page may load and still have its PDF come in the reply. An
 * image is embedded once, about its own size: an agency's emblem of a few hundred KiB. Chromium's stream would hand
 * over such a PDF in one piece all the same (a PDF of 7.7 MB came as one chunk), so streaming it keeps no less in
 * memory; past a few MiB the stream is kept anyway.
 */
const LARGEST_REPLY_FILES = 4 * 1024 * 1024;

/**
 * Whether the PDF of `html` with `assets` is small enough to come whole in the reply to the print command. Its size
 * grows with the characters of the HTML (pages of text) and the bytes of the images and other files the page loads,
 * but not with its fonts: a PDF embeds only the glyphs its text draws, so a font adds no more than the text does.
 * (The memo's assets hold a 373 KiB fallback face of symbols a memo seldom draws; counting it sent every memo's
 * 43 KiB PDF through the stream, as counting an emblem with the HTML sent every memo of an agency with one.)
 *
 * @example
 * ```ts
 * pdfFitsInReply('<p>สวัสดี</p>', new Map([[fontUrl, { contentType: 'font/woff2', body: bigFont }]])); // true
 * ```
 */
export function pdfFitsInReply(html: string, assets: ReadonlyMap<string, PrintAsset>): boolean {
  let files = 0;
  for (const { contentType, body } of assets.values()) {
    if (contentType.startsWith('font/')) continue;
    files += typeof body === 'string' ? body.length : body.byteLength;
  }
  return html.length <= LARGEST_REPLY_HTML && files <= LARGEST_REPLY_FILES;
}
