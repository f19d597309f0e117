const units = { ms: 1, s: 1000, min: 60_000 } as const;

/** A time unit a duration flag may be written in. */
export type DurationUnit = keyof typeof units;

/**
 * A duration flag in milliseconds, exactly as written (not rounded): a number in `unit`
 * (`500`), or a number with its unit (`500ms`, `1s`, `1.5s`, `2min`). `null` when it is none of
 * these, or negative. {@link parseDurationFlag} checks the range and rounds.
 */
export function parseDuration(value: string, unit: DurationUnit): number | null {
  const match = /^(\d+(?:\.\d+)?)\s*(ms|s|min)?$/.exec(value.trim());
  if (match === null) return null;
  const given = (match[2] ?? unit) as DurationUnit;
  return Number(match[1]) * units[given];
}
