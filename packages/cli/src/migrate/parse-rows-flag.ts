import { UsageError } from '../usage-error.js';

/**
 * The value of row-count flag `flag` (`--batch-size`, `--batch-min-rows`), or `undefined` when it
 * was not given. Refused (a {@link UsageError}, exit 2): anything but a whole number above 0.
 */
export function parseRowsFlag(value: string | undefined, flag: string, command: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^[1-9]\d{0,14}$/.test(value)) throw new UsageError(`${flag} takes a whole number of rows above 0, not '${value}'`, command);
  return Number(value);
}
