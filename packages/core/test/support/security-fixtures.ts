import type { GrantIR, PolicyIR, SchemaIR, TableIR, TableSecurityIR } from '@wesley/core';

/**
 * Row-level security written into an IR, for tests of the planner that must not depend on how
 * the SDL directives lower (`@wes_tenant`, `@wes_rls`, `@wes_grant`): the IR is what the planner reads.
 */
export function withSecurity(schema: SchemaIR, table: string, security: Partial<Omit<TableSecurityIR, 'kind'>>): SchemaIR {
  if (!schema.tables.some((t) => t.name === table)) throw new Error(`no table ${table} in the fixture`);
  const value: TableSecurityIR = {
    kind: 'security',
    enabled: false,
    forced: false,
    policies: [],
    grants: [],
    owner: null,
    tenant: null,
    ...security,
  };
  return { ...schema, tables: schema.tables.map((t): TableIR => (t.name === table ? { ...t, security: value } : t)) };
}

/** A policy, PERMISSIVE for ALL commands and every role unless told otherwise. */
export function policy(name: string, fields: Partial<Omit<PolicyIR, 'kind' | 'name'>> = {}): PolicyIR {
  return { kind: 'policy', name, command: 'ALL', permissive: true, roles: ['public'], using: null, check: null, ...fields };
}

/** A grant of `privileges` to `role`. */
export function grant(role: string, privileges: GrantIR['privileges']): GrantIR {
  return { kind: 'grant', role, privileges };
}

/** The tenant policy `@wes_tenant(by:)` stands for: rows whose `column` equals the session's `setting`. */
export function tenantPolicy(name: string, column: string, setting = 'app.tenant_id'): PolicyIR {
  const same = `${column} = current_setting('${setting}', true)::bigint`;
  return policy(name, { using: same, check: same });
}
