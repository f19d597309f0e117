/** A duration as `7d`, `3h`, `12min`, `40s`: the largest unit that divides it, else whole seconds. */
export function formatSpan(ms: number): string {
  const units: readonly [string, number][] = [
    ['d', 86_400_000],
    ['h', 3_600_000],
    ['min', 60_000],
    ['s', 1000],
  ];
  for (const [unit, size] of units) if (ms >= size && ms % size === 0) return `${ms / size}${unit}`;
  return ms >= 1000 ? `${Math.round(ms / 1000)}s` : `${ms}ms`;
}
