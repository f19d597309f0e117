import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { emitDdl, explainPlan, quoteIdent, quoteLiteral, type SchemaIR } from '@wesley/core';
import { describeEachServer, useTestDatabase } from '@wesley/postgres/testing';
import type { Connection } from '../../src/connect/connect.js';
import { introspect } from '../../src/introspect/introspect.js';
import { migrate } from '../../src/migrate/migrate.js';
import { rollbackMigration } from '../../src/migrate/rollback-migration.js';
import { matchSchemaSpelling } from '../../src/spelling/match-schema-spelling.js';
import { comparableIR } from '../fixtures/comparable-ir.js';
import { compile, migrationsDirectory, planFile } from '../migrate/support/migrations-directory.js';
import { summarizeLatencies } from '../plan/support/latency-summary.js';
import { migrateUnderLoad, type UnderLoadScenario } from '../plan/support/migrate-under-load.js';

/**
 * Issue 20's migration acceptance: v1 (no row-level security) to v2 (tenant row-level security)
 * on a populated table while the application writes, never as the superuser. A table-owner role
 * that is not a superuser owns the table and runs `migrate` and `migrate rollback` (so FORCE
 * holds it too); four writers write as the application role, each with its tenant in
 * `app.tenant_id`, as a pooled application's connections do; a long reader holds the table
 * when the migration starts. No write waits longer than the lock wait plus 500 ms, no write
 * fails, every writer keeps seeing and writing its own rows, and the rollback ends at v1.
 */
const suffix = randomBytes(4).toString('hex');
const app = `rls_app_${suffix}`;
const owner = `rls_owner_${suffix}`;
const password = `pw_${suffix}`;

/** v1: the application role may read and write every row. */
const v1 = compile(`type Orders @wes_table @wes_grant(roles: ["${app}"]) {
  id: ID! @wes_pk @wes_default(expr: "gen_random_uuid()")
  tenantId: BigInt!
  total: Int!
}`);
/** v2: the same table, tenant-scoped. */
const v2 = compile(`type Orders @wes_table @wes_tenant(by: "tenantId") @wes_grant(roles: ["${app}"]) {
  id: ID! @wes_pk @wes_default(expr: "gen_random_uuid()")
  tenantId: BigInt!
  total: Int!
}`);

const lockTimeoutMs = 200;
/** The bound: the lock wait plus 500 ms. */
const bound = lockTimeoutMs + 500;
const tenants = 8;
const rows = 20_000;

describeEachServer('v1 -> v2 tenant row-level security under concurrent application writers', (server) => {
  const db = useTestDatabase(server);
  let admin: Connection;
  const figures: string[] = [];

  beforeAll(async () => {
    admin = await db.connect();
    await admin.query(`CREATE ROLE ${quoteIdent(app)} NOLOGIN; CREATE ROLE ${quoteIdent(owner)} LOGIN PASSWORD ${quoteLiteral(password)}`);
  });

  afterAll(async () => {
    if (figures.length > 0) console.log(`rls under load [${server.label}], lock_timeout ${lockTimeoutMs} ms: ${figures.join('; ')}`);
    await admin.query(`DROP OWNED BY ${quoteIdent(app)}, ${quoteIdent(owner)} CASCADE`);
    await admin.query(`DROP ROLE ${quoteIdent(app)}; DROP ROLE ${quoteIdent(owner)}`);
  });

  /** The database's URL as the table owner. */
  const ownerUrl = () => {
    const url = new URL(db.url);
    url.username = owner;
    url.password = password;
    return url.toString();
  };

  /** The live schema as the compiled one spells it, by a session that is not the owner (introspection reads the catalog only). */
  async function live(expected: SchemaIR): Promise<SchemaIR> {
    const { ir } = await matchSchemaSpelling(admin, await introspect(admin), expected, 'public');
    return ir;
  }

  it('migrates with no write waiting past the lock wait plus 500 ms, tenants isolated after, and rolls back to v1', async () => {
    const { plan, json } = await planFile(admin, v1, v2);
    // Policy first, then row-level security on and forced, each flagged for what it hides.
    expect(plan.steps.map((step) => [step.id, step.phase])).toEqual([
      ['create-policy:orders.orders_tenant_isolation', 'expand'],
      ['set-row-security:orders.row_security', 'contract'],
      ['set-force-row-security:orders.row_security', 'contract'],
    ]);
    expect(explainPlan(plan).map((row) => row.lockout !== null)).toEqual([false, true, true]);
    const directory = await migrationsDirectory({ '0001_tenant_rls/plan.json': json });

    const scenario: UnderLoadScenario = {
      setupSql: [
        `GRANT CREATE ON SCHEMA public TO ${quoteIdent(owner)};`,
        `GRANT CREATE ON DATABASE ${quoteIdent(db.name)} TO ${quoteIdent(owner)};`,
        `SET ROLE ${quoteIdent(owner)};`,
        emitDdl(v1),
        `INSERT INTO orders (tenant_id, total) SELECT g % ${tenants}, g FROM generate_series(1, ${rows}) AS g;`,
        'RESET ROLE;',
      ].join('\n'),
      writes: [
        (writer, n) => ({ table: 'orders', sql: ['INSERT INTO orders (tenant_id, total) VALUES ($1, $2)'], values: [writer, n] }),
        (writer) => ({
          table: 'orders',
          sql: ['UPDATE orders SET total = total + 1 WHERE id = (SELECT id FROM orders WHERE tenant_id = $1 ORDER BY id LIMIT 1)'],
          values: [writer],
        }),
      ],
      writers: 4,
      pauseMs: 2,
      // The application's connection set-up: its role, and its tenant for the session.
      writerSetup: (writer) => `SET ROLE ${quoteIdent(app)}; SELECT set_config('app.tenant_id', '${writer}', false);`,
      readTables: ['orders'],
      readerHoldMs: 1500,
    };
    const events: string[] = [];
    const run = await migrateUnderLoad(db, scenario, async () => {
      await migrate({
        url: ownerUrl(),
        directory,
        lockTimeoutMs,
        retries: 40,
        backoffMs: 10,
        onEvent: (event) => events.push(event.kind),
      });
    });
    const summary = summarizeLatencies(run.load.latencies);
    figures.push(
      `max ${Math.round(summary.max)} ms, p99 ${Math.round(summary.p99)} ms over ${summary.count} writes (bound ${bound} ms), migration ${Math.round(run.migrationMs)} ms, ${events.filter((kind) => kind === 'step-retry').length} retries, ${events.filter((kind) => kind === 'holder-wait').length} holder waits`,
    );
    expect(run.load.failures).toEqual([]);
    expect(summary.max).toBeLessThan(bound);

    // v2 is what the database has, and it holds: each tenant sees only its rows, the owner too (FORCE).
    expect((await live(v2)).tables[0]?.security).toEqual(v2.tables[0]?.security);
    const appSession = await db.connect();
    await appSession.query(`SET ROLE ${quoteIdent(app)}`);
    await appSession.query(`SELECT set_config('app.tenant_id', '3', false)`);
    const seen = await appSession.query<{ tenant_id: string; n: number }>('SELECT tenant_id, count(*)::int AS n FROM orders GROUP BY 1');
    expect(seen.rows.map((row) => row.tenant_id)).toEqual(['3']);
    expect(seen.rows[0]?.n).toBeGreaterThanOrEqual(rows / tenants);
    await expect(appSession.query('INSERT INTO orders (tenant_id, total) VALUES (4, 1)')).rejects.toThrow(/row-level security policy/);
    await appSession.query('RESET ROLE');
    await appSession.query(`SET ROLE ${quoteIdent(owner)}`);
    await appSession.query(`SELECT set_config('app.tenant_id', '', false)`);
    expect((await appSession.query<{ n: number }>('SELECT count(*)::int AS n FROM orders')).rows).toEqual([{ n: 0 }]);
    await appSession.query('RESET ROLE');

    // migrate rollback, as the owner: row-level security off first, then the policy dropped; v1 again.
    const undone = await rollbackMigration({ url: ownerUrl(), directory, migration: '0001_tenant_rls' });
    expect(undone.undone.length).toBe(3);
    const back = await live(v1);
    expect(comparableIR(back)).toEqual(comparableIR(v1));
    expect(back.tables[0]?.security).toEqual(v1.tables[0]?.security);
    await appSession.query(`SET ROLE ${quoteIdent(app)}`);
    const all = await appSession.query<{ n: number }>('SELECT count(DISTINCT tenant_id)::int AS n FROM orders');
    expect(all.rows).toEqual([{ n: tenants }]);
  }, 120_000);
});
