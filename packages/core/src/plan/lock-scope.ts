import type { LockClaim } from './plan-types.js';

/**
 * What a lock claim on a partitioned table covers besides the named relation, so that one plan
 * is right however many partitions the table has when the step runs (0, 2 or 500):
 *
 * - `partitions`: the mode is taken on each partition of the named parent (sub-partitions
 *   included), not on the parent;
 * - `tree`: on the parent and on each partition;
 * - `leaves`: on each partition holding rows (at any depth), not on the parent nor on a
 *   partition that is itself partitioned (a concurrent index build takes its lock there only);
 * - `partitioned`: on each partition of the named parent that is itself partitioned (at any
 *   depth), not on the parent nor on the partitions holding rows: a partitioned partition holds
 *   no rows, so nothing is read or rewritten there under it (the `ON ONLY` index of a
 *   sub-partitioned partition takes SHARE there, measured on 15 and 18).
 *
 * A claim without a scope covers the named relation only.
 */
export const lockScopes = ['partitions', 'tree', 'leaves', 'partitioned'] as const;

export type LockScope = (typeof lockScopes)[number];

/**
 * The relations a claim covers, in words: `event`, `each partition of event`, `event and each
 * partition`, `each partition of event holding rows`, `each partitioned partition of event`.
 */
export function lockTarget(claim: LockClaim): string {
  if (claim.scope === undefined) return claim.relation;
  switch (claim.scope) {
    case 'partitions':
      return `each partition of ${claim.relation}`;
    case 'tree':
      return `${claim.relation} and each partition`;
    case 'leaves':
      return `each partition of ${claim.relation} holding rows`;
    case 'partitioned':
      return `each partitioned partition of ${claim.relation}`;
  }
}
