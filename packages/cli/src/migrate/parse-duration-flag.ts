import { maxTimeoutMs } from '@wesley/core/run';
import { UsageError } from '../usage-error.js';
import { parseDuration, type DurationUnit } from './parse-duration.js';

/** What a duration flag accepts. */
export interface DurationRule {
  /** A number without a unit is in this unit. */
  readonly unit: DurationUnit;
  /** What `0` means for this flag (`no statement timeout`), or `null` when 0 is refused. */
  readonly zero: string | null;
}

/**
 * The value of duration flag `flag` in whole milliseconds, or `undefined` when it was not given.
 * Refused (a {@link UsageError}, exit 2): what is not a duration; 0 where 0 would switch a safety
 * limit off; a value under 1 ms, which would round to 0 (`lock_timeout = '0ms'` is no limit at
 * all); a value over core's `maxTimeoutMs`, which PostgreSQL refuses.
 */
export function parseDurationFlag(value: string | undefined, flag: string, rule: DurationRule, command: string): number | undefined {
  if (value === undefined) return undefined;
  const exact = parseDuration(value, rule.unit);
  const examples = rule.unit === 'ms' ? '500, 500ms or 1s' : '30, 30s or 2min';
  if (exact === null) throw new UsageError(`${flag} takes a duration such as ${examples}, not '${value}'`, command);
  if (exact === 0) {
    if (rule.zero !== null) return 0;
    throw new UsageError(`${flag} ${value} would mean no limit at all; give at least 1ms (such as ${examples})`, command);
  }
  if (exact < 1) {
    const zero = rule.zero === null ? 'no limit at all' : rule.zero;
    throw new UsageError(`${flag} ${value} is under 1 ms, which rounds to 0: ${zero}; give at least 1ms`, command);
  }
  const ms = Math.round(exact);
  if (ms > maxTimeoutMs) {
    throw new UsageError(`${flag} ${value} is over the longest PostgreSQL takes, ${maxTimeoutMs}ms (about 24.8 days)`, command);
  }
  return ms;
}
