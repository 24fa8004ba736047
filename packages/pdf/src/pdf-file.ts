// Reads and amends the PDFs Chromium (Skia) writes: a classic cross-reference table, uncompressed dictionaries.
// Only the few objects needed are read, so the cost does not grow with the document.

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

function latin1(pdf: Uint8Array, start: number, end: number): string {
  return Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1', start, end);
}

function readTrailer(pdf: Uint8Array): PdfTrailer {
  const tail = latin1(pdf, Math.max(0, pdf.byteLength - 1024), pdf.byteLength);
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

function objectOffset(pdf: Uint8Array, trailer: PdfTrailer, objectNumber: number): number {
  // Walk the cross-reference sections from the newest, following /Prev into older ones (incremental updates).
  let sectionAt: number | undefined = trailer.startxref;
  while (sectionAt !== undefined) {
    let at = sectionAt + 'xref'.length;
    for (;;) {
      const head = latin1(pdf, at, at + 32);
      const subsection = /^\s*(\d+) (\d+)\r?\n/.exec(head);
      if (!subsection?.[1] || !subsection[2]) break;
      const first = Number(subsection[1]);
      const count = Number(subsection[2]);
      at += subsection[0].length;
      if (objectNumber >= first && objectNumber < first + count) {
        const entryAt = at + (objectNumber - first) * 20;
        return Number(latin1(pdf, entryAt, entryAt + 10));
      }
      at += count * 20;
    }
    const sectionTrailer = latin1(pdf, at, at + 1024);
    const sectionTrailerDictionary = /^\s*trailer\s*<<([^>]*)>>/.exec(sectionTrailer)?.[1] ?? '';
    const prev = /\/Prev (\d+)/.exec(sectionTrailerDictionary)?.[1];
    sectionAt = prev === undefined ? undefined : Number(prev);
  }
  throw new UnexpectedPdfError(`object ${objectNumber} is not in the cross-reference table`);
}

/** The dictionary `<<…>>` of an object without a stream. */
function readDictionary(pdf: Uint8Array, trailer: PdfTrailer, objectNumber: number): string {
  const offset = objectOffset(pdf, trailer, objectNumber);
  // Dictionaries of the catalog, page tree and info are small; read a window, not the rest of the file.
  const text = latin1(pdf, offset, Math.min(pdf.byteLength, offset + 64 * 1024));
  const match = new RegExp(`^${objectNumber} 0 obj\\s*(<<[\\s\\S]*?>>)\\s*endobj`).exec(text);
  if (!match?.[1]) throw new UnexpectedPdfError(`object ${objectNumber} is not a plain dictionary`);
  return match[1];
}

/**
 * The number of pages, from the /Count of the root of the page tree.
 *
 * @example
 * ```ts
 * pdfPageCount(await readFile('memo.pdf')); // 2
 * ```
 */
export function pdfPageCount(pdf: Uint8Array): number {
  const trailer = readTrailer(pdf);
  const pages = /\/Pages (\d+) 0 R/.exec(readDictionary(pdf, trailer, trailer.root))?.[1];
  if (!pages) throw new UnexpectedPdfError('the catalog has no /Pages');
  const count = /\/Count (\d+)/.exec(readDictionary(pdf, trailer, Number(pages)))?.[1];
  if (!count) throw new UnexpectedPdfError('the page tree root has no /Count');
  return Number(count);
}

const pdfDate = /\(D:\d{14}[^)]*\)/;

/**
 * Overwrites /CreationDate and /ModDate in place (same length, no copy), so equal input gives equal bytes.
 *
 * @example
 * ```ts
 * setPdfDates(pdf, new Date('2025-01-01T00:00:00Z'));
 * ```
 */
export function setPdfDates(pdf: Uint8Array, date: Date): void {
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
    const valueAt = latin1(pdf, offset, offset + 64 * 1024).indexOf(key) + key.length;
    Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).write(replacement, offset + valueAt, 'latin1');
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
 * cross-reference section and a trailer pointing back at the old one). Nothing already written is rewritten, which
 * also suits a PDF that is being streamed. Returns the PDF unchanged when it already says all that.
 *
 * @example
 * ```ts
 * const pdf = withPdfMetadata(chromiumPdf, { title: 'บันทึกข้อความ', author: 'กองคลัง' });
 * ```
 */
export function withPdfMetadata(pdf: Uint8Array, metadata: PdfMetadata): Uint8Array {
  const trailer = readTrailer(pdf);
  const info = trailer.info === undefined ? '<<>>' : readDictionary(pdf, trailer, trailer.info);
  const isSet = (key: string, value: string | undefined) => value === undefined || readTextValue(info, key) === value;
  if (isSet('Title', metadata.title) && isSet('Author', metadata.author) && isSet('Subject', metadata.subject)) {
    return pdf;
  }

  const infoNumber = trailer.info ?? trailer.size;
  const objects = new Map<number, string>([
    [infoNumber, withEntries(info, { Title: metadata.title, Author: metadata.author, Subject: metadata.subject })],
  ]);
  let update = '\n';
  const offsets = new Map<number, number>();
  for (const [number, dictionary] of objects) {
    offsets.set(number, pdf.byteLength + Buffer.byteLength(update, 'latin1'));
    update += `${number} 0 obj\n${dictionary}\nendobj\n`;
  }
  const xrefAt = pdf.byteLength + Buffer.byteLength(update, 'latin1');
  update += 'xref\n';
  for (const [number, offset] of [...offsets].sort(([a], [b]) => a - b)) {
    update += `${number} 1\n${String(offset).padStart(10, '0')} 00000 n \n`;
  }
  const size = Math.max(trailer.size, infoNumber + 1);
  update += `trailer\n<</Size ${size}\n/Root ${trailer.root} 0 R\n/Info ${infoNumber} 0 R\n/Prev ${trailer.startxref}>>\n`;
  update += `startxref\n${xrefAt}\n%%EOF\n`;
  return Buffer.concat([pdf, Buffer.from(update, 'latin1')]);
}
