import type { Line } from './layout.js';

/** Two printed lines that continue one text, and where in the text the second begins. */
export interface Continuation {
  readonly lines: readonly [Line, Line];
  readonly text: string;
  readonly at: number;
  /** Whether the lines broke at a space of the text. */
  readonly atSpace: boolean;
}

/**
 * The pairs of lines (from linePairs) that continue one of `texts` (the input as printed): the end of the first and
 * the start of the second stand side by side in the text, with or without a space between.
 *
 * @example
 * const pitch = continuations(linePairs(pages, columnLines), texts).map(({ lines: [a, b] }) => b.yMin - a.yMin);
 */
export function continuations(pairs: readonly [Line, Line][], texts: readonly string[]): Continuation[] {
  const found: Continuation[] = [];
  for (const lines of pairs) {
    const tail = lines[0].words.at(-1)?.text ?? '';
    const head = lines[1].words[0]?.text ?? '';
    if (!tail || !head) continue;
    for (const atSpace of [false, true]) {
      const joined = tail + (atSpace ? ' ' : '') + head;
      const text = texts.find((candidate) => candidate.includes(joined));
      if (text === undefined) continue;
      found.push({ lines, text, at: text.indexOf(joined) + tail.length, atSpace });
      break;
    }
  }
  return found;
}
