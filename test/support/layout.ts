import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { TestServer } from './saraban.js';

const run = promisify(execFile);

/** Points per centimetre: PDF positions are in points (1/72 inch). */
export const PT_PER_CM = 72 / 2.54;

/** `n` centimetres in points. */
export function cm(n: number): number {
  return n * PT_PER_CM;
}

/** A rectangle on a page, in points from the page's top-left corner. */
export interface Box {
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** One word as pdftotext reads it. Its box runs from the font's ascent to its descent, whatever the glyphs. */
export interface Word extends Box {
  text: string;
}

/** One printed line: its words left to right, and their text joined by single spaces. */
export interface Line extends Box {
  words: Word[];
  text: string;
}

/** One page: its size in points and its lines from top to bottom. */
export interface PageLayout {
  /** 1-based. */
  number: number;
  width: number;
  height: number;
  lines: Line[];
}

/**
 * The position of every line and word of every page, read with `pdftotext -bbox-layout`.
 *
 * @example
 * const pages = await readLayout(pdf);
 * expect(Math.min(...pages[0].lines.map((line) => line.xMin))).toBeCloseTo(cm(3), 0);
 */
export async function readLayout(pdf: Uint8Array): Promise<PageLayout[]> {
  const xhtml = await withPdfFile(pdf, async (file) => {
    const { stdout } = await run('pdftotext', ['-bbox-layout', file, '-'], { maxBuffer: 64 * 1024 * 1024 });
    return stdout;
  });
  const pages: PageLayout[] = [];
  for (const pageMatch of xhtml.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)) {
    const lines: Line[] = [];
    for (const lineMatch of (pageMatch[3] ?? '').matchAll(/<line ([^>]*)>([\s\S]*?)<\/line>/g)) {
      const words = [...(lineMatch[2] ?? '').matchAll(/<word ([^>]*)>([\s\S]*?)<\/word>/g)].map((wordMatch) => ({
        ...boxOf(wordMatch[1] ?? ''),
        text: decodeEntities(wordMatch[2] ?? ''),
      }));
      lines.push({ ...boxOf(lineMatch[1] ?? ''), words, text: words.map((word) => word.text).join(' ') });
    }
    lines.sort((a, b) => a.yMin - b.yMin || a.xMin - b.xMin);
    pages.push({ number: pages.length + 1, width: Number(pageMatch[1]), height: Number(pageMatch[2]), lines });
  }
  return pages;
}

/**
 * How tall pdftotext's word box is, in em, for each face the templates print in: the font's ascent plus descent
 * from its PDF font descriptor (Sarabun 1.068 + 0.232, Laksaman 1.279 + 0.376). Calibrated once on 16 pt and 29 pt
 * text, where the boxes measure 20.80 and 37.69 pt in Sarabun.
 */
export const WORD_BOX_EM = { sarabun: 1.3, laksaman: 1.655 } as const;

/**
 * The font size of a word or line, in points, from its box height.
 *
 * @example
 * expect(fontSizeOf(titleWord, 'sarabun')).toBeCloseTo(29, 0);
 */
export function fontSizeOf(box: Box, face: keyof typeof WORD_BOX_EM): number {
  return (box.yMax - box.yMin) / WORD_BOX_EM[face];
}

/**
 * Each line with the line printed under it (the nearest line below that shares some of its width, within two lines'
 * height), and a page's last line with the next page's first, among the lines `inColumn` keeps (the text column,
 * without page numbers and margin marks). Lines of one paragraph or one table cell come in pairs this way; which
 * pairs really continue one text is for the caller to tell from the text.
 *
 * @example
 * expect(badBreaks(linePairs(pages, columnLines), texts)).toEqual([]);
 */
export function linePairs(pages: readonly PageLayout[], inColumn: (page: PageLayout) => Line[]): [Line, Line][] {
  const pairs: [Line, Line][] = [];
  let previous: Line | undefined;
  for (const page of pages) {
    const lines = inColumn(page);
    if (previous && lines[0]) pairs.push([previous, lines[0]]);
    for (const line of lines) {
      const below = lineBelow(lines, line);
      if (below) pairs.push([line, below]);
    }
    previous = lines.at(-1);
  }
  return pairs;
}

/**
 * The nearest of `lines` under `line` in its width (printed over one another, as lines of a column), starting within
 * `within` line heights: two finds the next line of its text.
 *
 * @example
 * const last = lines.filter((line) => !lineBelow(lines, line, Number.POSITIVE_INFINITY));
 */
export function lineBelow(lines: readonly Line[], line: Line, within = 2): Line | undefined {
  const height = line.yMax - line.yMin;
  return lines
    .filter((other) => other.yMin > line.yMin + height / 2 && other.yMin < line.yMin + within * height)
    .filter((other) => other.xMin < line.xMax && other.xMax > line.xMin)
    .sort((a, b) => a.yMin - b.yMin)[0];
}

/** Text without white space, for comparing text whose line breaks and spacing differ. */
export function withoutSpaces(text: string): string {
  return text.replace(/\s+/g, '');
}

/**
 * The page-number line of a page ("- ๒ -", "- 2 -"): in the top margin, nothing but a number between dashes.
 *
 * @example
 * expect(pageNumberLine(pages[1], cm(2.5))?.text).toBe('- ๒ -');
 */
export function pageNumberLine(page: PageLayout, topMargin: number): Line | undefined {
  return page.lines.find((line) => line.yMax <= topMargin && /^-\s*[0-9๐-๙]+\s*-$/.test(line.text));
}

/** A page, or a band across it, as pixels: RGB, 3 bytes a pixel, rows top to bottom. */
export interface Raster {
  width: number;
  height: number;
  /** Pixels per point. */
  scale: number;
  /** Where the first row lies, in points from the page's top edge: 0 for a whole page. */
  top: number;
  rgb: Uint8Array;
}

/**
 * Renders one page (1-based) with pdftoppm at `dpi` dots per inch: the whole page, or only the band between two
 * heights (points from the top edge), which is quicker at a high resolution.
 *
 * @example
 * const raster = await rasterizePage(pdf, 1, 144);
 * const foot = await rasterizePage(pdf, 1, 288, { yMin: page.height - cm(2), yMax: page.height });
 */
export async function rasterizePage(
  pdf: Uint8Array,
  page: number,
  dpi = 144,
  band?: { yMin: number; yMax: number },
): Promise<Raster> {
  const scale = dpi / 72;
  const top = band ? Math.floor(band.yMin * scale) : 0;
  const crop = band
    ? ['-x', '0', '-y', String(top), '-W', '100000', '-H', String(Math.ceil(band.yMax * scale) - top)]
    : [];
  const ppm = await withPdfFile(pdf, async (file, dir) => {
    const out = join(dir, 'page');
    await run('pdftoppm', [
      '-r',
      String(dpi),
      '-f',
      String(page),
      '-l',
      String(page),
      ...crop,
      '-singlefile',
      file,
      out,
    ]);
    return readFile(`${out}.ppm`);
  });
  // Binary PPM: "P6", width, height, maxval, each followed by one white-space byte, then the pixels.
  const header = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(ppm.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error('pdftoppm did not write a binary PPM');
  const width = Number(header[1]);
  const height = Number(header[2]);
  return { width, height, scale, top: top / scale, rgb: new Uint8Array(ppm.subarray(header[0].length)) };
}

/** Ink, red ink and the rest, by colour: red is what the marks print in (#e00000), ink anything darker than paper. */
function pixelKind(raster: Raster, x: number, y: number): 'paper' | 'ink' | 'red' {
  const offset = (y * raster.width + x) * 3;
  const r = raster.rgb[offset] ?? 255;
  const g = raster.rgb[offset + 1] ?? 255;
  const b = raster.rgb[offset + 2] ?? 255;
  if (r > 150 && r - Math.max(g, b) > 80) return 'red';
  return Math.min(r, g, b) < 160 ? 'ink' : 'paper';
}

/**
 * The share of a box's inked pixels that are red (0 when the box holds no ink).
 *
 * @example
 * expect(redShare(raster, speedMarkWord)).toBeGreaterThan(0.8);
 */
export function redShare(raster: Raster, box: Box): number {
  let inked = 0;
  let red = 0;
  for (let y = row(raster, box.yMin, Math.floor); y < row(raster, box.yMax, Math.ceil); y++) {
    for (let x = Math.floor(box.xMin * raster.scale); x < Math.ceil(box.xMax * raster.scale); x++) {
      const kind = pixelKind(raster, x, y);
      if (kind !== 'paper') inked++;
      if (kind === 'red') red++;
    }
  }
  return inked === 0 ? 0 : red / inked;
}

/**
 * The share of a box's pixel columns that hold ink (any pixel darker than paper): 1 under a solid rule, about a third
 * under a dotted one, 0 where nothing is printed.
 *
 * @example
 * expect(inkedColumns(raster, { xMin, xMax, yMin: line.yMax, yMax: line.yMax + 4 })).toBeGreaterThan(0.2);
 */
export function inkedColumns(raster: Raster, box: Box): number {
  const left = Math.floor(box.xMin * raster.scale);
  const right = Math.ceil(box.xMax * raster.scale);
  let inked = 0;
  for (let x = left; x < right; x++) {
    for (let y = row(raster, box.yMin, Math.floor); y < row(raster, box.yMax, Math.ceil); y++) {
      if (pixelKind(raster, x, y) !== 'paper') {
        inked++;
        break;
      }
    }
  }
  return right > left ? inked / (right - left) : 0;
}

/** The raster row at a height in points from the page's top edge. */
function row(raster: Raster, y: number, round: (value: number) => number): number {
  return round((y - raster.top) * raster.scale);
}

/**
 * The box around every inked pixel of a raster that lies outside the `allowed` boxes (each widened by `slack` points
 * on every side), in points from the page's top-left corner; undefined when there is none.
 *
 * @example
 * const foot = await rasterizePage(pdf, 1, 144, { yMin: page.height - cm(2), yMax: page.height });
 * expect(inkOutside(foot, [continuationLine], 1)).toBeUndefined();
 */
export function inkOutside(raster: Raster, allowed: readonly Box[], slack: number): Box | undefined {
  const ink = { xMin: Infinity, yMin: Infinity, xMax: -Infinity, yMax: -Infinity };
  for (let y = 0; y < raster.height; y++) {
    const top = raster.top + y / raster.scale;
    for (let x = 0; x < raster.width; x++) {
      if (pixelKind(raster, x, y) === 'paper') continue;
      const left = x / raster.scale;
      const inside = allowed.some(
        (box) =>
          left >= box.xMin - slack && left <= box.xMax + slack && top >= box.yMin - slack && top <= box.yMax + slack,
      );
      if (inside) continue;
      ink.xMin = Math.min(ink.xMin, left);
      ink.xMax = Math.max(ink.xMax, left + 1 / raster.scale);
      ink.yMin = Math.min(ink.yMin, top);
      ink.yMax = Math.max(ink.yMax, top + 1 / raster.scale);
    }
  }
  return ink.xMin === Infinity ? undefined : ink;
}

/**
 * The emblem's box: the tallest patch of ink outside every text line in the top third of the page. Parts closer
 * than 2 mm count as one patch, so a drawing of many strokes is found whole, and dotted leader lines and rules
 * (a millimetre tall at most) never win.
 *
 * @example
 * const garuda = findEmblem(await rasterizePage(pdf, 1), pages[0]);
 * expect(garuda && garuda.yMax - garuda.yMin).toBeCloseTo(cm(1.5), 0);
 */
export function findEmblem(raster: Raster, page: PageLayout): Box | undefined {
  // Cells of about half a millimetre; a cell is inked when any of its pixels is, outside text lines.
  const cell = Math.max(1, Math.round((cm(0.05) * raster.scale) | 0));
  const columns = Math.ceil(raster.width / cell);
  const rows = Math.ceil(raster.height / 3 / cell);
  const textPixels = page.lines.map((line) => scaled(line, raster.scale));
  const inked = new Uint8Array(columns * rows);
  for (let y = 0; y < rows * cell && y < raster.height; y++) {
    for (let x = 0; x < raster.width; x++) {
      if (pixelKind(raster, x, y) === 'paper') continue;
      if (textPixels.some((box) => x >= box.xMin && x <= box.xMax && y >= box.yMin && y <= box.yMax)) continue;
      inked[Math.floor(y / cell) * columns + Math.floor(x / cell)] = 1;
    }
  }
  const reach = 4; // cells: 2 mm
  const seen = new Uint8Array(columns * rows);
  let best: Box | undefined;
  for (let start = 0; start < inked.length; start++) {
    if (!inked[start] || seen[start]) continue;
    const patch = { xMin: Infinity, yMin: Infinity, xMax: -Infinity, yMax: -Infinity };
    const stack = [start];
    seen[start] = 1;
    while (stack.length > 0) {
      const index = stack.pop() as number;
      const cx = index % columns;
      const cy = Math.floor(index / columns);
      patch.xMin = Math.min(patch.xMin, cx);
      patch.xMax = Math.max(patch.xMax, cx);
      patch.yMin = Math.min(patch.yMin, cy);
      patch.yMax = Math.max(patch.yMax, cy);
      for (let ny = Math.max(0, cy - reach); ny <= Math.min(rows - 1, cy + reach); ny++) {
        for (let nx = Math.max(0, cx - reach); nx <= Math.min(columns - 1, cx + reach); nx++) {
          const next = ny * columns + nx;
          if (inked[next] && !seen[next]) {
            seen[next] = 1;
            stack.push(next);
          }
        }
      }
    }
    if (!best || patch.yMax - patch.yMin > best.yMax - best.yMin) best = patch;
  }
  return best && exactInk(raster, best, cell, textPixels);
}

/** A patch of cells narrowed to the pixels actually inked, in points. */
function exactInk(raster: Raster, cells: Box, cell: number, textPixels: Box[]): Box {
  const ink = { xMin: Infinity, yMin: Infinity, xMax: -Infinity, yMax: -Infinity };
  for (let y = cells.yMin * cell; y < (cells.yMax + 1) * cell && y < raster.height; y++) {
    for (let x = cells.xMin * cell; x < (cells.xMax + 1) * cell && x < raster.width; x++) {
      if (pixelKind(raster, x, y) === 'paper') continue;
      if (textPixels.some((box) => x >= box.xMin && x <= box.xMax && y >= box.yMin && y <= box.yMax)) continue;
      ink.xMin = Math.min(ink.xMin, x);
      ink.xMax = Math.max(ink.xMax, x + 1);
      ink.yMin = Math.min(ink.yMin, y);
      ink.yMax = Math.max(ink.yMax, y + 1);
    }
  }
  const s = raster.scale;
  return { xMin: ink.xMin / s, yMin: ink.yMin / s, xMax: ink.xMax / s, yMax: ink.yMax / s };
}

function scaled(box: Box, scale: number): Box {
  return { xMin: box.xMin * scale, yMin: box.yMin * scale, xMax: box.xMax * scale, yMax: box.yMax * scale };
}

function boxOf(attributes: string): Box {
  const value = (name: string) => Number(new RegExp(`${name}="([-\\d.]+)"`).exec(attributes)?.[1]);
  return { xMin: value('xMin'), yMin: value('yMin'), xMax: value('xMax'), yMax: value('yMax') };
}

function decodeEntities(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

async function withPdfFile<T>(pdf: Uint8Array, use: (file: string, dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'saraban-layout-'));
  try {
    const file = join(dir, 'document.pdf');
    await writeFile(file, pdf);
    return await use(file, dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Stores a DocumentInput on a test server, prints it and downloads the PDF.
 *
 * @example
 * const pdf = await printInput(server, { ...input, template: 'memo' });
 */
export async function printInput(server: TestServer, input: unknown): Promise<Uint8Array> {
  const created = await server.graphql('mutation ($input: DocumentInput!) { createDocument(input: $input) { id } }', {
    input,
  });
  if (created.errors) throw new Error(`createDocument: ${created.errors[0]?.message}`);
  const rendered = await server.graphql('mutation ($id: ID!) { renderDocument(id: $id) { url } }', {
    id: created.data.createDocument.id,
  });
  if (rendered.errors) throw new Error(`renderDocument: ${rendered.errors[0]?.message}`);
  const response = await fetch(`${server.url}${rendered.data.renderDocument.url}`);
  return new Uint8Array(await response.arrayBuffer());
}
