import type { GrantIR, PolicyCommand, PolicyIR, TablePrivilege, TableSecurityIR } from '@wesley/core';
import type { Queryable } from './queryable.js';
import { tableFilter } from './read-tables.js';

interface TableRow {
  readonly table: string;
  readonly enabled: boolean;
  readonly forced: boolean;
  readonly policies: readonly PolicyRow[] | null;
  readonly grants: readonly GrantRow[] | null;
}

interface PolicyRow {
  readonly name: string;
  readonly cmd: string;
  readonly permissive: boolean;
  readonly roles: readonly string[];
  readonly using: string | null;
  readonly check: string | null;
}

interface GrantRow {
  readonly role: string;
  readonly privilege: string;
}

const commands: Readonly<Record<string, PolicyCommand>> = { '*': 'ALL', r: 'SELECT', a: 'INSERT', w: 'UPDATE', d: 'DELETE' };
const privileges: readonly TablePrivilege[] = ['SELECT', 'INSERT', 'UPDATE', 'DELETE'];

/**
 * Row-level security of every table of `schema` that has any, keyed by table: `relrowsecurity`
 * and `relforcerowsecurity`, its policies (`pg_policy`, expressions as `pg_get_expr` prints them,
 * role 0 as `public`), and the SELECT, INSERT, UPDATE and DELETE privileges `aclexplode(relacl)`
 * lists for roles other than the table's owner (whose privileges are its own, never granted by
 * a schema). A table with none of them is absent (its `security` is `null`). Which of these
 * grants a schema manages is decided where it is compared (`keepSchemaRoles`).
 */
export async function readSecurity(db: Queryable, schema: string): Promise<Map<string, TableSecurityIR>> {
  const { rows } = await db.query<TableRow>(
    `SELECT c.relname::text AS table, c.relrowsecurity AS enabled, c.relforcerowsecurity AS forced,
            (SELECT json_agg(json_build_object(
                      'name', p.polname::text, 'cmd', p.polcmd::text, 'permissive', p.polpermissive,
                      'roles', ARRAY(SELECT CASE WHEN r = 0 THEN 'public' ELSE pg_catalog.pg_get_userbyid(r)::text END
                                       FROM unnest(p.polroles) AS r),
                      'using', pg_catalog.pg_get_expr(p.polqual, p.polrelid),
                      'check', pg_catalog.pg_get_expr(p.polwithcheck, p.polrelid)))
               FROM pg_catalog.pg_policy p WHERE p.polrelid = c.oid) AS policies,
            (SELECT json_agg(json_build_object(
                      'role', CASE WHEN a.grantee = 0 THEN 'public' ELSE pg_catalog.pg_get_userbyid(a.grantee)::text END,
                      'privilege', a.privilege_type))
               FROM pg_catalog.aclexplode(c.relacl) AS a
              WHERE a.grantee <> c.relowner AND a.privilege_type IN ('SELECT', 'INSERT', 'UPDATE', 'DELETE')) AS grants
       FROM pg_catalog.pg_class c
       JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
      WHERE ${tableFilter}
        AND (c.relrowsecurity OR c.relforcerowsecurity OR c.relacl IS NOT NULL
             OR EXISTS (SELECT 1 FROM pg_catalog.pg_policy p WHERE p.polrelid = c.oid))`,
    [schema],
  );
  const byTable = new Map<string, TableSecurityIR>();
  for (const row of rows) {
    const security = tableSecurity(row);
    if (security !== null) byTable.set(row.table, security);
  }
  return byTable;
}

function tableSecurity(row: TableRow): TableSecurityIR | null {
  const policies = (row.policies ?? []).map(policy).sort((a, b) => compare(a.name, b.name));
  const grants = grantsByRole(row.grants ?? []);
  if (!row.enabled && !row.forced && policies.length === 0 && grants.length === 0) return null;
  return { enabled: row.enabled, forced: row.forced, grants, kind: 'security', owner: null, policies, tenant: null };
}

function policy(row: PolicyRow): PolicyIR {
  const command = commands[row.cmd];
  if (command === undefined) throw new Error(`unknown policy command "${row.cmd}" in pg_policy`);
  return {
    check: row.check,
    command,
    kind: 'policy',
    name: row.name,
    permissive: row.permissive,
    roles: [...row.roles].sort(compare),
    using: row.using,
  };
}

function grantsByRole(rows: readonly GrantRow[]): GrantIR[] {
  const byRole = new Map<string, Set<string>>();
  for (const row of rows) byRole.set(row.role, (byRole.get(row.role) ?? new Set()).add(row.privilege));
  return [...byRole]
    .sort(([a], [b]) => compare(a, b))
    .map(([role, set]) => ({ kind: 'grant', privileges: privileges.filter((p) => set.has(p)), role }));
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
