// Text extraction reads a word as written however far justification spreads its letters.
//
// Chromium (Skia) places every glyph on its own ("dx dy Td <glyph> Tj") and wraps a cluster whose glyphs do not
// map one to one onto its characters (a Thai tone mark drawn with an unencoded variant) in an /ActualText span.
// Readers then guess words from the gaps between glyphs: poppler starts a new word where a glyph begins more than
// 0.1 em after the previous one ends, and ends an /ActualText span where its last glyph ends. `text-justify:
// inter-character` adds the same space after every letter of a line, up to 2.4 pt (0.15 em) on a line followed
// by a long word, and a span such as "พื่" ends at its tone mark, which sits 0.8-1.1 pt left of the cluster's end
// (2.2 pt for "ปิ่"): 0.7 pt of justification is enough to read "เพื่ อ". Giving each such word its text as one
// /ActualText span (PDF 32000-1, 14.9.4) makes poppler read it whole; the pages draw exactly as before.

import { deflateSync } from 'node:zlib';
import {
  type IncrementalUpdate,
  type PdfFile,
  type PdfTrailer,
  pdfTextString,
  readDictionary,
  readStream,
} from './pdf-objects.js';

/** Fraction of the font size a gap inside a word may reach before the word gets its text as one span. */
const SPREAD_GAP = 0.07;
/** Fraction of the font size beyond which a gap separates words even without a space (columns, tab stops). */
const WORD_GAP = 0.3;

interface PageFont {
  readonly unicode: ReadonlyMap<number, string>;
  /** Glyph advances in thousandths of the font size. */
  readonly widths: ReadonlyMap<number, number>;
  readonly defaultWidth: number;
}

/** A glyph drawn alone or a cluster Skia gave its text: the content-stream lines that draw it. */
interface TextUnit {
  /** The lines as written. */
  readonly lines: readonly string[];
  /** The lines without Skia's own /ActualText span around them, for a span of the whole word. */
  readonly unspanned: readonly string[];
  readonly text: string;
  /** Where it starts and where a reader thinks it ends (the end of its last glyph), in text space. */
  readonly start: number;
  readonly end: number;
  readonly baseline: number;
  readonly fontSize: number;
}

const glyphLine = /^(?:(-?[\d.]+) (-?[\d.]+) Td )?<([0-9A-Fa-f]*)> Tj$/;
const spanStart = /^\/Span\s*<<\s*\/ActualText\s*<([0-9A-Fa-f]*)>\s*>>\s*BDC$/;

/**
 * Adds to `update` a new version of every content stream holding a word whose letters justification spread apart,
 * with the word marked with its text as one /ActualText span, so pdftotext and other readers that honour the span
 * read "เพื่อให้" and not "เพื่ อให้" or "ก า ร". Pages draw exactly as before. Streams are read and written one at
 * a time; a PDF without such words gets nothing added.
 *
 * @example
 * ```ts
 * const update = new IncrementalUpdate(pdf, trailer);
 * appendWordText(pdf, trailer, update);
 * update.finish();
 * ```
 */
export function appendWordText(pdf: PdfFile, trailer: PdfTrailer, update: IncrementalUpdate): void {
  const fonts = new Map<number, PageFont>();
  const readFont = (objectNumber: number): PageFont => {
    let font = fonts.get(objectNumber);
    if (!font) {
      const dictionary = readDictionary(pdf, trailer, objectNumber);
      const descendant = /\/DescendantFonts\s*\[\s*(\d+) 0 R/.exec(dictionary)?.[1];
      const descendantDictionary = descendant ? readDictionary(pdf, trailer, Number(descendant)) : '';
      const toUnicode = /\/ToUnicode (\d+) 0 R/.exec(dictionary)?.[1];
      const cmap = toUnicode ? readStream(pdf, trailer, Number(toUnicode)).toString('latin1') : '';
      font = {
        unicode: readToUnicode(cmap),
        widths: readWidths(arrayInside(descendantDictionary, 'W')),
        defaultWidth: Number(/\/DW (\d+)/.exec(descendantDictionary)?.[1] ?? 1000),
      };
      fonts.set(objectNumber, font);
    }
    return font;
  };

  for (const page of pageDictionaries(pdf, trailer)) {
    const pageFonts = new Map<string, PageFont>();
    const fontList = /\/Font\s*<<([^>]*)>>/.exec(page)?.[1] ?? '';
    for (const [, name, objectNumber] of fontList.matchAll(/\/(\S+)\s+(\d+) 0 R/g)) {
      pageFonts.set(name as string, readFont(Number(objectNumber)));
    }
    const contents = /\/Contents\s*(\[[^\]]*\]|\d+ 0 R)/.exec(page)?.[1] ?? '';
    for (const [, objectNumber] of contents.matchAll(/(\d+) 0 R/g)) {
      const number = Number(objectNumber);
      const stream = readStream(pdf, trailer, number).toString('latin1');
      const marked = markSpreadWords(stream, pageFonts);
      if (marked === stream) continue;
      const data = deflateSync(Buffer.from(marked, 'latin1'));
      const head = Buffer.from(`<</Filter /FlateDecode\n/Length ${data.byteLength}>> stream\n`, 'latin1');
      update.add(number, Buffer.concat([head, data, Buffer.from('\nendstream', 'latin1')]));
    }
  }
}

/** The dictionaries of the pages, in order, walking the page tree from the catalog. */
function pageDictionaries(pdf: PdfFile, trailer: PdfTrailer): string[] {
  const pages: string[] = [];
  const visit = (objectNumber: number) => {
    const node = readDictionary(pdf, trailer, objectNumber);
    const kids = /\/Kids\s*\[([^\]]*)\]/.exec(node)?.[1];
    if (kids === undefined) pages.push(node);
    else for (const [, kid] of kids.matchAll(/(\d+) 0 R/g)) visit(Number(kid));
  };
  const root = /\/Pages (\d+) 0 R/.exec(readDictionary(pdf, trailer, trailer.root))?.[1];
  if (root) visit(Number(root));
  return pages;
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
function readWidths(list: string): Map<number, number> {
  const widths = new Map<number, number>();
  for (const [, first, group, rangeFirst, rangeLast, width] of list.matchAll(
    /(\d+)\s*\[([^\]]*)\]|(\d+)\s+(\d+)\s+(-?[\d.]+)/g,
  )) {
    if (group !== undefined) {
      for (const [offset, value] of group.trim().split(/\s+/).entries())
        widths.set(Number(first) + offset, Number(value));
    } else {
      for (let glyph = Number(rangeFirst); glyph <= Number(rangeLast); glyph++) widths.set(glyph, Number(width));
    }
  }
  return widths;
}

/** Glyph to text from a ToUnicode CMap's bfchar and bfrange entries (the forms Skia writes). */
function readToUnicode(cmap: string): Map<number, string> {
  const unicode = new Map<number, string>();
  for (const section of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, glyph, text] of (section[1] ?? '').matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
      unicode.set(Number.parseInt(glyph as string, 16), utf16(text as string));
    }
  }
  for (const section of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const [, first, last, text] of (section[1] ?? '').matchAll(
      /<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g,
    )) {
      const start = Number.parseInt(first as string, 16);
      const code = Number.parseInt(text as string, 16);
      for (let glyph = start; glyph <= Number.parseInt(last as string, 16); glyph++) {
        unicode.set(glyph, String.fromCharCode(code + glyph - start));
      }
    }
  }
  return unicode;
}

function utf16(hex: string): string {
  let text = '';
  for (let index = 0; index + 4 <= hex.length; index += 4) {
    text += String.fromCharCode(Number.parseInt(hex.slice(index, index + 4), 16));
  }
  return text;
}

/**
 * The content stream with each spread word in one /ActualText span. Text objects that follow each other directly
 * (Skia starts one per font, and Latin punctuation comes from Sarabun's Latin file: "ป.ป.ช.") are joined first, so a
 * word may take its letters from several fonts. Lines of shapes this does not know end the current word and pass
 * through unchanged.
 */
function markSpreadWords(stream: string, fonts: ReadonlyMap<string, PageFont>): string {
  const lines = stream.split('\n');
  const output: string[] = [];
  let inText = false;
  let font: PageFont | undefined;
  let fontSize = 0;
  let lineX = 0;
  let lineY = 0;
  let x = 0;
  let word: TextUnit[] = [];
  let span:
    | { text: string; prefix: string[]; open: string; inner: string[]; start?: number; end: number; baseline?: number }
    | undefined;
  let spreadWords = 0;

  const flushWord = () => {
    const spread = word.some((unit, index) => {
      const previous = word[index - 1];
      return previous !== undefined && unit.start - previous.end > SPREAD_GAP * unit.fontSize;
    });
    if (spread) {
      spreadWords++;
      output.push(`/Span<</ActualText ${pdfTextString(word.map((unit) => unit.text).join(''))} >> BDC`);
      for (const unit of word) output.push(...unit.unspanned);
      output.push('EMC');
    } else {
      for (const unit of word) output.push(...unit.lines);
    }
    word = [];
  };
  const addUnit = (unit: TextUnit) => {
    const last = word.at(-1);
    // A word ends at a wide gap, on another baseline, or where the text goes back (the next line).
    if (
      last &&
      (unit.start - last.end > WORD_GAP * unit.fontSize ||
        unit.start < last.start ||
        Math.abs(unit.baseline - last.baseline) > 0.5 * unit.fontSize)
    ) {
      flushWord();
    }
    word.push(unit);
  };
  /** Lines that draw nothing: kept in the word when one is open, so the order of operations stays the same. */
  const pending: string[] = [];
  const passThrough = (line: string) => {
    if (span) span.inner.push(line);
    else if (word.length > 0) pending.push(line);
    else output.push(line);
  };
  const takePending = (): string[] => pending.splice(0);
  const spanLines = (open: NonNullable<typeof span>): string[] => [...open.prefix, open.open, ...open.inner];

  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] as string;
    if (!inText) {
      output.push(line);
      if (line === 'BT') inText = true;
      continue;
    }
    // "ET" then "BT" again: one text object goes on (the next one sets its own font and matrix).
    if (line === 'ET' && lines[index + 1] === 'BT' && setsMatrixBeforeGlyphs(lines, index + 2)) {
      index++;
      continue;
    }
    if (line === 'ET') {
      flushWord();
      if (span) {
        // A span left open: its lines pass as they are.
        output.push(...spanLines(span));
        span = undefined;
      }
      output.push(...takePending(), line);
      inText = false;
      continue;
    }
    // Most lines draw a glyph: the cheap test of the operator at the end comes before any pattern.
    const operator = line.slice(line.lastIndexOf(' ') + 1);
    const spanMatch = operator === 'BDC' ? spanStart.exec(line) : null;
    if (spanMatch && !span) {
      span = {
        text: utf16(spanMatch[1] ?? '').replace(/^\uFEFF/, ''),
        prefix: takePending(),
        open: line,
        inner: [],
        end: x,
      };
      continue;
    }
    if (line === 'EMC' && span) {
      const open = span;
      span = undefined;
      if (open.start === undefined) {
        // A span that draws nothing: its lines pass as they are.
        for (const kept of [...spanLines(open), line]) passThrough(kept);
        continue;
      }
      const unit = {
        lines: [...spanLines(open), line],
        unspanned: [...open.prefix, ...open.inner],
        text: open.text,
        start: open.start,
        end: open.end,
        baseline: open.baseline ?? lineY,
        fontSize,
      };
      addUnit(unit);
      continue;
    }
    const fontMatch = operator === 'Tf' ? /^\/(\S+) (-?[\d.]+) Tf$/.exec(line) : null;
    if (fontMatch) {
      font = fonts.get(fontMatch[1] as string);
      fontSize = Number(fontMatch[2]);
      passThrough(line);
      continue;
    }
    const matrixMatch = operator === 'Tm' ? /^1 0 0 -1 (-?[\d.]+) (-?[\d.]+) Tm$/.exec(line) : null;
    if (matrixMatch) {
      lineX = x = Number(matrixMatch[1]);
      lineY = Number(matrixMatch[2]);
      passThrough(line);
      continue;
    }
    const glyphMatch = operator === 'Tj' ? glyphLine.exec(line) : null;
    if (glyphMatch && font) {
      if (glyphMatch[1] !== undefined) {
        // Td moves the line start; with the matrix 1 0 0 -1, y runs the other way.
        lineX += Number(glyphMatch[1]);
        lineY -= Number(glyphMatch[2]);
        x = lineX;
      }
      const start = x;
      let text = '';
      const hex = glyphMatch[3] ?? '';
      for (let at = 0; at + 4 <= hex.length; at += 4) {
        const glyph = Number.parseInt(hex.slice(at, at + 4), 16);
        text += font.unicode.get(glyph) ?? '';
        x += ((font.widths.get(glyph) ?? font.defaultWidth) * fontSize) / 1000;
      }
      if (span) {
        span.inner.push(line);
        span.start ??= start;
        span.baseline ??= lineY;
        span.end = x;
        continue;
      }
      if (/^\s+$/.test(text)) {
        // A space ends the word; it stays outside any span, where readers see it.
        flushWord();
        output.push(...takePending(), line);
        continue;
      }
      const lines = [...takePending(), line];
      addUnit({ lines, unspanned: lines, text, start, end: x, baseline: lineY, fontSize });
      continue;
    }
    // Anything else inside a text object: end the word here and keep the line as it is.
    flushWord();
    if (span) {
      output.push(...spanLines(span));
      span = undefined;
    }
    output.push(...takePending(), line);
  }
  flushWord();
  output.push(...takePending());
  // Joined text objects and nothing spread: the stream as it was.
  return spreadWords > 0 ? output.join('\n') : stream;
}

/** Whether the text object starting at `index` sets its matrix (Tm) before it draws a glyph. */
function setsMatrixBeforeGlyphs(lines: readonly string[], index: number): boolean {
  for (let at = index; at < lines.length; at++) {
    const line = lines[at] as string;
    if (line.endsWith(' Tm')) return true;
    if (line.endsWith(' Tj') || line === 'ET') return false;
  }
  return false;
}
