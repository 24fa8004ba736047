import type { Box } from './layout.js';

/** The ruled lines of one page: thin filled or stroked shapes, in points from the page's top-left corner. */
export interface PageRules {
  /** 1-based. */
  number: number;
  height: number;
  /** Rules wider than tall: a table's top and bottom lines, row lines. */
  horizontal: Box[];
  /** Rules taller than wide: column lines. */
  vertical: Box[];
}

/** A rule is at most this thick, in points (tables draw 0.75 pt; a cell's shading is far thicker). */
const RULE_THICKNESS = 2;

/** The width taken for a stroked outline's sides, in points: the tables' rules. */
const STROKE = 0.75;

type Matrix = [number, number, number, number, number, number];

/**
 * Every rule drawn on every page, read from the PDF's content streams with pdf.js's operator list: each path's
 * bounding box (pdf.js gives it in user space) through the current transformation matrix, kept when it is thin.
 * Chromium draws table borders as filled rectangles, one per cell side.
 *
 * @example
 * const [first] = await readRules(pdf);
 * expect(first.horizontal.some((rule) => rule.xMax - rule.xMin > 100)).toBe(true);
 */
export async function readRules(pdf: Uint8Array): Promise<PageRules[]> {
  const { getDocument, OPS } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const document = await getDocument({ data: pdf.slice(), verbosity: 0 }).promise;
  try {
    const pages: PageRules[] = [];
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      const [, , , top] = page.view as [number, number, number, number];
      const { fnArray, argsArray } = await page.getOperatorList();
      const rules: PageRules = { number, height: top, horizontal: [], vertical: [] };
      let matrix: Matrix = [1, 0, 0, 1, 0, 0];
      const stack: Matrix[] = [];
      let path: Box | null = null;
      const keepThin = (box: Box) => {
        const width = box.xMax - box.xMin;
        const height = box.yMax - box.yMin;
        if (height <= RULE_THICKNESS && width > height) rules.horizontal.push(box);
        else if (width <= RULE_THICKNESS && height > width) rules.vertical.push(box);
      };
      fnArray.forEach((fn, index) => {
        const args = argsArray[index];
        if (fn === OPS.save) stack.push(matrix);
        else if (fn === OPS.restore) matrix = stack.pop() ?? [1, 0, 0, 1, 0, 0];
        else if (fn === OPS.transform) matrix = multiply(args as Matrix, matrix);
        else if (fn === OPS.constructPath) {
          const minMax = args?.[2] as number[] | undefined;
          if (!minMax || minMax.length < 4 || !Number.isFinite(minMax[0])) return;
          const [x0, y0, x1, y1] = minMax as [number, number, number, number];
          const [ax, ay] = apply(matrix, x0, y0);
          const [bx, by] = apply(matrix, x1, y1);
          // PDF y grows upwards; boxes here grow downwards, as pdftotext's do.
          path = {
            xMin: Math.min(ax, bx),
            xMax: Math.max(ax, bx),
            yMin: top - Math.max(ay, by),
            yMax: top - Math.min(ay, by),
          };
        } else if (path && (fn === OPS.fill || fn === OPS.eoFill)) {
          keepThin(path);
          path = null;
        } else if (path && (fn === OPS.stroke || fn === OPS.closeStroke)) {
          // A stroked outline (Skia strokes a box whose four borders are alike): its four sides are rules.
          const { xMin, yMin, xMax, yMax } = path;
          const half = STROKE / 2;
          keepThin({ xMin, xMax, yMin: yMin - half, yMax: yMin + half });
          keepThin({ xMin, xMax, yMin: yMax - half, yMax: yMax + half });
          keepThin({ xMin: xMin - half, xMax: xMin + half, yMin, yMax });
          keepThin({ xMin: xMax - half, xMax: xMax + half, yMin, yMax });
          path = null;
        } else if (fn === OPS.endPath) path = null;
      });
      pages.push(rules);
    }
    return pages;
  } finally {
    await document.destroy();
  }
}

function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[1] * n[2],
    m[0] * n[1] + m[1] * n[3],
    m[2] * n[0] + m[3] * n[2],
    m[2] * n[1] + m[3] * n[3],
    m[4] * n[0] + m[5] * n[2] + n[4],
    m[4] * n[1] + m[5] * n[3] + n[5],
  ];
}

function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

/**
 * The horizontal rules that line up at one height and together run from `left` to `right` without a gap wider than
 * `gap` points: a line across the whole table, drawn cell by cell. Their heights (yMin), top to bottom.
 *
 * @example
 * fullWidthRules(rules.horizontal, table.left, table.right) // [72.1, 101.4, ...]
 */
export function fullWidthRules(horizontal: readonly Box[], left: number, right: number, gap = 1.5): number[] {
  const rows = new Map<number, Box[]>();
  for (const rule of horizontal) {
    const key = Math.round(rule.yMin * 2) / 2;
    const near = [...rows.keys()].find((y) => Math.abs(y - key) <= 1);
    rows.set(near ?? key, [...(rows.get(near ?? key) ?? []), rule]);
  }
  const full: number[] = [];
  for (const [y, rules] of rows) {
    let reach = left;
    for (const rule of [...rules].sort((a, b) => a.xMin - b.xMin)) {
      if (rule.xMin > reach + gap) break;
      reach = Math.max(reach, rule.xMax);
    }
    if (reach >= right - gap) full.push(y);
  }
  return full.sort((a, b) => a - b);
}
