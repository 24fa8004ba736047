import { allOf, interpretText, type TextVisitor } from './content-stream.js';
import {
  type CharacterGlyph,
  type ContinuationLayout,
  firstWords,
  glyphFor,
  placeContinuation,
  type TextLine,
  type TextUnit,
  textLines,
  textUnitPass,
} from './continuation-lines.js';
import { footToBottomPass } from './foot-to-bottom.js';
import { addMetadata, type PdfMetadata, setDates } from './metadata.js';
import { type PageFont, pageFonts } from './page-fonts.js';
import { PageStamps } from './page-stamp.js';
import { type PageObject, pageCount, pageObjects } from './page-tree.js';
import {
  IncrementalUpdate,
  PdfFile,
  type PdfTrailer,
  readStream,
  readTrailer,
  UnexpectedPdfError,
} from './pdf-objects.js';
import { addPunctuationFont } from './punctuation-font.js';
import { addSilentGlyphTexts, type SilentCluster, silentClusterPass } from './silent-glyphs.js';
import { spreadWordPass } from './spread-words.js';
import { type StreamEdit, withEdits } from './stream-edits.js';
import { type ElementSections, lastTopLevelElement } from './structure-tree.js';

// Finishes the PDF files Chromium (Skia) writes, in one pass: the file is read once, one object at a time (memory
// does not grow with the document: a 300-page report is never loaded), each page's content is interpreted once for
// every pass that needs it, and all that changes is written once, as one incremental update appended to the file.

/** What {@link finishPdfFile} sets in a PDF file. */
export interface PdfFinish extends PdfMetadata {
  /** /CreationDate and /ModDate; left as Chromium wrote them when undefined. */
  createdAt?: Date;
  /**
   * Continuation lines at the foot of every page but the last ("/first words of the next page..."), as official
   * letters print them; none when undefined.
   */
  continuation?: ContinuationLayout;
  /**
   * Moves the document's foot, its last top-level `<aside>` (the tagged PDF's /Aside: a letter's contact block and
   * สำเนาส่ง), straight down to the bottom of the page area on the page it printed on, as official letters place it;
   * left where it printed when false or undefined.
   */
  footAtBottom?: boolean;
}

/** A finished PDF file: its pages and its size. */
export interface FinishedPdf {
  pages: number;
  bytes: number;
}

/**
 * Finishes a PDF file Chromium wrote, in place: sets the dates (in place), and appends one incremental update with
 * the title, author and subject, the word text of words justification spread apart and of glyphs Skia maps to
 * U+0000, and the continuation lines when asked. Returns its number of pages and final size.
 *
 * @example
 * ```ts
 * const { pages, bytes } = finishPdfFile('report.pdf', { title: 'รายงาน', createdAt: new Date('2025-01-01') });
 * ```
 */
export function finishPdfFile(path: string, finish: PdfFinish): FinishedPdf {
  return PdfFile.using(path, (pdf) => {
    const trailer = readTrailer(pdf);
    if (finish.createdAt) setDates(pdf, trailer, finish.createdAt);
    const update = new IncrementalUpdate(pdf, trailer);
    const info = addMetadata(pdf, trailer, update, finish);
    const foot = finish.footAtBottom ? lastTopLevelElement(pdf, trailer, 'Aside') : undefined;
    finishPages(pdf, trailer, update, finish.continuation, foot);
    // Counted while the file is still read whole: appending the update drops what was read.
    const pages = pageCount(pdf, trailer);
    update.finish({ info });
    return { pages, bytes: pdf.byteLength };
  });
}

/**
 * The pass over the pages: word text on every page, a continuation line from each page onto the one before, and the
 * foot moved down on its page.
 */
function finishPages(
  pdf: PdfFile,
  trailer: PdfTrailer,
  update: IncrementalUpdate,
  continuation: ContinuationLayout | undefined,
  foot: ElementSections | undefined,
): void {
  // Pages share their fonts: each is read once.
  const fonts = new Map<number, PageFont>();
  const clusters: SilentCluster[] = [];
  const stamps = new PageStamps(update);
  let punctuation: { slash: CharacterGlyph; dot: CharacterGlyph } | undefined;
  let previous: PageObject | undefined;
  // The page before's lines: a table header it printed too is not the next page's first words.
  let previousLines: TextLine[] = [];
  const pages = pageObjects(pdf, trailer);
  for (const page of pages) {
    const resources = pageFonts(pdf, trailer, page.dictionary, fonts);
    const hasSilentGlyphs = [...resources.values()].some((font) => font.nulToUnicode);
    // A page's text units give its first words (a page before it gets them) and its lines (the next page's check for
    // a repeated header); a one-page document needs neither.
    const readsUnits = continuation !== undefined && pages.length > 1;
    const units: TextUnit[] = [];
    for (const objectNumber of contentStreams(page.dictionary)) {
      const bytes = readStream(pdf, trailer, objectNumber);
      const stream = bytes.toString('latin1');
      const edits: StreamEdit[] = [];
      const passes: TextVisitor<PageFont>[] = [spreadWordPass(stream, edits)];
      if (hasSilentGlyphs) passes.push(silentClusterPass(clusters));
      if (readsUnits) passes.push(textUnitPass(units));
      if (foot?.page === page.objectNumber) passes.push(footToBottomPass(stream, foot.mcids, edits));
      interpretText(stream, resources, allOf(passes), bytes);
      if (edits.length > 0) update.addStream(objectNumber, Buffer.from(withEdits(stream, edits), 'latin1'));
    }
    const lines = readsUnits ? textLines(units) : [];
    const words =
      continuation && previous
        ? firstWords(lines, mediaBox(page.dictionary).height, continuation, previousLines)
        : undefined;
    if (continuation && previous && words) {
      // The line's own font first: "/" and "." in the letters' face.
      const candidates = new Set([...words.units.map((unit) => unit.font), ...fonts.values()]);
      let slash = glyphFor('/', candidates);
      let dot = glyphFor('.', candidates);
      if (!slash || !dot) {
        const font = words.units[0]?.font;
        punctuation ??= addPunctuationFont(update, font?.ascent ?? 1068, font?.descent ?? -232);
        slash ??= punctuation.slash;
        dot ??= punctuation.dot;
      }
      const width = mediaBox(previous.dictionary).width;
      stamps.stamp(
        previous.objectNumber,
        previous.dictionary,
        placeContinuation(words, slash, dot, width, continuation),
      );
    }
    previous = page;
    previousLines = lines;
  }
  addSilentGlyphTexts(update, clusters);
}

/** The object numbers of a page's content streams, in order. */
function contentStreams(dictionary: string): number[] {
  const contents = /\/Contents\s*(\[[^\]]*\]|\d+ 0 R)/.exec(dictionary)?.[1] ?? '';
  return [...contents.matchAll(/(\d+) 0 R/g)].map(([, number]) => Number(number));
}

/** A page's size in points, from its /MediaBox. */
function mediaBox(dictionary: string): { width: number; height: number } {
  const box = /\/MediaBox\s*\[\s*(-?[\d.]+)\s+(-?[\d.]+)\s+(-?[\d.]+)\s+(-?[\d.]+)\s*\]/.exec(dictionary);
  if (!box) throw new UnexpectedPdfError('a page without a /MediaBox of its own');
  return { width: Number(box[3]) - Number(box[1]), height: Number(box[4]) - Number(box[2]) };
}
