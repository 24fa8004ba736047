/**
 * Filling a template in took longer than its time limit (three nested loops over long lists, a huge text): the fill
 * was stopped, its thread ended, and the server went on answering meanwhile.
 *
 * @example
 * ```ts
 * try {
 *   await filler.fill(template, data, { digitStyle: 'THAI' });
 * } catch (error) {
 *   if (error instanceof TemplateFillTimeoutError) console.error(error.message);
 *   // template "report" took longer than the limit of 10000 ms to fill in
 * }
 * ```
 */
export class TemplateFillTimeoutError extends Error {
  override readonly name = 'TemplateFillTimeoutError';

  constructor(
    /** The template's name. */
    readonly template: string,
    /** The limit it went over, in milliseconds. */
    readonly limitMs: number,
  ) {
    super(`template "${template}" took longer than the limit of ${limitMs} ms to fill in`);
  }
}
