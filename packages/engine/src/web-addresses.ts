/** Where one web or e-mail address lies in a text: `text.slice(start, end)`. */
export interface AddressSpan {
  start: number;
  end: number;
}

// What the spans match, as one regular expression (kept here as the definition; a backtracking engine runs it in
// time quadratic in a long run of letters, so the scanner below finds the same spans in one pass):
//   (?:\b[a-z][a-z0-9+.-]*:\/\/|\bwww\.)[^\s<>"'`\u0E00-\u0E7F]*[^\s<>"'`\u0E00-\u0E7F.,;:!?)\]]
//   | [a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+                                   (case-insensitive)
// An address ends at white space, quotes, angle brackets and Thai letters, and does not take a final full stop
// or bracket from the sentence around it.

// Character classes by UTF-16 code, as bit flags: one table look-up per character instead of a pattern.
const STOP = 1; // ends an address: white space, quotes, angle brackets, backtick, Thai letters
const TRAILING = 2; // may not end a web address: . , ; : ! ? ) ]
const WORD = 4; // \w: letters, digits, underscore
const LETTER = 8;
const SCHEME = 16; // [A-Za-z0-9+.-]
const LOCAL = 32; // [A-Za-z0-9._%+-]
const LABEL = 64; // [A-Za-z0-9-]
const ascii = new Uint8Array(128);
const mark = (characters: string, flag: number) => {
  for (const character of characters) ascii[character.charCodeAt(0)] = (ascii[character.charCodeAt(0)] ?? 0) | flag;
};
const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const digits = '0123456789';
mark(' \t\n\v\f\r<>"\'`', STOP);
mark('.,;:!?)]', TRAILING);
mark(`${letters}${digits}_`, WORD);
mark(letters, LETTER);
mark(`${letters}${digits}+.-`, SCHEME);
mark(`${letters}${digits}._%+-`, LOCAL);
mark(`${letters}${digits}-`, LABEL);

// The white space beyond ASCII that \s matches.
const wideSpaces = new Set([
  0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x2028, 0x2029,
  0x202f, 0x205f, 0x3000, 0xfeff,
]);

function flags(text: string, index: number): number {
  const code = text.charCodeAt(index);
  if (code < 128) return ascii[code] ?? 0;
  return (code >= 0x0e00 && code <= 0x0e7f) || wideSpaces.has(code) ? STOP : 0;
}

const is = (text: string, index: number, flag: number) => index < text.length && (flags(text, index) & flag) !== 0;

/**
 * The web addresses (`https://…`, `www.…`) and e-mail addresses in a text, left to right, never overlapping.
 * One pass over the text: every character is looked at a bounded number of times, so a paragraph of a million
 * letters costs a million steps, not a million squared.
 *
 * @example
 * ```ts
 * findAddresses('ดู https://www.example.go.th. หรือ saraban@example.go.th')
 * // [{ start: 3, end: 30 }, { start: 36, end: 56 }]
 * ```
 */
export function findAddresses(text: string): AddressSpan[] {
  const spans: AddressSpan[] = [];
  const web = new WebScanner(text);
  const mail = new MailScanner(text);
  let position = 0;
  for (;;) {
    const url = web.next(position);
    const email = mail.next(position);
    // The leftmost wins; at the same start, a web address (the pattern's first alternative).
    const span = url && (!email || url.start <= email.start) ? url : email;
    if (!span) return spans;
    spans.push(span);
    position = span.end;
  }
}

/** Finds web addresses from a position on; remembers how far it has looked, so nothing is scanned twice. */
class WebScanner {
  private cursor = 0;
  private found: AddressSpan | undefined;
  // The run of characters an address may hold around the current position, and its last character that may end
  // one: computed once per run.
  private run = { start: -1, end: -1, lastEnding: -1 };
  // The run of scheme characters ("https", "git+ssh") around the current position.
  private scheme = { start: -1, end: -1 };

  constructor(private readonly text: string) {}

  next(from: number): AddressSpan | undefined {
    if (this.found && this.found.start >= from) return this.found;
    this.found = undefined;
    for (let p = Math.max(this.cursor, from); p < this.text.length; p++) {
      const end = this.addressAt(p);
      if (end !== undefined) {
        this.cursor = p + 1;
        this.found = { start: p, end };
        return this.found;
      }
    }
    this.cursor = this.text.length;
    return undefined;
  }

  /** Where the web address starting at `p` ends, if one starts there. */
  private addressAt(p: number): number | undefined {
    const text = this.text;
    if (!is(text, p, WORD) || (p > 0 && is(text, p - 1, WORD))) return undefined;
    const lastEnding = this.lastEndingIn(p);
    // "scheme://" first, then "www.", as the pattern tries them; each needs a character after it that may end.
    if (is(text, p, LETTER)) {
      const schemeEnd = this.schemeEnd(p);
      if (text.startsWith('://', schemeEnd) && lastEnding >= schemeEnd + 3) return lastEnding + 1;
    }
    if (text.slice(p, p + 4).toLowerCase() === 'www.' && lastEnding >= p + 4) return lastEnding + 1;
    return undefined;
  }

  private schemeEnd(p: number): number {
    if (p >= this.scheme.end) {
      let end = p;
      while (is(this.text, end, SCHEME)) end++;
      this.scheme = { start: p, end };
    }
    return this.scheme.end;
  }

  private lastEndingIn(p: number): number {
    if (p >= this.run.end) {
      let end = p;
      let lastEnding = -1;
      for (; end < this.text.length; end++) {
        const character = flags(this.text, end);
        if (character & STOP) break;
        if (!(character & TRAILING)) lastEnding = end;
      }
      this.run = { start: p, end, lastEnding };
    }
    return this.run.lastEnding;
  }
}

/** Finds e-mail addresses from a position on, '@' by '@'; each part of the text is looked at once or twice. */
class MailScanner {
  private at = -1;
  private found: { localStart: number; end: number } | undefined;

  constructor(private readonly text: string) {}

  next(from: number): AddressSpan | undefined {
    for (;;) {
      if (this.found && this.at >= from) {
        const start = Math.max(from, this.found.localStart);
        if (start < this.at) return { start, end: this.found.end };
      }
      // No '@' yet, or the local part of this one lies before `from`: on to the next '@'.
      this.found = undefined;
      this.at = this.text.indexOf('@', Math.max(this.at + 1, from));
      if (this.at < 0) {
        this.at = this.text.length;
        return undefined;
      }
      const end = this.domainEnd(this.at + 1);
      if (end !== undefined) this.found = { localStart: this.localStart(this.at), end };
    }
  }

  private localStart(at: number): number {
    let start = at;
    while (start > 0 && is(this.text, start - 1, LOCAL)) start--;
    return start;
  }

  /** The end of a domain of two labels or more starting at `p`, e.g. "example.go.th". */
  private domainEnd(p: number): number | undefined {
    const text = this.text;
    let labels = 0;
    let end = p;
    for (;;) {
      let label = end;
      while (is(text, label, LABEL)) label++;
      if (label === end) break;
      labels++;
      end = label;
      if (text.charAt(end) !== '.' || !is(text, end + 1, LABEL)) break;
      end++;
    }
    return labels >= 2 ? end : undefined;
  }
}
