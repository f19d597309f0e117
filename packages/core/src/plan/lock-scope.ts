import type { LockClaim } from './plan-types.js';

/**
 * What a lock claim on a partitioned table covers besides the named relation, so that one plan
 * is right however many partitions the table has when the step runs (0, 2 or 500):
 *
 * - `partitions`: the mode is taken on each partition of the named parent (sub-partitions
 *   included), not on the parent;
 * - `tree`: on the parent and on each partition.
 *
 * A claim without a scope covers the named relation only.
 */
export const lockScopes = ['partitions', 'tree'] as const;

export type LockScope = (typeof lockScopes)[number];

/** The relations a claim covers, in words: `event`, `each partition of event`, `event and each partition`. */
export function lockTarget(claim: LockClaim): string {
  if (claim.scope === undefined) return claim.relation;
  switch (claim.scope) {
    case 'partitions':
      return `each partition of ${claim.relation}`;
    case 'tree':
      return `${claim.relation} and each partition`;
  }
}
