import { UnexpectedPdfError } from './pdf-objects.js';

// The one reader of page content streams: a tokenizer that cuts a stream into operations, and an interpreter that
// follows the graphics and text state through them and reports what text is drawn where. Every pass over a page's
// text (word text, continuation lines) reads the page through it.

/**
 * One operation of a content stream: its operands as written, and where it lies in the stream. The one a visitor is
 * handed is only valid during the call: the tokenizer reuses it for the next operation (a page has thousands), so a
 * visitor that keeps an operation keeps {@link keptOperation} of it.
 */
export interface Operation {
  readonly operator: string;
  /** As written; empty for an operator whose operands the reader was told not to keep. */
  readonly operands: readonly string[];
  /** How many operands it has, kept or not. */
  readonly operandCount: number;
  /** The offset of its first operand (or of the operator), and the offset just past the operator. */
  readonly start: number;
  readonly end: number;
}

const NO_OPERANDS: readonly string[] = [];

/**
 * A copy of `operation` that stays as it is after the visit.
 *
 * @example
 * ```ts
 * forEachOperation(stream, (operation) => { if (operation.operator === 'ET') ends.push(keptOperation(operation)); });
 * ```
 */
export function keptOperation(operation: Operation): Operation {
  const { operator, operands, operandCount, start, end } = operation;
  return { operator, operands, operandCount, start, end };
}

/**
 * Where the operands of the operation being visited lie in its stream: `start, end` of each of its `operandCount`,
 * in a scratch array the tokenizer reuses (only valid during the call; entries past them are stale).
 */
export type OperandBounds = readonly number[];

/**
 * Calls `visit` with each operation of `stream`, in order, and where its operands lie. Operands are kept as written
 * (numbers, names, strings, arrays and dictionaries as their source text) for the operators `keepOperands` says
 * (all when not given): most operations of a page draw shapes whose operands nobody reads, and cutting them out is
 * most of the work; a visitor that reads a few numbers reads them from the stream at their bounds. The stream is read
 * as Latin-1, one character a byte, from `bytes` when the caller has them: a byte of a buffer reads three times faster
 * than a character of a string.
 *
 * @example
 * ```ts
 * forEachOperation('BT /F5 21.33 Tf <0023> Tj ET', (operation) => console.log(operation.operator));
 * // BT, Tf, Tj, ET
 * ```
 */
export function forEachOperation(
  stream: string,
  visit: (operation: Operation, bounds: OperandBounds) => void,
  keepOperands: (operator: string) => boolean = () => true,
  bytes: Uint8Array = Buffer.from(stream, 'latin1'),
): void {
  /** Where each operand of the operation being read starts and ends: `count` numbers of it are in use. */
  const bounds: number[] = [];
  /** The operation visited, written over for each one. */
  const operation: { -readonly [Key in keyof Operation]: Operation[Key] } = {
    operator: '',
    operands: NO_OPERANDS,
    operandCount: 0,
    start: 0,
    end: 0,
  };
  let count = 0;
  let start = -1;
  const length = bytes.length;
  for (let at = 0; at < length; ) {
    const code = bytes[at] as number;
    const kind = CHARACTER_KINDS[code] as number;
    if (kind === WHITE_SPACE) {
      at++;
      continue;
    }
    if (start < 0) start = at;
    let end: number;
    if (code === 0x25 /* % */) {
      // A comment runs to the end of its line.
      const lineEnd = byteAt(bytes, 0x0a, at);
      at = lineEnd < 0 ? length : lineEnd + 1;
      if (count === 0) start = -1;
      continue;
    }
    if (code === 0x2f /* / */) end = regularEnd(bytes, at + 1);
    else if (code === 0x3c /* < */) {
      end = bytes[at + 1] === 0x3c ? nestedEnd(bytes, at, 0x3c, 0x3e, 2) : byteAt(bytes, 0x3e, at) + 1;
    } else if (code === 0x28 /* ( */) end = literalStringEnd(bytes, at);
    else if (code === 0x5b /* [ */) end = nestedEnd(bytes, at, 0x5b, 0x5d, 1);
    else if (kind === NUMBER_START) end = regularEnd(bytes, at + 1);
    else {
      end = regularEnd(bytes, at + 1);
      if (kind === DELIMITER) throw new UnexpectedPdfError(`unexpected character "${stream[at]}" in a content stream`);
      const operator = operatorAt(stream, bytes, at, end);
      if (operator === 'BI') throw new UnexpectedPdfError('an inline image (BI … EI) in a content stream');
      let operands = NO_OPERANDS;
      if (count > 0 && keepOperands(operator)) {
        const kept: string[] = [];
        for (let index = 0; index < count; index += 2) kept.push(stream.slice(bounds[index], bounds[index + 1]));
        operands = kept;
      }
      operation.operator = operator;
      operation.operands = operands;
      operation.operandCount = count / 2;
      operation.start = start;
      operation.end = end;
      visit(operation, bounds);
      count = 0;
      start = -1;
      at = end;
      continue;
    }
    if (end <= at) throw new UnexpectedPdfError(`an unterminated operand at offset ${at} of a content stream`);
    bounds[count++] = at;
    bounds[count++] = end;
    at = end;
  }
  if (count > 0) throw new UnexpectedPdfError('a content stream ends with operands and no operator');
}

const REGULAR = 0;
const WHITE_SPACE = 1;
const DELIMITER = 2;
const NUMBER_START = 3;

/** What each Latin-1 character is to the tokenizer. */
const CHARACTER_KINDS = (() => {
  const kinds = new Uint8Array(256).fill(REGULAR);
  for (const code of [0x20, 0x0a, 0x0d, 0x09, 0x0c, 0x00]) kinds[code] = WHITE_SPACE;
  for (const character of '()<>[]{}/%') kinds[character.charCodeAt(0)] = DELIMITER;
  for (const character of '0123456789+-.') kinds[character.charCodeAt(0)] = NUMBER_START;
  return kinds;
})();

/** 1 for the characters that end a run of regular ones: white space and delimiters. */
const ENDS_REGULAR = CHARACTER_KINDS.map((kind) => (kind === WHITE_SPACE || kind === DELIMITER ? 1 : 0));

/** Where a run of regular characters (a name's, a number's, an operator's) that goes on at `at` ends. */
function regularEnd(bytes: Uint8Array, at: number): number {
  let end = at;
  const length = bytes.length;
  while (end < length && ENDS_REGULAR[bytes[end] as number] === 0) end++;
  return end;
}

/** The offset of the first byte `code` from `at` on; -1 when there is none. */
function byteAt(bytes: Uint8Array, code: number, at: number): number {
  for (let end = at; end < bytes.length; end++) if (bytes[end] === code) return end;
  return -1;
}

/** Every operator of PDF 32000-1 (Annex A). */
const OPERATOR_NAMES = [
  ...['b', 'B', 'b*', 'B*', 'BDC', 'BI', 'BMC', 'BT', 'BX', 'c', 'cm', 'CS', 'cs', 'd', 'd0', 'd1', 'Do', 'DP'],
  ...['EI', 'EMC', 'ET', 'EX', 'f', 'F', 'f*', 'G', 'g', 'gs', 'h', 'i', 'ID', 'j', 'J', 'K', 'k', 'l', 'm', 'M'],
  ...['MP', 'n', 'q', 'Q', 're', 'RG', 'rg', 'ri', 's', 'S', 'SC', 'sc', 'SCN', 'scn', 'sh', 'T*', 'Tc', 'Td'],
  ...['TD', 'Tf', 'Tj', 'TJ', 'TL', 'Tm', 'Tr', 'Ts', 'Tw', 'Tz', 'v', 'w', 'W', 'W*', 'y', "'", '"'],
];

/**
 * The operators by their bytes: one string each, not one per operation read. One and two bytes index an array
 * (`first << 8 | second`, or the byte alone: an operator's first byte is never 0), faster than hashing; three go
 * through a map.
 */
const SHORT_OPERATORS: (string | undefined)[] = new Array(256 * 256).fill(undefined);
const LONG_OPERATORS = new Map<number, string>();
for (const operator of OPERATOR_NAMES) {
  const bytes = Buffer.from(operator, 'latin1');
  if (operator.length < 3) SHORT_OPERATORS[operatorKey(bytes, 0, operator.length)] = operator;
  else LONG_OPERATORS.set(operatorKey(bytes, 0, operator.length), operator);
}

/** A number for the bytes from `start` to `end` (up to three). */
function operatorKey(bytes: Uint8Array, start: number, end: number): number {
  let key = 0;
  for (let at = start; at < end; at++) key = (key << 8) | (bytes[at] as number);
  return key;
}

/** The operator written from `start` to `end`. */
function operatorAt(stream: string, bytes: Uint8Array, start: number, end: number): string {
  const length = end - start;
  const operator =
    length < 3
      ? SHORT_OPERATORS[operatorKey(bytes, start, end)]
      : length === 3
        ? LONG_OPERATORS.get(operatorKey(bytes, start, end))
        : undefined;
  return operator ?? stream.slice(start, end);
}

function literalStringEnd(bytes: Uint8Array, at: number): number {
  let depth = 0;
  for (let end = at; end < bytes.length; end++) {
    const code = bytes[end];
    if (code === 0x5c /* \ */) end++;
    else if (code === 0x28) depth++;
    else if (code === 0x29 && --depth === 0) return end + 1;
  }
  return -1;
}

/**
 * Where the dictionary or array opened at `at` closes, strings inside skipped: `open` and `close` are its brackets'
 * character, `width` of them each ("<<" and ">>", "[" and "]").
 */
function nestedEnd(bytes: Uint8Array, at: number, open: number, close: number, width: 1 | 2): number {
  let depth = 0;
  for (let end = at; end < bytes.length; ) {
    const code = bytes[end];
    if (code === open && (width === 1 || bytes[end + 1] === open)) {
      depth++;
      end += width;
    } else if (code === close && (width === 1 || bytes[end + 1] === close)) {
      end += width;
      if (--depth === 0) return end;
    } else if (code === 0x28) {
      const stringEnd = literalStringEnd(bytes, end);
      if (stringEnd < 0) return -1;
      end = stringEnd;
    } else end++;
  }
  return -1;
}

/** A transformation matrix [a b c d e f]. */
export type Matrix = readonly [number, number, number, number, number, number];

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/**
 * `first` then `second`: the product first × second.
 *
 * @example
 * ```ts
 * multiply([1, 0, 0, 1, 10, 0], [2, 0, 0, 2, 0, 0]) // [2, 0, 0, 2, 20, 0]
 * ```
 */
export function multiply(first: Matrix, second: Matrix): Matrix {
  // By index, as in translated(): destructuring allocates an iterator and a result per element.
  const a = first[0];
  const b = first[1];
  const c = first[2];
  const d = first[3];
  const e = first[4];
  const f = first[5];
  const A = second[0];
  const B = second[1];
  const C = second[2];
  const D = second[3];
  return [
    a * A + b * C,
    a * B + b * D,
    c * A + d * C,
    c * B + d * D,
    e * A + f * C + second[4],
    e * B + f * D + second[5],
  ];
}

/**
 * `matrix` moved by (`dx`, `dy`) in its own space: [1 0 0 1 dx dy] × matrix. Read by index: destructuring a matrix
 * goes through the array iterator, which was a seventh of the interpreter's time.
 */
function translated(matrix: Matrix, dx: number, dy: number): Matrix {
  const a = matrix[0];
  const b = matrix[1];
  const c = matrix[2];
  const d = matrix[3];
  return [a, b, c, d, dx * a + dy * c + matrix[4], dx * b + dy * d + matrix[5]];
}

/** What the interpreter needs of a font: the width of each glyph, in thousandths of the font size. */
export interface GlyphWidths {
  readonly widths: readonly number[];
  readonly defaultWidth: number;
}

/** Glyphs drawn by one text-showing operation (Tj) of a font with two-byte codes (Identity-H, as Skia writes). */
export class GlyphRun<Font extends GlyphWidths> {
  constructor(
    /** Where its Tj starts and ends in the stream. */
    readonly start: number,
    readonly end: number,
    /**
     * Where the operations that draw it start: the Td that moved it to its place just before it ("dx dy Td <…> Tj", as
     * Skia writes), or its Tj.
     */
    readonly from: number,
    /** The font's resource name ("F5"). */
    readonly fontName: string,
    /** The font; undefined when the page does not list it or its codes are not two bytes each. */
    readonly font: Font | undefined,
    readonly fontSize: number,
    /** The glyph ids as written: four hex digits each. */
    readonly hex: string,
    /** The text matrix where the run starts; its e and f are where it starts on its line, in text space. */
    readonly textMatrix: Matrix,
    /** The matrix from user space to the page's default space (points, y up) the run is drawn with. */
    readonly ctm: Matrix,
    /** How far the run advances, in text space. */
    readonly advance: number,
    /** The text line matrix where the run is drawn: what the next Td moves from. */
    readonly lineMatrix: Matrix,
  ) {}

  get x(): number {
    return this.textMatrix[4];
  }

  get y(): number {
    return this.textMatrix[5];
  }

  get glyphCount(): number {
    return this.hex.length >> 2;
  }

  /** The id of glyph `index` of the run. */
  glyph(index: number): number {
    return hexNumber(this.hex, index * 4);
  }

  /** The matrix from text space to the page's default space where the run starts. */
  get pageMatrix(): Matrix {
    return multiply(this.textMatrix, this.ctm);
  }
}

/** What the interpreter reports, in the stream's order. */
export interface TextVisitor<Font extends GlyphWidths> {
  /** A text object begins (BT) or ends (ET). */
  textObject?(operation: Operation, begins: boolean): void;
  /** A marked-content sequence with an /ActualText begins (`text`), or the one open ends (`text` undefined). */
  actualText?(operation: Operation, text: string | undefined): void;
  /** Glyphs are drawn. */
  glyphs?(run: GlyphRun<Font>): void;
  /** The text state changes (Tf, Tm, Td): nothing is drawn. */
  textState?(operation: Operation): void;
  /**
   * Any other operation: marked content without text, shapes, images, the graphics state. `ctm` is the current
   * transformation matrix after it (a q, Q or cm has already taken effect).
   */
  other?(operation: Operation, ctm: Matrix): void;
  /** The stream has ended. */
  end?(): void;
}

/** The operators whose operands the interpreter reads as text; it reads the numbers and hex strings of others at their bounds. */
const keepsOperands = (operator: string) => operator === 'Tf' || operator === 'BDC';

/** Operations that draw or set the graphics state and neither move text nor draw it. */
const GRAPHICS_OPERATORS = new Set([
  'w',
  'J',
  'j',
  'M',
  'd',
  'ri',
  'i',
  'gs',
  'm',
  'l',
  'c',
  'v',
  'y',
  'h',
  're',
  'S',
  's',
  'f',
  'F',
  'f*',
  'B',
  'B*',
  'b',
  'b*',
  'n',
  'W',
  'W*',
  'CS',
  'cs',
  'SC',
  'SCN',
  'sc',
  'scn',
  'G',
  'g',
  'RG',
  'rg',
  'K',
  'k',
  'sh',
  'Do',
  'MP',
  'DP',
  'BMC',
  'BX',
  'EX',
  'd0',
  'd1',
  // The text render mode (fill, stroke, invisible) changes how glyphs look, not where they go.
  'Tr',
]);

const actualTextSpan = /^<<\s*\/ActualText\s*<([0-9A-Fa-f\s]*)>\s*>>$/;

/**
 * Follows the graphics and text state of a content stream and tells `visitor` what it draws, operation by
 * operation. Understands what Chromium (Skia) writes: Tf, Tm, Td and Tj for text; q, Q and cm for the matrix;
 * marked content; shapes, colours and images as operations that draw no text. A text operator it does not model
 * (TJ, Tc, Tw, Tz, TL, T*, ', ", Ts, TD) or one it does not know raises {@link UnexpectedPdfError}: text placed in
 * a way it cannot follow would be read wrong without a word.
 *
 * @example
 * ```ts
 * interpretText(stream, fonts, { glyphs: (run) => console.log(run.fontName, run.x, run.advance) });
 * ```
 */
export function interpretText<Font extends GlyphWidths>(
  stream: string,
  fonts: ReadonlyMap<string, Font>,
  visitor: TextVisitor<Font>,
  bytes: Uint8Array = Buffer.from(stream, 'latin1'),
): void {
  let ctm: Matrix = IDENTITY;
  const saved: Matrix[] = [];
  let lineMatrix: Matrix = IDENTITY;
  let textMatrix: Matrix = IDENTITY;
  /**
   * How far the last Tj moved the text matrix, not yet applied: Skia sets the matrix anew (Td) before nearly every
   * Tj, so it is applied only when a Tj draws from where the last one left off.
   */
  let pendingAdvance: number | undefined;
  let fontName = '';
  let font: Font | undefined;
  let fontSize = 0;
  let inText = false;
  /** Where the Td just before the operation being read starts; -1 when the one before was not a Td. */
  let movedFrom = -1;
  /** Open marked-content sequences: true for those with an /ActualText. */
  const marked: boolean[] = [];
  forEachOperation(
    stream,
    (operation, bounds) => {
      const { operator, operands } = operation;
      const moved = movedFrom;
      movedFrom = -1;
      switch (operator) {
        // A page's most frequent operations first: a dotted line is a thousand filled rectangles ("re", "f"), and
        // they need no lookup among the other operators that draw no text.
        case 're':
        case 'f':
          return visitor.other?.(operation, ctm);
        case 'q':
          saved.push(ctm);
          return visitor.other?.(operation, ctm);
        case 'Q':
          ctm = saved.pop() ?? IDENTITY;
          return visitor.other?.(operation, ctm);
        case 'cm':
          ctm = multiply(matrixAt(stream, bytes, operation, bounds), ctm);
          return visitor.other?.(operation, ctm);
        case 'BT':
          inText = true;
          lineMatrix = textMatrix = IDENTITY;
          pendingAdvance = undefined;
          return visitor.textObject?.(operation, true);
        case 'ET':
          inText = false;
          return visitor.textObject?.(operation, false);
        case 'Tf': {
          const [name, size] = operands;
          if (operands.length !== 2 || !name?.startsWith('/') || !Number.isFinite(Number(size))) {
            throw unexpected(stream, operation, 'a font and a size');
          }
          fontName = name.slice(1);
          font = fonts.get(fontName);
          fontSize = Number(size);
          return visitor.textState?.(operation);
        }
        case 'Tm':
          lineMatrix = textMatrix = matrixAt(stream, bytes, operation, bounds);
          pendingAdvance = undefined;
          return visitor.textState?.(operation);
        case 'Td': {
          if (operation.operandCount !== 2) throw unexpected(stream, operation, '2 numbers');
          const dx = finiteAt(stream, bytes, operation, bounds, 0, '2 numbers');
          const dy = finiteAt(stream, bytes, operation, bounds, 1, '2 numbers');
          lineMatrix = textMatrix = translated(lineMatrix, dx, dy);
          pendingAdvance = undefined;
          movedFrom = operation.start;
          return visitor.textState?.(operation);
        }
        case 'Tj': {
          const from = bounds[0] as number;
          const to = bounds[1] as number;
          if (operation.operandCount !== 1 || bytes[from] !== 0x3c /* < */ || !inText) {
            throw unexpected(stream, operation, 'one hex string inside a text object');
          }
          const hex = stream.slice(from + 1, to - 1);
          // Two-byte codes, four hex digits each; another font's run is drawn but not read.
          const runFont = hex.length % 4 === 0 ? font : undefined;
          let width = 0;
          if (runFont) {
            for (let at = from + 1; at < to - 1; at += 4) {
              const glyph = hexNumberAt(bytes, at);
              if (glyph < 0) throw unexpected(stream, operation, 'hex digits');
              width += runFont.widths[glyph] ?? runFont.defaultWidth;
            }
          }
          const advance = (width * fontSize) / 1000;
          if (pendingAdvance !== undefined) textMatrix = translated(textMatrix, pendingAdvance, 0);
          visitor.glyphs?.(
            new GlyphRun(
              operation.start,
              operation.end,
              moved < 0 ? operation.start : moved,
              fontName,
              runFont,
              fontSize,
              hex,
              textMatrix,
              ctm,
              advance,
              lineMatrix,
            ),
          );
          pendingAdvance = advance;
          return;
        }
        case 'BDC': {
          const span = operands[0] === '/Span' ? actualTextSpan.exec(operands[1] ?? '') : null;
          marked.push(span !== null);
          if (span) return visitor.actualText?.(operation, utf16Text(span[1] as string));
          return visitor.other?.(operation, ctm);
        }
        case 'BMC':
          marked.push(false);
          return visitor.other?.(operation, ctm);
        case 'EMC':
          if (marked.pop()) return visitor.actualText?.(operation, undefined);
          return visitor.other?.(operation, ctm);
        default:
          if (GRAPHICS_OPERATORS.has(operator)) return visitor.other?.(operation, ctm);
          throw new UnexpectedPdfError(
            `the content stream uses the operator "${operator}" at offset ${operation.start}, which Saraban does not read (Chromium's PDF writer changed?)`,
          );
      }
    },
    keepsOperands,
    bytes,
  );
  visitor.end?.();
}

function unexpected(stream: string, operation: Operation, expected: string): UnexpectedPdfError {
  return new UnexpectedPdfError(
    `"${stream.slice(operation.start, operation.end)}" at offset ${operation.start} of a content stream: expected ${expected}`,
  );
}

/** Operand `index` of `operation` as a finite number, read from the stream at its bounds. */
function finiteAt(
  stream: string,
  bytes: Uint8Array,
  operation: Operation,
  bounds: OperandBounds,
  index: number,
  expected: string,
): number {
  const value = numberAt(stream, bytes, bounds[2 * index] as number, bounds[2 * index + 1] as number);
  if (!Number.isFinite(value)) throw unexpected(stream, operation, expected);
  return value;
}

/** The six operands of a `cm` or `Tm` as a matrix. */
function matrixAt(stream: string, bytes: Uint8Array, operation: Operation, bounds: OperandBounds): Matrix {
  if (operation.operandCount !== 6) throw unexpected(stream, operation, '6 operands');
  const at = (index: number) => finiteAt(stream, bytes, operation, bounds, index, '6 numbers');
  return [at(0), at(1), at(2), at(3), at(4), at(5)];
}

/** 10 to the power of each index: every one exactly a double. */
const POWERS_OF_TEN = Array.from({ length: 16 }, (_, power) => 10 ** power);

/**
 * The number written from `start` to `end` of `stream`, exactly as `Number()` reads it (NaN for no number), without
 * cutting it out: "-12.5" as up to 15 digits over a power of ten, each exact as a double, so their quotient is the
 * correctly rounded value, as `Number()` gives; anything else (more digits, other forms) through `Number()`.
 */
function numberAt(stream: string, bytes: Uint8Array, start: number, end: number): number {
  let at = start;
  const sign = bytes[at];
  if (sign === 0x2d /* - */ || sign === 0x2b /* + */) at++;
  let digits = 0;
  let mantissa = 0;
  let fraction = -1;
  for (; at < end; at++) {
    const code = bytes[at] as number;
    if (code >= 0x30 && code <= 0x39) {
      mantissa = mantissa * 10 + (code - 0x30);
      digits++;
      if (fraction >= 0) fraction++;
    } else if (code === 0x2e /* . */ && fraction < 0) fraction = 0;
    else break;
  }
  if (at < end || digits === 0 || digits > 15) return Number(stream.slice(start, end));
  const value = fraction > 0 ? mantissa / (POWERS_OF_TEN[fraction] as number) : mantissa;
  return sign === 0x2d ? -value : value;
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

/** The number four hex digits from `at` of `bytes` write; negative when they are not four hex digits. */
function hexNumberAt(bytes: Uint8Array, at: number): number {
  return (
    (hexValue(bytes[at] as number) << 12) |
    (hexValue(bytes[at + 1] as number) << 8) |
    (hexValue(bytes[at + 2] as number) << 4) |
    hexValue(bytes[at + 3] as number)
  );
}

/** The value of a hex digit's character code; a large negative number for any other character. */
function hexValue(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  if (code >= 0x41 && code <= 0x46) return code - 0x37;
  if (code >= 0x61 && code <= 0x66) return code - 0x57;
  return -0x10000;
}

/** The text of UTF-16BE hex digits, without a byte-order mark. */
function utf16Text(hex: string): string {
  const digits = WHITE_SPACE_CHARACTER.test(hex) ? hex.replace(/\s/g, '') : hex;
  let text = '';
  for (let at = 0; at + 4 <= digits.length; at += 4) text += String.fromCharCode(hexNumber(digits, at));
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

const WHITE_SPACE_CHARACTER = /\s/;

/**
 * One visitor that hands every event to each of `visitors` in turn: several passes over a stream, one
 * interpretation.
 *
 * @example
 * ```ts
 * interpretText(stream, fonts, allOf([spreadWordPass(stream, edits), silentClusterPass(clusters)]));
 * ```
 */
export function allOf<Font extends GlyphWidths>(visitors: readonly TextVisitor<Font>[]): TextVisitor<Font> {
  if (visitors.length === 1) return visitors[0] as TextVisitor<Font>;
  return {
    textObject: (operation, begins) => {
      for (const visitor of visitors) visitor.textObject?.(operation, begins);
    },
    actualText: (operation, text) => {
      for (const visitor of visitors) visitor.actualText?.(operation, text);
    },
    glyphs: (run) => {
      for (const visitor of visitors) visitor.glyphs?.(run);
    },
    textState: (operation) => {
      for (const visitor of visitors) visitor.textState?.(operation);
    },
    other: (operation, ctm) => {
      for (const visitor of visitors) visitor.other?.(operation, ctm);
    },
    end: () => {
      for (const visitor of visitors) visitor.end?.();
    },
  };
}
