import { LIBTHAI_WORDS } from './libthai-words.js';
import { OFFICIAL_TERMS } from './official-terms.js';

/**
 * The dictionary as a trie in flat arrays: node n's children are the slots `first[n]` to `first[n] + count[n]`, in
 * the order of their letters (`letter`, for a binary search), each leading to node `child`: libthai's 25,000 words
 * keep 1 MB of typed arrays, where a Map per node would keep many times that.
 */
interface Trie {
  /** The root's child by the letter's offset from U+0E00 (-1: none): most lookups start there. */
  readonly root: Int32Array;
  readonly first: Uint32Array;
  readonly count: Uint16Array;
  readonly word: Uint8Array;
  readonly letter: Uint16Array;
  readonly child: Uint32Array;
}

let dictionary: Trie | undefined;

/**
 * Builds the dictionary Thai lines are cut with now (some 40 ms), rather than in the first text cut: a process that
 * renders calls it at start-up, so its first page, or a fill thread's first fill (under a time limit), does not pay.
 *
 * @example
 * ```ts
 * loadThaiDictionary();
 * ```
 */
export function loadThaiDictionary(): void {
  thaiDictionary();
}

/** libthai's word list and the official terms, built once, on first use. */
function thaiDictionary(): Trie {
  if (dictionary) return dictionary;
  const words = [...new Set([...LIBTHAI_WORDS.split('\n'), ...OFFICIAL_TERMS])]
    .filter((word) => word.length > 1)
    .sort();
  dictionary = trieOf(words);
  return dictionary;
}

/** The trie of `words`, sorted by UTF-16 code units; built depth first from ranges of words sharing a prefix. */
function trieOf(words: readonly string[]): Trie {
  const first: number[] = [0];
  const count: number[] = [0];
  const word: number[] = [0];
  const letter: number[] = [];
  const child: number[] = [];
  const pending: { node: number; from: number; to: number; depth: number }[] = [
    { node: 0, from: 0, to: words.length, depth: 0 },
  ];
  for (let range = pending.pop(); range; range = pending.pop()) {
    let { from } = range;
    const { node, to, depth } = range;
    if ((words[from] as string).length === depth) {
      word[node] = 1;
      from++;
    }
    first[node] = letter.length;
    while (from < to) {
      const code = (words[from] as string).charCodeAt(depth);
      let end = from + 1;
      while (end < to && (words[end] as string).charCodeAt(depth) === code) end++;
      const next = word.length;
      first.push(0);
      count.push(0);
      word.push(0);
      letter.push(code);
      child.push(next);
      pending.push({ node: next, from, to: end, depth: depth + 1 });
      from = end;
    }
    count[node] = letter.length - (first[node] as number);
  }
  const root = new Int32Array(THAI_BLOCK).fill(-1);
  for (let slot = 0; slot < (count[0] as number); slot++) {
    const code = (letter[slot] as number) - THAI_START;
    if (code >= 0 && code < THAI_BLOCK) root[code] = child[slot] as number;
  }
  return {
    root,
    first: Uint32Array.from(first),
    count: Uint16Array.from(count),
    word: Uint8Array.from(word),
    letter: Uint16Array.from(letter),
    child: Uint32Array.from(child),
  };
}

const THAI_START = 0x0e00;
const THAI_BLOCK = 0x80;

/** The child of `node` by the letter `code`, or -1. */
function childOf(trie: Trie, node: number, code: number): number {
  if (node === 0) {
    const offset = code - THAI_START;
    return offset >= 0 && offset < THAI_BLOCK ? (trie.root[offset] as number) : -1;
  }
  let low = trie.first[node] as number;
  let high = low + (trie.count[node] as number) - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const found = trie.letter[middle] as number;
    if (found === code) return trie.child[middle] as number;
    if (found < code) low = middle + 1;
    else high = middle - 1;
  }
  return -1;
}

const KARAN = 0x0e4c;
const PAIYANNOI = 0x0e2f;
const MAI_YAMOK = 0x0e46;
/** Titles written without a space before the name (นายพิชัย): no line breaks between them. */
const TITLES = new Set(['นาย', 'นาง', 'นางสาว', 'ศาสตราจารย์', 'รองศาสตราจารย์', 'ผู้ช่วยศาสตราจารย์']);

/** Vowels and marks that belong to the letter before them (ะ ั า ำ ิ … ฺ, ๅ ็ ่ ้ ๊ ๋ ์ ํ ๎). */
function following(code: number): boolean {
  return (code >= 0x0e30 && code <= 0x0e3a) || (code >= 0x0e45 && code <= 0x0e4e);
}

/** Vowels written before the letter they follow in speech (เ แ โ ใ ไ). */
function leading(code: number): boolean {
  return code >= 0x0e40 && code <= 0x0e44;
}

/**
 * Where a word may begin (2) or only end (1): not inside a letter's cluster of vowels and marks, nor before a letter
 * silenced by the karan after it (ศาสต|ร์). A word may end before ฯ and ๆ, which go with it (งบประมาณฯ, ต่าง ๆ).
 */
function clusterStarts(run: string): Uint8Array {
  const starts = new Uint8Array(run.length + 1);
  starts[0] = 2;
  starts[run.length] = 2;
  for (let at = 1; at < run.length; at++) {
    const code = run.charCodeAt(at);
    if (code === PAIYANNOI || code === MAI_YAMOK) starts[at] = 1;
    else starts[at] = following(code) || leading(run.charCodeAt(at - 1)) || run.charCodeAt(at + 1) === KARAN ? 0 : 2;
  }
  return starts;
}

/** A run cut into words: where each ends, whether the dictionary knows it, and the longest known word at each offset. */
interface Cut {
  /** The end of each word, in order (the last is the run's length). */
  readonly ends: readonly number[];
  /** By a word's end: 1 when the dictionary knows the word. */
  readonly known: Uint8Array;
  /** By offset: the end of the longest dictionary word that starts there. */
  readonly longest: Int32Array;
}

/**
 * The cheapest cut of `run` into words no longer than `longestWord`: fewest clusters in no known word, then fewest
 * words (maximal matching over libthai's dictionary and the official terms).
 */
function cheapestCut(run: string, starts: Uint8Array, longestWord: number): Cut {
  const trie = thaiDictionary();
  const length = run.length;
  // By the end of a cut of run[0, end): its unknown clusters (-1: none yet), its words, where its last word starts
  // and whether the dictionary knows that word.
  const unknown = new Int32Array(length + 1).fill(-1);
  const words = new Int32Array(length + 1);
  const from = new Int32Array(length + 1);
  const known = new Uint8Array(length + 1);
  const longest = new Int32Array(length + 1);
  unknown[0] = 0;
  const relax = (end: number, cost: number, count: number, start: number, isKnown: number) => {
    const current = unknown[end] as number;
    if (current < 0 || cost < current || (cost === current && count < (words[end] as number))) {
      unknown[end] = cost;
      words[end] = count;
      from[end] = start;
      known[end] = isKnown;
    }
  };
  for (let start = 0; start < length; start++) {
    const cost = unknown[start] as number;
    longest[start] = start;
    // ฯ and ๆ start an unknown cluster of their own.
    if (cost < 0 || !starts[start]) continue;
    const count = (words[start] as number) + 1;
    const last = Math.min(length, start + longestWord);
    let node = 0;
    for (let end = start; end < last; end++) {
      node = childOf(trie, node, run.charCodeAt(end));
      if (node < 0) break;
      if (trie.word[node] && starts[end + 1]) {
        relax(end + 1, cost, count, start, 1);
        longest[start] = end + 1;
      }
    }
    let next = start + 1;
    while (next < length && !starts[next]) next++;
    relax(next, cost + 1, count, start, 0);
  }
  const ends: number[] = [];
  for (let end = length; end > 0; end = from[end] as number) ends.push(end);
  return { ends: ends.reverse(), known, longest };
}

/**
 * The offsets inside a run of Thai letters (U+0E01–U+0E4E, no spaces) where a line may break without breaking a
 * word. The run is cut into words with libthai's dictionary and the official terms by maximal matching (fewest
 * letters in no known word, then fewest words), and a line may break between two words only where no dictionary
 * word starting at an earlier boundary runs across (จึงขอ|กราบเรียน|เชิญ, never ก|ราบ), not between two unknown
 * words (a name), not before ฯ or ๆ, and not after a title (นาย|พิชัย).
 *
 * @example
 * ```ts
 * thaiWordBreaks('รายละเอียดงบประมาณ') // [10]
 * ```
 */
export function thaiWordBreaks(run: string): number[] {
  const starts = clusterStarts(run);
  const { ends, known, longest } = cheapestCut(run, starts, run.length);
  const breaks: number[] = [];
  let reach = 0;
  let start = 0;
  for (let index = 0; index < ends.length - 1; index++) {
    const end = ends[index] as number;
    const next = ends[index + 1] as number;
    reach = Math.max(reach, longest[start] as number);
    const word = run.slice(start, end);
    start = end;
    // A dictionary word runs across; before ฯ or ๆ; inside an unknown word; after a title.
    if (reach > end || starts[end] !== 2) continue;
    if (!known[end] && !known[next]) continue;
    if (TITLES.has(word)) continue;
    breaks.push(end);
  }
  return breaks;
}

/**
 * Where a piece of text a line must not break (a Thai word and what sticks to it, "(ประชาสัมพันธ์)") may break when
 * it is wider than the whole line, as in a narrow table column: in each of its Thai runs, between the fewest
 * dictionary words the run is made of other than itself (ประชา|สัมพันธ์, งบ|ประมาณ), or else between its letters'
 * clusters, never inside one (สัมพัน|ธ์ is no place). Returns the pieces, which joined are the text.
 *
 * @example
 * ```ts
 * thaiWordParts('(ประชาสัมพันธ์)') // ['(ประชา', 'สัมพันธ์)']
 * ```
 */
export function thaiWordParts(text: string): string[] {
  return cutThaiRuns(text, (word) => {
    const starts = clusterStarts(word);
    const { ends } = cheapestCut(word, starts, word.length - 1);
    return ends.slice(0, -1).filter((end) => starts[end] === 2);
  });
}

const THAI_RUN = /[\u0E01-\u0E4E]+/g;

/**
 * `text` cut inside its runs of Thai letters at the offsets `breaks` gives for each run.
 *
 * @example
 * ```ts
 * cutThaiRuns('ดู งบประมาณ', thaiWordBreaks) // ['ดู งบประมาณ']
 * ```
 */
export function cutThaiRuns(text: string, breaks: (run: string) => readonly number[]): string[] {
  const pieces: string[] = [];
  let start = 0;
  for (const match of text.matchAll(THAI_RUN)) {
    for (const offset of breaks(match[0])) {
      pieces.push(text.slice(start, match.index + offset));
      start = match.index + offset;
    }
  }
  pieces.push(text.slice(start));
  return pieces;
}
