import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readPageLines } from './page-lines.js';
import { finishPdfFile } from './pdf-file.js';

const POINTS_PER_CM = 72 / 2.54;

/** A file the overlay page may load (as `@saraban/print`'s PrintAsset). */
export interface OverlayAsset {
  contentType: string;
  body: Uint8Array | string;
}

/** What prints the overlay of continuation lines: `@saraban/print`'s Printer. */
export interface OverlayPrinter {
  printToFile(
    job: { html: string; assets?: ReadonlyMap<string, OverlayAsset>; timeoutMs?: number },
    destination: string,
  ): Promise<unknown>;
}

/** Options of {@link addContinuationLines}. */
export interface ContinuationOptions {
  /** @font-face rules the continuation lines print with (the document's own), loading from `assets`. */
  readonly fontCss: string;
  /** The font family those rules declare. */
  readonly fontFamily: string;
  readonly assets?: ReadonlyMap<string, OverlayAsset>;
  /** Lines above this, in points from the top edge, are not a page's first words: page numbers, marks. Default 2.5 cm. */
  readonly topMargin?: number;
  /** Where the continuation line ends, in points from the right edge. Default 2 cm, the right margin. */
  readonly rightMargin?: number;
  /** Where the continuation line's box ends, in points from the bottom edge. Default 1 cm, inside a 2 cm margin. */
  readonly bottom?: number;
  /** At most this many characters of the next page's first words. Default 24. */
  readonly maxCharacters?: number;
  /** Time limit for printing the lines, in milliseconds (the printer's own when undefined). */
  readonly timeoutMs?: number;
}

/** The printed PDF could not take its continuation lines: the lines printed on a different number of pages. */
export class ContinuationPagesError extends Error {
  override readonly name = 'ContinuationPagesError';
  constructor(
    readonly documentPages: number,
    readonly overlayPages: number,
  ) {
    super(`continuation lines printed on ${overlayPages} pages for a document of ${documentPages}`);
  }
}

/**
 * The continuation line of every page but the last, as official letters print it at the bottom right: "/", the
 * first words of the next page, "..." (e.g. "/๒. กองการเจ้าหน้าที่..."). Undefined for the last page.
 *
 * @example
 * ```ts
 * continuationTexts(await readPageLines(pdf), { topMargin: 70.87 }) // ['/๒. กองการเจ้าหน้าที่...', undefined]
 * ```
 */
export function continuationTexts(
  pages: readonly { lines: readonly { text: string; top: number }[] }[],
  options: { topMargin?: number; maxCharacters?: number } = {},
): (string | undefined)[] {
  const topMargin = options.topMargin ?? 2.5 * POINTS_PER_CM;
  const maxCharacters = options.maxCharacters ?? 24;
  return pages.map((_, index) => {
    const next = pages[index + 1];
    const firstLine = next?.lines.find((line) => line.top >= topMargin - 1 && line.text.trim() !== '');
    if (!firstLine) return undefined;
    return `/${firstWords(firstLine.text, maxCharacters)}...`;
  });
}

/**
 * Adds the continuation lines to a printed PDF without moving anything on its pages: reads each page's first
 * words, prints the lines alone on transparent pages of the same size, and stamps those onto the document's pages
 * (marked as artifacts, so screen readers skip them and the document's tags are unchanged).
 *
 * @example
 * ```ts
 * const printed = await printer.print({ html: page.html, assets: page.assets });
 * const pdf = await addContinuationLines(printer, printed.pdf, {
 *   fontCss: fonts.css, fontFamily: 'Document Face', assets: page.assets,
 * });
 * ```
 */
export async function addContinuationLines(
  printer: OverlayPrinter,
  pdf: Uint8Array,
  options: ContinuationOptions,
): Promise<Uint8Array> {
  const pages = await readPageLines(pdf);
  const texts = continuationTexts(pages, options);
  if (texts.every((text) => text === undefined)) return pdf;
  const overlay = await printFinished(printer, {
    html: overlayHtml(pages, texts, options),
    assets: options.assets,
    timeoutMs: options.timeoutMs,
  });

  // Loaded here, not at the top: pdf-lib takes some 0.4 s to import, which every start of Saraban paid even though
  // most documents have no continuation lines.
  const { beginMarkedContent, endMarkedContent, PDFDocument, PDFName } = await import('pdf-lib');
  const overlayDocument = await PDFDocument.load(overlay, { updateMetadata: false });
  const overlayPages = overlayDocument.getPageCount();
  if (overlayPages !== pages.length) throw new ContinuationPagesError(pages.length, overlayPages);
  const document = await PDFDocument.load(pdf, { updateMetadata: false });
  const indices = texts.flatMap((text, index) => (text === undefined ? [] : [index]));
  const embedded = await document.embedPdf(overlayDocument, indices);
  for (const [position, index] of indices.entries()) {
    const page = document.getPage(index);
    const stamp = embedded[position];
    if (!stamp) continue;
    page.pushOperators(beginMarkedContent(PDFName.of('Artifact')));
    page.drawPage(stamp, { x: 0, y: 0 });
    page.pushOperators(endMarkedContent());
  }
  return document.save({ useObjectStreams: false });
}

/** The overlay printed and finished as every document is (its word text: glyphs Skia maps to U+0000 get theirs). */
async function printFinished(
  printer: OverlayPrinter,
  job: Parameters<OverlayPrinter['printToFile']>[0],
): Promise<Uint8Array> {
  const dir = await mkdtemp(join(tmpdir(), 'saraban-continuation-'));
  try {
    const file = join(dir, 'overlay.pdf');
    await printer.printToFile(job, file);
    finishPdfFile(file, {});
    return new Uint8Array(await readFile(file));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The first words of a line, whole words only, at most `maxCharacters` long (at least one word). */
function firstWords(line: string, maxCharacters: number): string {
  let text = '';
  for (const { segment } of new Intl.Segmenter('th', { granularity: 'word' }).segment(line.trim())) {
    if (text !== '' && (text + segment).trimEnd().length > maxCharacters) break;
    text += segment;
  }
  return text.trimEnd();
}

function overlayHtml(
  pages: readonly { width: number; height: number }[],
  texts: readonly (string | undefined)[],
  options: ContinuationOptions,
): string {
  const first = pages[0] ?? { width: 595.28, height: 841.89 };
  const right = options.rightMargin ?? 2 * POINTS_PER_CM;
  const bottom = options.bottom ?? 1 * POINTS_PER_CM;
  const sheets = pages.map((page, index) => {
    const text = texts[index];
    const line = text === undefined ? '' : `<p class="continuation">${escapeHtml(text)}</p>`;
    // A sheet a hair shorter than the page, so rounding never spills it onto an extra page.
    return `<div class="sheet" style="width: ${page.width}pt; height: calc(${page.height}pt - 2px)">${line}</div>`;
  });
  return [
    '<!DOCTYPE html>',
    '<html lang="th">',
    '<head>',
    '<meta charset="utf-8">',
    `<style>\n${options.fontCss.replace(/<\/style/gi, '<\\/style')}`,
    `@page { size: ${first.width}pt ${first.height}pt; margin: 0; }`,
    `html { font-family: '${options.fontFamily.replace(/['\\<]/g, '')}', sans-serif; font-size: 16pt; }`,
    'body { margin: 0; }',
    '.sheet { position: relative; overflow: hidden; break-after: page; }',
    '.sheet:last-child { break-after: auto; }',
    `.continuation { position: absolute; right: ${right}pt; bottom: ${bottom}pt; margin: 0; white-space: nowrap; }`,
    '</style>',
    '</head>',
    `<body>${sheets.join('')}</body>`,
    '</html>',
  ].join('\n');
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}
