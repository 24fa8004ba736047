import { lineBreakTokens, thaiWordParts } from '@saraban/thai';
import { escapeHtmlText, HTML_TOKEN, rewriteHtmlText, TAG_NAME } from './html-text.js';
import { breaksInside, wordBoundaries } from './word-boundaries.js';

/** What may need keeping whole: Thai letters, digits, and the punctuation Chromium breaks at (/ - . : @ …). */
const NEEDS_CARE = /[\u0E01-\u0E5B0-9/\-.:@?&=%_~+,;)(]/;
const THAI = /[\u0E01-\u0E4E]/;
const WEB_ADDRESS = /^(?:[a-z][a-z0-9+.-]*:\/\/|www\.)/i;
/**
 * Thai words this long (in characters) may be wider than a narrow table column: in a cell they carry, as a last
 * resort, the places between the words they are made of (ประชา|สัมพันธ์).
 */
const LONG_THAI_WORD = 8;

/**
 * Lets the page's lines break only where {@link lineBreakTokens} allows: between Thai words (libthai's dictionary)
 * and at spaces, never inside a day and its month, พ.ศ. and its year, a year range, ร้อยละ and its number, a book or
 * telephone number, an address or a number. Chromium breaks Thai lines where ICU's dictionary finds words, some
 * inside words (จึงขอก|ราบเรียน, งบ|ประมาณ): each piece a line must not break and in which ICU finds a boundary
 * is wrapped in `<nobr>` (a long address as `<nobr>` with `<wbr>` after the "/"s of its path); the rest is left as
 * it is, so Chromium breaks where ICU and the dictionary agree. Each <nobr> is a section of its own in Chromium's
 * tagged PDF (@saraban/finish reads a word whole across them). In a table cell, where a <nobr> moves whole to the
 * next line and breaks inside only when wider than the cell (tables.css), a web address may then break after any
 * "/" and a long Thai word between the words it is made of. Nothing is added to the text. Tags, attributes,
 * <title>, <style> and <script> are left alone.
 *
 * @example
 * ```ts
 * markLineBreaks('<p>จึงขอกราบเรียนเชิญ พ.ศ. ๒๕๖๖</p>')
 * // '<p>จึงขอ<nobr>กราบเรียนเชิญ</nobr> <nobr>พ.ศ. ๒๕๖๖</nobr></p>'
 * ```
 */
export function markLineBreaks(html: string): string {
  let inTitle = false;
  /** How many table cells are open around the text. */
  let cells = 0;
  let result = '';
  for (const [token] of html.matchAll(HTML_TOKEN)) {
    if (token.startsWith('<')) {
      if (/^<title\b/i.test(token)) inTitle = true;
      else if (/^<\/title\b/i.test(token)) inTitle = false;
      const [, closes, name] = TAG_NAME.exec(token) ?? [];
      if (name && /^t[dh]$/i.test(name)) cells = Math.max(0, cells + (closes ? -1 : 1));
      result += token;
    } else {
      const inCell = cells > 0;
      result += inTitle || !NEEDS_CARE.test(token) ? token : rewriteHtmlText(token, (text) => markText(text, inCell));
    }
  }
  return result;
}

/**
 * Texts already marked, by cell or not and text: a template's own words (เรื่อง, เรียน, the signature's lines) and a
 * document printed again (a preview on each edit, a batch of one letter to many) mark the same texts, and marking
 * costs ICU's segmentation. Bounded by the bytes its keys and values take, not their number: a text may be 100,000
 * characters long, and 4,096 of them held 1.6 GB. Cleared whole when full.
 */
const marked = new Map<string, string>();
let markedBytes = 0;
/** Bytes of keys and values the cache may hold, two a character (UTF-16, the widest a string is stored in). */
const MARKED_BYTES_LIMIT = 8 * 1024 * 1024;

function markText(text: string, inCell: boolean): string {
  const key = `${inCell ? 'c' : 'p'}${text}`;
  const known = marked.get(key);
  if (known !== undefined) return known;
  const html = markTextOnce(text, inCell);
  const bytes = 2 * (key.length + html.length);
  // A text larger than the whole cache is not kept: it would clear it of everything else for nothing.
  if (bytes > MARKED_BYTES_LIMIT) return html;
  if (markedBytes + bytes > MARKED_BYTES_LIMIT) {
    marked.clear();
    markedBytes = 0;
  }
  marked.set(key, html);
  markedBytes += bytes;
  return html;
}

function markTextOnce(text: string, inCell: boolean): string {
  // ICU's boundaries in the whole text, as Chromium's dictionary reads it: computed once, when Thai is there.
  let boundaries: Set<number> | undefined;
  // Joined at the end into one string: one built with += is a tree of every piece, several times its text's size,
  // and the cache below keeps it.
  const html: string[] = [];
  let offset = 0;
  for (const token of lineBreakTokens(text)) {
    const start = offset;
    if (token.kind === 'space') {
      html.push(token.text);
      offset += token.text.length;
      continue;
    }
    const whole = token.pieces.join('');
    offset += whole.length;
    if (!THAI.test(whole)) {
      // A long address cut after the "/"s of its path breaks there only (at a <wbr>); other runs stay whole. In a
      // cell any web address may break after a "/", when it is wider than the cell.
      const pieces = inCell && WEB_ADDRESS.test(whole) ? whole.split(/(?<=\/)(?=[^/])/) : token.pieces;
      if (pieces.length > 1) html.push(`<nobr>${pieces.map(escapeHtmlText).join('<wbr>')}</nobr>`);
      else html.push(breaksInside(whole) ? `<nobr>${escapeHtmlText(whole)}</nobr>` : escapeHtmlText(whole));
      continue;
    }
    boundaries ??= new Set(wordBoundaries(text));
    html.push(markPieces(token.pieces, start, boundaries, inCell));
  }
  return html.join('');
}

/**
 * A group's pieces (starting at `start` in the text), each wrapped in <nobr> where ICU finds a boundary between two
 * Thai letters inside it or where it holds a space (พ.ศ. ๒๕๖๖); in a cell a long word so wrapped gets <wbr> between
 * its parts. Only those: in a cell each <nobr> is an inline block, which a 300-page table pays for in layout.
 */
function markPieces(
  pieces: readonly string[],
  start: number,
  boundaries: ReadonlySet<number>,
  inCell: boolean,
): string {
  let html = '';
  let at = start;
  for (const piece of pieces) {
    const long = inCell && piece.length >= LONG_THAI_WORD;
    let wrap = /\s/.test(piece);
    // Between a Thai letter and punctuation ICU's word boundaries are no line breaks: "(|งาน" stays whole.
    for (let inside = 1; inside < piece.length && !wrap; inside++) {
      wrap =
        boundaries.has(at + inside) && THAI.test(piece[inside - 1] as string) && THAI.test(piece[inside] as string);
    }
    if (!wrap) html += escapeHtmlText(piece);
    else if (long && THAI.test(piece)) html += `<nobr>${thaiWordParts(piece).map(escapeHtmlText).join('<wbr>')}</nobr>`;
    else html += `<nobr>${escapeHtmlText(piece)}</nobr>`;
    at += piece.length;
  }
  return html;
}
