import type { GlyphRun, Matrix, Operation, TextVisitor } from './content-stream.js';
import type { PageFont } from './page-fonts.js';
import { type StreamEdit, writtenNumber } from './stream-edits.js';

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
 * /Descent: a reader's word box, which a Thai letter does not pass) with half the leading its line pitch leaves
 * under it ({@link linePitch}). Nothing is moved when the foot cannot be moved whole and alone: anything
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
  /** The bottom of the clip in effect, in the page's default space (points, y up), and as each q saved it. */
  let clipBottom: number | undefined;
  const saved: (number | undefined)[] = [];
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
  let footSize = 0;
  /** The page's lines as drawn, one entry each time the baseline, the size or the foot changes: their gaps give the pitch. */
  const lines: DrawnLine[] = [];
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
  /** Something was drawn, by the foot or not, ending at `drawnEnd`. */
  const drawn = (drawnEnd: number, foot: boolean) => {
    if (!start) return;
    if (!foot) {
      otherSinceFoot = true;
      return;
    }
    if (otherSinceFoot || lowestDepth < start.depth || saved.length !== start.depth) movable = false;
    end = drawnEnd;
  };
  const numbers = (operation: Operation) =>
    stream.slice(operation.start, operation.end).trim().split(/\s+/).slice(0, -1).map(Number);

  return {
    textObject(operation, begins) {
      inText = begins;
      if (begins) textDrawsFoot = false;
      else if (textDrawsFoot) drawn(operation.end, true);
    },
    actualText(_operation, text) {
      if (text === undefined) sections.pop();
      else sections.push(undefined);
    },
    glyphs(run: GlyphRun<PageFont>) {
      const foot = inFoot();
      const matrix = run.pageMatrix;
      const baseline = Math.round(matrix[5] * 100) / 100;
      const size = Math.round(matrix[3] * run.fontSize * 100) / 100;
      const line = lines.at(-1);
      if (line?.baseline !== baseline || line.size !== size || line.foot !== foot) lines.push({ baseline, size, foot });
      if (!foot) return drawn(run.end, false);
      textDrawsFoot = true;
      const ascent = ((run.font?.ascent ?? 0) * run.fontSize) / 1000;
      const descent = ((run.font?.descent ?? 0) * run.fontSize) / 1000;
      const bottom = matrix[3] * descent + matrix[5];
      if (bottom < footBottom) {
        footBottom = bottom;
        boxHeight = matrix[3] * (ascent - descent);
        footSize = size;
      }
    },
    // The interpreter keeps the transformation matrix (`ctm`); this pass keeps the clip's bottom beside it.
    other(operation, ctm) {
      const { operator } = operation;
      switch (operator) {
        case 'q':
          saved.push(clipBottom);
          return;
        case 'Q':
          clipBottom = saved.pop();
          lowestDepth = Math.min(lowestDepth, saved.length);
          return;
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
            drawn(operation.end, inFoot());
          }
      }
    },
    end() {
      if (!start || end === undefined || !movable || start.clipBottom === undefined) return;
      const pitch = linePitch(lines, footSize, boxHeight);
      const move = footBottom - start.clipBottom - (pitch === undefined ? 0 : Math.max(0, (pitch - boxHeight) / 2));
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
      edits.push({ at: start.at, insert: `q 1 0 0 1 ${writtenNumber(tx)} ${writtenNumber(ty)} cm\n` });
      edits.push({ at: end, insert: '\nQ' });
    },
  };
}

/** Where a page draws text of one size: a line of it, or part of one. */
interface DrawnLine {
  /** The baseline and the type size, in the page's default space, to a hundredth of a point. */
  readonly baseline: number;
  readonly size: number;
  readonly foot: boolean;
}

/**
 * The line pitch of the foot's type size `size`: the smallest gap between the baselines of the foot's lines, or, for
 * a foot of one line, of the page's lines of that size (the signature's, the body's). Gaps smaller than a glyph box
 * (`boxHeight`) are marks set off their baseline, not lines. Undefined when no two lines tell.
 *
 * The foot's last line then ends where CSS ends a body line at a full page's foot: its line box (its glyph box with
 * half the leading the pitch leaves under it) on the bottom margin.
 */
function linePitch(lines: readonly DrawnLine[], size: number, boxHeight: number): number | undefined {
  const smallestGap = (footOnly: boolean) => {
    const baselines = [
      ...new Set(lines.filter((line) => line.size === size && (line.foot || !footOnly)).map((line) => line.baseline)),
    ].sort((a, b) => a - b);
    let pitch: number | undefined;
    for (let index = 1; index < baselines.length; index++) {
      const gap = (baselines[index] as number) - (baselines[index - 1] as number);
      if (gap >= boxHeight && (pitch === undefined || gap < pitch)) pitch = gap;
    }
    return pitch;
  };
  return smallestGap(true) ?? smallestGap(false);
}
