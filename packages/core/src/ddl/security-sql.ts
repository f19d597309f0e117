import type { GrantIR, PolicyIR, TableIR, TablePrivilege } from '../ir/types.js';
import { quoteIdent } from '../naming/quote-ident.js';

/**
 * A role as `TO`/`FROM` names it: `public` is the PUBLIC pseudo-role (every role), written
 * bare; any other name is an identifier.
 */
export function roleSql(role: string): string {
  return role === 'public' ? 'PUBLIC' : quoteIdent(role);
}

/** `CREATE POLICY name ON table AS PERMISSIVE|RESTRICTIVE FOR command TO roles USING (...) WITH CHECK (...);` */
export function createPolicySql(table: string, policy: PolicyIR): string {
  const as = policy.permissive ? 'PERMISSIVE' : 'RESTRICTIVE';
  return `CREATE POLICY ${quoteIdent(policy.name)} ON ${quoteIdent(table)} AS ${as} FOR ${policy.command} TO ${policy.roles.map(roleSql).join(', ')}${policyExpressionsSql(policy)};`;
}

/**
 * `ALTER POLICY` to `to`'s roles and expressions. ALTER POLICY cannot remove a `USING` or
 * `WITH CHECK` once set, nor change the command or `AS`: the diff makes those a replacement
 * (`replacePolicy`), so here each expression `to` has is set and `from` has no other.
 */
export function alterPolicySql(table: string, to: PolicyIR): string {
  return `ALTER POLICY ${quoteIdent(to.name)} ON ${quoteIdent(table)} TO ${to.roles.map(roleSql).join(', ')}${policyExpressionsSql(to)};`;
}

/** `DROP POLICY IF EXISTS name ON table;` (a rerun after the drop committed finds nothing to drop). */
export function dropPolicySql(table: string, name: string): string {
  return `DROP POLICY IF EXISTS ${quoteIdent(name)} ON ${quoteIdent(table)};`;
}

/** `ALTER TABLE t ENABLE|DISABLE ROW LEVEL SECURITY;` */
export function rowSecuritySql(table: string, enabled: boolean): string {
  return `ALTER TABLE ${quoteIdent(table)} ${enabled ? 'ENABLE' : 'DISABLE'} ROW LEVEL SECURITY;`;
}

/** `ALTER TABLE t FORCE|NO FORCE ROW LEVEL SECURITY;` */
export function forceRowSecuritySql(table: string, forced: boolean): string {
  return `ALTER TABLE ${quoteIdent(table)} ${forced ? 'FORCE' : 'NO FORCE'} ROW LEVEL SECURITY;`;
}

/** `GRANT privileges ON table TO role;` */
export function grantSql(table: string, role: string, privileges: readonly TablePrivilege[]): string {
  return `GRANT ${privileges.join(', ')} ON ${quoteIdent(table)} TO ${roleSql(role)};`;
}

/** `REVOKE privileges ON table FROM role;` */
export function revokeSql(table: string, role: string, privileges: readonly TablePrivilege[]): string {
  return `REVOKE ${privileges.join(', ')} ON ${quoteIdent(table)} FROM ${roleSql(role)};`;
}

/**
 * Everything `table.security` declares, for a table just created: grants and policies first,
 * then ENABLE and FORCE, so that run statement by statement there is no moment with row-level
 * security on and the policies missing.
 */
export function tableSecuritySql(table: TableIR): string[] {
  const security = table.security;
  if (security === null) return [];
  return [
    ...security.grants.map((grant: GrantIR) => grantSql(table.name, grant.role, grant.privileges)),
    ...security.policies.map((policy) => createPolicySql(table.name, policy)),
    ...(security.enabled ? [rowSecuritySql(table.name, true)] : []),
    ...(security.forced ? [forceRowSecuritySql(table.name, true)] : []),
  ];
}

function policyExpressionsSql(policy: PolicyIR): string {
  return `${policy.using === null ? '' : ` USING (${policy.using})`}${policy.check === null ? '' : ` WITH CHECK (${policy.check})`}`;
}
