import type { GlyphRun, TextVisitor } from './content-stream.js';
import { GlyphKind, type PageFont } from './page-fonts.js';

// The continuation line official letters print at the foot of every page but the last: "/", the first words of the
// next page, "..." (e.g. "/๒. กองการเจ้าหน้าที่..."). The words are drawn with the very glyphs the next page draws
// them with (the document's embedded fonts), copied from its content stream and set at their natural spacing, so no
// second print and no other PDF toolkit is needed.

const POINTS_PER_CM = 72 / 2.54;

/** Where and how long the continuation lines are, in points. */
export interface ContinuationLayout {
  /** Lines whose top is above this, from the top edge, are not a page's first words: page numbers, marks. Default 2.5 cm. */
  readonly topMargin?: number;
  /** Where the continuation line ends, from the right edge. Default 2 cm, the right margin. */
  readonly rightMargin?: number;
  /**
   * Where the line's box ends, from the bottom edge (its baseline sits the font's descent above). Default 1 cm and
   * 1.5 pt: where continuation lines have always printed (first by an overlay print whose sheets were 2 px short of
   * the page), clear of a secrecy mark centred below the text.
   */
  readonly bottom?: number;
  /** The size of its letters. Default 16 pt, an official letter's body text. */
  readonly fontSize?: number;
  /** At most this many characters of the next page's first words. Default 24. */
  readonly maxCharacters?: number;
}

/** A cluster Skia drew in one /ActualText span, or one glyph run drawn alone: what is copied as a whole. */
export interface TextUnit {
  readonly runs: GlyphRun<PageFont>[];
  /** Its text: the span's, or the runs' glyphs' through the ToUnicode. */
  readonly text: string;
  /** Whether its text marks a span of its own (a cluster whose glyphs do not map one to one onto its characters). */
  readonly spanned: boolean;
  /** Where it starts on the page (points, y up), its baseline, its advance and its letters' size, in points. */
  readonly x: number;
  readonly baseline: number;
  readonly advance: number;
  readonly size: number;
  readonly font: PageFont;
}

/** Glyphs placed by the continuation line: one font, one size, from a point in points from the page's bottom left. */
export interface PlacedRun {
  readonly fontObject: number;
  /** The character codes as the font reads them (two bytes a glyph in Chromium's Identity-H fonts). */
  readonly codes: Uint8Array;
  readonly x: number;
  readonly y: number;
  readonly size: number;
}

/** What the continuation line draws, unit by unit; a cluster Skia gave its text keeps it (`actualText`). */
export interface PlacedUnit {
  readonly runs: readonly PlacedRun[];
  readonly actualText?: string;
}

/** The first words of a page, ready to be drawn on the page before. */
export interface FirstWords {
  /** "/๒. กองการเจ้าหน้าที่..." */
  readonly text: string;
  /** The units of those words, in order, and the font of the line. */
  readonly units: readonly TextUnit[];
}

/**
 * The first words of a page from its lines ({@link textLines}; at most `maxCharacters`, whole words only): the first
 * line whose top lies at or below the top margin and that the page before did not print as well. A table's header
 * rows repeat at the top of every page it runs onto, the same text at the same places, and Chromium does not mark
 * them as artifacts: `before` holds the page before's lines, so the words quoted are the first after them. Undefined
 * when the page draws no other text there.
 *
 * @example
 * ```ts
 * const units: TextUnit[] = [];
 * interpretText(stream, fonts, textUnitPass(units));
 * firstWords(textLines(units), 841.92, {}, textLines(previousUnits))?.text // '/๒. กองการเจ้าหน้าที่...'
 * ```
 */
export function firstWords(
  lines: readonly TextLine[],
  pageHeight: number,
  layout: ContinuationLayout,
  before: readonly TextLine[] = [],
): FirstWords | undefined {
  const topMargin = layout.topMargin ?? 2.5 * POINTS_PER_CM;
  // Lines from the top down whose letters reach no higher than the top margin (1 pt of tolerance, as a reader rounds).
  const line = lines
    .filter((candidate) =>
      candidate.some((unit) => pageHeight - (unit.baseline + (unit.font.ascent / 1000) * unit.size) >= topMargin - 1),
    )
    .find((candidate) => !before.some((printed) => sameLine(printed, candidate)));
  if (!line) return undefined;

  // The line's text as a reader finds it: spaces where a space is drawn or the gap is wider than a word gap.
  let text = '';
  const starts: number[] = [];
  let previous: TextUnit | undefined;
  for (const unit of line) {
    if (previous && unit.x - (previous.x + previous.advance) > 0.3 * unit.size) text += ' ';
    starts.push(text.replace(/\s+/g, ' ').trimStart().length);
    text += unit.text;
    previous = unit;
  }
  const written = text.replace(/\s+/g, ' ').trim();
  const words = leadingWords(written, layout.maxCharacters ?? 24);
  const chosen: TextUnit[] = [];
  for (const [index, unit] of line.entries()) {
    const start = starts[index] as number;
    // A unit without text (a mark drawn alone) goes with the letter before it.
    if (start < words.length || (start === words.length && unit.text === '' && chosen.length > 0)) chosen.push(unit);
  }
  return { text: `/${words}...`, units: chosen };
}

/** One line of a page's text units, left to right. */
export type TextLine = readonly TextUnit[];

/**
 * The units with text, in lines (one baseline, within half a point) from the top down, each line left to right: a
 * line's baseline is the first unit's with text that is not within half a point of one found before, and each unit
 * is on the highest line within half a point of its baseline, on one line only. A page's lines
 * give its first words ({@link firstWords}) and are what the next page's first words are checked against.
 *
 * @example
 * ```ts
 * textLines(units).map((line) => line.map((unit) => unit.text).join('')) // ['บันทึกข้อความ', 'ส่วนราชการ …', …]
 * ```
 */
export function textLines(units: readonly TextUnit[]): TextLine[] {
  // Plain loops, no closures: a page of a letter has some 900 units on 25 lines. The baselines found are kept in
  // ascending order, and no two are within half a point of each other, so the one a unit is within is found by
  // halving.
  const baselines: number[] = [];
  for (const unit of units) {
    if (unit.text.trim() === '') continue;
    const at = firstAbove(baselines, unit.baseline, -0.5);
    if (at < baselines.length && (baselines[at] as number) - unit.baseline <= 0.5) continue;
    baselines.splice(at, 0, unit.baseline);
  }
  baselines.reverse();
  const lines: TextUnit[][] = baselines.map(() => []);
  // Each unit on one line only: the highest within half a point (two baselines may be less than a point apart).
  for (const unit of units) {
    const index = highestWithin(baselines, unit.baseline);
    if (index >= 0) (lines[index] as TextUnit[]).push(unit);
  }
  // A stable sort: units at one x stay in the page's order.
  for (const line of lines) line.sort((a, b) => a.x - b.x);
  return lines;
}

/**
 * The index of the first of `ascending` baselines whose difference from `baseline` is at least `difference`; their
 * length when none is.
 */
function firstAbove(ascending: readonly number[], baseline: number, difference: number): number {
  let low = 0;
  let high = ascending.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((ascending[middle] as number) - baseline >= difference) high = middle;
    else low = middle + 1;
  }
  return low;
}

/**
 * The index of the highest of `descending` baselines within half a point of `baseline`; -1 when none is. The first
 * not more than half a point above it is the one, if any is within.
 */
function highestWithin(descending: readonly number[], baseline: number): number {
  let low = 0;
  let high = descending.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((descending[middle] as number) - baseline <= 0.5) high = middle;
    else low = middle + 1;
  }
  return low < descending.length && Math.abs((descending[low] as number) - baseline) <= 0.5 ? low : -1;
}

/** Whether two lines print the same text at the same places across the page (to the half point): a repeated header. */
function sameLine(a: TextLine, b: TextLine): boolean {
  if (a.length !== b.length) return false;
  for (let index = 0; index < a.length; index++) {
    const unit = a[index] as TextUnit;
    const other = b[index] as TextUnit;
    if (unit.text !== other.text || Math.round(unit.x * 2) !== Math.round(other.x * 2)) return false;
  }
  return true;
}

/** Thai words, as ICU finds them: made once, as making one costs more than segmenting a line with it. */
const thaiWords = new Intl.Segmenter('th', { granularity: 'word' });

/** The first words of `line`, whole words only, at most `maxCharacters` long (at least one word). */
function leadingWords(line: string, maxCharacters: number): string {
  let text = '';
  for (const { segment } of thaiWords.segment(line)) {
    if (text !== '' && (text + segment).trimEnd().length > maxCharacters) break;
    text += segment;
  }
  return text.trimEnd();
}

/**
 * A pass that adds to `units` the glyphs of a content stream: Skia's cluster spans whole, other runs one by one.
 *
 * @example
 * ```ts
 * const units: TextUnit[] = [];
 * interpretText(stream, fonts, textUnitPass(units));
 * ```
 */
export function textUnitPass(units: TextUnit[]): TextVisitor<PageFont> {
  let span: { text: string; runs: GlyphRun<PageFont>[] } | undefined;
  const add = (runs: GlyphRun<PageFont>[], text: string, spanned: boolean) => {
    const first = runs[0];
    if (!first?.font) return;
    // By index: destructuring a matrix allocates an iterator and a result per element, for every unit of a page.
    const matrix = first.pageMatrix;
    const a = matrix[0];
    const d = matrix[3];
    let advance = 0;
    for (const run of runs) advance += run.advance * Math.abs(a);
    units.push({
      runs,
      text,
      spanned,
      x: matrix[4],
      baseline: matrix[5],
      advance,
      size: first.fontSize * Math.abs(d),
      font: first.font,
    });
  };
  return {
    actualText: (_, text) => {
      if (text !== undefined) span = { text, runs: [] };
      else if (span) {
        add(span.runs, span.text, true);
        span = undefined;
      }
    },
    glyphs: (run) => {
      if (span) span.runs.push(run);
      else add([run], runText(run), false);
    },
  };
}

/** The text of a run's glyphs through its font's ToUnicode; a space for a blank glyph. */
function runText(run: GlyphRun<PageFont>): string {
  let text = '';
  for (let index = 0; index < run.glyphCount; index++) {
    const glyph = run.glyph(index);
    text += run.font?.kinds[glyph] === GlyphKind.Blank ? ' ' : (run.font?.unicode[glyph] ?? '');
  }
  return text;
}

/** A font and character code that draw one character, as the continuation line needs for "/" and ".". */
export interface CharacterGlyph {
  readonly fontObject: number;
  readonly codes: Uint8Array;
  /** Its advance in thousandths of the font size. */
  readonly width: number;
}

/**
 * The glyph that draws `character` in one of `fonts`, the first font listed first; undefined when none has one.
 *
 * @example
 * ```ts
 * glyphFor('/', [bodyFont, latinFont]) // { fontObject: 7, codes: Uint8Array [0, 18], width: 415 }
 * ```
 */
export function glyphFor(character: string, fonts: Iterable<PageFont>): CharacterGlyph | undefined {
  for (const font of fonts) {
    const glyph = font.unicode.indexOf(character);
    if (glyph < 0) continue;
    const codes = new Uint8Array([glyph >> 8, glyph & 0xff]);
    return { fontObject: font.objectNumber, codes, width: font.widths[glyph] ?? font.defaultWidth };
  }
  return undefined;
}

/**
 * Places a continuation line: "/", the units of `words` at their natural spacing (what justification added between
 * letters taken out), "...", at the layout's size, ending at the right margin.
 *
 * @example
 * ```ts
 * const units = placeContinuation(words, slash, dot, 594.96, {});
 * ```
 */
export function placeContinuation(
  words: FirstWords,
  slash: CharacterGlyph,
  dot: CharacterGlyph,
  pageWidth: number,
  layout: ContinuationLayout,
): PlacedUnit[] {
  const size = layout.fontSize ?? 16;
  const first = words.units[0];
  const scale = size / (first?.size ?? size);
  // Natural positions: a unit with an advance starts where the one before ends; one without (a mark drawn alone)
  // keeps its place on the letter before it.
  const offsets: number[] = [];
  let pen = (slash.width / 1000) * size;
  let base: { unit: TextUnit; start: number } | undefined;
  for (const unit of words.units) {
    if (unit.advance > 0 || !base) {
      offsets.push(pen);
      base = { unit, start: pen };
      pen += unit.advance * scale;
    } else offsets.push(base.start + (unit.x - base.unit.x) * scale);
  }
  const dotWidth = (dot.width / 1000) * size;
  const left = pageWidth - (layout.rightMargin ?? 2 * POINTS_PER_CM) - (pen + 3 * dotWidth);
  const baseline = (layout.bottom ?? POINTS_PER_CM + 1.5) - ((first?.font.descent ?? -232) / 1000) * size;
  const character = (glyph: CharacterGlyph, x: number): PlacedUnit => ({
    runs: [{ fontObject: glyph.fontObject, codes: glyph.codes, x, y: baseline, size }],
  });

  const placed = [character(slash, left)];
  for (const [index, unit] of words.units.entries()) {
    const shift = left + (offsets[index] as number);
    const runs = unit.runs.map((run) => ({
      fontObject: (run.font as PageFont).objectNumber,
      codes: Buffer.from(run.hex, 'hex'),
      x: shift + (run.pageMatrix[4] - unit.x) * scale,
      y: baseline + (run.pageMatrix[5] - unit.baseline) * scale,
      size: run.fontSize * Math.abs(run.pageMatrix[3]) * scale,
    }));
    placed.push(unit.spanned ? { runs, actualText: unit.text } : { runs });
  }
  for (let index = 0; index < 3; index++) placed.push(character(dot, left + pen + index * dotWidth));
  return placed;
}
