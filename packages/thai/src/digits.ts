/**
 * Which digits to print: Thai ๐–๙ (U+0E50–U+0E59) or Arabic 0–9. The one digit-style vocabulary, from a document's
 * `digitStyle` (the schema's DigitStyle enum) to every formatter.
 */
export type DigitStyle = 'THAI' | 'ARABIC';

/** Options of the free-text digit converters. */
export interface DigitConversionOptions {
  /**
   * Spans to keep as they are, e.g. /`[^`]*`/g for code spans. Matched against the original text;
   * a regex without the `g` flag is treated as if it had it.
   */
  readonly literal?: RegExp;
}

const THAI_ZERO = 0x0e50;
const ARABIC_ZERO = 0x30;

// Thai letters end a URL: Thai text often follows an address without a space. Thai digits end it too,
// so toArabicDigits repairs an address broken by blind conversion ("uploads/service/๑๑๕/…").
const URL_END = String.raw`\s<>"'\x60\u0E00-\u0E7F`;
const PROTECTED_PATTERNS: readonly RegExp[] = [
  // scheme://…
  new RegExp(String.raw`\b[a-z][a-z0-9+.-]*:\/\/[^${URL_END}]+`, 'gi'),
  // www.…
  new RegExp(String.raw`\bwww\.[^${URL_END}]+`, 'gi'),
  // e-mail addresses
  /[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+/gi,
  // a bare domain followed by a path: example.go.th/uploads/115/x.pdf
  new RegExp(
    String.raw`(?<![a-z0-9@._-])(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}(?::\d+)?\/[^${URL_END}]*`,
    'gi',
  ),
];

/**
 * Converts every Arabic digit in free text to a Thai digit, except inside URLs (`https://…`, `www.…`, and bare
 * domains with a path such as `example.go.th/uploads/115/x.pdf`), e-mail addresses, and spans matched by
 * `options.literal`.
 *
 * @example
 * ```ts
 * toThaiDigits('ปี 2566 ดู https://example.go.th/a/115') // 'ปี ๒๕๖๖ ดู https://example.go.th/a/115'
 * ```
 */
export function toThaiDigits(text: string, options: DigitConversionOptions = {}): string {
  return convertOutsideProtected(text, options, toThaiDigitsEverywhere);
}

/**
 * Converts every Thai digit in free text to an Arabic digit, with the same exemptions as {@link toThaiDigits}.
 * URLs end at the first Thai character, so Thai digits wrongly typed into an address are converted back.
 *
 * @example
 * ```ts
 * toArabicDigits('ปี ๒๕๖๖') // 'ปี 2566'
 * ```
 */
export function toArabicDigits(text: string, options: DigitConversionOptions = {}): string {
  return convertOutsideProtected(text, options, toArabicDigitsEverywhere);
}

/**
 * Converts the digits of free text to the given style: {@link toThaiDigits} or {@link toArabicDigits}.
 *
 * @example
 * ```ts
 * convertDigits('ข้อ 1', 'THAI', { literal: /`[^`]*`/g }) // 'ข้อ ๑'
 * ```
 */
export function convertDigits(text: string, style: DigitStyle, options: DigitConversionOptions = {}): string {
  return style === 'THAI' ? toThaiDigits(text, options) : toArabicDigits(text, options);
}

/** Converts every digit of `text`, with no exemptions; for text this package generated itself. */
export function applyDigitStyle(text: string, style: DigitStyle): string {
  return style === 'THAI' ? toThaiDigitsEverywhere(text) : toArabicDigitsEverywhere(text);
}

function toThaiDigitsEverywhere(text: string): string {
  return text.replace(/[0-9]/g, (digit) => String.fromCharCode(THAI_ZERO + digit.charCodeAt(0) - ARABIC_ZERO));
}

function toArabicDigitsEverywhere(text: string): string {
  return text.replace(/[\u0E50-\u0E59]/g, (digit) =>
    String.fromCharCode(ARABIC_ZERO + digit.charCodeAt(0) - THAI_ZERO),
  );
}

function convertOutsideProtected(
  text: string,
  options: DigitConversionOptions,
  convert: (text: string) => string,
): string {
  const ranges = protectedRanges(text, options.literal);
  let result = '';
  let position = 0;
  for (const [start, end] of ranges) {
    result += convert(text.slice(position, start)) + text.slice(start, end);
    position = end;
  }
  return result + convert(text.slice(position));
}

/** The protected spans of `text`, sorted and merged, as [start, end) pairs. */
function protectedRanges(text: string, literal: RegExp | undefined): Array<[number, number]> {
  const patterns = literal ? [...PROTECTED_PATTERNS, asGlobal(literal)] : PROTECTED_PATTERNS;
  const ranges: Array<[number, number]> = [];
  for (const pattern of patterns) {
    for (const match of text.matchAll(pattern)) {
      if (match[0].length > 0) ranges.push([match.index, match.index + match[0].length]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const range of ranges) {
    const last = merged.at(-1);
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push(range);
  }
  return merged;
}

function asGlobal(pattern: RegExp): RegExp {
  return pattern.flags.includes('g') ? pattern : new RegExp(pattern.source, `${pattern.flags}g`);
}
