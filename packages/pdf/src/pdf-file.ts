import { closeSync, fstatSync, openSync, readSync, writeSync } from 'node:fs';

// Reads and amends the PDF files Chromium (Skia) writes: a classic cross-reference table, uncompressed dictionaries.
// Only the trailer and the few objects needed are read from the file, so neither time nor memory grows with the
// document: a 300-page report is never loaded.

/** What a caller may set in the document information dictionary. */
export interface PdfMetadata {
  title?: string;
  author?: string;
  subject?: string;
}

interface PdfTrailer {
  size: number;
  root: number;
  info: number | undefined;
  startxref: number;
}

/** Thrown when a PDF is not shaped like Skia's output; a Chromium upgrade that changes the writer shows up here. */
export class UnexpectedPdfError extends Error {
  override readonly name = 'UnexpectedPdfError';
}

/** An open PDF file: reads windows of it, writes in place, appends. */
class PdfFile {
  readonly #fd: number;
  #byteLength: number;

  constructor(fd: number) {
    this.#fd = fd;
    this.#byteLength = fstatSync(fd).size;
  }

  get byteLength(): number {
    return this.#byteLength;
  }

  /** Bytes `start` to `end` (clipped to the file), as Latin-1 text. */
  latin1(start: number, end: number): string {
    const window = Buffer.alloc(Math.max(0, Math.min(end, this.#byteLength) - start));
    const read = readSync(this.#fd, window, 0, window.byteLength, start);
    return window.toString('latin1', 0, read);
  }

  write(at: number, text: string): void {
    writeSync(this.#fd, Buffer.from(text, 'latin1'), 0, undefined, at);
  }

  append(text: string): void {
    const bytes = Buffer.from(text, 'latin1');
    writeSync(this.#fd, bytes, 0, bytes.byteLength, this.#byteLength);
    this.#byteLength += bytes.byteLength;
  }
}

function readTrailer(pdf: PdfFile): PdfTrailer {
  const tail = pdf.latin1(Math.max(0, pdf.byteLength - 1024), pdf.byteLength);
  const trailerAt = tail.lastIndexOf('trailer');
  const startxref = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
  if (trailerAt < 0 || !startxref?.[1]) throw new UnexpectedPdfError('no trailer at the end of the PDF');
  const trailer = tail.slice(trailerAt);
  const size = /\/Size (\d+)/.exec(trailer)?.[1];
  const root = /\/Root (\d+) 0 R/.exec(trailer)?.[1];
  const info = /\/Info (\d+) 0 R/.exec(trailer)?.[1];
  if (!size || !root) throw new UnexpectedPdfError('the trailer has no /Size or /Root');
  return {
    size: Number(size),
    root: Number(root),
    info: info ? Number(info) : undefined,
    startxref: Number(startxref[1]),
  };
}

function objectOffset(pdf: PdfFile, trailer: PdfTrailer, objectNumber: number): number {
  // Walk the cross-reference sections from the newest, following /Prev into older ones (incremental updates).
  let sectionAt: number | undefined = trailer.startxref;
  while (sectionAt !== undefined) {
    let at = sectionAt + 'xref'.length;
    for (;;) {
      const head = pdf.latin1(at, at + 32);
      const subsection = /^\s*(\d+) (\d+)\r?\n/.exec(head);
      if (!subsection?.[1] || !subsection[2]) break;
      const first = Number(subsection[1]);
      const count = Number(subsection[2]);
      at += subsection[0].length;
      if (objectNumber >= first && objectNumber < first + count) {
        const entryAt = at + (objectNumber - first) * 20;
        return Number(pdf.latin1(entryAt, entryAt + 10));
      }
      at += count * 20;
    }
    const sectionTrailer = pdf.latin1(at, at + 1024);
    const sectionTrailerDictionary = /^\s*trailer\s*<<([^>]*)>>/.exec(sectionTrailer)?.[1] ?? '';
    const prev = /\/Prev (\d+)/.exec(sectionTrailerDictionary)?.[1];
    sectionAt = prev === undefined ? undefined : Number(prev);
  }
  throw new UnexpectedPdfError(`object ${objectNumber} is not in the cross-reference table`);
}

/** The dictionary `<<…>>` of an object without a stream. */
function readDictionary(pdf: PdfFile, trailer: PdfTrailer, objectNumber: number): string {
  const offset = objectOffset(pdf, trailer, objectNumber);
  // Dictionaries of the catalog, page tree and info are small; read a window, not the rest of the file.
  const text = pdf.latin1(offset, Math.min(pdf.byteLength, offset + 64 * 1024));
  const match = new RegExp(`^${objectNumber} 0 obj\\s*(<<[\\s\\S]*?>>)\\s*endobj`).exec(text);
  if (!match?.[1]) throw new UnexpectedPdfError(`object ${objectNumber} is not a plain dictionary`);
  return match[1];
}

/** The number of pages, from the /Count of the root of the page tree. */
function pageCount(pdf: PdfFile): number {
  const trailer = readTrailer(pdf);
  const pages = /\/Pages (\d+) 0 R/.exec(readDictionary(pdf, trailer, trailer.root))?.[1];
  if (!pages) throw new UnexpectedPdfError('the catalog has no /Pages');
  const count = /\/Count (\d+)/.exec(readDictionary(pdf, trailer, Number(pages)))?.[1];
  if (!count) throw new UnexpectedPdfError('the page tree root has no /Count');
  return Number(count);
}

const pdfDate = /\(D:\d{14}[^)]*\)/;

/** Overwrites /CreationDate and /ModDate in place (same length), so equal input gives equal bytes. */
function setDates(pdf: PdfFile, date: Date): void {
  const trailer = readTrailer(pdf);
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

/** A PDF text string: UTF-16BE with a byte-order mark, written in hex so no escaping is needed. */
function pdfTextString(text: string): string {
  let hex = 'FEFF';
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).padStart(4, '0').toUpperCase();
  return `<${hex}>`;
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
 * Sets /Title, /Author and /Subject by appending an incremental update (a new version of the info dictionary, a
 * cross-reference section and a trailer pointing back at the old one). Nothing already written is rewritten.
 * Appends nothing when the PDF already says all that.
 */
function appendMetadata(pdf: PdfFile, metadata: PdfMetadata): void {
  const trailer = readTrailer(pdf);
  const info = trailer.info === undefined ? '<<>>' : readDictionary(pdf, trailer, trailer.info);
  const isSet = (key: string, value: string | undefined) => value === undefined || readTextValue(info, key) === value;
  if (isSet('Title', metadata.title) && isSet('Author', metadata.author) && isSet('Subject', metadata.subject)) {
    return;
  }

  const infoNumber = trailer.info ?? trailer.size;
  const infoAt = pdf.byteLength + 1;
  let update = `\n${infoNumber} 0 obj\n`;
  update += `${withEntries(info, { Title: metadata.title, Author: metadata.author, Subject: metadata.subject })}\nendobj\n`;
  const xrefAt = pdf.byteLength + Buffer.byteLength(update, 'latin1');
  update += `xref\n${infoNumber} 1\n${String(infoAt).padStart(10, '0')} 00000 n \n`;
  const size = Math.max(trailer.size, infoNumber + 1);
  update += `trailer\n<</Size ${size}\n/Root ${trailer.root} 0 R\n/Info ${infoNumber} 0 R\n/Prev ${trailer.startxref}>>\n`;
  update += `startxref\n${xrefAt}\n%%EOF\n`;
  pdf.append(update);
}

/** What {@link finishPdfFile} sets in a PDF file. */
export interface PdfFinish extends PdfMetadata {
  /** /CreationDate and /ModDate; left as Chromium wrote them when undefined. */
  createdAt?: Date;
}

/**
 * Sets the dates (in place) and the title, author and subject (an appended incremental update) of a PDF file
 * Chromium wrote, and returns its number of pages and final size. Reads only the trailer and a few small objects.
 *
 * @example
 * ```ts
 * const { pages, bytes } = finishPdfFile('report.pdf', { title: 'รายงาน', createdAt: new Date('2025-01-01') });
 * ```
 */
export function finishPdfFile(path: string, finish: PdfFinish): { pages: number; bytes: number } {
  const fd = openSync(path, 'r+');
  try {
    const pdf = new PdfFile(fd);
    if (finish.createdAt) setDates(pdf, finish.createdAt);
    appendMetadata(pdf, finish);
    return { pages: pageCount(pdf), bytes: pdf.byteLength };
  } finally {
    closeSync(fd);
  }
}
