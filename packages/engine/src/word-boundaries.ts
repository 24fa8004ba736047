/** Where Chromium may break a line: ICU's boundaries, which Node's Intl.Segmenter finds with the same rules. */
const icu = new Intl.Segmenter('th', { granularity: 'word' });

/** Characters segmented at a time. */
const WINDOW = 1024;
/**
 * A window's boundaries this close to its end are found again by the next window, which starts at its last boundary
 * before them: ICU's Thai dictionary decides a word by the few words after it, far fewer characters than this.
 */
const MARGIN = 128;
/**
 * A window starts after a space where it can: ICU reads a run of Thai letters whole, and its words inside a run can
 * change with where the run starts (อินทยง|ยศ read from the run's start, อินทยงยศ from a boundary inside it).
 */
const AFTER_SPACE = /\s/;

/**
 * The offsets where ICU's word boundaries fall in `text` (0 among them), found window by window. V8's segment
 * iterator costs time in proportion to the whole text at every segment, so one pass over a text is quadratic (80,000
 * characters of short words: 3.5 s; 100,000 of Thai: over 10 s); over windows of 1,024 characters it is linear.
 *
 * @example
 * ```ts
 * wordBoundaries('จึงขอกราบเรียน') // [0, 3, 6, 9]: จึง|ขอก|ราบ|เรียน, as Chromium may break it
 * ```
 */
export function wordBoundaries(text: string): number[] {
  const boundaries: number[] = [];
  let start = 0;
  let size = WINDOW;
  while (start < text.length) {
    const end = Math.min(text.length, start + size);
    const found: number[] = [];
    for (const { index } of icu.segment(text.slice(start, end))) found.push(start + index);
    if (end === text.length) {
      boundaries.push(...found);
      break;
    }
    const settled = found.filter((offset) => offset <= end - MARGIN);
    const afterSpace = settled.filter((offset) => offset > start && AFTER_SPACE.test(text[offset - 1] as string));
    // After a space, else (a run of over a thousand letters without one) the last boundary well inside.
    const next = afterSpace[afterSpace.length - 1] ?? (settled[settled.length - 1] as number);
    if (next === start) {
      // No boundary well inside the window (one long word): a longer window.
      size *= 2;
      continue;
    }
    boundaries.push(...settled.filter((offset) => offset < next));
    start = next;
    size = WINDOW;
  }
  return boundaries;
}

/**
 * Whether ICU finds a boundary inside a run without spaces: Chromium could break the line there. It stops at the
 * first, so it costs one segment's step however long the run.
 *
 * @example
 * ```ts
 * breaksInside('ISO-9001') // true
 * ```
 */
export function breaksInside(run: string): boolean {
  for (const { index } of icu.segment(run)) if (index > 0) return true;
  return false;
}
