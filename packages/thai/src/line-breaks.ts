import { thaiMonthNames } from './months.js';
import { cutThaiRuns, thaiWordBreaks } from './thai-word-breaks.js';

/**
 * A piece of text as lines may break it: white space, where a line may break as usual, or a group that stays on
 * one line except between its pieces (their text joined is the group's text).
 */
export type LineBreakToken =
  | { readonly kind: 'space'; readonly text: string }
  | { readonly kind: 'group'; readonly pieces: readonly string[] };

const DIGIT = '[0-9\u0E50-\u0E59]';
const MONTH = [...thaiMonthNames.full, ...thaiMonthNames.short.map((name) => name.replace(/\./g, '\\.'))].join('|');
/**
 * Text with spaces that stays on one line: a day (or days) and the month, a month and its year, พ.ศ. and its year, a year range, ร้อยละ and its number, a book number with the ที่ before it (ลพ ๕๑๐๐๙/๑๒๓, a circular's ที่ มท ๐๒๐๙.๓/ว ๒๓๐๕), a number written in groups
 * (a telephone number).
 */
const KEPT_TOGETHER = new RegExp(
  [
    `${DIGIT}{1,2}(?:\\s*[-–]\\s*${DIGIT}{1,2})?\\s+(?:${MONTH})`,
    `(?<![\\u0E01-\\u0E4E])(?:${MONTH})\\s+${DIGIT}{4}(?!${DIGIT})`,
    `[พค]\\.\\s?ศ\\.\\s*${DIGIT}+(?:\\s*[-–]\\s*${DIGIT}+)?`,
    `${DIGIT}{4}\\s*[-–]\\s*${DIGIT}{4}`,
    `ร้อยละ\\s*${DIGIT}+(?:[.,]${DIGIT}+)*`,
    `(?:(?<![\\u0E01-\\u0E4E])ที่\\s+)?(?<![\\u0E01-\\u0E4E])[\\u0E01-\\u0E2E]{2,4}\\s+${DIGIT}{4,}(?:\\.${DIGIT}+)*(?:\\s?\\/\\s?(?:ว\\s?)?${DIGIT}*)?`,
    `${DIGIT}+(?: ${DIGIT}+)+`,
  ].join('|'),
  'g',
);

/**
 * Cuts text into what a line may break and what it may not: lines break at spaces and between Thai words
 * ({@link thaiWordBreaks}: libthai's dictionary and the official terms, never inside a word), never inside a run
 * without spaces that is not Thai (a web or e-mail address, a number, ๕๑๐๐๙/๑๒๓) except after a "/" in the path
 * of a web address longer than 30 characters, and never inside a day and its month, พ.ศ. ๒๕๖๖, a year range,
 * ร้อยละ ๘๕, a book number or a telephone number, spaces and all. A dash between spaces goes with the word after it.
 *
 * @example
 * ```ts
 * lineBreakTokens('จึงขอกราบเรียนเชิญ พ.ศ. ๒๕๖๖')
 * // [{ kind: 'group', pieces: ['จึง', 'ขอ', 'กราบเรียนเชิญ'] }, { kind: 'space', text: ' ' },
 * //  { kind: 'group', pieces: ['พ.ศ. ๒๕๖๖'] }]
 * ```
 */
export function lineBreakTokens(text: string): LineBreakToken[] {
  const tokens: LineBreakToken[] = [];
  let position = 0;
  for (const match of text.matchAll(KEPT_TOGETHER)) {
    if (match.index < position) continue;
    cutAtSpaces(text.slice(position, match.index), tokens);
    tokens.push({ kind: 'group', pieces: [match[0]] });
    position = match.index + match[0].length;
  }
  cutAtSpaces(text.slice(position), tokens);
  return withDashesJoined(tokens);
}

/**
 * A dash between spaces (๑๒ - ๑๔, O1 - O16) goes to the next line with the word after it: a line that ended on it
 * would read as a hyphenated word (pdftotext drops such a dash).
 */
function withDashesJoined(tokens: LineBreakToken[]): LineBreakToken[] {
  const joined: LineBreakToken[] = [];
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index] as LineBreakToken;
    const space = tokens[index + 1];
    const next = tokens[index + 2];
    if (
      token.kind === 'group' &&
      /^[-–]$/.test(token.pieces.join('')) &&
      space?.kind === 'space' &&
      next?.kind === 'group'
    ) {
      const [first = '', ...rest] = next.pieces;
      joined.push({ kind: 'group', pieces: [`${token.pieces[0]}${space.text}${first}`, ...rest] });
      index += 2;
    } else {
      joined.push(token);
    }
  }
  return joined;
}

function cutAtSpaces(text: string, tokens: LineBreakToken[]): void {
  for (const [part] of text.matchAll(/\s+|\S+/g)) {
    if (/\s/.test(part)) tokens.push({ kind: 'space', text: part });
    else
      tokens.push({
        kind: 'group',
        pieces: LONG_ADDRESS.test(part) ? cutAddress(part) : cutThaiRuns(part, thaiWordBreaks),
      });
  }
}

/**
 * A web address longer than this many characters may break after a "/" of its path: kept whole, it would go to the
 * next line and leave the line before it stretched letter by letter across the column.
 */
const LONG_ADDRESS_LENGTH = 30;
const LONG_ADDRESS = new RegExp(
  `^(?:[a-z][a-z0-9+.-]*://|www\\.)[^\\s\u0E00-\u0E7F]{${LONG_ADDRESS_LENGTH - 4},}$`,
  'i',
);

/** A long address cut after each "/" of its path (never inside the scheme's "//"). */
function cutAddress(address: string): string[] {
  return address.split(/(?<=[^/:]\/)(?=[^/])/);
}
