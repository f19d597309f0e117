import { compileSchema, dropPolicySql, quoteLiteral, tableSecuritySql, type SchemaIR } from '@wesley/core';
import { grant, policy, tenantPolicy, withSecurity } from '../../../../core/test/support/security-fixtures.js';
import type { LockTruthCase } from './lock-truth-cases.js';

/** The role the cases grant to: roles are the cluster's, so it is made once per server and kept. */
export const lockTruthRole = 'wes_lock_truth_app';

const rows = 2000;

function sdl(body: string): SchemaIR {
  const { ir, diagnostics } = compileSchema({ name: 'security-lock-truth.graphql', body: `${body}\ntype Query { ping: Int }` });
  if (ir === null) throw new Error(`security lock-truth fixture does not compile: ${JSON.stringify(diagnostics)}`);
  return ir;
}

/**
 * What `schema` declares of row-level security, policies and privileges, run after its DDL:
 * whether the DDL has them already or not, the setup ends the same (policies dropped first if
 * there), and the role exists.
 */
function securitySetup(schema: SchemaIR): string {
  const role = `DO $$ BEGIN CREATE ROLE ${lockTruthRole}; EXCEPTION WHEN duplicate_object THEN NULL; END $$;`;
  const tables = schema.tables.flatMap((table) => [
    ...(table.security?.policies ?? []).map((p) => dropPolicySql(table.name, p.name)),
    ...tableSecuritySql(table),
  ]);
  return [role, ...tables].join('\n');
}

const plain = sdl(`
type Member @wes_table { id: BigInt! @wes_pk  tenantId: BigInt!  name: String }
type Tick @wes_table @wes_partition(by: "at", strategy: RANGE) @wes_pk(columns: ["id", "at"]) { id: BigInt!  at: DateTime!  tenantId: BigInt! }`);
const partitions = ['2024', '2025']
  .map(
    (year) =>
      `CREATE TABLE tick_${year} PARTITION OF tick FOR VALUES FROM (${quoteLiteral(`${year}-01-01`)}) TO (${quoteLiteral(`${Number(year) + 1}-01-01`)});`,
  )
  .join('\n');
const seed = [
  `INSERT INTO member (id, tenant_id, name) SELECT g, g % 5, 'n' || g FROM generate_series(1, ${rows}) AS g;`,
  `INSERT INTO tick (id, at, tenant_id) SELECT g, timestamptz '2024-06-01' + g * interval '4 hours', g % 5 FROM generate_series(1, ${rows}) AS g;`,
].join('\n');

const tenant = (table: string) => tenantPolicy(`${table}_tenant`, 'tenant_id');
/** Tenant row-level security on both tables (the partitioned one's on its parent), with privileges for the role. */
const tenantScoped = (forced = false): SchemaIR =>
  ['member', 'tick'].reduce<SchemaIR>(
    (schema, table) =>
      withSecurity(schema, table, {
        enabled: true,
        forced,
        policies: [tenant(table)],
        grants: [grant(lockTruthRole, ['SELECT', 'INSERT', 'UPDATE'])],
      }),
    plain,
  );
const redefined = withSecurity(tenantScoped(true), 'member', {
  enabled: true,
  forced: true,
  policies: [
    { ...tenant('member'), roles: [lockTruthRole], using: 'tenant_id > 0' },
    policy('member_reader', { command: 'UPDATE', permissive: false, using: 'true' }),
  ],
  grants: [grant(lockTruthRole, ['SELECT', 'DELETE'])],
});
const readerBefore = withSecurity(tenantScoped(), 'member', {
  enabled: true,
  policies: [tenant('member'), policy('member_reader', { command: 'SELECT', using: 'true' })],
  grants: [grant(lockTruthRole, ['SELECT', 'INSERT', 'UPDATE'])],
});

/** Issue 20's v1 -> v2 as the compiler lowers it: `@wes_tenant` (its NULLIF(current_setting(...)) policy, ENABLE and FORCE) and `@wes_grant`. */
const compiledV1 = sdl(`type Orders @wes_table { id: BigInt! @wes_pk  tenantId: BigInt!  total: Int! }`);
const compiledV2 = sdl(
  `type Orders @wes_table @wes_tenant(by: "tenantId") @wes_grant(roles: ["${lockTruthRole}"]) { id: BigInt! @wes_pk  tenantId: BigInt!  total: Int! }`,
);

/** Row-level security, policies and privileges on a plain and a partitioned table holding rows. */
export const securityLockTruthCases: readonly LockTruthCase[] = [
  {
    name: 'row-level security: privileges granted, tenant policies created, row-level security enabled (plain and partitioned)',
    v1: plain,
    v2: tenantScoped(),
    setup: `${partitions}\n${securitySetup(plain)}`,
    seed,
    rollback: true,
  },
  {
    name: 'row-level security: disabled, policies dropped, privileges revoked (plain and partitioned)',
    v1: tenantScoped(),
    v2: plain,
    setup: `${partitions}\n${securitySetup(tenantScoped())}`,
    seed,
    rollback: true,
  },
  {
    name: 'row-level security: forced; a policy altered, another replaced (command changed); privileges granted and revoked',
    v1: readerBefore,
    v2: redefined,
    setup: `${partitions}\n${securitySetup(readerBefore)}`,
    seed,
    rollback: true,
  },
  {
    name: 'row-level security: v1 -> v2 as compiled from @wes_tenant and @wes_grant (policy, privileges, enabled and forced)',
    v1: compiledV1,
    v2: compiledV2,
    setup: securitySetup(compiledV1),
    seed: `INSERT INTO orders (id, tenant_id, total) SELECT g, g % 5, g FROM generate_series(1, ${rows}) AS g;`,
    rollback: true,
  },
];
