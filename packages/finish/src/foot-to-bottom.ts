import { type GlyphRun, type Matrix, multiply, type Operation, type TextVisitor } from './content-stream.js';
import type { PageFont } from './page-fonts.js';
import type { StreamEdit } from './stream-edits.js';

// A letter's foot (the contact block and สำเนาส่ง) belongs at the bottom left of its last page, and CSS cannot put it
// there: Chromium has no last-page selector, no running elements, and a break only ever moves a block to the top of
// the next page. So the page prints it where it falls, right under the signature, and the finisher moves its drawing
// straight down to the bottom of the page area. Nothing is below it on that page (it is the last of the flow), so
// the move covers nothing; the page's text order stays as printed.

/** Operations that paint: a section drawing one of them draws something. */
const PAINTING = new Set(['f', 'F', 'f*', 'S', 's', 'B', 'B*', 'b', 'b*', 'sh', 'Do']);

/** How little a move may be, in points, and still be made: less is where the foot already is. */
const SMALLEST_MOVE = 0.01;

/**
 * A pass that adds to `edits` what moves the drawing of the marked-content sections `mcids` (a letter's foot, found
 * in the structure tree) straight down until its last line's box meets the bottom of the page area (the clip
 * Chromium draws the page's flow in), as a body line ends at a full page's foot: `q 1 0 0 1 tx ty cm` before the
 * foot's first section and `Q` after its last drawing. The line's box is its glyph box (the font's /Ascent to
 * /Descent: a reader's word box, which a Thai letter does not pass) with half the leading its line pitch leaves. Nothing is moved when the foot cannot be moved whole and alone: anything
 * else drawn between its sections, a first section inside a text object, or a graphics state not back where it began.
 *
 * @example
 * ```ts
 * const edits: StreamEdit[] = [];
 * interpretText(stream, fonts, footToBottomPass(stream, new Set([48, 49, 50]), edits));
 * const moved = withEdits(stream, edits);
 * ```
 */
export function footToBottomPass(
  stream: string,
  mcids: ReadonlySet<number>,
  edits: StreamEdit[],
): TextVisitor<PageFont> {
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  /** The bottom of the clip in effect, in the page's default space (points, y up). */
  let clipBottom: number | undefined;
  const saved: { ctm: Matrix; clipBottom: number | undefined }[] = [];
  /** The bottom of the last rectangle drawn as a path, until a clip or a paint uses it. */
  let rectangleBottom: number | undefined;
  /** Open marked-content sections: each one's MCID, or undefined for those without one (/ActualText spans). */
  const sections: (number | undefined)[] = [];
  let inText = false;
  let textDrawsFoot = false;
  /** Where the foot's first section begins, with the state there. */
  let start: { at: number; depth: number; ctm: Matrix; clipBottom: number | undefined } | undefined;
  /** Just past the foot's last drawing so far. */
  let end: number | undefined;
  /** The lowest the foot reaches (its glyphs' descent), in the page's default space, and its glyph box's height there. */
  let footBottom = Number.POSITIVE_INFINITY;
  let boxHeight = 0;
  /** The baselines of the foot's lines: how far apart they are gives its line pitch. */
  const baselines = new Set<number>();
  /** The lowest nesting of q since the foot began, and whether anything else was drawn since its last drawing. */
  let lowestDepth = 0;
  let otherSinceFoot = false;
  let movable = true;

  const inFoot = () => {
    for (let index = sections.length - 1; index >= 0; index--) {
      const mcid = sections[index];
      if (mcid !== undefined) return mcids.has(mcid);
    }
    return false;
  };
  const drawn = (operation: Operation, foot: boolean) => {
    if (!start) return;
    if (!foot) {
      otherSinceFoot = true;
      return;
    }
    if (otherSinceFoot || lowestDepth < start.depth || saved.length !== start.depth) movable = false;
    end = operation.end;
  };
  const numbers = (operation: Operation) =>
    stream.slice(operation.start, operation.end).trim().split(/\s+/).slice(0, -1).map(Number);

  return {
    textObject(operation, begins) {
      inText = begins;
      if (begins) textDrawsFoot = false;
      else if (textDrawsFoot) drawn(operation, true);
    },
    actualText(_operation, text) {
      if (text === undefined) sections.pop();
      else sections.push(undefined);
    },
    glyphs(run: GlyphRun<PageFont>) {
      if (!inFoot()) return drawn(run.operation, false);
      textDrawsFoot = true;
      const matrix = run.pageMatrix;
      const ascent = ((run.font?.ascent ?? 0) * run.fontSize) / 1000;
      const descent = ((run.font?.descent ?? 0) * run.fontSize) / 1000;
      const bottom = matrix[3] * descent + matrix[5];
      if (bottom < footBottom) {
        footBottom = bottom;
        boxHeight = matrix[3] * (ascent - descent);
      }
      baselines.add(Math.round(matrix[5] * 100) / 100);
    },
    other(operation) {
      const { operator } = operation;
      switch (operator) {
        case 'q':
          saved.push({ ctm, clipBottom });
          return;
        case 'Q': {
          const state = saved.pop();
          ctm = state?.ctm ?? [1, 0, 0, 1, 0, 0];
          clipBottom = state?.clipBottom;
          lowestDepth = Math.min(lowestDepth, saved.length);
          return;
        }
        case 'cm': {
          const [a = 1, b = 0, c = 0, d = 1, e = 0, f = 0] = numbers(operation);
          ctm = multiply([a, b, c, d, e, f], ctm);
          return;
        }
        case 're': {
          const [x = 0, y = 0, width = 0, height = 0] = numbers(operation);
          const corners = [
            [x, y],
            [x + width, y],
            [x, y + height],
            [x + width, y + height],
          ] as const;
          rectangleBottom = Math.min(...corners.map(([cx, cy]) => ctm[1] * cx + ctm[3] * cy + ctm[5]));
          return;
        }
        case 'W':
        case 'W*':
          if (rectangleBottom !== undefined) clipBottom = Math.max(clipBottom ?? rectangleBottom, rectangleBottom);
          return;
        case 'n':
          rectangleBottom = undefined;
          return;
        case 'BDC': {
          const mcid = /\/MCID\s+(\d+)/.exec(operation.operands[1] ?? '')?.[1];
          sections.push(mcid === undefined ? undefined : Number(mcid));
          if (mcid !== undefined && mcids.has(Number(mcid)) && !start) {
            if (inText) movable = false;
            start = { at: operation.start, depth: saved.length, ctm, clipBottom };
            lowestDepth = saved.length;
          }
          return;
        }
        case 'BMC':
          sections.push(undefined);
          return;
        case 'EMC':
          sections.pop();
          return;
        default:
          if (PAINTING.has(operator)) {
            rectangleBottom = undefined;
            drawn(operation, inFoot());
          }
      }
    },
    end() {
      if (!start || end === undefined || !movable || start.clipBottom === undefined) return;
      const move = footBottom - start.clipBottom - halfLeading([...baselines], boxHeight);
      if (!(move > SMALLEST_MOVE)) return;
      // The page-space move (0, -move) in the user space where the foot begins: [1 0 0 1 tx ty] × ctm moves by it.
      const [a, b, c, d] = start.ctm;
      const determinant = a * d - b * c;
      if (determinant === 0) return;
      // Another pass taking out the operation the foot begins or ends at would take the move with it.
      const cut = (at: number) => edits.some((edit) => 'remove' in edit && edit.from < at && at < edit.to);
      if (cut(start.at) || cut(end)) return;
      const tx = (move * c) / determinant;
      const ty = (-move * a) / determinant;
      edits.push({ at: start.at, insert: `q 1 0 0 1 ${decimal(tx)} ${decimal(ty)} cm\n` });
      edits.push({ at: end, insert: '\nQ' });
    },
  };
}

/**
 * The room under a line's glyph box inside its line box, in points: half of what the line pitch (the smallest gap
 * between `baselines` more than a point apart) leaves beyond the glyph box's height; 0 for a single line. The foot's
 * last line then ends where CSS ends a body line at a page's foot: its box on the bottom margin, its glyphs above it.
 */
function halfLeading(baselines: number[], boxHeight: number): number {
  baselines.sort((a, b) => a - b);
  let pitch = Number.POSITIVE_INFINITY;
  for (let index = 1; index < baselines.length; index++) {
    const gap = (baselines[index] as number) - (baselines[index - 1] as number);
    if (gap > 1) pitch = Math.min(pitch, gap);
  }
  return Number.isFinite(pitch) ? Math.max(0, (pitch - boxHeight) / 2) : 0;
}

/** A number as a content stream writes it: at most four decimals, no exponent. */
function decimal(value: number): string {
  const fixed = value.toFixed(4).replace(/\.?0+$/, '');
  return fixed === '-0' ? '0' : fixed;
}
