import { type PdfFile, type PdfTrailer, readDictionary, UnexpectedPdfError } from './pdf-objects.js';

/** A page: its object number and its dictionary. */
export interface PageObject {
  readonly objectNumber: number;
  readonly dictionary: string;
}

/**
 * The pages, in order, walking the page tree from the catalog.
 *
 * @example
 * ```ts
 * for (const { objectNumber, dictionary } of pageObjects(pdf, readTrailer(pdf))) console.log(objectNumber);
 * ```
 */
export function pageObjects(pdf: PdfFile, trailer: PdfTrailer): PageObject[] {
  const pages: PageObject[] = [];
  const visit = (objectNumber: number) => {
    const node = readDictionary(pdf, trailer, objectNumber);
    const kids = /\/Kids\s*\[([^\]]*)\]/.exec(node)?.[1];
    if (kids === undefined) pages.push({ objectNumber, dictionary: node });
    else for (const [, kid] of kids.matchAll(/(\d+) 0 R/g)) visit(Number(kid));
  };
  visit(pageTreeRoot(pdf, trailer));
  return pages;
}

function pageTreeRoot(pdf: PdfFile, trailer: PdfTrailer): number {
  const pages = /\/Pages (\d+) 0 R/.exec(readDictionary(pdf, trailer, trailer.root))?.[1];
  if (!pages) throw new UnexpectedPdfError('the catalog has no /Pages');
  return Number(pages);
}

/**
 * The number of pages, from the /Count of the root of the page tree.
 *
 * @example
 * ```ts
 * pageCount(pdf, readTrailer(pdf)) // 8
 * ```
 */
export function pageCount(pdf: PdfFile, trailer: PdfTrailer): number {
  const count = /\/Count (\d+)/.exec(readDictionary(pdf, trailer, pageTreeRoot(pdf, trailer)))?.[1];
  if (!count) throw new UnexpectedPdfError('the page tree root has no /Count');
  return Number(count);
}
