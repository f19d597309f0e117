import { createHash } from 'node:crypto';

/**
 * The advisory lock key for a migrator name: the first 8 bytes of sha256(name) as a signed
 * 64-bit integer, in decimal (PostgreSQL's `bigint`). Stable across PostgreSQL versions and
 * platforms, unlike `hashtext()`, whose values are an implementation detail.
 */
export function advisoryLockKey(name: string): string {
  return createHash('sha256').update(name, 'utf8').digest().readBigInt64BE(0).toString();
}

/**
 * How `pg_locks` shows the advisory lock `key` (a `bigint` key): its high and low 32 bits as
 * `classid` and `objid` (`objsubid` 1), as the decimal text of those `oid`s.
 */
export function advisoryLockOids(key: string): { readonly classid: string; readonly objid: string } {
  const unsigned = BigInt.asUintN(64, BigInt(key));
  return { classid: (unsigned >> 32n).toString(), objid: (unsigned & 0xffffffffn).toString() };
}
