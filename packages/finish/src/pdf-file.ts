import { type ContinuationLayout, firstWords, glyphFor, placeContinuation } from './continuation-lines.js';
import { type PageFont, pageFonts } from './page-fonts.js';
import { PageStamps } from './page-stamp.js';
import { pageCount, pageObjects } from './page-tree.js';
import {
  IncrementalUpdate,
  objectOffset,
  PdfFile,
  type PdfTrailer,
  pdfTextString,
  readDictionary,
  readStream,
  readTrailer,
  UnexpectedPdfError,
} from './pdf-objects.js';
import { addPunctuationFont } from './punctuation-font.js';
import { appendWordText } from './word-text.js';

// Finishes the PDF files Chromium (Skia) writes. Only the trailer and the objects needed are read from the file, one
// at a time, so memory does not grow with the document: a 300-page report is never loaded.

/** What a caller may set in the document information dictionary. */
export interface PdfMetadata {
  title?: string;
  author?: string;
  subject?: string;
}

const pdfDate = /\(D:\d{14}[^)]*\)/;

/** Overwrites /CreationDate and /ModDate in place (same length), so equal input gives equal bytes. */
function setDates(pdf: PdfFile, trailer: PdfTrailer, date: Date): void {
  if (trailer.info === undefined) return;
  const offset = objectOffset(pdf, trailer, trailer.info);
  const dictionary = readDictionary(pdf, trailer, trailer.info);
  const digits = date.toISOString().replace(/\D/g, '').slice(0, 14);
  for (const key of ['/CreationDate ', '/ModDate ']) {
    const at = dictionary.indexOf(key);
    const value = pdfDate.exec(dictionary.slice(at + key.length))?.[0];
    if (at < 0 || !value) continue;
    const replacement = `(D:${digits}+00'00')`.padEnd(value.length, ' ');
    if (replacement.length !== value.length) continue;
    const valueAt = pdf.latin1(offset, offset + 64 * 1024).indexOf(key) + key.length;
    pdf.write(offset + valueAt, replacement);
  }
}

/** The text of a string value in a dictionary (literal or hex, PDFDocEncoding treated as Latin-1 or UTF-16BE). */
function readTextValue(dictionary: string, key: string): string | undefined {
  const match = new RegExp(`/${key}\\s*(?:\\(((?:\\\\[\\s\\S]|[^\\\\)])*)\\)|<([0-9A-Fa-f\\s]*)>)`).exec(dictionary);
  if (!match) return undefined;
  if (match[1] !== undefined) return match[1].replace(/\\([\s\S])/g, '$1');
  const bytes = Buffer.from((match[2] ?? '').replace(/\s/g, ''), 'hex');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return bytes.subarray(2).swap16().toString('utf16le');
  return bytes.toString('latin1');
}

// A key with a string value: literal (with escapes; Skia escapes parentheses) or hex.
function withoutKey(dictionary: string, key: string): string {
  return dictionary.replace(new RegExp(`/${key}\\s*(\\((?:\\\\[\\s\\S]|[^\\\\)])*\\)|<[0-9A-Fa-f\\s]*>)`), '');
}

function withEntries(dictionary: string, entries: Record<string, string | undefined>): string {
  let body = dictionary.slice(2, -2);
  let added = '';
  for (const [key, value] of Object.entries(entries)) {
    if (value === undefined) continue;
    body = withoutKey(`<<${body}>>`, key).slice(2, -2);
    added += `\n/${key} ${pdfTextString(value)}`;
  }
  return `<<${body}${added}>>`;
}

/**
 * Adds a new version of the info dictionary with /Title, /Author and /Subject to `update`, and returns its object
 * number; adds nothing when the PDF already says all that.
 */
function addMetadata(
  pdf: PdfFile,
  trailer: PdfTrailer,
  update: IncrementalUpdate,
  metadata: PdfMetadata,
): number | undefined {
  const info = trailer.info === undefined ? '<<>>' : readDictionary(pdf, trailer, trailer.info);
  const isSet = (key: string, value: string | undefined) => value === undefined || readTextValue(info, key) === value;
  if (isSet('Title', metadata.title) && isSet('Author', metadata.author) && isSet('Subject', metadata.subject)) {
    return undefined;
  }
  const infoNumber = trailer.info ?? update.newObjectNumber();
  update.add(
    infoNumber,
    withEntries(info, { Title: metadata.title, Author: metadata.author, Subject: metadata.subject }),
  );
  return infoNumber;
}

/** What {@link finishPdfFile} sets in a PDF file. */
export interface PdfFinish extends PdfMetadata {
  /** /CreationDate and /ModDate; left as Chromium wrote them when undefined. */
  createdAt?: Date;
  /**
   * Continuation lines at the foot of every page but the last ("/first words of the next page..."), as official
   * letters print them; none when undefined.
   */
  continuation?: ContinuationLayout;
}

/**
 * Adds to `update` a continuation line on every page but the last: the first words of the next page, drawn with
 * the glyphs that page draws them with. "/" and "." come from the document's fonts, or from a small font of their own
 * when the document never draws them.
 */
function addContinuationLines(
  pdf: PdfFile,
  trailer: PdfTrailer,
  update: IncrementalUpdate,
  layout: ContinuationLayout,
): void {
  const pages = pageObjects(pdf, trailer);
  if (pages.length < 2) return;
  const fonts = new Map<number, PageFont>();
  const stamps = new PageStamps(update);
  let punctuation: ReturnType<typeof addPunctuationFont> | undefined;
  for (let index = 0; index + 1 < pages.length; index++) {
    const page = pages[index] as (typeof pages)[number];
    const next = pages[index + 1] as (typeof pages)[number];
    const nextFonts = pageFonts(pdf, trailer, next.dictionary, fonts);
    const contents = /\/Contents\s*(\[[^\]]*\]|\d+ 0 R)/.exec(next.dictionary)?.[1] ?? '';
    const streams = [...contents.matchAll(/(\d+) 0 R/g)].map(([, number]) =>
      readStream(pdf, trailer, Number(number)).toString('latin1'),
    );
    const words = firstWords(streams, nextFonts, mediaBox(next.dictionary).height, layout);
    if (!words) continue;
    pageFonts(pdf, trailer, page.dictionary, fonts);
    // The line's own font first: "/" and "." in the letters' face.
    const candidates = [...new Set([...words.units.map((unit) => unit.font), ...fonts.values()])];
    let slash = glyphFor('/', candidates);
    let dot = glyphFor('.', candidates);
    if (!slash || !dot) {
      const font = words.units[0]?.font;
      punctuation ??= addPunctuationFont(update, font?.ascent ?? 1068, font?.descent ?? -232);
      slash ??= punctuation.slash;
      dot ??= punctuation.dot;
    }
    stamps.stamp(
      page.objectNumber,
      page.dictionary,
      placeContinuation(words, slash, dot, mediaBox(page.dictionary).width, layout),
    );
  }
}

/** A page's size in points, from its /MediaBox. */
function mediaBox(dictionary: string): { width: number; height: number } {
  const box = /\/MediaBox\s*\[\s*(-?[\d.]+)\s+(-?[\d.]+)\s+(-?[\d.]+)\s+(-?[\d.]+)\s*\]/.exec(dictionary);
  if (!box) throw new UnexpectedPdfError('a page without a /MediaBox of its own');
  return { width: Number(box[3]) - Number(box[1]), height: Number(box[4]) - Number(box[2]) };
}

/**
 * Finishes a PDF file Chromium wrote: sets the dates (in place), and appends one incremental update with the title,
 * author and subject and the content streams that give justified words their text ({@link appendWordText}).
 * Returns its number of pages and final size. Reads the file one object at a time.
 *
 * @example
 * ```ts
 * const { pages, bytes } = finishPdfFile('report.pdf', { title: 'รายงาน', createdAt: new Date('2025-01-01') });
 * ```
 */
export function finishPdfFile(path: string, finish: PdfFinish): { pages: number; bytes: number } {
  return PdfFile.using(path, (pdf) => {
    const trailer = readTrailer(pdf);
    if (finish.createdAt) setDates(pdf, trailer, finish.createdAt);
    const update = new IncrementalUpdate(pdf, trailer);
    const info = addMetadata(pdf, trailer, update, finish);
    appendWordText(pdf, trailer, update);
    if (finish.continuation) addContinuationLines(pdf, trailer, update, finish.continuation);
    update.finish({ info });
    return { pages: pageCount(pdf, trailer), bytes: pdf.byteLength };
  });
}
