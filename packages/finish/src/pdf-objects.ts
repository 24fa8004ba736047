import { closeSync, fstatSync, openSync, readSync, writeSync } from 'node:fs';
import { deflateSync, inflateSync } from 'node:zlib';

// Reads and amends the PDF files Chromium (Skia) writes: a classic cross-reference table, uncompressed dictionaries,
// streams with a direct /Length. Objects are read one at a time by positioned reads, and new versions of objects
// are appended as an incremental update, so neither time nor memory grows with more than the objects touched.

/** Thrown when a PDF is not shaped like Skia's output; a Chromium upgrade that changes the writer shows up here. */
export class UnexpectedPdfError extends Error {
  override readonly name = 'UnexpectedPdfError';
}

/** Where a PDF's objects are found: its newest trailer. */
export interface PdfTrailer {
  readonly size: number;
  readonly root: number;
  readonly info: number | undefined;
  readonly startxref: number;
}

/**
 * Files up to this size are read whole, once, when opened: a memo's finishing reads some thirty windows of its file
 * (trailer, cross-reference table, page, fonts, their CMaps, content), each a system call. Longer files are read a
 * window at a time, so memory does not grow with the document.
 */
const READ_WHOLE_BYTES = 256 * 1024;

/** An open PDF file: reads windows of it, writes in place, appends. */
export class PdfFile {
  readonly #fd: number;
  #byteLength: number;
  /** The whole file, for a short one, until something is appended. */
  #whole: Buffer | undefined;

  private constructor(fd: number) {
    this.#fd = fd;
    this.#byteLength = fstatSync(fd).size;
    if (this.#byteLength <= READ_WHOLE_BYTES) {
      const whole = Buffer.allocUnsafe(this.#byteLength);
      if (readSync(fd, whole, 0, whole.byteLength, 0) === whole.byteLength) this.#whole = whole;
    }
  }

  /**
   * Opens the file at `path` for reading and writing, hands it to `use`, and closes it.
   *
   * @example
   * ```ts
   * const pages = PdfFile.using('memo.pdf', (pdf) => readTrailer(pdf).size);
   * ```
   */
  static using<T>(path: string, use: (pdf: PdfFile) => T): T {
    const fd = openSync(path, 'r+');
    try {
      return use(new PdfFile(fd));
    } finally {
      closeSync(fd);
    }
  }

  get byteLength(): number {
    return this.#byteLength;
  }

  /** Bytes `start` to `end`, clipped to the file. */
  bytes(start: number, end: number): Buffer {
    if (this.#whole) return this.#whole.subarray(start, Math.max(start, Math.min(end, this.#byteLength)));
    const window = Buffer.allocUnsafe(Math.max(0, Math.min(end, this.#byteLength) - start));
    const read = readSync(this.#fd, window, 0, window.byteLength, start);
    return window.subarray(0, read);
  }

  /** Bytes `start` to `end` (clipped to the file), as Latin-1 text. */
  latin1(start: number, end: number): string {
    return this.bytes(start, end).toString('latin1');
  }

  /** Overwrites bytes in place from `at`. */
  write(at: number, text: string): void {
    const bytes = Buffer.from(text, 'latin1');
    writeSync(this.#fd, bytes, 0, undefined, at);
    this.#whole?.set(bytes.subarray(0, Math.max(0, this.#whole.byteLength - at)), at);
  }

  append(bytes: Uint8Array): void {
    this.#whole = undefined;
    writeSync(this.#fd, bytes, 0, bytes.byteLength, this.#byteLength);
    this.#byteLength += bytes.byteLength;
  }
}

/**
 * The newest trailer of a PDF, read from the end of the file.
 *
 * @example
 * ```ts
 * const { root, info } = readTrailer(pdf);
 * ```
 */
export function readTrailer(pdf: PdfFile): PdfTrailer {
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

/** Object offsets by trailer: each cross-reference table is read once, in one piece, at the first lookup. */
const offsetTables = new WeakMap<PdfTrailer, Map<number, number>>();

/**
 * Where object `objectNumber` starts, from the cross-reference sections (the newest first, then older ones by /Prev).
 *
 * @example
 * ```ts
 * const at = objectOffset(pdf, readTrailer(pdf), 9);
 * ```
 */
export function objectOffset(pdf: PdfFile, trailer: PdfTrailer, objectNumber: number): number {
  let offsets = offsetTables.get(trailer);
  if (!offsets) {
    offsets = readOffsets(pdf, trailer);
    offsetTables.set(trailer, offsets);
  }
  const offset = offsets.get(objectNumber);
  if (offset === undefined) {
    throw new UnexpectedPdfError(`object ${objectNumber} is not in the cross-reference table`);
  }
  return offset;
}

/** The offsets of the objects in use, from every cross-reference section; a newer section's entry wins. */
function readOffsets(pdf: PdfFile, trailer: PdfTrailer): Map<number, number> {
  const offsets = new Map<number, number>();
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
      // Entries are 20 bytes: "nnnnnnnnnn ggggg n\r\n".
      const entries = pdf.latin1(at, at + count * 20);
      for (let index = 0; index < count; index++) {
        const entry = index * 20;
        if (entries.charCodeAt(entry + 17) !== 0x6e /* n */ || offsets.has(first + index)) continue;
        offsets.set(first + index, Number(entries.slice(entry, entry + 10)));
      }
      at += count * 20;
    }
    const sectionTrailer = pdf.latin1(at, at + 1024);
    const sectionTrailerDictionary = /^\s*trailer\s*<<([^>]*)>>/.exec(sectionTrailer)?.[1] ?? '';
    const prev = /\/Prev (\d+)/.exec(sectionTrailerDictionary)?.[1];
    sectionAt = prev === undefined ? undefined : Number(prev);
  }
  return offsets;
}

/**
 * The dictionary `<<…>>` of an object without a stream (nested dictionaries included).
 *
 * @example
 * ```ts
 * const catalog = readDictionary(pdf, trailer, trailer.root); // '<</Type /Catalog /Pages 3 0 R …>>'
 * ```
 */
export function readDictionary(pdf: PdfFile, trailer: PdfTrailer, objectNumber: number): string {
  const offset = objectOffset(pdf, trailer, objectNumber);
  const pattern = new RegExp(`^${objectNumber} 0 obj\\s*(<<[\\s\\S]*?>>)\\s*endobj`);
  // An object most often ends at the first "endobj", found in its bytes: only that much is made text (a memo's
  // finish read some fifteen 4 KiB windows as text for dictionaries of a few hundred bytes).
  const window = pdf.bytes(offset, offset + 4096);
  const first = window.indexOf('endobj');
  const object = first < 0 ? null : pattern.exec(window.toString('latin1', 0, first + 'endobj'.length));
  if (object?.[1]) return object[1];
  // Most dictionaries fit in a few KiB (a page's, a font's); a longer one (a large /W array) gets a wider window.
  for (let window = 4096; ; window *= 8) {
    const text = pdf.latin1(offset, offset + window);
    const match = pattern.exec(text);
    if (match?.[1]) return match[1];
    if (offset + window >= pdf.byteLength || window >= 16 * 1024 * 1024) {
      throw new UnexpectedPdfError(`object ${objectNumber} is not a plain dictionary`);
    }
  }
}

/**
 * The decoded data of a stream object (FlateDecode or no filter, as Skia writes them).
 *
 * @example
 * ```ts
 * const content = readStream(pdf, trailer, 9).toString('latin1'); // a page's content stream
 * ```
 */
export function readStream(pdf: PdfFile, trailer: PdfTrailer, objectNumber: number): Buffer {
  const offset = objectOffset(pdf, trailer, objectNumber);
  const head = new RegExp(`^${objectNumber} 0 obj\\s*(<<[\\s\\S]*?>>)\\s*stream\\r?\\n`).exec(
    pdf.latin1(offset, offset + 1024),
  );
  const length = /\/Length (\d+)(?![\d\s]*R)/.exec(head?.[1] ?? '')?.[1];
  if (!head?.[1] || length === undefined) {
    throw new UnexpectedPdfError(`object ${objectNumber} is not a stream with a direct /Length`);
  }
  const start = offset + head[0].length;
  const raw = pdf.bytes(start, start + Number(length));
  // A page's content inflates to some 50 KiB: output chunks that size spare growing it from 16 KiB ones (0.10 ->
  // 0.07 ms for a memo page).
  return /\/Filter\s*\/FlateDecode/.test(head[1]) ? inflateSync(raw, { chunkSize: 64 * 1024 }) : raw;
}

/** Bytes of an update held before they are written: one write for a document's update, bounded memory for a long one. */
const UPDATE_BUFFER_BYTES = 1024 * 1024;

/**
 * New versions of objects appended to a PDF file as one incremental update, then {@link IncrementalUpdate.finish}
 * writes the cross-reference section and a trailer pointing back at the old one. Objects are gathered and written
 * together (a one-page update in one write; a long one a MiB at a time). Nothing already in the file is rewritten.
 *
 * @example
 * ```ts
 * const update = new IncrementalUpdate(pdf, readTrailer(pdf));
 * update.add(12, '<</Title (Memo)>>');
 * update.finish({ info: 12 });
 * ```
 */
export class IncrementalUpdate {
  readonly #pdf: PdfFile;
  readonly #trailer: PdfTrailer;
  readonly #offsets = new Map<number, number>();
  /** The next object number no object of the file or the update has. */
  #nextNumber: number;
  /** Bytes gathered and not yet written. */
  readonly #pending: Uint8Array[] = [];
  #pendingBytes = 0;

  constructor(pdf: PdfFile, trailer: PdfTrailer) {
    this.#pdf = pdf;
    this.#trailer = trailer;
    this.#nextNumber = trailer.size;
  }

  /**
   * A number for a new object, one no object of the file has and no earlier call gave.
   *
   * @example
   * ```ts
   * const font = update.newObjectNumber();
   * update.add(font, '<</Type /Font …>>');
   * ```
   */
  newObjectNumber(): number {
    return this.#nextNumber++;
  }

  /** Appends a new version of object `objectNumber`: `body` is what goes between "n 0 obj" and "endobj". */
  add(objectNumber: number, body: string | Uint8Array): void {
    // The original file may not end with a line break.
    const lead = this.#offsets.size === 0 ? '\n' : '';
    this.#offsets.set(objectNumber, this.#end() + lead.length);
    this.#push(Buffer.from(`${lead}${objectNumber} 0 obj\n`, 'latin1'));
    this.#push(typeof body === 'string' ? Buffer.from(body, 'latin1') : body);
    this.#push(endObject);
  }

  /**
   * Appends a new version of stream object `objectNumber` holding `data`, compressed (FlateDecode).
   *
   * @example
   * ```ts
   * update.addStream(9, Buffer.from('BT /F1 12 Tf (Hello) Tj ET', 'latin1'));
   * ```
   */
  addStream(objectNumber: number, data: Uint8Array): void {
    // The fastest level: as large as Skia's own streams to within a fifth, at half the time of the default; with
    // the most memory for its hash table, a memo page takes 0.3 ms, not 0.4.
    const compressed = deflateSync(data, { level: 1, memLevel: 9 });
    const head = `<</Filter /FlateDecode\n/Length ${compressed.byteLength}>> stream\n`;
    this.add(objectNumber, Buffer.concat([Buffer.from(head, 'latin1'), compressed, endStream]));
  }

  /** Writes the cross-reference section and the trailer; writes nothing when no object was added. */
  finish(options: { info?: number } = {}): void {
    if (this.#offsets.size === 0) return;
    const xrefAt = this.#end();
    const numbers = [...this.#offsets.keys()].sort((a, b) => a - b);
    let update = 'xref\n';
    // One subsection per run of consecutive object numbers.
    for (let run = 0; run < numbers.length; ) {
      let end = run + 1;
      while (end < numbers.length && numbers[end] === (numbers[end - 1] as number) + 1) end++;
      update += `${numbers[run]} ${end - run}\n`;
      for (const number of numbers.slice(run, end)) {
        update += `${String(this.#offsets.get(number)).padStart(10, '0')} 00000 n \n`;
      }
      run = end;
    }
    const size = Math.max(this.#nextNumber, (numbers.at(-1) as number) + 1);
    const info = options.info ?? this.#trailer.info;
    const infoEntry = info === undefined ? '' : `\n/Info ${info} 0 R`;
    update += `trailer\n<</Size ${size}\n/Root ${this.#trailer.root} 0 R${infoEntry}\n/Prev ${this.#trailer.startxref}>>\n`;
    update += `startxref\n${xrefAt}\n%%EOF\n`;
    this.#push(Buffer.from(update, 'latin1'));
    this.#write();
  }

  /** Where the next byte of the update goes in the file. */
  #end(): number {
    return this.#pdf.byteLength + this.#pendingBytes;
  }

  #push(bytes: Uint8Array): void {
    this.#pending.push(bytes);
    this.#pendingBytes += bytes.byteLength;
    if (this.#pendingBytes >= UPDATE_BUFFER_BYTES) this.#write();
  }

  #write(): void {
    this.#pdf.append(this.#pending.length === 1 ? (this.#pending[0] as Uint8Array) : Buffer.concat(this.#pending));
    this.#pending.length = 0;
    this.#pendingBytes = 0;
  }
}

const endObject = Buffer.from('\nendobj\n', 'latin1');
const endStream = Buffer.from('\nendstream', 'latin1');

/**
 * A PDF text string: UTF-16BE with a byte-order mark, written in hex so no escaping is needed.
 *
 * @example
 * ```ts
 * pdfTextString('ก') // '<FEFF0E01>'
 * ```
 */
export function pdfTextString(text: string): string {
  let hex = '<FEFF';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    hex += (BYTE_HEX[code >> 8] as string) + (BYTE_HEX[code & 0xff] as string);
  }
  return `${hex}>`;
}

/** Each byte's two uppercase hex digits: a word's text string is written a character at a time. */
const BYTE_HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0').toUpperCase());
