import { keptOperation, type Matrix, type Operation, type TextVisitor } from './content-stream.js';
import { magnifyText } from './magnified-text.js';
import { GlyphKind, type PageFont } from './page-fonts.js';
import { pdfTextString } from './pdf-objects.js';
import { lineOf, type StreamEdit, writtenNumber } from './stream-edits.js';

// Text extraction reads a word as written however far justification spreads its letters.
//
// Chromium (Skia) places every glyph on its own ("dx dy Td <glyph> Tj") and wraps a cluster whose glyphs do not
// map one to one onto its characters (a Thai tone mark drawn with an unencoded variant) in an /ActualText span.
// Readers then guess words from the gaps between glyphs: poppler starts a new word where a glyph begins more than
// 0.1 em after the previous one ends, and ends an /ActualText span where its last glyph ends. `text-justify:
// inter-character` adds the same space after every letter of a line, up to 2.4 pt (0.15 em) on a line followed
// by a long word, and a span such as "พื่" ends at its tone mark, which sits 0.8-1.1 pt left of the cluster's end
// (2.2 pt for "ปิ่"): 0.7 pt of justification is enough to read "เพื่ อ". Giving each such word its text as one
// /ActualText span (PDF 32000-1, 14.9.4) makes poppler and PDFium read it whole. pdf.js ignores the span and reads a
// gap wider than 0.102 em as a space: a word with such gaps is also drawn magnified (magnified-text.ts), where pdf.js
// sees them smaller. The pages draw exactly as before.
//
// PDFium (Chrome's viewer) reads a line's glyphs in the order they start, and a span's text at the first of its glyphs
// in that order, measuring the gap to what follows from that glyph. Skia draws a mark at its base's advance, a hair
// past the next letter: a cluster span read "ส่วส่ นราชการ" (its mark came after ว, out of its span, which was read
// again) and "จัดทำ รายงาน" (the gap measured from จ). A word holding one of Skia's spans therefore gets one span for
// the whole word too, and the space after a word ending in a mark moves to just past the mark (a space draws nothing).

/** Fraction of the font size a gap inside a word may reach before the word gets its text as one span. */
const SPREAD_GAP = 0.07;
/** Fraction of the font size beyond which a gap separates words even without a space (columns, tab stops). */
const WORD_GAP = 0.3;
/** Fraction of the font size (as Tf sets it) beyond which pdf.js reads a gap as a space: 0.102, less a margin. */
const PDFJS_SPACE_GAP = 0.09;

/** A glyph run drawn alone or a cluster Skia gave its text: where it lies in the stream and on its line. */
interface WordUnit {
  /** Offsets of its first operation (the Td that moves it, or Skia's span) and just past its last. */
  readonly from: number;
  readonly to: number;
  readonly text: string;
  /** Where it starts and where a reader thinks it ends (the end of its last glyph), in text space. */
  readonly start: number;
  readonly end: number;
  /** Where the last of its glyph runs starts: a mark of a cluster starts at its base's end, past the next letter. */
  readonly reach: number;
  readonly baseline: number;
  readonly fontSize: number;
  /** The text line matrix after it: where the text after the word is placed from. */
  readonly lineMatrix: Matrix;
  /** Skia's own span around it, taken out when the unit goes into a span of the whole word. */
  readonly span?: { readonly open: Operation; readonly close: Operation };
}

/**
 * A pass that adds to `edits` what gives each word of `stream` whose letters justification spread apart, or that holds
 * one of Skia's cluster spans, its text as one /ActualText span (Skia's cluster spans inside it taken out), so
 * pdftotext, PDFium and other readers that honour the span read "เพื่อให้" and not "เพื่ อให้", "ก า ร" or "ส่วส่น".
 * A word ends at a space, a wide gap, another baseline, where the text goes back, or at anything else drawn; it goes
 * on across text objects that follow each other directly (Skia starts one per font, and Latin punctuation comes from
 * Sarabun's Latin file: "ป.ป.ช."), whose ET and BT are then taken out, as marked content may not span text objects.
 * It also goes on across the marked-content sections of Chromium's tagged PDF (each inline element, such as the
 * `<nobr>` that keeps a Thai word on one line, is a section of its own, "EMC /NonStruct <</MCID n>> BDC" between two
 * text objects, with the underline of an underlined one): their operators move to just after the word, which ends its
 * text object there and begins the next one where the word left the line matrix. The first section then holds the
 * whole word and the ones it crossed hold what follows it, properly nested.
 *
 * @example
 * ```ts
 * const edits: StreamEdit[] = [];
 * interpretText(stream, fonts, spreadWordPass(stream, edits));
 * const marked = withEdits(stream, edits);
 * ```
 */
export function spreadWordPass(stream: string, edits: StreamEdit[]): TextVisitor<PageFont> {
  let word: WordUnit[] = [];
  /** The ET and BT between the word's text objects. */
  let joins: Operation[] = [];
  /**
   * Where the marked-content operators between the word's text objects lie, start and end of each in turn (a page's
   * dotted lines are a thousand of them, an object each would be most of what the pass makes): they move to after
   * the word.
   */
  let sections: number[] = [];
  let span:
    | {
        open: Operation;
        text: string;
        start?: number;
        end: number;
        reach: number;
        baseline?: number;
        fontSize: number;
        lineMatrix?: Matrix;
      }
    | undefined;
  /** The ET of the text object that just ended, while the word may go on in the next one. */
  let ended: Operation | undefined;
  /** The marked-content operators since that ET. */
  let between: number[] = [];
  /** The next text object, directly after it, and whether it has set its matrix yet. */
  let next: { end: Operation; begin: Operation; matrix: boolean; between: number[] } | undefined;

  const flush = () => {
    ended = undefined;
    next = undefined;
    // Most operations end no word (a page's dotted lines are a thousand rectangles): no new arrays for them.
    if (word.length === 0) return;
    if (isSpread(word) || word.some((unit) => unit.span)) markWord(stream, word, joins, sections, edits);
    word = [];
    joins = [];
    sections = [];
  };
  const add = (unit: WordUnit) => {
    if (next) {
      // A text object that draws before it sets its matrix does not go on from the one before.
      if (next.matrix) {
        joins.push(next.end, next.begin);
        for (const offset of next.between) sections.push(offset);
      } else flush();
      next = undefined;
    }
    const last = word.at(-1);
    if (
      last &&
      (unit.start - last.end > WORD_GAP * unit.fontSize ||
        unit.start < last.start ||
        Math.abs(unit.baseline - last.baseline) > 0.5 * unit.fontSize)
    ) {
      flush();
    }
    word.push(unit);
  };
  /** Anything else drawn or done ends the word, and a span open around it passes as it is. */
  const interrupt = () => {
    span = undefined;
    flush();
  };

  return {
    textObject(operation, begins) {
      if (!begins) {
        span = undefined;
        ended = keptOperation(operation);
        between = [];
        return;
      }
      // Directly: nothing but marked content between the two text objects (anything else ended the word).
      if (ended && word.length > 0) next = { end: ended, begin: keptOperation(operation), matrix: false, between };
      else flush();
      ended = undefined;
    },
    textState(operation) {
      if (next && operation.operator === 'Tm') next.matrix = true;
    },
    actualText(operation, text) {
      if (text !== undefined) {
        if (span) interrupt();
        span = { open: keptOperation(operation), text, end: 0, reach: 0, fontSize: 0 };
        return;
      }
      const open = span;
      span = undefined;
      // A span that draws nothing passes as it is.
      if (!open || open.start === undefined) return;
      add({
        from: open.open.start,
        to: operation.end,
        text: open.text,
        start: open.start,
        end: open.end,
        reach: open.reach,
        baseline: open.baseline ?? 0,
        fontSize: open.fontSize,
        lineMatrix: open.lineMatrix ?? IDENTITY,
        span: { open: open.open, close: keptOperation(operation) },
      });
    },
    glyphs(run) {
      const font = run.font;
      if (!font) return interrupt();
      const end = run.x + run.advance;
      if (span) {
        span.start ??= run.x;
        span.baseline ??= run.y;
        span.end = end;
        span.reach = Math.max(span.reach, run.x);
        span.fontSize = run.fontSize;
        span.lineMatrix = run.lineMatrix;
        return;
      }
      let text = '';
      let blank = false;
      let written = false;
      for (let index = 0; index < run.glyphCount; index++) {
        const glyph = run.glyph(index);
        const kind = font.kinds[glyph] ?? GlyphKind.Silent;
        if (kind !== GlyphKind.Silent) {
          blank = kind === GlyphKind.Blank && (blank || !written);
          written = true;
        }
        text += font.unicode[glyph] ?? '';
      }
      // A space ends the word; it stays outside any span, where readers see it. PDFium reads a line's glyphs in the
      // order they start: a mark that ends the word starts at its base's end, a hair past the space, and would come
      // after it, out of the word's span (read again: "ทั้งนี้ ทั้งนี้"). The space, which draws nothing, moves to
      // just past the mark, and the text after it back where it was.
      if (blank) {
        const last = word.at(-1);
        const reach = last && Math.abs(run.y - last.baseline) < 0.5 * run.fontSize ? reachOf(word) : run.x;
        if (reach > run.x && reach - run.x < MARK_OVERHANG * run.fontSize) {
          const shift = writtenNumber(reach - run.x + SPACE_NUDGE, 5);
          edits.push({ at: run.start, insert: `${shift} 0 Td\n` });
          edits.push({ at: run.end, insert: `\n-${shift} 0 Td` });
        }
        return flush();
      }
      add({
        from: run.from,
        to: run.end,
        text,
        start: run.x,
        end,
        reach: run.x,
        baseline: run.y,
        fontSize: run.fontSize,
        lineMatrix: run.lineMatrix,
      });
    },
    other(operation) {
      // Between two text objects, a section of Chromium's tagged PDF ends and the next begins, and an underline may be
      // drawn: they move to after the word. No colour is set in between: the underline has the text's colour, and the
      // order they are drawn in changes no pixel.
      if (ended && word.length > 0 && BETWEEN_TEXT.has(operation.operator))
        between.push(operation.start, operation.end);
      else interrupt();
    },
    end: flush,
  };
}

/** How far past a word's last mark its space moves, in text space units: more than a written number's rounding. */
const SPACE_NUDGE = 0.01;
/** Fraction of the font size a word's last mark may start past the space after it (0.01 in the examples). */
const MARK_OVERHANG = 0.05;
/** Marked content, and the path operators of a filled rectangle (an underline). */
const BETWEEN_TEXT = new Set(['BDC', 'BMC', 'EMC', 're', 'f']);
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** Where the last glyph run of the word starts. */
function reachOf(word: readonly WordUnit[]): number {
  let reach = Number.NEGATIVE_INFINITY;
  for (const unit of word) reach = Math.max(reach, unit.reach);
  return reach;
}

/** Whether two units of the word stand further apart than {@link SPREAD_GAP}. */
function isSpread(word: readonly WordUnit[]): boolean {
  for (let index = 1; index < word.length; index++) {
    const unit = word[index] as WordUnit;
    if (unit.start - (word[index - 1] as WordUnit).end > SPREAD_GAP * unit.fontSize) return true;
  }
  return false;
}

/** The widest gap between two units of the word, as a fraction of the font size. */
function widestGap(word: readonly WordUnit[]): number {
  let widest = 0;
  for (let index = 1; index < word.length; index++) {
    const unit = word[index] as WordUnit;
    widest = Math.max(widest, (unit.start - (word[index - 1] as WordUnit).end) / unit.fontSize);
  }
  return widest;
}

/**
 * Adds the edits that put `word` in one /ActualText span of its text (and draw it magnified where pdf.js would read
 * a space in it), and move the marked-content operators of the sections it crossed (`sections`: start and end of
 * each) to just after it, between an ET and a BT that sets the line matrix again.
 */
function markWord(
  stream: string,
  word: readonly WordUnit[],
  joins: readonly Operation[],
  sections: readonly number[],
  edits: StreamEdit[],
): void {
  const first = word[0] as WordUnit;
  const last = word.at(-1) as WordUnit;
  edits.push({
    at: first.from,
    insert: `/Span<</ActualText ${pdfTextString(word.map((unit) => unit.text).join(''))} >> BDC\n`,
  });
  for (const unit of word) {
    if (!unit.span) continue;
    edits.push(lineOf(stream, unit.span.open.start, unit.span.open.end));
    // The last unit's own EMC closes the word's span.
    if (unit !== last) edits.push(lineOf(stream, unit.span.close.start, unit.span.close.end));
  }
  if (!last.span) edits.push({ at: last.to, insert: '\nEMC' });
  const widest = widestGap(word);
  if (widest > PDFJS_SPACE_GAP) {
    // Skia draws a line's glyphs upright at its baseline: the first glyph's line matrix is the line's, moved there.
    const [a, b, c, d] = first.lineMatrix;
    const start: Matrix = [a, b, c, d, first.start, first.baseline];
    magnifyText(stream, { from: first.from, to: last.to }, start, last.lineMatrix, widest, edits);
  }
  for (const join of joins) edits.push(lineOf(stream, join.start, join.end));
  if (sections.length === 0) return;
  const moved: string[] = [];
  for (let index = 0; index < sections.length; index += 2) {
    const start = sections[index] as number;
    const end = sections[index + 1] as number;
    moved.push(stream.slice(start, end));
    edits.push(lineOf(stream, start, end));
  }
  const matrix = last.lineMatrix.map((value) => writtenNumber(value, 5)).join(' ');
  edits.push({ at: last.to, insert: `\nET\n${moved.join('\n')}\nBT\n${matrix} Tm` });
}
