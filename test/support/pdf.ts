import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** What a reader of the PDF sees: the text of each page and the fonts, read by poppler's tools. */
export interface PdfReading {
  pages: string[];
  fonts: { name: string; type: string; embedded: boolean }[];
}

/**
 * Reads a PDF with pdftotext and pdffonts. Pages keep their layout (columns side by side), or with `raw` come in
 * content order (a table's cells one after another).
 *
 * @example
 * const { pages, fonts } = await readPdf(bytes);
 */
export async function readPdf(pdf: Uint8Array, options: { raw?: boolean } = {}): Promise<PdfReading> {
  const dir = await mkdtemp(join(tmpdir(), 'saraban-pdf-'));
  try {
    const file = join(dir, 'document.pdf');
    await writeFile(file, pdf);
    const { stdout: text } = await run('pdftotext', [options.raw ? '-raw' : '-layout', file, '-']);
    // pdftotext ends every page with a form feed.
    const pages = text.split('\f').slice(0, -1);
    const { stdout: fontTable } = await run('pdffonts', [file]);
    const fonts = fontTable
      .split('\n')
      .slice(2)
      .filter((line) => line.trim() !== '')
      .map((line) => {
        const columns = line.trim().split(/\s+/);
        // name type [encoding...] emb sub uni object ID: emb is the 5th column from the end.
        return { name: columns[0] ?? '', type: columns[1] ?? '', embedded: columns.at(-5) === 'yes' };
      });
    return { pages, fonts };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

// The page margins of base.css that hold no body text: 2.5 cm at the top (page number, secrecy mark), 2 cm at the
// bottom (continuation line, secrecy mark).
const TOP_MARGIN = (2.5 * 72) / 2.54;
const BOTTOM_MARGIN = (2 * 72) / 2.54;

/**
 * The text between the top and bottom margins of every page, the pages joined by a line break, as a reader copies
 * it: pdftotext in reading order, where words are told apart by the gaps between letters, not by layout.
 *
 * @example
 * expect(firstNotAsWritten(await readTextColumn(bytes), items)).toBeUndefined();
 */
export async function readTextColumn(pdf: Uint8Array): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'saraban-pdf-'));
  try {
    const file = join(dir, 'document.pdf');
    await writeFile(file, pdf);
    const { stdout: info } = await run('pdfinfo', [file]);
    const [, width, height] = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info) ?? [];
    // pdftotext keeps a letter whose baseline lies in the box, in points at its default 72 dpi.
    const box = ['-x', '0', '-y', `${Math.ceil(TOP_MARGIN)}`, '-W', `${Math.ceil(Number(width))}`];
    box.push('-H', `${Math.floor(Number(height) - TOP_MARGIN - BOTTOM_MARGIN)}`);
    const { stdout: text } = await run('pdftotext', [...box, file, '-']);
    return text.split('\f').join('\n');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * The pages' running text, with the page number at the top of each page ("- ๒ -") and the continuation line at
 * its foot ("/๒. กองการเจ้าหน้าที่...") left out, so a paragraph that runs over a page break reads as one.
 *
 * @example
 * expect(firstMissingInOrder(runningText(pages), items)).toBeUndefined();
 */
export function runningText(pages: string[]): string {
  return pages.map((page) => withoutContinuationLine(page.replace(/^\s*-\s*[0-9๐-๙]+\s*-[ \t]*\n/, ''))).join('\n');
}

/**
 * The page without the continuation line at its foot ("/๒. กองการเจ้าหน้าที่..."): it repeats the next page's
 * first words, which would otherwise split a paragraph or a cell running over the page.
 */
export function withoutContinuationLine(page: string): string {
  return page.replace(/\n[ \t]*\/\S[^\n]*(?:\.\.\.|…)[ \t]*\n*$/, '\n');
}

/** Text with all white space removed: line breaks and justification spacing differ between input and PDF. */
export function compact(text: string): string {
  return text.replace(/\s+/g, '');
}

/**
 * The first text item of `items` that does not appear in `text` after the previous one, or undefined when all
 * appear in order. Items and text are compared without white space.
 *
 * @example
 * expect(firstMissingInOrder(pages.join(''), ['เรื่องเดิม', 'ข้อเท็จจริง'])).toBeUndefined();
 */
export function firstMissingInOrder(text: string, items: string[]): string | undefined {
  const haystack = compact(text);
  let position = 0;
  for (const item of items) {
    const found = haystack.indexOf(compact(item), position);
    if (found < 0) return item;
    position = found + compact(item).length;
  }
  return undefined;
}

/**
 * The first text item of `items` that `text` does not hold exactly as written after the previous one: the same
 * letters and the same spaces, where only a line end may stand for a space or for nothing (a line that wraps
 * inside a Thai word). Undefined when all are there in order.
 *
 * @example
 * expect(firstNotAsWritten('เพื่อให้การ\nปฏิบัติ', ['เพื่อให้การปฏิบัติ'])).toBeUndefined();
 * firstNotAsWritten('เพื่ อให้', ['เพื่อให้']); // 'เพื่อให้'
 */
export function firstNotAsWritten(text: string, items: string[]): string | undefined {
  let position = 0;
  for (const item of items) {
    const words = item.trim().split(/\s+/);
    const letters = (word: string) => [...word].map((letter) => letter.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&'));
    // Line ends, and the blank line between pages, stand for a space or for nothing.
    // A dash between spaces that ends a line ("O1 -" / "O16") is taken for a hyphen and dropped by pdftotext.
    const word = (text: string) => (/^[-–]$/.test(text) ? `(?:${text}(?: ?\n+| ))?` : letters(text).join('\n*'));
    const pattern = new RegExp(
      words
        .map((text, index) => `${word(text)}${index < words.length - 1 && !/^[-–]$/.test(text) ? '(?: ?\n+| )' : ''}`)
        .join(''),
      'g',
    );
    pattern.lastIndex = position;
    const found = pattern.exec(text);
    if (!found) return item;
    position = found.index + found[0].length;
  }
  return undefined;
}

/**
 * The text of each page as pdf.js (Firefox's viewer) reads it: glyph by glyph through the fonts' ToUnicode maps,
 * ignoring /ActualText spans, as many indexers do too. Lines end with a line break. With `margins` (points from the
 * top and the bottom of the page), only the text between them: the page numbers and continuation lines left out.
 *
 * @example
 * expect((await readTextLikePdfJs(bytes)).join('')).not.toContain('\u0000');
 */
export async function readTextLikePdfJs(pdf: Uint8Array, margins?: { top: number; bottom: number }): Promise<string[]> {
  // The legacy build runs on Node without a DOM; loaded here, as only a few tests read with it.
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // pdf.js takes over the buffer it is given: a copy.
  const document = await getDocument({ data: pdf.slice(), verbosity: 0 }).promise;
  try {
    const pages: string[] = [];
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      const height = page.view[3] ?? 0;
      const { items } = await page.getTextContent();
      const kept = items.filter((item) => {
        if (!margins || !('str' in item)) return true;
        // transform[5]: the baseline, in points from the bottom of the page.
        const y = item.transform[5] as number;
        return y >= margins.bottom && y <= height - margins.top;
      });
      pages.push(kept.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join(''));
    }
    return pages;
  } finally {
    await document.destroy();
  }
}

/** PDFium (as WebAssembly), loaded once for the tests that read with it. */
let pdfium: ReturnType<typeof loadPdfium> | undefined;

async function loadPdfium() {
  const { init } = await import('@embedpdf/pdfium');
  const require = createRequire(import.meta.url);
  const wasmBinary = await readFile(require.resolve('@embedpdf/pdfium/pdfium.wasm'));
  const module = await init({
    wasmBinary: wasmBinary.buffer.slice(wasmBinary.byteOffset, wasmBinary.byteOffset + wasmBinary.byteLength),
  });
  module.PDFiumExt_Init();
  return module;
}

/**
 * The text of each page as PDFium (Chrome's and Edge's PDF viewer) gives it to a reader who copies it: its text
 * page, where a line's glyphs are read in the order they start from the left and a marked-content span's
 * /ActualText stands for its glyphs. Lines end with a line break. Only the characters whose origin lies between the
 * margins (points from the top and the bottom of the page): the page numbers and continuation lines left out.
 *
 * @example
 * const pages = await readTextLikePdfium(bytes, { top: cm(2.5), bottom: cm(2) });
 */
export async function readTextLikePdfium(pdf: Uint8Array, margins: { top: number; bottom: number }): Promise<string[]> {
  pdfium ??= loadPdfium();
  const module = await pdfium;
  const { wasmExports, getValue } = module.pdfium;
  // Emscripten's view of the module's memory; the package types it through @types/emscripten, not installed here.
  const { HEAPU8 } = module.pdfium as unknown as { HEAPU8: Uint8Array };
  const bytes = wasmExports.malloc(pdf.byteLength);
  // Two doubles: a character's origin.
  const origin = wasmExports.malloc(16);
  HEAPU8.set(pdf, bytes);
  const document = module.FPDF_LoadMemDocument(bytes, pdf.byteLength, '');
  try {
    if (!document) throw new Error(`PDFium cannot open the PDF (error ${module.FPDF_GetLastError()})`);
    const pages: string[] = [];
    const count = module.FPDF_GetPageCount(document);
    for (let index = 0; index < count; index++) {
      const page = module.FPDF_LoadPage(document, index);
      const textPage = module.FPDFText_LoadPage(page);
      const top = module.FPDF_GetPageHeightF(page) - margins.top;
      let text = '';
      const characters = module.FPDFText_CountChars(textPage);
      for (let at = 0; at < characters; at++) {
        module.FPDFText_GetCharOrigin(textPage, at, origin, origin + 8);
        // y from the bottom of the page. A line break PDFium adds lies where the line's last character does.
        const y = getValue(origin + 8, 'double');
        if (y >= margins.bottom && y <= top) text += String.fromCharCode(module.FPDFText_GetUnicode(textPage, at));
      }
      pages.push(text.replace(/\r\n/g, '\n'));
      module.FPDFText_ClosePage(textPage);
      module.FPDF_ClosePage(page);
    }
    return pages;
  } finally {
    if (document) module.FPDF_CloseDocument(document);
    wasmExports.free(origin);
    wasmExports.free(bytes);
  }
}
