/** Small statistics for benchmarks: nearest-rank percentiles over sorted samples (milliseconds). */
export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export function summary(samples: number[]): { median: number; p99: number; n: number } {
  return { median: percentile(samples, 50), p99: percentile(samples, 99), n: samples.length };
}

export const ms = (value: number) => `${value.toFixed(3)} ms`;

/** The most events (times in ms, any order) within any span of `windowMs`: a platform's busiest minute. */
export function busiestWindow(times: number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  for (let first = 0, last = 0; last < sorted.length; last++) {
    while (sorted[first]! <= sorted[last]! - windowMs) first++;
    most = Math.max(most, last - first + 1);
  }
  return most;
}
