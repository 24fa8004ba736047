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
 * Times the stages of one render as they run.
 *
 * @example
 * const clock = new StageClock();
 * const document = await clock.time('load', () => loadDocument(documents, templates, id));
 * clock.timings; // { load: 0.41 }
 */
export class StageClock {
  readonly timings: StageTimings = {};

  /** Runs one stage and records its time, also when it fails. */
  async time<T>(stage: StageName, run: () => Promise<T> | T): Promise<T> {
    const started = performance.now();
    try {
      return await run();
    } finally {
      // Microseconds are the finest a stage's time means anything at.
      this.timings[stage] = Math.round((performance.now() - started) * 1000) / 1000;
    }
  }
}
