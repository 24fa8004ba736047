import { lineBreakTokens } from '@saraban/thai';
import { escapeHtmlText, HTML_TOKEN, rewriteHtmlText } from './html-text.js';

/** What may need keeping whole: digits, and the punctuation Chromium breaks at (/ - . : @ …). */
const NEEDS_CARE = /[0-9\u0E50-\u0E59/\-.:@?&=%_~+,;)(]/;
const THAI = /[\u0E01-\u0E4E]/;
/** Where Chromium may break a line: ICU's boundaries, which Node's Intl.Segmenter finds with the same rules. */
const icu = new Intl.Segmenter('th', { granularity: 'word' });

/**
 * Keeps on one line what {@link lineBreakTokens} says must not break: a day and its month, พ.ศ. and its year, a
 * year range, ร้อยละ and its number, a book or telephone number (each wrapped in `<nobr>`, spaces and all), and an
 * address or number Chromium would break inside (a long address as `<nobr>` with `<wbr>` after the "/"s of its
 * path). Runs of Thai are left to Chromium: a <nobr> inside one is a section of its own in the PDF, where the words
 * that justification spreads apart stop reading whole. Nothing is added to the text. Tags, attributes, <title>,
 * <style> and <script> are left alone.
 *
 * @example
 * ```ts
 * markLineBreaks('<p>ประจำปีงบประมาณ พ.ศ. ๒๕๖๖</p>')
 * // '<p>ประจำปีงบประมาณ <nobr>พ.ศ. ๒๕๖๖</nobr></p>'
 * ```
 */
export function markLineBreaks(html: string): string {
  let inTitle = false;
  let result = '';
  for (const [token] of html.matchAll(HTML_TOKEN)) {
    if (token.startsWith('<')) {
      if (/^<title\b/i.test(token)) inTitle = true;
      else if (/^<\/title\b/i.test(token)) inTitle = false;
      result += token;
    } else {
      result += inTitle || !NEEDS_CARE.test(token) ? token : rewriteHtmlText(token, markText);
    }
  }
  return result;
}

function markText(text: string): string {
  let html = '';
  for (const token of lineBreakTokens(text)) {
    const whole = token.kind === 'space' ? token.text : token.pieces.join('');
    if (token.kind === 'space') html += whole;
    else if (token.pieces.length > 1) html += `<nobr>${token.pieces.map(escapeHtmlText).join('<wbr>')}</nobr>`;
    else if (/\s/.test(whole) || (!THAI.test(whole) && breaksInside(whole)))
      html += `<nobr>${escapeHtmlText(whole)}</nobr>`;
    else html += escapeHtmlText(whole);
  }
  return html;
}

/** Whether ICU finds a boundary inside a run without spaces: Chromium could break the line there. */
function breaksInside(run: string): boolean {
  for (const { index } of icu.segment(run)) if (index > 0) return true;
  return false;
}
