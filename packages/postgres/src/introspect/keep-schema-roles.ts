import type { SchemaIR, TableIR } from '@wesley/core';

/**
 * `live` with only the grants to roles that `expected` names somewhere (a `@wes_grant` or a
 * policy's roles, on any table): Wesley manages the privileges of the roles a schema names and
 * leaves every other role's alone (a DBA's read-only role, a replication or backup user), so
 * they are neither reported as drift nor planned as a REVOKE. A table left with no row-level
 * security, policy or grant has `security: null`, as a compiled table without any. Pure.
 */
export function keepSchemaRoles(live: SchemaIR, expected: SchemaIR): SchemaIR {
  const named = new Set(
    expected.tables.flatMap((t) => [
      ...(t.security?.grants.map((g) => g.role) ?? []),
      ...(t.security?.policies.flatMap((p) => p.roles) ?? []),
    ]),
  );
  return { ...live, tables: live.tables.map((table) => keepTableRoles(table, named)) };
}

function keepTableRoles(table: TableIR, named: ReadonlySet<string>): TableIR {
  const security = table.security;
  if (security === null) return table;
  const grants = security.grants.filter((g) => named.has(g.role));
  if (grants.length === security.grants.length) return table;
  const empty = !security.enabled && !security.forced && security.policies.length === 0 && grants.length === 0;
  return { ...table, security: empty ? null : { ...security, grants } };
}
