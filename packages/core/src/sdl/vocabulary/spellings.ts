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

/** Resolves a directive name as written (without `@`) to Wesley's canonical name, or `null`. */
export function resolveSpelling(name: string): Spelling | null {
  if (canonicalNames.has(name)) return { canonical: name, legacy: false };
  if (name.startsWith('wesley_')) {
    const canonical = `wes_${name.slice('wesley_'.length)}`;
    if (canonicalNames.has(canonical)) return { canonical, legacy: true };
  }
  const bare = bareNames[name];
  return bare === undefined ? null : { canonical: bare, legacy: true };
}

/** Every name Wesley owns: declaring one of these in SDL keeps Wesley's meaning. */
export function isWesleyName(name: string): boolean {
  return resolveSpelling(name) !== null;
}
