import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { continuations } from './continuations.js';
import type { Line } from './layout.js';

/**
 * The judge of line breaks: a dictionary other than the one the engine breaks lines with. The engine uses libthai's
 * (Debian libthai-data, in packages/thai); the judge uses the word lists npm's `wordcut` ships (tdict-*.txt), with
 * its own maximal matching: fewest unknown letters, then fewest words.
 */
let dictionary: { words: Set<string>; longest: number } | undefined;

function judgeDictionary(): { words: Set<string>; longest: number } {
  if (dictionary) return dictionary;
  const dataDir = join(dirname(createRequire(import.meta.url).resolve('wordcut/package.json')), 'data');
  const words = new Set<string>();
  for (const file of readdirSync(dataDir).filter((name) => name.startsWith('tdict-'))) {
    for (const word of readFileSync(join(dataDir, file), 'utf8').split(/[\r\n]+/)) {
      if (word.length > 1) words.add(word);
    }
  }
  dictionary = { words, longest: Math.max(...[...words].map((word) => word.length)) };
  return dictionary;
}

/**
 * The word boundaries of a run of Thai letters by the judge's dictionary, as offsets into the run (0 and its length
 * included).
 *
 * @example
 * judgeBoundaries('รายละเอียดงบประมาณ') // Set { 0, 10, 18 }
 */
export function judgeBoundaries(run: string): Set<number> {
  const { words, longest } = judgeDictionary();
  // best[i]: the cheapest cut of run[0, i): unknown letters first, then words.
  const best: { unknown: number; count: number; from: number }[] = [{ unknown: 0, count: 0, from: -1 }];
  for (let end = 1; end <= run.length; end++) {
    let choice = { unknown: Infinity, count: Infinity, from: -1 };
    for (let start = Math.max(0, end - longest); start < end; start++) {
      const before = best[start];
      if (!before) continue;
      const known = end - start > 1 && words.has(run.slice(start, end));
      if (!known && end - start > 1) continue;
      const candidate = {
        unknown: before.unknown + (known ? 0 : 1),
        count: before.count + 1,
        from: start,
      };
      if (
        candidate.unknown < choice.unknown ||
        (candidate.unknown === choice.unknown && candidate.count < choice.count)
      ) {
        choice = candidate;
      }
    }
    best[end] = choice;
  }
  const boundaries = new Set<number>([run.length]);
  for (let at = run.length; at > 0; at = best[at]?.from ?? 0) boundaries.add(best[at]?.from ?? 0);
  return boundaries;
}

const THAI_LETTERS = /[\u0E01-\u0E4E]+/g;
const ADDRESS = /(?:https?:\/\/|www\.)[^\s\u0E00-\u0E7F]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
const DIGIT = /[0-9\u0E50-\u0E59]/;
const MONTHS =
  'มกราคม|กุมภาพันธ์|มีนาคม|เมษายน|พฤษภาคม|มิถุนายน|กรกฎาคม|สิงหาคม|กันยายน|ตุลาคม|พฤศจิกายน|ธันวาคม|' +
  'ม\\.ค\\.|ก\\.พ\\.|มี\\.ค\\.|เม\\.ย\\.|พ\\.ค\\.|มิ\\.ย\\.|ก\\.ค\\.|ส\\.ค\\.|ก\\.ย\\.|ต\\.ค\\.|พ\\.ย\\.|ธ\\.ค\\.';
/** Text on each side of a break at a space that must stay on one line. */
const KEPT_AT_SPACE: readonly [string, RegExp, RegExp][] = [
  ['พ.ศ. and its year', /พ\.ศ\.$/, /^[0-9๐-๙]/],
  ['a year range', /[0-9๐-๙]{4}(?: -)?$/, /^(?:- )?[0-9๐-๙]{4}/],
  ['a day and its month', /(?:^|\s)[0-9๐-๙]{1,2}$/, new RegExp(`^(?:${MONTHS})`)],
  ['ร้อยละ and its number', /ร้อยละ$/, /^[0-9๐-๙]/],
  ['a book number', /(?:^|\s|ที่)[\u0E01-\u0E2E]{2,3}\.?$/, /^[0-9๐-๙]+(?:\.[0-9๐-๙]+)*\//],
];
/** A title and the name after it (no space between them in Thai). */
const TITLE = /(?:นาย|นางสาว|นาง|ดร\.|ว่าที่ร้อยตรี)$/;

/** A break the judge finds wrong: why, and the text around it with "|" where the line broke. */
export interface BadBreak {
  readonly why: string;
  readonly at: string;
}

/**
 * The breaks between lines of one text that the judge finds wrong: inside a Thai word (by the judge's dictionary),
 * a web or e-mail address or a number, between a title and a name, or at a space that must hold (พ.ศ. ๒๕๖๖,
 * ๒๕๖๑ - ๒๕๖๕, a day and its month, ร้อยละ ๘๕, a book number). A web address longer than 30 characters may
 * break after a "/" of its path, and one in a table cell after any "/".
 *
 * @example
 * expect(badBreaks(linePairs(pages, columnLines), printedTexts)).toEqual([]);
 */
export function badBreaks(pairs: readonly [Line, Line][], texts: readonly string[]): BadBreak[] {
  const bad: BadBreak[] = [];
  for (const { text, at, atSpace, lines } of continuations(pairs, texts)) {
    const why = atSpace ? keptAtSpace(text, at) : brokenWord(text, at);
    const narrow = lines[0].xMax - lines[0].xMin < NARROW_LINE;
    if (why === 'inside an address' && addressAfterSlash(text, at, narrow)) continue;
    if (why) bad.push({ why, at: `${text.slice(Math.max(0, at - 12), at)}|${text.slice(at, at + 12)}` });
  }
  return bad;
}

/** A line narrower than half the text column (16 cm), in points: a table cell's. */
const NARROW_LINE = (8 * 72) / 2.54;

/**
 * Whether a break falls after a "/" of a web address (never between the two of "://"), where it may break when it
 * does not fit: in the path of an address longer than 30 characters, which kept whole would leave the line before
 * it stretched letter by letter, and anywhere in one wider than its narrow table cell (issue 15).
 */
function addressAfterSlash(text: string, at: number, narrow: boolean): boolean {
  for (const match of text.matchAll(ADDRESS)) {
    const inside = match.index < at && at < match.index + match[0].length;
    if (!inside) continue;
    if (text[at - 1] !== '/' || text[at] === '/') return false;
    return narrow || (match[0].length > 30 && text[at - 2] !== '/');
  }
  return false;
}

function brokenWord(text: string, at: number): string | undefined {
  for (const match of text.matchAll(ADDRESS)) {
    if (match.index < at && at < match.index + match[0].length) return 'inside an address';
  }
  const before = text[at - 1] ?? '';
  const after = text[at] ?? '';
  if (DIGIT.test(before) && /[0-9๐-๙,./:-]/.test(after)) return 'inside a number';
  if (TITLE.test(text.slice(0, at)) && /[\u0E01-\u0E2E]/.test(after)) return 'between a title and a name';
  for (const match of text.matchAll(THAI_LETTERS)) {
    if (match.index < at && at < match.index + match[0].length) {
      return judgeBoundaries(match[0]).has(at - match.index) ? undefined : 'inside a word';
    }
  }
  return undefined;
}

function keptAtSpace(text: string, at: number): string | undefined {
  const before = text.slice(0, at);
  const after = text.slice(at + 1);
  for (const [why, end, start] of KEPT_AT_SPACE) {
    if (end.test(before) && start.test(after)) return why;
  }
  for (const match of text.matchAll(ADDRESS)) {
    if (match.index < at && at < match.index + match[0].length) return 'inside an address';
  }
  return undefined;
}
