import { blocksReads, blocksWrites, compareLockModes, type LockMode } from './lock-mode.js';
import { lockTarget } from './lock-scope.js';
import type { Blocking, PlanStep } from './plan-types.js';

/**
 * The facts of a step (or of one statement of a hand-written migration) that decide whether it
 * blocks: its lock claims and whether it rewrites or scans the table while holding them. A
 * table the same plan creates holds no rows, so a step on it neither rewrites nor scans.
 */
export type BlockingFacts = Pick<PlanStep, 'locks' | 'rewrites' | 'scans'>;

/**
 * Whether a step blocks reads or writes for longer than a lock wait, and how: it rewrites or
 * scans a table (a rewrite, a validating scan, a non-concurrent index build on a table with
 * rows) while holding a lock that conflicts with writes (SHARE or stronger; ACCESS EXCLUSIVE
 * stops reads too). A brief catalog update under ACCESS EXCLUSIVE does not: it holds the lock
 * for no longer than it waited for it, and the executor bounds that wait (`lock_timeout`).
 * A scan under a weaker lock (`VALIDATE CONSTRAINT`, `CREATE INDEX CONCURRENTLY`) lets reads
 * and writes go on. `alternative`: what the operation could do instead, when it knows a way.
 * The one home of this judgement: the planner records it on each step (`PlanStep.blocking`),
 * `validatePlan` checks a plan.json's against it, and `wesley migrate` refuses by it.
 */
export function stepBlocking(facts: BlockingFacts, alternative: string | null = null): Blocking | null {
  if (!facts.rewrites && !facts.scans) return null;
  // A partitioned partition holds no rows: a lock there is not held over a scan or rewrite of it.
  const held = facts.locks.filter((claim) => blocksWrites(claim.mode) && claim.scope !== 'partitioned');
  if (held.length === 0) return null;
  return {
    during: facts.rewrites ? 'rewrite' : 'scan',
    blocks: held.some((claim) => blocksReads(claim.mode)) ? 'reads and writes' : 'writes',
    locks: held,
    alternative,
  };
}

/**
 * The blocking in words, for a refusal or a warning, each relation with the strongest mode held
 * on it: `holds AccessExclusiveLock on account during a rewrite: reads and writes wait until it ends`.
 */
export function describeBlocking(blocking: Blocking): string {
  const strongest = new Map<string, LockMode>();
  for (const claim of blocking.locks) {
    const target = lockTarget(claim);
    const held = strongest.get(target);
    if (held === undefined || compareLockModes(claim.mode, held) > 0) strongest.set(target, claim.mode);
  }
  const byMode = new Map<LockMode, string[]>();
  for (const [target, mode] of strongest) byMode.set(mode, [...(byMode.get(mode) ?? []), target]);
  const held = [...byMode]
    .sort(([a], [b]) => compareLockModes(b, a))
    .map(([mode, targets]) => `${mode} on ${targets.join(', ')}`)
    .join(' and ');
  return `holds ${held} during a ${blocking.during}: ${blocking.blocks} wait until it ends`;
}
