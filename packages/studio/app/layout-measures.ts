import { OPS, type PDFDocumentProxy, type PDFPageProxy } from 'pdfjs-dist';
import type { TextItem } from 'pdfjs-dist/types/src/display/api.js';

/** What the layout panel shows of one printed page, measured from the PDF as printed. */
export interface PageMeasures {
  /** 1-based. */
  page: number;
  /** The size most of the page's text is set in, in official (TH SarabunPSK) points; null for a page without text. */
  typeSize: number | null;
  /** The smallest size on the page, in official points. */
  smallestSize: number | null;
  /** The white space around the text, in centimetres (the page number in the top margin left out). */
  margins: { top: number; right: number; bottom: number; left: number } | null;
  /** Line breaks inside a Thai word, as "งบ|ประมาณ". */
  brokenWords: string[];
  /** Text that crosses a table's rule or runs off the paper. */
  overflowing: string[];
  /** A paragraph's single line alone at the top (widow) or bottom (orphan) of the page. */
  widows: string[];
}

/** How much larger than TH SarabunPSK a face draws a point size, by the face's name (as in the PDF's font names). */
export interface FaceScale {
  name: string;
  scale: number;
}

/** One run of text on a line: words set one after the other, without a gap wider than a few spaces. */
interface Run {
  text: string;
  x0: number;
  x1: number;
  /** The baseline, from the page's top. */
  y: number;
  /** The official size of its largest letters. */
  size: number;
  top: number;
  bottom: number;
}

/** A vertical rule of a table: its x and the span it covers, from the page's top. */
interface Rule {
  x: number;
  yMin: number;
  yMax: number;
}

const CM = 72 / 2.54;
/** Thicker than this, a filled box is not a rule. */
const RULE_THICKNESS = 2;
const PAGE_NUMBER = /^-\s*[0-9๐-๙]+\s*-$/;
const THAI_LETTER = /[\u0E01-\u0E4E]/;
/** Word boundaries by the browser's own dictionary (ICU): independent of libthai's, with which the engine breaks. */
const words = new Intl.Segmenter('th', { granularity: 'word' });

/**
 * Measures every page of a printed PDF as the layout harness does: the type size in official points, the margins,
 * line breaks inside Thai words, text crossing table rules or the paper's edge, and lone first or last lines of
 * paragraphs at page breaks. Read from pdf.js's text positions and drawing operators, in the browser, after the
 * preview is on screen.
 *
 * @example
 * const measures = await measureLayout(pdf, [{ name: 'sarabun', scale: 1.5347 }]);
 * measures[0].typeSize // 16
 */
export async function measureLayout(pdf: PDFDocumentProxy, scales: readonly FaceScale[]): Promise<PageMeasures[]> {
  const pages: { runs: Run[]; rules: Rule[]; width: number; height: number; column: Run[] }[] = [];
  for (let number = 1; number <= pdf.numPages; number++) {
    const page = await pdf.getPage(number);
    const [, , width, height] = page.view as [number, number, number, number];
    const rules = await verticalRules(page, height);
    const runs = await textRuns(page, height, scales, rules);
    const column = runs.filter((run) => !PAGE_NUMBER.test(run.text.trim()));
    pages.push({ runs, rules, width, height, column });
  }
  return pages.map(({ runs, rules, width, height, column }, index) => {
    const sizes = column.flatMap((run) => Array<number>(run.text.length).fill(Math.round(run.size * 2) / 2));
    const margins =
      column.length === 0
        ? null
        : {
            top: round(Math.min(...column.map((run) => run.top)) / CM),
            right: round((width - Math.max(...column.map((run) => run.x1))) / CM),
            bottom: round((height - Math.max(...column.map((run) => run.bottom))) / CM),
            left: round(Math.min(...column.map((run) => run.x0)) / CM),
          };
    const next = pages[index + 1]?.column ?? [];
    return {
      page: index + 1,
      typeSize: sizes.length === 0 ? null : mode(sizes),
      smallestSize: sizes.length === 0 ? null : Math.min(...sizes),
      margins,
      brokenWords: brokenWords(column, next, rules),
      overflowing: overflowing(runs, rules, width),
      widows: loneLines(pages[index - 1]?.column ?? [], column, next),
    };
  });
}

/**
 * The page's text as runs, top to bottom: pdf.js's items joined along each baseline while they are close and no
 * rule stands between them (a table's cells stay apart).
 */
async function textRuns(
  page: PDFPageProxy,
  height: number,
  scales: readonly FaceScale[],
  rules: readonly Rule[],
): Promise<Run[]> {
  const content = await page.getTextContent();
  const runs: Run[] = [];
  const items = (content.items as TextItem[]).filter((item) => 'transform' in item && item.str !== '');
  items.sort((a, b) => b.transform[5] - a.transform[5] || a.transform[4] - b.transform[4]);
  for (const item of items) {
    const [, , c, d, x, baseline] = item.transform as number[];
    const printed = Math.hypot(c ?? 0, d ?? 0);
    const size = printed * faceScale(page, item.fontName, scales);
    const style = content.styles[item.fontName];
    const y = height - (baseline ?? 0);
    const top = y - printed * (style?.ascent ?? 0.8);
    const bottom = y - printed * (style?.descent ?? -0.2);
    const last = runs.at(-1);
    const blank = item.str.trim() === '';
    const ruled = (from: number, to: number) =>
      rules.some((rule) => rule.yMin < y && y < rule.yMax && from <= rule.x + 0.5 && rule.x - 0.5 <= to);
    if (last && Math.abs(last.y - y) < printed / 3 && (x ?? 0) - last.x1 < printed * 1.5 && !ruled(last.x1, x ?? 0)) {
      last.text += (x ?? 0) - last.x1 > printed * 0.15 && !last.text.endsWith(' ') ? ` ${item.str}` : item.str;
      if (!blank) {
        last.x1 = Math.max(last.x1, (x ?? 0) + item.width);
        last.size = Math.max(last.size, size);
        last.top = Math.min(last.top, top);
        last.bottom = Math.max(last.bottom, bottom);
      }
    } else if (!blank) {
      runs.push({ text: item.str, x0: x ?? 0, x1: (x ?? 0) + item.width, y, size, top, bottom });
    }
  }
  return runs.map((run) => ({ ...run, text: run.text.trimEnd() }));
}

/** A font's scale by its name in the PDF ("AAAAAA+Sarabun-Bold"): TH Sarabun faces are 1; an unknown face too. */
function faceScale(page: PDFPageProxy, fontName: string, scales: readonly FaceScale[]): number {
  const font = page.commonObjs.has(fontName) ? (page.commonObjs.get(fontName) as { name?: string }) : undefined;
  const name = (font?.name ?? '').replace(/^[A-Z]{6}\+/, '').toLowerCase();
  if (name.startsWith('thsarabun')) return 1;
  return scales.find((face) => name.startsWith(face.name.toLowerCase()))?.scale ?? 1;
}

/**
 * The thin vertical boxes and lines the page draws: table rules. Chromium fills a thin box per cell side, or
 * strokes a cell's outline when its four borders are alike. Reading the operators also resolves the page's fonts,
 * whose names {@link faceScale} reads.
 */
async function verticalRules(page: PDFPageProxy, height: number): Promise<Rule[]> {
  const { fnArray, argsArray } = await page.getOperatorList();
  const rules: Rule[] = [];
  let matrix = [1, 0, 0, 1, 0, 0];
  const saved: number[][] = [];
  let box: { x0: number; y0: number; x1: number; y1: number } | undefined;
  const keep = (x0: number, x1: number, y0: number, y1: number) => {
    if (x1 - x0 <= RULE_THICKNESS && y1 - y0 > 3 * (x1 - x0)) {
      rules.push({ x: (x0 + x1) / 2, yMin: height - y1, yMax: height - y0 });
    }
  };
  fnArray.forEach((fn, index) => {
    const args = argsArray[index] as unknown[];
    if (fn === OPS.save) saved.push(matrix);
    else if (fn === OPS.restore) matrix = saved.pop() ?? [1, 0, 0, 1, 0, 0];
    else if (fn === OPS.transform) matrix = multiply(args as number[], matrix);
    else if (fn === OPS.constructPath) {
      const [x0 = 0, y0 = 0, x1 = 0, y1 = 0] = (args[2] as number[] | undefined) ?? [];
      if (!Number.isFinite(x0)) return;
      const a = apply(matrix, x0, y0);
      const b = apply(matrix, x1, y1);
      box = { x0: Math.min(a[0], b[0]), x1: Math.max(a[0], b[0]), y0: Math.min(a[1], b[1]), y1: Math.max(a[1], b[1]) };
    } else if (box && (fn === OPS.fill || fn === OPS.eoFill)) {
      keep(box.x0, box.x1, box.y0, box.y1);
      box = undefined;
    } else if (box && (fn === OPS.stroke || fn === OPS.closeStroke)) {
      keep(box.x0, box.x0, box.y0, box.y1);
      keep(box.x1, box.x1, box.y0, box.y1);
      box = undefined;
    } else if (fn === OPS.endPath) box = undefined;
  });
  return rules;
}

/**
 * Breaks inside a Thai word: a line ending in a Thai letter, wrapped (the next line's first word would not have fit
 * in the room left on it, so the break was the line breaker's, not the writer's), and the next line of the same text
 * beginning with one, where the browser's dictionary sees no word boundary.
 */
function brokenWords(column: readonly Run[], next: readonly Run[], rules: readonly Rule[]): string[] {
  const broken: string[] = [];
  const pairs = linePairs(column);
  const last = column.at(-1);
  const first = next[0];
  if (last && first) pairs.push([last, first]);
  const right = Math.max(...column.map((run) => run.x1));
  const limit = (run: Run) =>
    Math.min(
      right,
      ...rules.filter((rule) => rule.yMin < run.y && run.y < rule.yMax && rule.x > run.x1 - 1).map((rule) => rule.x),
    );
  for (const [above, below] of pairs) {
    const end = above.text.at(-1) ?? '';
    const start = below.text[0] ?? '';
    if (!THAI_LETTER.test(end) || !THAI_LETTER.test(start)) continue;
    const before = /[\u0E01-\u0E4E]+$/.exec(above.text)?.[0] ?? '';
    const after = /^[\u0E01-\u0E4E]+/.exec(below.text)?.[0] ?? '';
    const firstWord = [...words.segment(below.text)][0]?.segment ?? after;
    const firstWidth = ((below.x1 - below.x0) * firstWord.length) / Math.max(below.text.length, 1);
    if (limit(above) - above.x1 > firstWidth) continue;
    const joined = before + after;
    const boundaries = new Set([...words.segment(joined)].map((segment) => segment.index));
    if (!boundaries.has(before.length)) broken.push(`${before.slice(-8)}|${after.slice(0, 8)}`);
  }
  return broken;
}

/**
 * Each run with the next run down that shares some of its width, within two of its heights (the same paragraph's or
 * cell's next line): runs come top to bottom, so the first such one after it is the nearest.
 */
function linePairs(column: readonly Run[]): [Run, Run][] {
  const pairs: [Run, Run][] = [];
  column.forEach((run, index) => {
    const height = run.bottom - run.top;
    for (const other of column.slice(index + 1)) {
      if (other.y >= run.y + 2 * height) break;
      const overlaps = other.x0 < run.x1 && run.x0 < other.x1;
      if (other.y > run.y + height / 2 && overlaps) {
        pairs.push([run, other]);
        break;
      }
    }
  });
  return pairs;
}

/** Words crossing a table's vertical rule on their line, and text running off the paper. */
function overflowing(runs: readonly Run[], rules: readonly Rule[], width: number): string[] {
  const found: string[] = [];
  for (const run of runs) {
    const crossed = rules.find(
      (rule) => rule.yMin < run.y && run.y < rule.yMax && run.x0 < rule.x - 1 && run.x1 > rule.x + 1,
    );
    if (crossed || run.x1 > width || run.x0 < 0) found.push(run.text.slice(0, 30));
  }
  return found;
}

/**
 * A paragraph's last line alone at the top of a page (its earlier lines on the page before) and its first line alone
 * at the foot (the rest on the next page). A line is a paragraph's first when indented, its last when short, and
 * continues the line before when that one is full, as justified text sets them.
 */
function loneLines(previous: readonly Run[], column: readonly Run[], next: readonly Run[]): string[] {
  const lone: string[] = [];
  const edges = (runs: readonly Run[]) => ({
    left: Math.min(...runs.map((run) => run.x0)),
    right: Math.max(...runs.map((run) => run.x1)),
  });
  if (column.length === 0) return lone;
  const { left, right } = edges(column);
  const full = (run: Run) => run.x1 > right - run.size;
  const flush = (run: Run) => Math.abs(run.x0 - left) < run.size / 2;
  const [first] = column;
  const before = previous.at(-1);
  if (first && before && full(before) && flush(first) && !full(first)) {
    lone.push(`↑ ${first.text.slice(0, 30)}`);
  }
  const last = column.at(-1);
  const after = next[0];
  if (
    last &&
    after &&
    !flush(last) &&
    last.x0 < left + 3 * CM &&
    full(last) &&
    Math.abs(after.x0 - left) < after.size
  ) {
    lone.push(`↓ ${last.text.slice(0, 30)}`);
  }
  return lone;
}

function mode(values: readonly number[]): number {
  const counts = new Map<number, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0] ?? 0;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

function multiply(m: number[], n: number[]): number[] {
  const [a = 1, b = 0, c = 0, d = 1, e = 0, f = 0] = m;
  const [a2 = 1, b2 = 0, c2 = 0, d2 = 1, e2 = 0, f2 = 0] = n;
  return [
    a * a2 + b * c2,
    a * b2 + b * d2,
    c * a2 + d * c2,
    c * b2 + d * d2,
    e * a2 + f * c2 + e2,
    e * b2 + f * d2 + f2,
  ];
}

function apply(m: number[], x: number, y: number): [number, number] {
  const [a = 1, b = 0, c = 0, d = 1, e = 0, f = 0] = m;
  return [a * x + c * y + e, b * x + d * y + f];
}
