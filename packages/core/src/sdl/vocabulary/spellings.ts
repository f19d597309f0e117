import { fieldDirectives } from './field-directives.js';
import { objectDirectives } from './object-directives.js';

/** Canonical names (without `@`), for lookups and "did you mean" suggestions. */
export const canonicalNames: ReadonlySet<string> = new Set([...objectDirectives, ...fieldDirectives].map((spec) => spec.name));

/** Bare legacy names that earlier Wesley versions accepted, mapped to their canonical name. */
const bareNames: Readonly<Record<string, string>> = {
  table: 'wes_table',
  pk: 'wes_pk',
  primaryKey: 'wes_pk',
  fk: 'wes_fk',
  foreignKey: 'wes_fk',
  unique: 'wes_unique',
  index: 'wes_index',
  default: 'wes_default',
  check: 'wes_check',
  uid: 'wes_uid',
  weight: 'wes_weight',
  critical: 'wes_critical',
  pii: 'wes_pii',
  sensitive: 'wes_sensitive',
  hasMany: 'wes_hasMany',
  belongsTo: 'wes_belongsTo',
  hasOne: 'wes_hasOne',
  tenant: 'wes_tenant',
  owner: 'wes_owner',
  rls: 'wes_rls',
  grant: 'wes_grant',
};

export interface Spelling {
  readonly canonical: string;
  /** `true` for `@wesley_*` and bare names: accepted with a deprecation warning. */
  readonly legacy: boolean;
}

/**
 * Every spelling Wesley reads, as written, with what it means: the canonical names, their
 * `wesley_` forms and the bare names. Built once, so reading the directives of a 1,000-table
 * schema looks each name up instead of building its answer every time.
 */
const spellings: ReadonlyMap<string, Spelling> = new Map([
  ...[...canonicalNames]
    .filter((name) => name.startsWith('wes_'))
    .map((name): [string, Spelling] => [`wesley_${name.slice('wes_'.length)}`, { canonical: name, legacy: true }]),
  ...Object.entries(bareNames).map(([name, canonical]): [string, Spelling] => [name, { canonical, legacy: true }]),
  ...[...canonicalNames].map((name): [string, Spelling] => [name, { canonical: name, legacy: false }]),
]);

/** Resolves a directive name as written (without `@`) to Wesley's canonical name, or `null`. */
export function resolveSpelling(name: string): Spelling | null {
  return spellings.get(name) ?? null;
}

/** Every name Wesley owns: declaring one of these in SDL keeps Wesley's meaning. */
export function isWesleyName(name: string): boolean {
  return resolveSpelling(name) !== null;
}
