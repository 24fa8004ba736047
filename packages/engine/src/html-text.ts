/**
 * Reading a page's HTML as tags and text, for the passes that rewrite its text (digits, line breaks): comments,
 * raw-text elements (<style>, <script>) and tags (quoted attribute values may hold ">") come whole; text comes
 * escaped, as the template wrote it.
 */
export const HTML_TOKEN =
  /<!--[\s\S]*?(?:-->|$)|<(script|style)\b[^>]*>[\s\S]*?(?:<\/\1\s*>|$)|<\/?[a-zA-Z][^\s/>]*(?:"[^"]*"|'[^']*'|[^'">])*>|[^<]+|</gi;
/** A tag's name and whether it closes an element. */
export const TAG_NAME = /^<(\/?)([a-zA-Z][^\s/>]*)/;

const ENTITY = /&(#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);/gi;
const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00A0',
};

/**
 * Rewrites escaped HTML text: `rewrite` gets the text decoded and returns HTML. An entity with no decoding here
 * ("&frac12;") is kept as it is, and the text on each side of it is rewritten on its own.
 *
 * @example
 * ```ts
 * rewriteHtmlText('a &amp; b', (text) => escapeHtmlText(text.toUpperCase())) // 'A &amp; B'
 * ```
 */
export function rewriteHtmlText(escaped: string, rewrite: (text: string) => string): string {
  let result = '';
  let decoded = '';
  let position = 0;
  for (const match of escaped.matchAll(ENTITY)) {
    decoded += escaped.slice(position, match.index);
    position = match.index + match[0].length;
    const character = decodeEntity(match[1] ?? '');
    if (character !== undefined) decoded += character;
    else {
      result += rewrite(decoded) + match[0];
      decoded = '';
    }
  }
  decoded += escaped.slice(position);
  return result + rewrite(decoded);
}

function decodeEntity(body: string): string | undefined {
  if (body.startsWith('#')) {
    const codePoint = /^#x/i.test(body) ? Number.parseInt(body.slice(2), 16) : Number(body.slice(1));
    return codePoint > 0 && codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : undefined;
  }
  return NAMED_ENTITIES[body];
}

/**
 * Escapes text for element content.
 *
 * @example
 * ```ts
 * escapeHtmlText('a < b & c') // 'a &lt; b &amp; c'
 * ```
 */
export function escapeHtmlText(text: string): string {
  return text.replace(/[&<>]/g, (character) => (character === '&' ? '&amp;' : character === '<' ? '&lt;' : '&gt;'));
}
