import type { Protocol } from 'puppeteer-core';

/**
 * How Saraban runs Chromium and asks it for a PDF, in one place: the printer uses these, and the benchmark's
 * bare-Chromium floor uses the very same, so the two print the same kind of PDF.
 *
 * @example
 * ```ts
 * const browser = await puppeteer.launch({ executablePath: '/usr/bin/chromium', args: [...CHROMIUM_ARGS] });
 * const pdf = await page.pdf({ ...PDF_OPTIONS, timeout: 30_000 });
 * ```
 */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--font-render-hinting=none',
  // The language Chromium assumes for a page without <html lang>; it becomes the PDF's /Lang.
  '--accept-lang=th',
];

/** The page.pdf options every print uses (a timeout is added per job). */
export const PDF_OPTIONS = {
  // The page size and margins come from the document's CSS @page; A4 when it declares none.
  preferCSSPageSize: true,
  format: 'A4',
  printBackground: true,
  tagged: true,
  outline: true,
  // page.pdf awaits document.fonts.ready in an isolated world, which works with the page's JavaScript off. The
  // printer awaits the fonts itself, in a way an element named "fonts" cannot defeat (printing-page.ts).
  waitForFonts: true,
} as const;

/**
 * {@link PDF_OPTIONS} as the parameters of CDP's `Page.printToPDF`, the values puppeteer's `page.pdf` sends for them
 * (its A4 is 8.2677 × 11.6929 inches), for the prints that ask Chromium for the PDF in its reply rather than as a
 * stream. The printer's tests check that both ways give the same bytes.
 */
export const PRINT_TO_PDF_PARAMS = {
  preferCSSPageSize: PDF_OPTIONS.preferCSSPageSize,
  paperWidth: 8.2677,
  paperHeight: 11.6929,
  marginTop: 0,
  marginBottom: 0,
  marginLeft: 0,
  marginRight: 0,
  printBackground: PDF_OPTIONS.printBackground,
  generateTaggedPDF: PDF_OPTIONS.tagged,
  generateDocumentOutline: PDF_OPTIONS.outline,
} as const satisfies Protocol.Page.PrintToPDFRequest;
