/** Small statistics over latency samples (ms). Sorting once keeps percentiles exact, not estimated. */

/** The p-th percentile (0-100) of `sorted` (ascending), nearest-rank; null when empty. */
export function percentile(sorted, p) {
  if (sorted.length === 0) return null;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

/** p50 / p95 / p99 / max of raw samples. */
export function summarize(samples) {
  const sorted = Float64Array.from(samples).sort();
  return {
    count: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.length ? sorted[sorted.length - 1] : null,
  };
}

export function median(xs) {
  const s = xs.filter((x) => x != null).sort((a, b) => a - b);
  if (s.length === 0) return null;
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** Wall-clock milliseconds with sub-millisecond precision, comparable between processes of one machine. */
export const wallMs = () => performance.timeOrigin + performance.now();
