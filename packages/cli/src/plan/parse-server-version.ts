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
