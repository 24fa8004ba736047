import { UserError } from './user-error.js';

/** A text file as read: its text, and the encoding it was read in. */
export interface StaffText {
  text: string;
  /** 'utf-8', 'utf-16le', 'windows-874', or the encoding given. */
  encoding: string;
}

/** Thai Excel's "CSV (Comma delimited)" is written in the system's code page: Windows-874, TIS-620 and more. */
const THAI_CODE_PAGE = 'windows-874';

/**
 * Decodes a text file that office staff made: UTF-8 (with or without a byte-order mark), UTF-16 with its mark
 * (Excel's "Unicode Text"), or Windows-874, which Thai Excel writes its plain CSV in. Windows-874 is taken only when
 * the bytes are not UTF-8 and read as Thai text (every vowel or tone mark above or below a letter follows a Thai
 * letter); anything else is refused rather than printed garbled. `encoding` (a WHATWG label such as 'tis-620')
 * skips the guess.
 *
 * The platform's TextDecoder does the decoding (Node's full ICU knows Windows-874); the guess is ours because
 * chardet has no Thai single-byte model.
 *
 * @throws {UserError} naming the file when it is neither, or not in the encoding given.
 * @example
 * decodeStaffText(await readFile('rows.csv'), 'rows.csv') // { text: 'subject\nการประชุม…', encoding: 'windows-874' }
 */
export function decodeStaffText(bytes: Uint8Array, file: string, encoding?: string): StaffText {
  if (encoding) return { text: decode(bytes, file, encoding), encoding };
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: decode(bytes.subarray(2), file, 'utf-16le'), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: decode(bytes.subarray(2), file, 'utf-16be'), encoding: 'utf-16be' };
  const utf8 = tryDecode(bytes, 'utf-8');
  if (utf8 !== undefined) return { text: utf8.replace(/^\uFEFF/, ''), encoding: 'utf-8' };
  const thai = tryDecode(bytes, THAI_CODE_PAGE);
  if (thai !== undefined && readsAsThai(thai)) return { text: thai, encoding: THAI_CODE_PAGE };
  throw new UserError(
    `${file}: neither UTF-8 nor Thai in Windows-874 (TIS-620), so it would print garbled: save it from Excel as ` +
      '"CSV UTF-8 (Comma delimited)", or name its encoding with --encoding',
  );
}

function decode(bytes: Uint8Array, file: string, encoding: string): string {
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(encoding);
  } catch {
    throw new UserError(
      `--encoding ${encoding}: not an encoding this machine knows (e.g. utf-8, windows-874, tis-620)`,
    );
  }
  const text = tryDecode(bytes, decoder.encoding);
  if (text === undefined) throw new UserError(`${file}: not valid ${decoder.encoding}`);
  return text;
}

function tryDecode(bytes: Uint8Array, encoding: string): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** Thai letters (ก–ฮ, ฤ, ฦ) and the marks written above or below them (ั, ิ–ฺ, ็–๎). */
const THAI_LETTER = /[\u0E01-\u0E2E]/;
const THAI_MARK = /[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]/;

/**
 * Whether text decoded from a single-byte code page is Thai rather than another language's bytes read as Thai: it
 * holds Thai letters, and every mark follows a letter or another mark (Latin-1 "café" would read "caf้").
 */
function readsAsThai(text: string): boolean {
  if (!THAI_LETTER.test(text)) return false;
  let previous = '';
  for (const character of text) {
    if (THAI_MARK.test(character) && !(THAI_LETTER.test(previous) || THAI_MARK.test(previous))) return false;
    previous = character;
  }
  return true;
}
