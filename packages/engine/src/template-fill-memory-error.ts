/**
 * Filling a template in needed more memory than its thread may use (a template that repeats long text inside
 * loops builds a page of hundreds of megabytes): the fill was stopped, and the server went on answering meanwhile.
 * `characters` is the page's length when it was refused for it, before it was built; without it the thread ran out
 * of memory, and was ended and replaced.
 *
 * @example
 * ```ts
 * try {
 *   await filler.fill(template, data, { digitStyle: 'THAI' });
 * } catch (error) {
 *   if (error instanceof TemplateFillMemoryError) console.error(error.message);
 *   // template "report" needed more than the limit of 512 MB of memory to fill in: its page has 360000000
 *   // characters, and the limit allows 67108864
 * }
 * ```
 */
export class TemplateFillMemoryError extends Error {
  override readonly name = 'TemplateFillMemoryError';

  constructor(
    /** The template's name. */
    readonly template: string,
    /** The limit it went over, in megabytes of the thread's heap. */
    readonly limitMb: number,
    /** The characters of the page it filled in, when that is what went over the limit. */
    readonly characters?: number,
  ) {
    super(
      `template "${template}" needed more than the limit of ${limitMb} MB of memory to fill in` +
        (characters === undefined
          ? ''
          : `: its page has ${characters} characters, and the limit allows ${pageCharsWithin(limitMb)}`),
    );
  }
}

/**
 * Bytes filling in takes per character of the page: a character takes two (a Thai page's strings are UTF-16), and
 * the page is held about four times over while it is finished (flattened, its digits converted, its line breaks
 * marked).
 */
const FILL_BYTES_PER_CHARACTER = 8;

/**
 * The longest page a fill within `limitMb` of heap may make. Checked when the template has made it, before it is
 * copied: a template repeating long text in loops makes a page of hundreds of megabytes out of pieces it shares, and
 * copying it into one string is a single allocation that a thread near its heap limit cannot survive (Node ends the
 * whole process, not the thread: nodejs/node#47224).
 *
 * @example
 * pageCharsWithin(512) // 67108864
 */
export function pageCharsWithin(limitMb: number): number {
  return Math.floor((limitMb * 1024 * 1024) / FILL_BYTES_PER_CHARACTER);
}
