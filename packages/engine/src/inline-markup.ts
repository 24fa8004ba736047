import { findAddresses } from './web-addresses.js';

/**
 * Escapes text for HTML element content and attribute values.
 *
 * @example
 * ```ts
 * escapeHtml('<b>"x"</b>') // '&lt;b&gt;&quot;x&quot;&lt;/b&gt;'
 * ```
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character] ?? character);
}

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

function escapeText(text: string): string {
  let html = '';
  let position = 0;
  for (const { start, end } of findAddresses(text)) {
    html += `${escapeHtml(text.slice(position, start))}<span class="address">${escapeHtml(text.slice(start, end))}</span>`;
    position = end;
  }
  return html + escapeHtml(text.slice(position));
}

type Token = { kind: 'text'; text: string } | { kind: 'literal'; text: string } | { kind: 'marker'; marker: Marker };
type Marker = '**' | '__';

const TAGS: Readonly<Record<Marker, string>> = { '**': 'strong', __: 'u' };

/**
 * Turns the body's tiny inline markup into HTML: `**bold**`, `__underline__` and `` `literal` `` (printed as typed,
 * digits included). Everything else is escaped. A marker without its partner, one that would cross another
 * pair, or a pair with nothing between ("****", "____") is printed as it is. Web and e-mail addresses are wrapped in `<span class="address">`, so the style can
 * let a long one break anywhere instead of stretching the line before it.
 *
 * @example
 * ```ts
 * renderInlineMarkup('**ด่วน** ดู `ISO 9001` <b>')
 * // '<strong>ด่วน</strong> ดู <span data-digits="keep">ISO 9001</span> &lt;b&gt;'
 * ```
 */
export function renderInlineMarkup(text: string): string {
  const tokens = tokenize(text);
  const paired = pairMarkers(tokens);
  let html = '';
  const open: Marker[] = [];
  tokens.forEach((token, index) => {
    if (token.kind === 'text') html += escapeText(token.text);
    else if (token.kind === 'literal') html += `<span data-digits="keep">${escapeHtml(token.text)}</span>`;
    else if (!paired.has(index)) html += escapeHtml(token.marker);
    else if (open.at(-1) === token.marker) html += `</${TAGS[open.pop() as Marker]}>`;
    else {
      open.push(token.marker);
      html += `<${TAGS[token.marker]}>`;
    }
  });
  return html;
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  // A literal needs its closing backtick; a lone one is plain text.
  for (const match of text.matchAll(/`([^`]*)`|\*\*|__|[^`*_]+|[`*_]/g)) {
    const [whole, literal] = match;
    if (literal !== undefined) tokens.push({ kind: 'literal', text: literal });
    else if (whole === '**' || whole === '__') tokens.push({ kind: 'marker', marker: whole });
    else {
      const last = tokens.at(-1);
      if (last?.kind === 'text') last.text += whole;
      else tokens.push({ kind: 'text', text: whole });
    }
  }
  return tokens;
}

/** The indexes of the markers that open or close a properly nested pair. */
function pairMarkers(tokens: readonly Token[]): Set<number> {
  const paired = new Set<number>();
  const stack: Array<{ marker: Marker; index: number }> = [];
  tokens.forEach((token, index) => {
    if (token.kind !== 'marker') return;
    const top = stack.at(-1);
    // A pair around nothing would print nothing of what was typed ("*****" as "*"): such markers stay text.
    if (top?.marker === token.marker && top.index === index - 1) return;
    if (top?.marker === token.marker) {
      stack.pop();
      paired.add(top.index).add(index);
    } else if (!stack.some((open) => open.marker === token.marker)) {
      stack.push({ marker: token.marker, index });
    }
    // Otherwise it would close a pair across another one: left as text.
  });
  return paired;
}
