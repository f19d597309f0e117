import { quoteIdent } from '../naming/quote-ident.js';
import type { LockMode } from './lock-mode.js';
import { compareLockModes } from './lock-mode.js';
import type { StepDraft } from './operation.js';
import type { LockScope } from './lock-scope.js';
import type { LockClaim, Rollback } from './plan-types.js';

/** `ALTER TABLE "t" <clause>, <clause>;` */
export function alterTable(table: string, ...clauses: readonly string[]): string {
  return `ALTER TABLE ${quoteIdent(table)} ${clauses.join(', ')};`;
}

/** Claims of `modes` on each of `relations`. */
export function locks(relations: string | readonly string[], ...modes: readonly LockMode[]): LockClaim[] {
  const list = typeof relations === 'string' ? [relations] : relations;
  return list.flatMap((relation) => modes.map((mode) => ({ relation, mode })));
}

/** Claims of `modes` on the table a step renames from `from` to `to`: under its new name, as pg_locks shows them (`LockClaim.renamedFrom`). */
export function renamedLocks(from: string, to: string, ...modes: readonly LockMode[]): LockClaim[] {
  return modes.map((mode) => ({ relation: to, mode, renamedFrom: from }));
}

/** Claims of `modes` on `table` with `scope`: on each of its partitions, or on it and each partition (`LockScope`). */
export function scopedLocks(table: string, scope: LockScope, ...modes: readonly LockMode[]): LockClaim[] {
  return modes.map((mode) => ({ relation: table, mode, scope }));
}

/**
 * Claims without duplicates, one per relation and mode, sorted by relation then mode (weakest
 * first). A mode claimed on a parent and on its partitions becomes one claim on the tree.
 */
export function normalizeLocks(claims: readonly LockClaim[]): LockClaim[] {
  const seen = new Map<string, LockClaim>();
  for (const claim of claims) {
    const key = `${claim.relation}\u0000${claim.mode}`;
    const earlier = seen.get(key);
    const scope = earlier === undefined ? claim.scope : mergedScope(earlier.scope, claim.scope);
    const renamedFrom = claim.renamedFrom ?? earlier?.renamedFrom;
    seen.set(key, {
      relation: claim.relation,
      mode: claim.mode,
      ...(scope === undefined ? {} : { scope }),
      ...(renamedFrom === undefined ? {} : { renamedFrom }),
    });
  }
  return [...seen.values()].sort((a, b) => (a.relation < b.relation ? -1 : a.relation > b.relation ? 1 : compareLockModes(a.mode, b.mode)));
}

/** One scope covering both: the leaves and the partitioned partitions are among the partitions; with the parent, the tree. */
function mergedScope(a: LockScope | undefined, b: LockScope | undefined): LockScope | undefined {
  if (a === b) return a;
  if (a === 'tree' || b === 'tree' || a === undefined || b === undefined) return 'tree';
  return 'partitions';
}

/** A rollback; transactional unless said otherwise. */
export function rollback(sql: readonly string[], claims: readonly LockClaim[], transactional = true): Rollback {
  return { sql, transactional, locks: normalizeLocks(claims) };
}

type StepFields = Pick<StepDraft, 'action' | 'summary' | 'sql' | 'locks'> & Partial<StepDraft>;

/**
 * A step with the common defaults: one transaction, no rewrite, no scan, no backfill, nothing
 * to repair, reversible when a rollback is given. Lock claims are normalised.
 */
export function step(fields: StepFields): StepDraft {
  const rollbackValue = fields.rollback ?? null;
  return {
    part: '',
    transactional: true,
    rewrites: false,
    scans: false,
    backfill: null,
    repair: [],
    reversible: rollbackValue !== null,
    rollback: rollbackValue,
    ...fields,
    locks: normalizeLocks(fields.locks),
  };
}

/** `steps` with their parts prefixed (`not-null:validate`), for operations that reuse a step sequence. */
export function prefixParts(prefix: string, steps: readonly StepDraft[]): StepDraft[] {
  return steps.map((draft) => ({ ...draft, part: draft.part === '' ? prefix : `${prefix}:${draft.part}` }));
}
