import { convertDigits, type DigitStyle } from '@saraban/thai';
import { escapeHtmlText, HTML_TOKEN, rewriteHtmlText, TAG_NAME } from './html-text.js';

const KEEP_DIGITS = /\sdata-digits\s*=\s*(?:"keep"|'keep'|keep(?=[\s/>]))/i;
const VOID_ELEMENTS = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
]);
/**
 * Converts the digits of a page's text to the document's style: every text node, the title included, but not tags,
 * attributes, <style> or <script>, nor elements marked `data-digits="keep"` (literal spans). URLs and e-mail
 * addresses in the text keep their digits (convertDigits decides that).
 *
 * @example
 * ```ts
 * convertHtmlDigits('<p class="x1">ข้อ 1 <span data-digits="keep">ISO 9001</span></p>', 'THAI')
 * // '<p class="x1">ข้อ ๑ <span data-digits="keep">ISO 9001</span></p>'
 * ```
 */
export function convertHtmlDigits(html: string, style: DigitStyle): string {
  let keptElement: string | undefined;
  let keptDepth = 0;
  let result = '';
  for (const [token] of html.matchAll(HTML_TOKEN)) {
    const tag = TAG_NAME.exec(token);
    if (tag && !token.startsWith('<!')) {
      const [, closing, rawName = ''] = tag;
      const name = rawName.toLowerCase();
      const opensElement =
        !closing && !VOID_ELEMENTS.has(name) && !token.endsWith('/>') && !/^<(script|style)\b/i.test(token);
      if (keptElement === name) keptDepth += closing ? -1 : opensElement ? 1 : 0;
      else if (keptElement === undefined && opensElement && KEEP_DIGITS.test(token)) {
        keptElement = name;
        keptDepth = 1;
      }
      if (keptDepth === 0) keptElement = undefined;
      result += token;
    } else if (token.startsWith('<') && token.length > 1) {
      result += token; // a comment
    } else {
      result += keptElement === undefined ? convertText(token, style) : token;
    }
  }
  return result;
}

/**
 * Converts the digits of escaped HTML text. Entities are decoded first, so "&#x3D;" is not read as digits and a URL
 * with "&amp;" in it stays one URL; an entity with no decoding here ("&frac12;") is kept as it is.
 */
function convertText(escaped: string, digits: DigitStyle): string {
  if (!/[0-9\u0E50-\u0E59]/.test(escaped)) return escaped;
  return rewriteHtmlText(escaped, (text) => escapeHtmlText(convertDigits(text, digits)));
}
