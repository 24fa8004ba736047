import type { Matrix } from './content-stream.js';
import { type StreamEdit, writtenNumber } from './stream-edits.js';

// pdf.js (Firefox's viewer, many indexers; it ignores /ActualText) tells words apart by the gap between where a glyph
// ends and where the next begins: wider than 0.102 of the font size Tf set, it reads a space (compareWithLastPosition
// in its worker). Justification spreads a Thai line's letters 0.15 em apart and more before a long unbreakable token,
// and pdf.js read "ก อ ง ยุ ท ธ". The same glyphs drawn at `scale` times the font size, `scale` times narrower (Tz) on
// a text matrix `scale` times lower draw exactly as before, as the rendering matrix [size·Tz 0 0 size] × Tm is the
// same, and advance as before; only pdf.js, which measures gaps against the size as Tf sets it, sees them `scale`
// times smaller. poppler and PDFium take the size from the whole matrix and read the same boxes as before.
//
// Few words need it, so their operations are read here, from Skia's lines, rather than by the interpreter for every
// word: "/F6 13.9 Tf", "1 0 0 -1 94.48 355 Tm", "10.69 0 Td <0039> Tj", one operation a line but a move and its
// glyph. Text written otherwise is left as it is.

/** Fraction of the font size (as Tf sets it) a gap inside a magnified word may reach: half of pdf.js's 0.102. */
const MAGNIFIED_GAP = 0.05;

const FONT = /^(\/\S+) (\S+) Tf$/;
const TEXT_MATRIX = /^(\S+ \S+) (\S+) (\S+) (\S+ \S+) Tm$/;
const MOVE = /^(\S+) (\S+) Td(?= <)/;
const TEXT_OPERATOR = /(?:^|\s)T[fmd](?=\s|$)/g;
const MARKED_CONTENT = /(?:BDC|BMC|EMC)$/;

/**
 * Adds to `edits` what draws the text of `stream` in `range` (a word, from the operations that place its first glyph
 * to just past its last) at a power of two times its font size and as many times narrower, enough that pdf.js reads
 * its `widest` gap (a fraction of the font size) as none, and what sets the font, the horizontal scaling and the line
 * matrix back after it. `start` is the line matrix its first glyph is drawn at, `end` the one in force after it. Every
 * Tf, Tm and Td in between is written for the magnified state; the page draws as before. Does nothing to text not
 * written as Skia writes it.
 *
 * @example
 * ```ts
 * magnifyText(stream, { from: 120, to: 900 }, [1, 0, 0, -1, 94.5, 355], [1, 0, 0, -1, 530.2, 355], 0.15, edits);
 * // "/F6 55.6 Tf 25 Tz 1 0 0 -0.25 94.5 355 Tm" before its first glyph, "/F6 13.9 Tf 100 Tz 1 0 0 -1 530.2 355 Tm"
 * // after it, every Tf, Tm and Td off the baseline in between rewritten
 * ```
 */
export function magnifyText(
  stream: string,
  range: { readonly from: number; readonly to: number },
  start: Matrix,
  end: Matrix,
  widest: number,
  edits: StreamEdit[],
): void {
  const glyph = firstGlyph(stream, range.from, range.to);
  const startFont = glyph === undefined ? undefined : fontAt(stream, glyph);
  const endFont = fontAt(stream, range.to);
  if (glyph === undefined || !startFont || !endFont) return;
  const rewritten = magnifiedOperations(stream, glyph, range.to);
  if (!rewritten) return;
  // A power of two: sizes and matrices stay exact in decimals.
  const scale = 2 ** Math.max(1, Math.ceil(Math.log2(widest / MAGNIFIED_GAP)));
  edits.push({
    at: glyph,
    insert: `${startFont.name} ${decimal(startFont.size * scale)} Tf ${decimal(100 / scale)} Tz ${matrixOperation(start, scale)}\n`,
  });
  for (const operation of rewritten) {
    edits.push({ at: operation.from, insert: operation.write(scale) });
    edits.push({ from: operation.from, to: operation.to, remove: true });
  }
  edits.push({
    at: range.to,
    insert: `\n${endFont.name} ${decimal(endFont.size)} Tf 100 Tz ${matrixOperation(end, 1)}`,
  });
}

/**
 * The offset of the operand of the first Tj from `from` on, when it is drawn at the line matrix (a Td on its line, or
 * a Tm on a line before with nothing but marked content between), or undefined.
 */
function firstGlyph(stream: string, from: number, to: number): number | undefined {
  const shown = stream.indexOf('> Tj', from);
  const operand = stream.lastIndexOf('<', shown);
  if (shown < 0 || shown >= to || operand < from) return undefined;
  let line = stream.lastIndexOf('\n', operand) + 1;
  if (line < operand) return MOVE.test(stream.slice(line, operand + 1)) ? operand : undefined;
  while (line > 0) {
    const previous = stream.slice(stream.lastIndexOf('\n', line - 2) + 1, line - 1);
    if (TEXT_MATRIX.test(previous)) return operand;
    if (!MARKED_CONTENT.test(previous)) return undefined;
    line -= previous.length + 1;
  }
  return undefined;
}

/** The font in force at `at`: the last Tf before it, when its text object set it. */
function fontAt(stream: string, at: number): { name: string; size: number } | undefined {
  const operator = stream.lastIndexOf(' Tf', at);
  const line = stream.lastIndexOf('\n', operator) + 1;
  const font = FONT.exec(stream.slice(line, operator + 3));
  // A text object begins with its own Tf (Skia's): one set before its BT may not be in force.
  if (!font || stream.lastIndexOf('BT', at) > operator) return undefined;
  return { name: font[1] as string, size: Number(font[2]) };
}

/** A Tf, Tm or Td to write anew, and what it becomes magnified `scale` times. */
interface Rewritten {
  readonly from: number;
  readonly to: number;
  write(scale: number): string;
}

/**
 * The Tf, Tm and Td operations between `from` and `to` that change when the text is magnified (every Tf and Tm, a Td
 * off the baseline), or undefined when one of them is not on a line of its own as Skia writes it.
 */
function magnifiedOperations(stream: string, from: number, to: number): Rewritten[] | undefined {
  const text = stream.slice(from, to);
  const operations: Rewritten[] = [];
  let found = 0;
  for (let line = 0; line < text.length; ) {
    const next = text.indexOf('\n', line);
    const lineEnd = next < 0 ? text.length : next;
    const written = text.slice(line, lineEnd);
    const at = from + line;
    line = lineEnd + 1;
    // Most lines move a glyph along the baseline ("10.69 0 Td <0039> Tj"): they stay as they are.
    if (written.includes(' 0 Td ')) found++;
    else if (written.endsWith(' Tf')) {
      const [, name, size] = FONT.exec(written) ?? [];
      if (name === undefined) return undefined;
      operations.push({
        from: at,
        to: lineEnd + from,
        write: (scale) => `${name} ${decimal(Number(size) * scale)} Tf`,
      });
      found++;
    } else if (written.endsWith(' Tm')) {
      const [, ab, c, d, ef] = TEXT_MATRIX.exec(written) ?? [];
      if (ab === undefined) return undefined;
      operations.push({
        from: at,
        to: lineEnd + from,
        write: (scale) => `${ab} ${decimal(Number(c) / scale)} ${decimal(Number(d) / scale)} ${ef} Tm`,
      });
      found++;
    } else if (written.includes(' Td ')) {
      const [whole, dx, dy] = MOVE.exec(written) ?? [];
      if (whole === undefined) return undefined;
      if (Number(dy) !== 0) {
        operations.push({
          from: at,
          to: at + whole.length,
          write: (scale) => `${dx} ${decimal(Number(dy) * scale)} Td`,
        });
      }
      found++;
    }
  }
  return found === (text.match(TEXT_OPERATOR)?.length ?? 0) ? operations : undefined;
}

/** "1 0 0 -0.25 94.5 355 Tm": `matrix` with its vertical divided by `scale`. */
function matrixOperation(matrix: Matrix, scale: number): string {
  const [a, b, c, d, e, f] = matrix;
  return `${[a, b, c / scale, d / scale, e, f].map(decimal).join(' ')} Tm`;
}

/** A number as a content stream writes it, to six decimals (Skia writes fewer), without an exponent. */
function decimal(value: number): string {
  return writtenNumber(value, 6);
}
