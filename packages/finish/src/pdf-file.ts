import {
  IncrementalUpdate,
  objectOffset,
  PdfFile,
  type PdfTrailer,
  pdfTextString,
  readDictionary,
  readTrailer,
  UnexpectedPdfError,
} from './pdf-objects.js';
import { appendWordText } from './word-text.js';

// Finishes the PDF files Chromium (Skia) writes. Only the trailer and the objects needed are read from the file, one
// at a time, so memory does not grow with the document: a 300-page report is never loaded.

/** What a caller may set in the document information dictionary. */
export interface PdfMetadata {
  title?: string;
  author?: string;
  subject?: string;
}

/** The number of pages, from the /Count of the root of the page tree. */
function pageCount(pdf: PdfFile, trailer: PdfTrailer): number {
  const pages = /\/Pages (\d+) 0 R/.exec(readDictionary(pdf, trailer, trailer.root))?.[1];
  if (!pages) throw new UnexpectedPdfError('the catalog has no /Pages');
  const count = /\/Count (\d+)/.exec(readDictionary(pdf, trailer, Number(pages)))?.[1];
  if (!count) throw new UnexpectedPdfError('the page tree root has no /Count');
  return Number(count);
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
  const infoNumber = trailer.info ?? trailer.size;
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
    update.finish({ info });
    return { pages: pageCount(pdf, trailer), bytes: pdf.byteLength };
  });
}
