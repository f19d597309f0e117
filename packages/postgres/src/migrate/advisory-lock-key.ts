import { createHash } from 'node:crypto';

/**
 * The advisory lock key for a migrator name: the first 8 bytes of sha256(name) as a signed
 * 64-bit integer, in decimal (PostgreSQL's `bigint`). Stable across PostgreSQL versions and
 * platforms, unlike `hashtext()`, whose values are an implementation detail.
 */
export function advisoryLockKey(name: string): string {
  return createHash('sha256').update(name, 'utf8').digest().readBigInt64BE(0).toString();
}
