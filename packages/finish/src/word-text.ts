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
//
// Readers that ignore /ActualText (pdf.js, many indexers) read each glyph through the font's ToUnicode, where Skia
// maps its unencoded variants (a mai ek shifted down-left, a sara i shifted left) to U+0000: "ที\0". What such a
// glyph draws is learnt from Skia's cluster spans, and the ToUnicode gets a new version that says so.

import { GlyphKind, NUL, type PageFont, pageFonts, utf16 } from './page-fonts.js';
import { pageObjects } from './page-tree.js';
import { type IncrementalUpdate, type PdfFile, type PdfTrailer, pdfTextString, readStream } from './pdf-objects.js';

/** Fraction of the font size a gap inside a word may reach before the word gets its text as one span. */
const SPREAD_GAP = 0.07;
/** Fraction of the font size beyond which a gap separates words even without a space (columns, tab stops). */
const WORD_GAP = 0.3;

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

const spanStart = /^\/Span\s*<<\s*\/ActualText\s*<([0-9A-Fa-f]*)>\s*>>\s*BDC$/;

/**
 * Adds to `update` a new version of every content stream holding a word whose letters justification spread apart,
 * with the word marked with its text as one /ActualText span, so pdftotext and other readers that honour the span
 * read "เพื่อให้" and not "เพื่ อให้" or "ก า ร"; and a new version of every ToUnicode CMap that maps glyphs to
 * U+0000 whose text the document's cluster spans tell, so readers that ignore the spans read "ที่", not "ที\0".
 * Pages draw exactly as before. Streams are read and written one at a time; a PDF without such words or glyphs
 * gets nothing added.
 *
 * @example
 * ```ts
 * const update = new IncrementalUpdate(pdf, trailer);
 * appendWordText(pdf, trailer, update);
 * update.finish();
 * ```
 */
export function appendWordText(pdf: PdfFile, trailer: PdfTrailer, update: IncrementalUpdate): void {
  // Pages share their fonts: each is read once.
  const fonts = new Map<number, PageFont>();
  const silentClusters: SilentCluster[] = [];
  for (const { dictionary: page } of pageObjects(pdf, trailer)) {
    const resources = pageFonts(pdf, trailer, page, fonts);
    const hasSilentGlyphs = [...resources.values()].some((font) => font.nulToUnicode);
    const contents = /\/Contents\s*(\[[^\]]*\]|\d+ 0 R)/.exec(page)?.[1] ?? '';
    for (const [, objectNumber] of contents.matchAll(/(\d+) 0 R/g)) {
      const number = Number(objectNumber);
      const stream = readStream(pdf, trailer, number).toString('latin1');
      if (hasSilentGlyphs) findSilentClusters(stream, resources, silentClusters);
      // Most pages have no spread word (tables, short lines): a scan that only measures gaps spares them the rewrite.
      if (!hasSpreadGap(stream, resources)) continue;
      const marked = markSpreadWords(stream, resources);
      if (marked !== stream) update.addStream(number, Buffer.from(marked, 'latin1'));
    }
  }
  for (const [{ nulToUnicode }, texts] of silentGlyphTexts(silentClusters)) {
    if (!nulToUnicode) continue;
    const named = withSilentGlyphTexts(nulToUnicode.cmap, texts);
    if (named !== nulToUnicode.cmap) update.addStream(nulToUnicode.objectNumber, Buffer.from(named, 'latin1'));
  }
}

const skiaSpan = '/Span<</ActualText <';

/** Glyphs a ToUnicode maps to U+0000, drawn in one of Skia's cluster spans, and the text they draw together. */
interface SilentCluster {
  readonly glyphs: readonly { readonly font: PageFont; readonly glyph: number }[];
  readonly text: string;
}

/**
 * Adds to `clusters` each of Skia's cluster spans in `stream` that draws glyphs its ToUnicode maps to U+0000, with
 * what they draw: the span's text without the characters of its other glyphs (in order). Spans that leave it
 * unclear (a glyph the font does not map, text that does not hold the other glyphs') are left out.
 */
function findSilentClusters(stream: string, fonts: ReadonlyMap<string, PageFont>, clusters: SilentCluster[]): void {
  let font: PageFont | undefined;
  // "Tf\n", not " Tf\n": a pattern that starts with a space is found five times slower.
  let nextFontLine = stream.indexOf('Tf\n') - 1;
  for (let at = stream.indexOf(skiaSpan); at >= 0; at = stream.indexOf(skiaSpan, at)) {
    let end = stream.indexOf('\n', at);
    if (end < 0) return;
    // "/Span<</ActualText <FEFF0E170E48> >> BDC": the text's hex digits, read in place.
    const textStart = at + skiaSpan.length;
    const textEnd = stream.indexOf('>', textStart);
    let clear =
      textEnd + '> >> BDC'.length === end && stream.startsWith('> >> BDC', textEnd) && (textEnd - textStart) % 4 === 0;
    // The font in use: set by the last font line before the span.
    for (; nextFontLine >= 0 && nextFontLine < at; nextFontLine = stream.indexOf('Tf\n', nextFontLine + 2) - 1) {
      const lineStart = stream.lastIndexOf('\n', nextFontLine) + 1;
      const fontLine = readFontLine(stream.slice(lineStart, nextFontLine + ' Tf'.length));
      font = fontLine && fonts.get(fontLine.name);
    }
    let mapped = '';
    const glyphs: { font: PageFont; glyph: number }[] = [];
    // The span's lines up to its EMC: fonts and glyph runs (Skia writes nothing else inside).
    for (at = end + 1; clear; at = end + 1) {
      end = stream.indexOf('\n', at);
      if (end < 0) end = stream.length;
      if (end - at === 3 && stream.startsWith('EMC', at)) break;
      if (stream.startsWith(' Tf', end - 3)) {
        const fontLine = readFontLine(stream.slice(at, end));
        font = fontLine && fonts.get(fontLine.name);
      } else if (font && stream.startsWith('> Tj', end - 4)) {
        for (let glyphAt = stream.lastIndexOf('<', end) + 1; glyphAt < end - 4 && clear; glyphAt += 4) {
          const glyph = hexNumber(stream, glyphAt);
          const text = font.unicode[glyph];
          if (text === NUL) glyphs.push({ font, glyph });
          else if (text) mapped += text;
          else clear = false;
        }
      } else clear = false;
      if (end >= stream.length) clear = false;
    }
    if (!clear || glyphs.length === 0) continue;
    let spanText = '';
    for (let digitAt = textStart; digitAt < textEnd; digitAt += 4) {
      spanText += String.fromCharCode(hexNumber(stream, digitAt));
    }
    const text = textWithout(spanText.replace(/^\uFEFF/, ''), mapped);
    if (text) clusters.push({ glyphs, text });
  }
}

/**
 * The text of each glyph of `clusters`, by font: a cluster with one such glyph gives it the cluster's text; one with
 * more gives the last unknown one what the known others leave ("ปิ่" draws its sara i and mai ek both shifted).
 * A glyph two clusters disagree about gets null: it is left alone.
 */
function silentGlyphTexts(clusters: readonly SilentCluster[]): Map<PageFont, Map<number, string | null>> {
  const texts = new Map<PageFont, Map<number, string | null>>();
  const textOf = (font: PageFont, glyph: number) => texts.get(font)?.get(glyph);
  let pending = clusters;
  while (pending.length > 0) {
    // What earlier rounds learned; a round does not build on its own findings.
    const known = new Map([...texts].map(([font, glyphs]) => [font, new Map(glyphs)]));
    const unresolved: SilentCluster[] = [];
    for (const cluster of pending) {
      const unknown = cluster.glyphs.filter(({ font, glyph }) => typeof known.get(font)?.get(glyph) !== 'string');
      if (unknown.length > 1) unresolved.push(cluster);
      const only = unknown[0];
      if (unknown.length !== 1 || !only || textOf(only.font, only.glyph) === null) continue;
      const others = cluster.glyphs.map(({ font, glyph }) => known.get(font)?.get(glyph) ?? '').join('');
      const text = textWithout(cluster.text, others);
      if (!text) continue;
      let glyphs = texts.get(only.font);
      if (!glyphs) {
        glyphs = new Map();
        texts.set(only.font, glyphs);
      }
      const earlier = glyphs.get(only.glyph);
      glyphs.set(only.glyph, earlier === undefined || earlier === text ? text : null);
    }
    if (unresolved.length === pending.length) break;
    pending = unresolved;
  }
  return texts;
}

/** `text` without `characters`, taken out in order; undefined when they are not all there. */
function textWithout(text: string, characters: string): string | undefined {
  let rest = '';
  let at = 0;
  for (const character of characters) {
    const found = text.indexOf(character, at);
    if (found < 0) return undefined;
    rest += text.slice(at, found);
    at = found + character.length;
  }
  return rest + text.slice(at);
}

/**
 * The ToUnicode CMap with the glyphs it maps to U+0000 mapped to the text `texts` found for them (null: left alone),
 * so readers that ignore /ActualText (pdf.js, indexers) read "ที่", not "ที\0".
 */
function withSilentGlyphTexts(cmap: string, texts: ReadonlyMap<number, string | null>): string {
  return cmap.replace(/beginbfchar[\s\S]*?endbfchar/g, (section) =>
    section.replace(/<([0-9A-Fa-f]{4})>(\s*)<0000>/g, (entry, glyph: string, space: string) => {
      const text = texts.get(Number.parseInt(glyph, 16));
      return text ? `<${glyph}>${space}<${pdfTextString(text).slice('<FEFF'.length)}` : entry;
    }),
  );
}

/**
 * Whether two glyphs that follow each other on a line, neither a space, stand further apart than {@link SPREAD_GAP}
 * and closer than {@link WORD_GAP}: true for every stream in which {@link markSpreadWords} marks a word (Skia's
 * spans and text objects are not told apart here, which may only add streams), and for few others.
 */
function hasSpreadGap(stream: string, fonts: ReadonlyMap<string, PageFont>): boolean {
  let font: PageFont | undefined;
  let fontSize = 0;
  let lineX = 0;
  let lineY = 0;
  let x = 0;
  /** Where the previous glyph of the word ended and its baseline; NaN after a space or another operator. */
  let previousEnd = Number.NaN;
  let previousY = 0;
  let inText = false;
  for (let start = 0; start < stream.length; ) {
    if (!inText) {
      // What lies between text objects (most of a page's lines: shapes, rules, an emblem's outline) is skipped as
      // markSpreadWords skips it; a word does not run across it.
      const textObject = stream.startsWith('BT\n', start) ? start - 1 : stream.indexOf('\nBT\n', start - 1);
      if (textObject < 0) return false;
      if (textObject >= start) previousEnd = Number.NaN;
      start = textObject + '\nBT\n'.length;
      inText = true;
      continue;
    }
    let end = stream.indexOf('\n', start);
    if (end < 0) end = stream.length;
    const lineStart = start;
    start = end + 1;
    if (end - lineStart === 2 && stream.startsWith('ET', lineStart)) {
      inText = false;
      continue;
    }
    const last = stream.charCodeAt(end - 1);
    // "Tj", "Tf", "Tm": the cheap test of the operator's last letter comes first; only lines that set the font or
    // the matrix are cut out of the stream.
    if (last === 0x6a /* j */ && font && readGlyphLine(stream, lineStart, end, font, fontSize, false)) {
      if (glyphLine.moved) {
        lineX += glyphLine.dx;
        lineY -= glyphLine.dy;
        x = lineX;
      }
      const gap = x - previousEnd;
      x += glyphLine.advance;
      if (glyphLine.blank) {
        previousEnd = Number.NaN;
        continue;
      }
      if (gap > SPREAD_GAP * fontSize && gap <= WORD_GAP * fontSize && Math.abs(lineY - previousY) <= 0.5 * fontSize) {
        return true;
      }
      previousEnd = x;
      previousY = lineY;
      continue;
    }
    if (last === 0x66 /* f */ && stream.startsWith(' Tf', end - 3)) {
      const fontLine = readFontLine(stream.slice(lineStart, end));
      font = fontLine && fonts.get(fontLine.name);
      fontSize = fontLine?.size ?? 0;
      continue;
    }
    if (last === 0x6d /* m */ && stream.startsWith(' Tm', end - 3)) {
      const matrix = readMatrixLine(stream.slice(lineStart, end));
      lineX = x = matrix?.x ?? Number.NaN;
      lineY = matrix?.y ?? 0;
      continue;
    }
    // Text objects and marked content do not end a word for markSpreadWords; anything else drawn may.
    if (!isTextOrMarkedContent(stream, lineStart, end)) previousEnd = Number.NaN;
  }
  return false;
}

/**
 * The content stream with each spread word in one /ActualText span. Text objects that follow each other directly
 * (Skia starts one per font, and Latin punctuation comes from Sarabun's Latin file: "ป.ป.ช.") are joined first, so a
 * word may take its letters from several fonts. Lines of shapes this does not know end the current word and pass
 * through unchanged.
 */
function markSpreadWords(stream: string, fonts: ReadonlyMap<string, PageFont>): string {
  /** Lines and runs of lines, joined by line breaks at the end. */
  const output: string[] = [];
  let inText = false;
  let font: PageFont | undefined;
  let fontSize = 0;
  let lineX = 0;
  let lineY = 0;
  let x = 0;
  let word: TextUnit[] = [];
  let span:
    | {
        text: string;
        prefix: readonly string[];
        open: string;
        inner: string[];
        start?: number;
        end: number;
        baseline?: number;
      }
    | undefined;
  let spreadWords = 0;

  const flushWord = () => {
    if (word.length === 0) return;
    let spread = false;
    for (let index = 1; index < word.length && !spread; index++) {
      const unit = word[index] as TextUnit;
      spread = unit.start - (word[index - 1] as TextUnit).end > SPREAD_GAP * unit.fontSize;
    }
    if (spread) {
      spreadWords++;
      output.push(`/Span<</ActualText ${pdfTextString(word.map((unit) => unit.text).join(''))} >> BDC`);
      for (const unit of word) output.push(...unit.unspanned);
      output.push('EMC');
    } else {
      for (const unit of word) for (const line of unit.lines) output.push(line);
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
  const noLines: readonly string[] = [];
  const takePending = (): readonly string[] => (pending.length === 0 ? noLines : pending.splice(0));
  const spanLines = (open: NonNullable<typeof span>): string[] => [...open.prefix, open.open, ...open.inner];

  // Line by line as split('\n') gives them, without splitting: what lies between text objects (most of a page's
  // lines: shapes, rules) passes as one run.
  for (let start = 0; start <= stream.length; ) {
    if (!inText) {
      const textObject = stream.startsWith('BT\n', start) ? start - 1 : stream.indexOf('\nBT\n', start - 1);
      if (textObject < 0) {
        output.push(stream.slice(start));
        break;
      }
      if (textObject >= start) output.push(stream.slice(start, textObject));
      output.push('BT');
      start = textObject + '\nBT\n'.length;
      inText = true;
      continue;
    }
    let end = stream.indexOf('\n', start);
    if (end < 0) end = stream.length;
    const line = stream.slice(start, end);
    start = end + 1;
    // "ET" then "BT" again: one text object goes on (the next one sets its own font and matrix).
    if (line === 'ET' && stream.startsWith('BT\n', start) && setsMatrixBeforeGlyphs(stream, start + 'BT\n'.length)) {
      start += 'BT\n'.length;
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
    // Most lines draw a glyph: the operator is told by its last letter before any pattern (the readers below check
    // the whole line).
    const last = line.charCodeAt(line.length - 1);
    const operator = last === 0x6a ? 'Tj' : last === 0x66 ? 'Tf' : last === 0x6d ? 'Tm' : last === 0x43 ? 'BDC' : '';
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
    const fontLine = operator === 'Tf' ? readFontLine(line) : undefined;
    if (fontLine) {
      font = fonts.get(fontLine.name);
      fontSize = fontLine.size;
      passThrough(line);
      continue;
    }
    const matrix = operator === 'Tm' ? readMatrixLine(line) : undefined;
    if (matrix) {
      lineX = x = matrix.x;
      lineY = matrix.y;
      passThrough(line);
      continue;
    }
    if (operator === 'Tj' && font && readGlyphLine(line, 0, line.length, font, fontSize, true)) {
      if (glyphLine.moved) {
        lineX += glyphLine.dx;
        lineY -= glyphLine.dy;
        x = lineX;
      }
      const start = x;
      const text = glyphLine.text;
      x += glyphLine.advance;
      if (span) {
        span.inner.push(line);
        span.start ??= start;
        span.baseline ??= lineY;
        span.end = x;
        continue;
      }
      if (glyphLine.blank) {
        // A space ends the word; it stays outside any span, where readers see it.
        flushWord();
        output.push(...takePending(), line);
        continue;
      }
      const lines = pending.length === 0 ? [line] : [...takePending(), line];
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

/** Whether the text object whose lines start at `start` sets its matrix (Tm) before it draws a glyph. */
function setsMatrixBeforeGlyphs(stream: string, start: number): boolean {
  for (let at = start; at < stream.length; ) {
    let end = stream.indexOf('\n', at);
    if (end < 0) end = stream.length;
    if (stream.startsWith(' Tm', end - 3)) return true;
    if (stream.startsWith(' Tj', end - 3) || (end - at === 2 && stream.startsWith('ET', at))) return false;
    at = end + 1;
  }
  return false;
}

/** A "/F5 21.33 Tf" line: the font's resource name and size. */
function readFontLine(line: string): { name: string; size: number } | undefined {
  const space = line.indexOf(' ');
  if (line.charCodeAt(0) !== 0x2f /* / */ || space < 2 || !line.endsWith(' Tf')) return undefined;
  const size = readNumber(line, space + 1, line.length - ' Tf'.length);
  return Number.isNaN(size) ? undefined : { name: line.slice(1, space), size };
}

/** A "1 0 0 -1 x y Tm" line (Skia's only text matrix): where the text line starts. */
function readMatrixLine(line: string): { x: number; y: number } | undefined {
  const prefix = '1 0 0 -1 ';
  const space = line.indexOf(' ', prefix.length);
  if (!line.startsWith(prefix) || space < 0 || !line.endsWith(' Tm')) return undefined;
  const x = readNumber(line, prefix.length, space);
  const y = readNumber(line, space + 1, line.length - ' Tm'.length);
  return Number.isNaN(x) || Number.isNaN(y) ? undefined : { x, y };
}

/** What {@link readGlyphLine} read from one line; one object, overwritten line after line (most lines are these). */
interface GlyphLine {
  /** Whether the line moves the line start ("dx dy Td"), and by how much. */
  moved: boolean;
  dx: number;
  dy: number;
  /** The glyphs' advance in text space. */
  advance: number;
  /** Whether the glyphs' text is white space only: a space between words. */
  blank: boolean;
  /** The glyphs' text, when asked for. */
  text: string;
}

const glyphLine: GlyphLine = { moved: false, dx: 0, dy: 0, advance: 0, blank: false, text: '' };

/**
 * Reads `stream` from `start` to `end` as a "dx dy Td <glyphs> Tj" or "<glyphs> Tj" line into {@link glyphLine}
 * (with the matrix 1 0 0 -1, dy runs the other way); false when it is not one. By hand, without a substring: most
 * lines of a page are these.
 */
function readGlyphLine(
  stream: string,
  start: number,
  end: number,
  font: PageFont,
  fontSize: number,
  withText: boolean,
): boolean {
  // Character codes, not substrings or searches: this runs for every glyph of a 300-page report.
  const close = end - '> Tj'.length;
  if (
    !(
      stream.charCodeAt(close) === 0x3e &&
      stream.charCodeAt(close + 1) === 0x20 &&
      stream.charCodeAt(close + 2) === 0x54
    )
  ) {
    return false;
  }
  // From the end: a run is mostly one glyph, four hex digits.
  let open = close - 1;
  while (open >= start && stream.charCodeAt(open) !== 0x3c /* < */) open--;
  if (open < start || (close - open - 1) % 4 !== 0) return false;
  glyphLine.moved = open > start;
  if (glyphLine.moved) {
    // "dx dy Td ": Skia writes no other operand before a glyph string.
    let space = start;
    while (space < open && stream.charCodeAt(space) !== 0x20) space++;
    if (!(stream.charCodeAt(open - 3) === 0x54 && stream.charCodeAt(open - 2) === 0x64)) return false;
    glyphLine.dx = readNumber(stream, start, space);
    glyphLine.dy = readNumber(stream, space + 1, open - 4);
    if (Number.isNaN(glyphLine.dx) || Number.isNaN(glyphLine.dy)) return false;
  }
  let text = '';
  let width = 0;
  let blank = false;
  let written = false;
  for (let at = open + 1; at < close; at += 4) {
    const glyph = hexNumber(stream, at);
    if (glyph < 0) return false;
    width += font.widths[glyph] ?? font.defaultWidth;
    const kind = font.kinds[glyph] ?? GlyphKind.Silent;
    if (kind !== GlyphKind.Silent) {
      blank = kind === GlyphKind.Blank && (blank || !written);
      written = true;
    }
    if (withText) text += font.unicode[glyph] ?? '';
  }
  glyphLine.advance = (width * fontSize) / 1000;
  glyphLine.blank = blank;
  glyphLine.text = text;
  return true;
}

/** A decimal number ("25.766632", "-.041107178", "0") written from `start` to `end`; NaN when it is not one. */
function readNumber(text: string, start: number, end: number): number {
  // Skia writes "0 Td" moves on one line: dy is a single digit almost always.
  if (end - start === 1) {
    const digit = text.charCodeAt(start) - 0x30;
    return digit >= 0 && digit <= 9 ? digit : Number.NaN;
  }
  let at = start;
  const negative = text.charCodeAt(at) === 0x2d;
  if (negative) at++;
  let whole = 0;
  let fraction = 0;
  let scale = 1;
  let digits = 0;
  let inFraction = false;
  for (; at < end; at++) {
    const code = text.charCodeAt(at);
    if (code === 0x2e && !inFraction) {
      inFraction = true;
      continue;
    }
    const digit = code - 0x30;
    if (digit < 0 || digit > 9) return Number.NaN;
    digits++;
    if (inFraction) {
      fraction = fraction * 10 + digit;
      scale *= 10;
    } else whole = whole * 10 + digit;
  }
  if (digits === 0) return Number.NaN;
  const value = whole + fraction / scale;
  return negative ? -value : value;
}

/** Whether the line from `start` to `end` is "BT", "ET", "EMC" or ends in "BDC". */
function isTextOrMarkedContent(stream: string, start: number, end: number): boolean {
  const length = end - start;
  if (length === 2) return stream.startsWith('BT', start) || stream.startsWith('ET', start);
  return (length === 3 && stream.startsWith('EMC', start)) || (length >= 3 && stream.startsWith('BDC', end - 3));
}

/** The number four hex digits from `at` write; negative when they are not four hex digits. */
function hexNumber(text: string, at: number): number {
  return (
    (hexValue(text.charCodeAt(at)) << 12) |
    (hexValue(text.charCodeAt(at + 1)) << 8) |
    (hexValue(text.charCodeAt(at + 2)) << 4) |
    hexValue(text.charCodeAt(at + 3))
  );
}

/** The value of a hex digit's character code; a large negative number for any other character. */
function hexValue(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  if (code >= 0x41 && code <= 0x46) return code - 0x37;
  if (code >= 0x61 && code <= 0x66) return code - 0x57;
  return -0x10000;
}
