import { type PdfFile, type PdfTrailer, readDictionary } from './pdf-objects.js';

// Reads Chromium's tagged-PDF structure tree (PDF 32000-1, 14.7), as far as finding what one element of the page drew:
// each HTML element Chromium tags is a structure element (/S /P, /S /Aside, …) whose leaves name the marked-content
// sections (MCIDs) of one page's content that hold its text.

/** The marked-content sections of one structure element: the page they are on and their MCIDs. */
export interface ElementSections {
  /** The object number of the page. */
  readonly page: number;
  readonly mcids: ReadonlySet<number>;
}

/**
 * Elements read at most under one element: a letter's foot has a dozen; anything far larger is not what was looked
 * for, and reading it would cost more than the finish.
 */
const MOST_ELEMENTS = 1_000;

/**
 * The marked-content sections of the last element of type `type` (such as "Aside") among the document's top-level
 * elements (the children of the /Document element Chromium writes for `<body>`), found from the end: elements after
 * it, such as annexes, are passed over one read each. Undefined when there is no structure tree, no such element, or
 * its sections lie on more than one page.
 *
 * @example
 * ```ts
 * const foot = lastTopLevelElement(pdf, trailer, 'Aside'); // { page: 5, mcids: Set { 48, 49, 50 } }
 * ```
 */
export function lastTopLevelElement(pdf: PdfFile, trailer: PdfTrailer, type: string): ElementSections | undefined {
  const root = referenceIn(readDictionary(pdf, trailer, trailer.root), 'StructTreeRoot');
  if (root === undefined) return undefined;
  let document = readDictionary(pdf, trailer, root);
  const top = kidsOf(document);
  // The root holds the /Document element; its children are the page's top-level elements.
  if (top.references.length !== 1) return undefined;
  document = readDictionary(pdf, trailer, top.references[0] as number);
  if (!hasType(document, 'Document')) return undefined;
  const { references } = kidsOf(document);
  for (let index = references.length - 1; index >= 0; index--) {
    const element = readDictionary(pdf, trailer, references[index] as number);
    if (hasType(element, type)) return sectionsUnder(pdf, trailer, element);
  }
  return undefined;
}

/** The MCIDs under `element`, all on one page; undefined when they are on several, or there are too many elements. */
function sectionsUnder(pdf: PdfFile, trailer: PdfTrailer, element: string): ElementSections | undefined {
  const mcids = new Set<number>();
  const pages = new Set<number>();
  const pending = [element];
  for (let read = 0; pending.length > 0; read++) {
    if (read > MOST_ELEMENTS) return undefined;
    const dictionary = pending.pop() as string;
    const page = referenceIn(dictionary, 'Pg');
    const kids = kidsOf(dictionary);
    // Marked-content references written inline (<< /Type /MCR … >>): not what Chromium writes; nothing is guessed.
    if (kids.inline) return undefined;
    if (kids.mcids.length > 0) {
      if (page === undefined) return undefined;
      pages.add(page);
      for (const mcid of kids.mcids) mcids.add(mcid);
    }
    for (const kid of kids.references) pending.push(readDictionary(pdf, trailer, kid));
    // A marked-content reference (/Type /MCR) written as its own object carries its MCID and page.
    const mcid = /\/Type\s*\/MCR\b/.test(dictionary) ? /\/MCID (\d+)/.exec(dictionary)?.[1] : undefined;
    if (mcid !== undefined && page !== undefined) {
      pages.add(page);
      mcids.add(Number(mcid));
    }
  }
  const [page] = pages;
  return pages.size === 1 && page !== undefined ? { page, mcids } : undefined;
}

/** An element's /K: the objects it refers to (children, marked-content references) and the MCIDs written in it. */
function kidsOf(dictionary: string): { references: number[]; mcids: number[]; inline: boolean } {
  const kids = /\/K\s*(\[[^\]]*\]|\d+ 0 R|\d+)/.exec(dictionary)?.[1] ?? '';
  const references = [...kids.matchAll(/(\d+) 0 R/g)].map(([, number]) => Number(number));
  const mcids = [...kids.replace(/\d+ 0 R/g, '').matchAll(/\d+/g)].map(([number]) => Number(number));
  return { references, mcids, inline: kids.includes('<<') };
}

function referenceIn(dictionary: string, key: string): number | undefined {
  const number = new RegExp(`/${key}\\s+(\\d+) 0 R`).exec(dictionary)?.[1];
  return number === undefined ? undefined : Number(number);
}

function hasType(dictionary: string, type: string): boolean {
  return new RegExp(`/S\\s*/${type}(?![\\w])`).test(dictionary);
}
