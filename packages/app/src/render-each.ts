import pMap from 'p-map';

/**
 * Runs `each` for every item, `concurrency` at a time, in order of starting; once `stopped()` is true, items not yet
 * started are skipped and those running finish. The one loop behind batch jobs and `saraban batch`: give it the
 * renderer's concurrency, as more at once would only wait for a Chromium tab. `each` handles its own failures.
 *
 * @example
 * await renderEach(documentIds, renderer.concurrency, { each: async (id) => { await renderer.render(id); } });
 */
export async function renderEach<T>(
  items: readonly T[],
  concurrency: number,
  options: { each: (item: T, index: number) => Promise<void>; stopped?: () => boolean },
): Promise<void> {
  const { each, stopped = () => false } = options;
  await pMap(items, (item, index) => (stopped() ? undefined : each(item, index)), {
    concurrency: Math.max(1, concurrency),
  });
}
