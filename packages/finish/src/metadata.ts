import {
  type IncrementalUpdate,
  objectOffset,
  type PdfFile,
  type PdfTrailer,
  pdfTextString,
  readDictionary,
} from './pdf-objects.js';

// The document information dictionary and the dates, as a render sets them.

/** What a caller may set in the document information dictionary. */
export interface PdfMetadata {
  title?: string;
  author?: string;
  subject?: string;
}

const pdfDate = /\(D:\d{14}[^)]*\)/;

/**
 * Overwrites /CreationDate and /ModDate in place (same length), so equal input gives equal bytes.
 *
 * @example
 * ```ts
 * setDates(pdf, trailer, new Date('2025-01-02T03:04:05Z'));
 * ```
 */
export function setDates(pdf: PdfFile, trailer: PdfTrailer, date: Date): void {
  if (trailer.info === undefined) return;
  const offset = objectOffset(pdf, trailer, trailer.info);
  const dictionary = readDictionary(pdf, trailer, trailer.info);
  // The object as written: "n 0 obj", a line break, then the dictionary.
  const object = pdf.latin1(offset, offset + dictionary.length + 64);
  const digits = date.toISOString().replace(/\D/g, '').slice(0, 14);
  for (const key of ['/CreationDate ', '/ModDate ']) {
    const at = dictionary.indexOf(key);
    const value = pdfDate.exec(dictionary.slice(at + key.length))?.[0];
    if (at < 0 || !value) continue;
    const replacement = `(D:${digits}+00'00')`.padEnd(value.length, ' ');
    if (replacement.length !== value.length) continue;
    pdf.write(offset + object.indexOf(key) + key.length, replacement);
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
 *
 * @example
 * ```ts
 * const info = addMetadata(pdf, trailer, update, { title: 'บันทึกข้อความ' });
 * update.finish({ info });
 * ```
 */
export function addMetadata(
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
