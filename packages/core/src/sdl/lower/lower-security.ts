import type { GrantIR, OwnerIR, PolicyCommand, PolicyIR, TablePrivilege, TableSecurityIR, TenantIR } from '../../ir/types.js';
import { byteLength, derivedName, maxIdentifierBytes } from '../../naming/name-allocator.js';
import { quoteIdent, quoteLiteral } from '../../naming/quote-ident.js';
import { all, argAnchor, listArg, one, stringArg } from '../directive-args.js';
import type { Anchor } from '../diagnostic-sink.js';
import type { ReadDirective } from '../read-directives.js';
import { checkIdentifier } from './check-identifier.js';
import type { LowerContext } from './lower-context.js';
import { resolveColumns } from './resolve-columns.js';
import { findColumn, type TableDraft } from './table-draft.js';

/** The session settings the generated policies compare with (config `rls`, docs/rls.md). */
export interface RlsSettings {
  /** Compared with the `@wes_tenant(by:)` column; default `app.tenant_id`. */
  readonly tenantSetting: string;
  /** Compared with the `@wes_owner(column:)` column; default `app.user_id`. */
  readonly userSetting: string;
}

export const defaultRlsSettings: RlsSettings = { tenantSetting: 'app.tenant_id', userSetting: 'app.user_id' };

const operations = ['select', 'insert', 'update', 'delete'] as const;
type Operation = (typeof operations)[number];
const allPrivileges: readonly TablePrivilege[] = ['SELECT', 'INSERT', 'UPDATE', 'DELETE'];
const presets = ['tenant', 'owner', 'owner_or_admin', 'admin_only', 'system_only'] as const;
type Preset = (typeof presets)[number];

interface PlacedPolicy {
  readonly policy: PolicyIR;
  readonly anchor: Anchor | undefined;
}

/**
 * Lowers `@wes_tenant`, `@wes_owner`, `@wes_rls` and `@wes_grant` of one table into its
 * `security` (docs/rls.md): stable policy names, roles checked, RLS enabled and forced whenever
 * a policy directive stands on the type. Expression arguments were checked as one SQL expression
 * each when the directives were read (WES033).
 */
export function lowerSecurity(draft: TableDraft, ctx: LowerContext): TableSecurityIR | null {
  const d = draft.directives;
  const tenantUse = one(d, 'wes_tenant');
  const ownerUse = one(d, 'wes_owner');
  const rlsUse = one(d, 'wes_rls');
  const grantUses = all(d, 'wes_grant');
  if (tenantUse === undefined && ownerUse === undefined && rlsUse === undefined && grantUses.length === 0) return null;

  const placed: PlacedPolicy[] = [];
  const tenant = tenantUse === undefined ? null : lowerTenant(draft, tenantUse, ctx);
  const owner = ownerUse === undefined ? null : lowerOwner(draft, ownerUse, ctx);
  if (ownerUse !== undefined) placed.push(...ownerPolicies(draft, ownerUse, owner, ctx));
  const preset = rlsUse === undefined ? null : readPreset(rlsUse, tenantUse, ownerUse, ctx);
  if (rlsUse !== undefined) placed.push(...rlsPolicies(draft, rlsUse, preset, ctx));
  // With other policies beside it, tenant isolation is RESTRICTIVE: PostgreSQL ORs permissive
  // policies, so a permissive tenant policy would let an owner or admin policy reach every tenant.
  if (tenant !== null && tenantUse !== undefined) {
    const others = placed.some((p) => p.policy.permissive);
    const using = tenantExpression(tenant, draft);
    placed.push({
      policy: policy(derivedName(draft.name, 'tenant_isolation'), 'ALL', ['public'], using, using, !others),
      anchor: tenantUse.node,
    });
  }
  if (rlsUse?.args.has('options') === true) {
    ctx.sink.report(
      'WES445',
      argAnchor(rlsUse, 'options'),
      `@${rlsUse.node.name.value}(options:) has no effect: the earlier Wesley's policy options are not carried over`,
      'remove options:, and say what it did with the other arguments (docs/rls.md)',
    );
  }
  const enabled = tenantUse !== undefined || ownerUse !== undefined || rlsUse !== undefined;
  if (rlsUse !== undefined && placed.length === 0 && stringArg(rlsUse, 'preset') === undefined) {
    ctx.sink.report(
      'WES440',
      rlsUse.node,
      `@${rlsUse.node.name.value} on ${draft.model.name.value} enables row-level security with no policy, which denies every row to everyone but the superuser`,
      'give using:/check: or per-operation expressions, add @wes_tenant or @wes_owner, or write preset: "system_only" if no application role may read it',
    );
  }
  const policies = uniquePolicies(placed, draft, ctx);
  const grants = lowerGrants(grantUses, ctx);
  return { enabled, forced: enabled, grants, kind: 'security', owner, policies, tenant };
}

function lowerTenant(draft: TableDraft, use: ReadDirective, ctx: LowerContext): TenantIR | null {
  const by = stringArg(use, 'by') ?? '';
  const column = resolveColumns(draft, [by], argAnchor(use, 'by'), `@${use.node.name.value}(by:)`, ctx);
  if (column === null) return null;
  return { column: column[0] as string, kind: 'tenant', setting: ctx.rls.tenantSetting };
}

/** `col = NULLIF(current_setting('app.tenant_id', true), '')::<col type>`. */
function tenantExpression(tenant: TenantIR, draft: TableDraft): string {
  return settingComparison(draft, tenant.column, tenant.setting);
}

// NULLIF: a setting set with `set_config(..., true)` reads '' (not NULL) after its transaction in
// that session, and ''::uuid would fail every later statement instead of seeing no row.
function settingComparison(draft: TableDraft, column: string, setting: string): string {
  const type = findColumn(draft, column)?.column.type.sql ?? 'text';
  return `${quoteIdent(column)} = NULLIF(current_setting(${quoteLiteral(setting)}, true), '')::${type}`;
}

/** The owner column of `@wes_owner(column:)`, or `null` without one (then all four expressions are given). */
function lowerOwner(draft: TableDraft, use: ReadDirective, ctx: LowerContext): OwnerIR | null {
  const given = stringArg(use, 'column');
  if (given === undefined) return null;
  const column = resolveColumns(draft, [given], argAnchor(use, 'column'), `@${use.node.name.value}(column:)`, ctx);
  return column === null ? null : { column: column[0] as string, kind: 'owner', setting: ctx.rls.userSetting };
}

function ownerPolicies(draft: TableDraft, use: ReadDirective, owner: OwnerIR | null, ctx: LowerContext): PlacedPolicy[] {
  const overrides = operations.filter((op) => stringArg(use, op) !== undefined);
  if (owner === null) {
    // A column that is not the table's was reported (WES020); with none, every expression is needed.
    if (stringArg(use, 'column') !== undefined) return [];
    if (overrides.length < operations.length) {
      ctx.sink.report(
        'WES443',
        use.node,
        `@${use.node.name.value} on ${draft.model.name.value} names no owner column`,
        'write @wes_owner(column: "account_id"), or give an expression for each of select, insert, update and delete',
      );
      return [];
    }
  }
  const fallback = owner === null ? null : settingComparison(draft, owner.column, owner.setting);
  return operations.map((op) => {
    const expr = stringArg(use, op) ?? (fallback as string);
    return { policy: operationPolicy(derivedName(draft.name, `owner_${op}`), op, ['public'], expr), anchor: argAnchor(use, op) };
  });
}

function readPreset(
  use: ReadDirective,
  tenant: ReadDirective | undefined,
  owner: ReadDirective | undefined,
  ctx: LowerContext,
): Preset | null {
  const written = stringArg(use, 'preset');
  if (written === undefined) return null;
  const preset = presets.find((p) => p === written.toLowerCase().replace(/-/g, '_'));
  const at = argAnchor(use, 'preset');
  if (preset === undefined) {
    ctx.sink.report('WES443', at, `unknown row-level security preset "${written}"`, `presets: ${presets.join(', ')}`);
    return null;
  }
  const needs = (what: string, help: string): null => {
    ctx.sink.report('WES443', at, `preset "${preset}" needs ${what}`, help);
    return null;
  };
  const roles = listArg(use, 'roles') ?? [];
  if ((preset === 'tenant' && tenant === undefined) || (preset === 'system_only' && tenant !== undefined)) {
    return preset === 'tenant'
      ? needs('@wes_tenant(by:) on the type', 'add @wes_tenant(by: "<tenant column>")')
      : needs('no other policy', 'remove @wes_tenant, or the preset');
  }
  if ((preset === 'owner' || preset === 'owner_or_admin') && owner === undefined) {
    return needs('@wes_owner(column:) on the type', 'add @wes_owner(column: "<owner column>")');
  }
  if (preset === 'system_only' && owner !== undefined) return needs('no other policy', 'remove @wes_owner, or the preset');
  if ((preset === 'owner_or_admin' || preset === 'admin_only') && roles.length === 0) {
    return needs('the admin roles in roles:', `write @wes_rls(preset: "${preset}", roles: ["admin"])`);
  }
  return preset;
}

function rlsPolicies(draft: TableDraft, use: ReadDirective, preset: Preset | null, ctx: LowerContext): PlacedPolicy[] {
  if (preset === 'system_only') {
    if (hasExpressions(use)) {
      ctx.sink.report(
        'WES443',
        argAnchor(use, 'preset'),
        'preset "system_only" takes no policy expressions',
        'remove the expressions, or the preset',
      );
    }
    return [];
  }
  const named = stringArg(use, 'name');
  // A name PostgreSQL would truncate would come back from the catalog as another policy.
  if (named !== undefined) checkIdentifier(named, argAnchor(use, 'name'), ctx);
  const base = named ?? derivedName(draft.name, 'rls');
  const roles = checkRoles(listArg(use, 'roles'), argAnchor(use, 'roles'), ctx);
  const admin: PlacedPolicy[] =
    preset === 'owner_or_admin' || preset === 'admin_only'
      ? [{ policy: policy(derivedName(draft.name, 'admin'), 'ALL', roles, 'true', 'true', true), anchor: argAnchor(use, 'preset') }]
      : [];
  return admin.concat(expressionPolicies(base, use, roles, ctx, preset));
}

function hasExpressions(use: ReadDirective): boolean {
  return ['using', 'check', ...operations].some((name) => stringArg(use, name) !== undefined);
}

function expressionPolicies(
  base: string,
  use: ReadDirective,
  roles: readonly string[],
  ctx: LowerContext,
  preset: Preset | null,
): PlacedPolicy[] {
  const out: PlacedPolicy[] = [];
  const using = stringArg(use, 'using') ?? null;
  const check = stringArg(use, 'check') ?? null;
  if (using !== null || check !== null) {
    out.push({ policy: policy(base, 'ALL', roles, using, check, true), anchor: argAnchor(use, using !== null ? 'using' : 'check') });
  }
  for (const op of operations) {
    const expr = stringArg(use, op);
    if (expr === undefined) continue;
    const opRoles = checkRoles(listArg(use, `${op}Roles`) ?? listArg(use, 'roles'), argAnchor(use, `${op}Roles`), ctx);
    out.push({ policy: operationPolicy(derivedName(base, op), op, opRoles, expr), anchor: argAnchor(use, op) });
  }
  if (preset === 'admin_only' && out.length > 0) {
    ctx.sink.report(
      'WES443',
      argAnchor(use, 'preset'),
      'preset "admin_only" takes no policy expressions',
      'remove the expressions, or the preset',
    );
  }
  return out;
}

/** A policy for one operation: SELECT and DELETE filter with USING, INSERT checks, UPDATE does both. */
function operationPolicy(name: string, op: Operation, roles: readonly string[], expr: string): PolicyIR {
  const command = op.toUpperCase() as PolicyCommand;
  switch (op) {
    case 'select':
    case 'delete':
      return policy(name, command, roles, expr, null, true);
    case 'insert':
      return policy(name, command, roles, null, expr, true);
    case 'update':
      return policy(name, command, roles, expr, expr, true);
  }
}

function policy(
  name: string,
  command: PolicyCommand,
  roles: readonly string[],
  using: string | null,
  check: string | null,
  permissive: boolean,
): PolicyIR {
  return { check, command, kind: 'policy', name, permissive, roles, using };
}

/**
 * Role names, sorted and without repeats; `['public']` for none. WES441 for a name PostgreSQL
 * would truncate or reserves (`pg_*` are its predefined roles: a policy or grant to one reaches
 * every member PostgreSQL gives it, which the schema should not decide).
 */
function checkRoles(given: readonly string[] | undefined, anchor: Anchor | undefined, ctx: LowerContext): readonly string[] {
  if (given === undefined || given.length === 0) return ['public'];
  const ok = given.filter((role) => checkRole(role, anchor, ctx));
  return ok.length === 0 ? ['public'] : [...new Set(ok)].sort(compare);
}

function checkRole(role: string, anchor: Anchor | undefined, ctx: LowerContext): boolean {
  if (role.length === 0 || byteLength(role) > maxIdentifierBytes) {
    ctx.sink.report('WES441', anchor, `role name "${role}" is empty or longer than ${maxIdentifierBytes} bytes`, 'name an existing role');
    return false;
  }
  // PostgreSQL reserves these (CREATE ROLE refuses them); quoted, a grant would name a role that
  // cannot exist, and `public` is PUBLIC only when written so.
  if (reservedRoles.has(role.toLowerCase()) && role !== 'public') {
    ctx.sink.report(
      'WES441',
      anchor,
      `role name "${role}" is reserved by PostgreSQL`,
      role.toLowerCase() === 'public' ? 'write public (every role)' : 'name a role of your own',
    );
    return false;
  }
  if (role.toLowerCase().startsWith('pg_')) {
    ctx.sink.report(
      'WES441',
      anchor,
      `role "${role}" is reserved for PostgreSQL's predefined roles`,
      'grant to a role of your own, and make it a member of the predefined role if it needs one',
    );
    return false;
  }
  return true;
}

function uniquePolicies(placed: readonly PlacedPolicy[], draft: TableDraft, ctx: LowerContext): PolicyIR[] {
  const seen = new Map<string, PlacedPolicy>();
  for (const item of placed) {
    const first = seen.get(item.policy.name);
    if (first === undefined) {
      seen.set(item.policy.name, item);
      continue;
    }
    ctx.sink.report(
      'WES442',
      item.anchor,
      `two policies on ${draft.model.name.value} are named ${item.policy.name}`,
      'give @wes_rls a different name:',
      [{ anchor: first.anchor, message: `${item.policy.name} is also made here` }],
    );
  }
  return [...seen.values()].map((p) => p.policy).sort((a, b) => compare(a.name, b.name));
}

/** Grants merged per role, privileges in the order SELECT, INSERT, UPDATE, DELETE. */
function lowerGrants(uses: readonly ReadDirective[], ctx: LowerContext): GrantIR[] {
  const byRole = new Map<string, Set<TablePrivilege>>();
  for (const use of uses) {
    const privileges = readPrivileges(use, ctx);
    if (privileges === null) continue;
    const roles = listArg(use, 'roles') ?? [];
    for (const role of roles) {
      if (!checkRole(role, argAnchor(use, 'roles'), ctx)) continue;
      const set = byRole.get(role) ?? new Set<TablePrivilege>();
      for (const p of privileges) set.add(p);
      byRole.set(role, set);
    }
  }
  return [...byRole]
    .sort(([a], [b]) => compare(a, b))
    .map(([role, set]) => ({ kind: 'grant', privileges: allPrivileges.filter((p) => set.has(p)), role }));
}

function readPrivileges(use: ReadDirective, ctx: LowerContext): readonly TablePrivilege[] | null {
  const ops = listArg(use, 'ops');
  const privileges = listArg(use, 'privileges');
  if (ops !== undefined && privileges !== undefined) {
    ctx.sink.report('WES444', argAnchor(use, 'privileges'), `@${use.node.name.value} gives both ops: and privileges:`, 'keep one of them');
    return null;
  }
  const given = ops ?? privileges;
  if (given === undefined) return allPrivileges;
  const out = new Set<TablePrivilege>();
  for (const word of given) {
    const upper = word.trim().toUpperCase();
    if (upper === 'ALL') allPrivileges.forEach((p) => out.add(p));
    else if ((allPrivileges as readonly string[]).includes(upper)) out.add(upper as TablePrivilege);
    else {
      ctx.sink.report(
        'WES444',
        argAnchor(use, ops !== undefined ? 'ops' : 'privileges'),
        `"${word}" is not a table privilege @wes_grant gives`,
        'use SELECT, INSERT, UPDATE, DELETE or ALL',
      );
      return null;
    }
  }
  return out.size === 0 ? null : allPrivileges.filter((p) => out.has(p));
}

const reservedRoles: ReadonlySet<string> = new Set(['public', 'none', 'current_user', 'session_user', 'current_role']);

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
