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
