/**
 * A figure that cannot be drawn from what the document gives: `field` is the path inside the figure
 * (e.g. "series[1].values"), so the caller can prefix the block's path.
 *
 * @example
 * ```ts
 * throw new FigureError('series[0].values', 'has 3 values for 4 categories');
 * ```
 */
export class FigureError extends Error {
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${field} ${reason}`);
    this.name = 'FigureError';
  }
}
