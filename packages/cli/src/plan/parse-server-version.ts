import { UsageError } from '../usage-error.js';

/**
 * `--server-version` as a `server_version_num`: a major version (`15`), a major and minor
 * (`15.4`), or the number itself (`150004`, what `SHOW server_version_num` prints). `null`
 * when it is none of these.
 */
export function parseServerVersion(value: string): number | null {
  const dotted = /^(\d{1,2})(?:\.(\d{1,4}))?$/.exec(value);
  if (dotted !== null) return Number(dotted[1]) * 10000 + Number(dotted[2] ?? 0);
  return /^\d{5,6}$/.test(value) ? Number(value) : null;
}

/**
 * A `--server-version` flag's value as a `server_version_num`, or `undefined` when not given.
 *
 * @throws UsageError for a value {@link parseServerVersion} does not read, naming `command`.
 */
export function serverVersionFlag(value: string | undefined, command: string): number | undefined {
  if (value === undefined) return undefined;
  const parsed = parseServerVersion(value);
  if (parsed === null)
    throw new UsageError(`--server-version takes a PostgreSQL version such as 15, 15.4 or 150004, not '${value}'`, command);
  return parsed;
}
