/** The stages of a render, in the order they run. */
export const STAGES = ['load', 'query', 'fill', 'cache', 'print', 'finish', 'store'] as const;

/** One stage of a render. */
export type StageName = (typeof STAGES)[number];

/**
 * How long each stage of one render took, in milliseconds. A render found in the cache stops after `cache`, so it
 * has no `print`, `finish` or `store`.
 */
export type StageTimings = Partial<Record<StageName, number>>;

/**
 * A stage this long or longer may have held the thread long enough to delay the server's answers noticeably; one
 * turn of the event loop after it costs microseconds. A memo's query and fill take well under a millisecond.
 */
const LONG_STAGE_MS = 10;

/**
 * Times the stages of one render as they run.
 *
 * @example
 * const clock = new StageClock();
 * const document = await clock.time('load', () => loadDocument(documents, templates, id));
 * clock.timings; // { load: 0.41 }
 */
export class StageClock {
  readonly timings: StageTimings = {};

  /**
   * Runs one stage and records its time, also when it fails. After a long stage the event loop turns once before
   * the next: a long report's query and fill each hold the thread for a hundred milliseconds or more, and run back to
   * back they were one stall of the server (312 ms for a 187-page report, where each alone is 122 and 182).
   */
  async time<T>(stage: StageName, run: () => Promise<T> | T): Promise<T> {
    const started = performance.now();
    let ms = 0;
    try {
      return await run();
    } finally {
      ms = performance.now() - started;
      // Microseconds are the finest a stage's time means anything at.
      this.timings[stage] = Math.round(ms * 1000) / 1000;
      if (ms >= LONG_STAGE_MS) await new Promise((resolve) => setImmediate(resolve));
    }
  }
}
