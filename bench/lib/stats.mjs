/**
 * The value below which `fraction` of the samples fall (nearest rank).
 *
 * @example
 * percentile([5, 1, 3], 0.5); // 3
 * @param {number[]} samples
 * @param {number} fraction between 0 and 1
 * @returns {number}
 */
export function percentile(samples, fraction) {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1));
  return sorted[rank];
}

/**
 * Rounds for the report: milliseconds and ratios to two decimals are more than the noise allows.
 *
 * @example
 * round(12.3456); // 12.35
 * @param {number} value
 * @param {number} [decimals]
 * @returns {number}
 */
export function round(value, decimals = 2) {
  const scale = 10 ** decimals;
  return Math.round(value * scale) / scale;
}

/**
 * Median and 95th percentile of latencies in milliseconds.
 *
 * @example
 * latencySummary([80, 90, 100]); // { samples: 3, medianMs: 90, p95Ms: 100 }
 * @param {number[]} samples
 */
export function latencySummary(samples) {
  return {
    samples: samples.length,
    medianMs: round(percentile(samples, 0.5)),
    p95Ms: round(percentile(samples, 0.95)),
  };
}
