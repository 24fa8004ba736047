import { type PdfFile, type PdfTrailer, readDictionary, readStream } from './pdf-objects.js';

// The fonts of a page as Chromium (Skia) embeds them: Type0 fonts with Identity-H glyph ids, a CIDFont's /W widths
// and a ToUnicode CMap.

/** What a glyph's text is, as far as telling words apart goes. */
export enum GlyphKind {
  /** No text (a glyph Skia gives none, drawn inside a span that has the cluster's text). */
  Silent = 0,
  /** White space: a space between words. */
  Blank = 1,
  Letter = 2,
}

export interface PageFont {
  /** The font's object number. */
  readonly objectNumber: number;
  /** Text of each glyph, by glyph id. */
  readonly unicode: readonly string[];
  /** What each glyph's text is, by glyph id. */
  readonly kinds: Uint8Array;
  /** Glyph advances in thousandths of the font size, by glyph id. */
  readonly widths: readonly number[];
  readonly defaultWidth: number;
  /** How far the font reaches above the baseline, in thousandths of the font size (its descriptor's /Ascent). */
  readonly ascent: number;
  /** How far it reaches below the baseline, in thousandths of the font size: negative (its /Descent). */
  readonly descent: number;
  /** Its ToUnicode CMap, kept when it maps glyphs to U+0000 (Skia's unencoded variants: shifted tone marks, vowels). */
  readonly nulToUnicode: { readonly objectNumber: number; readonly cmap: string } | undefined;
}

/** A page's fonts by resource name ("F5"), read through `cache` (by object number). */
export function pageFonts(
  pdf: PdfFile,
  trailer: PdfTrailer,
  page: string,
  cache: Map<number, PageFont>,
): Map<string, PageFont> {
  const fonts = new Map<string, PageFont>();
  const fontList = /\/Font\s*<<([^>]*)>>/.exec(page)?.[1] ?? '';
  for (const [, name, objectNumber] of fontList.matchAll(/\/(\S+)\s+(\d+) 0 R/g)) {
    const number = Number(objectNumber);
    let font = cache.get(number);
    if (!font) {
      font = readFont(pdf, trailer, number);
      cache.set(number, font);
    }
    fonts.set(name as string, font);
  }
  return fonts;
}

/** A Type0 font's glyph widths (its CIDFont's /W and /DW) and glyph texts (its /ToUnicode). */
function readFont(pdf: PdfFile, trailer: PdfTrailer, objectNumber: number): PageFont {
  const dictionary = readDictionary(pdf, trailer, objectNumber);
  const descendant = /\/DescendantFonts\s*\[\s*(\d+) 0 R/.exec(dictionary)?.[1];
  const descendantDictionary = descendant ? readDictionary(pdf, trailer, Number(descendant)) : '';
  const toUnicodeMatch = /\/ToUnicode (\d+) 0 R/.exec(dictionary)?.[1];
  const toUnicode = toUnicodeMatch === undefined ? undefined : Number(toUnicodeMatch);
  const cmap = toUnicode === undefined ? '' : readStream(pdf, trailer, toUnicode).toString('latin1');
  const defaultWidth = Number(/\/DW (\d+)/.exec(descendantDictionary)?.[1] ?? 1000);
  const unicode = withoutHoles(readToUnicode(cmap), '');
  const kinds = new Uint8Array(unicode.length);
  let hasNulGlyphs = false;
  for (const [glyph, text] of unicode.entries()) {
    kinds[glyph] = text === '' ? GlyphKind.Silent : text.trim() === '' ? GlyphKind.Blank : GlyphKind.Letter;
    if (text === NUL) hasNulGlyphs = true;
  }
  const widths = withoutHoles(readWidths(arrayInside(descendantDictionary, 'W')), defaultWidth);
  const nulToUnicode = hasNulGlyphs && toUnicode !== undefined ? { objectNumber: toUnicode, cmap } : undefined;
  const descriptor = /\/FontDescriptor (\d+) 0 R/.exec(descendantDictionary)?.[1];
  const descriptorDictionary = descriptor ? readDictionary(pdf, trailer, Number(descriptor)) : '';
  const ascent = Number(/\/Ascent (-?[\d.]+)/.exec(descriptorDictionary)?.[1] ?? 800);
  const descent = Number(/\/Descent (-?[\d.]+)/.exec(descriptorDictionary)?.[1] ?? -200);
  return { objectNumber, unicode, kinds, widths, defaultWidth, ascent, descent, nulToUnicode };
}

/** `sparse` with `missing` in its holes: an array without holes stays fast to index. */
function withoutHoles<T>(sparse: readonly (T | undefined)[], missing: T): T[] {
  const values: T[] = [];
  for (let index = 0; index < sparse.length; index++) values.push(sparse[index] ?? missing);
  return values;
}

/** What the array under `key` holds, nested arrays included; empty when there is none. */
function arrayInside(dictionary: string, key: string): string {
  const open = new RegExp(`/${key}\\s*\\[`).exec(dictionary);
  if (!open) return '';
  const start = open.index + open[0].length;
  let depth = 1;
  for (let at = start; at < dictionary.length; at++) {
    if (dictionary[at] === '[') depth++;
    else if (dictionary[at] === ']' && --depth === 0) return dictionary.slice(start, at);
  }
  return '';
}

/** Glyph advances from the inside of a CIDFont's /W array: "first [w1 w2 …]" and "first last w" entries. */
function readWidths(list: string): number[] {
  const widths: number[] = [];
  for (const [, first, group, rangeFirst, rangeLast, width] of list.matchAll(
    /(\d+)\s*\[([^\]]*)\]|(\d+)\s+(\d+)\s+(-?[\d.]+)/g,
  )) {
    if (group !== undefined) {
      for (const [offset, value] of group.trim().split(/\s+/).entries()) widths[Number(first) + offset] = Number(value);
    } else {
      for (let glyph = Number(rangeFirst); glyph <= Number(rangeLast); glyph++) widths[glyph] = Number(width);
    }
  }
  return widths;
}

/** Glyph to text from a ToUnicode CMap's bfchar and bfrange entries (the forms Skia writes). */
function readToUnicode(cmap: string): string[] {
  const unicode: string[] = [];
  for (const section of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, glyph, text] of (section[1] ?? '').matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
      unicode[Number.parseInt(glyph as string, 16)] = utf16(text as string);
    }
  }
  for (const section of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const [, first, last, text] of (section[1] ?? '').matchAll(
      /<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g,
    )) {
      const start = Number.parseInt(first as string, 16);
      const code = Number.parseInt(text as string, 16);
      for (let glyph = start; glyph <= Number.parseInt(last as string, 16); glyph++) {
        unicode[glyph] = String.fromCharCode(code + glyph - start);
      }
    }
  }
  return unicode;
}

export function utf16(hex: string): string {
  let text = '';
  for (let index = 0; index + 4 <= hex.length; index += 4) {
    text += String.fromCharCode(Number.parseInt(hex.slice(index, index + 4), 16));
  }
  return text;
}

/** The text Skia's ToUnicode gives a glyph it has no character for. */
export const NUL = '\u0000';
