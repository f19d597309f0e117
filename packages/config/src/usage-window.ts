const units: Readonly<Record<string, number>> = { min: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/**
 * A usage window (`usageWindow` in the config, `wesley usage --window`) in milliseconds: a whole
 * number of minutes, hours, days or weeks (`30min`, `12h`, `7d`, `2w`), more than zero. `null`
 * when it is none of these.
 */
export function parseUsageWindow(text: string): number | null {
  const match = /^(\d+)\s*(min|h|d|w)$/.exec(text.trim());
  if (match === null) return null;
  const ms = Number(match[1]) * (units[match[2] ?? ''] ?? 0);
  return ms > 0 ? ms : null;
}
