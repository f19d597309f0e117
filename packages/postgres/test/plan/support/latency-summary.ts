/** Count, 99th percentile and maximum of write latencies, in milliseconds. */
export interface LatencySummary {
  readonly count: number;
  readonly p99: number;
  readonly max: number;
}

/** Nearest-rank percentile: the smallest latency that at least 99% of the writes did not exceed. */
export function summarizeLatencies(latencies: readonly number[]): LatencySummary {
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (fraction: number) => sorted[Math.max(0, Math.ceil(fraction * sorted.length) - 1)] ?? 0;
  return { count: sorted.length, p99: at(0.99), max: at(1) };
}
