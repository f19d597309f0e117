/**
 * A `server_version_num` as people write it: `180000` -> `18`, `150004` -> `15.4`,
 * `90624` -> `9.6.24` (before 10 the second number was part of the major version).
 */
export function formatServerVersion(versionNum: number): string {
  if (versionNum >= 100000) {
    const minor = versionNum % 10000;
    return `${Math.floor(versionNum / 10000)}${minor === 0 ? '' : `.${minor}`}`;
  }
  return `${Math.floor(versionNum / 10000)}.${Math.floor(versionNum / 100) % 100}.${versionNum % 100}`;
}
