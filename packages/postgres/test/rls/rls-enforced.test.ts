import { randomBytes, randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { compileSchema, emitDdl, quoteIdent, type SchemaIR } from '@wesley/core';
import { describeEachServer, useTestDatabase } from '@wesley/postgres/testing';
import type { Connection } from '../../src/connect/connect.js';
import { introspect } from '../../src/introspect/introspect.js';
import { matchSchemaSpelling } from '../../src/spelling/match-schema-spelling.js';

/**
 * Issue 20's acceptance on real servers, never as the superuser: the schema's DDL is applied by
 * a table-owner role that is not a superuser (so FORCE ROW LEVEL SECURITY is what holds it), and
 * every check runs through an application role taken with SET ROLE. Roles are cluster-wide, so
 * each suite makes its own (random names) and drops them.
 */
const suffix = randomBytes(4).toString('hex');
const app = `app_user_${suffix}`;
const owner = `table_owner_${suffix}`;

function compile(body: string): SchemaIR {
  const { ir, diagnostics } = compileSchema({ name: 'rls.graphql', body });
  if (ir === null) throw new Error(`schema does not compile: ${JSON.stringify(diagnostics)}`);
  return ir;
}

/** Tenant-scoped orders: the tenant sees its rows; only the row's account updates or deletes it. */
const ordersSdl = `type Orders @wes_table @wes_tenant(by: "tenantId") @wes_owner(column: "accountId", select: "true", insert: "true")
  @wes_grant(roles: ["${app}"]) {
  id: ID! @wes_pk @wes_default(expr: "gen_random_uuid()")
  tenantId: ID!
  accountId: ID!
  total: Int!
}`;

/** A schema written for the earlier Wesley: bare spellings, its argument names, auth.uid(). */
const legacySdl = `type Post @table @rls(select: "published OR author_id = auth.uid()", insert: "author_id = auth.uid()",
    update: "author_id = auth.uid()", delete: "author_id = auth.uid()", roles: ["${app}"])
  @grant(roles: ["${app}"], ops: ["select", "insert", "update", "delete"]) {
  id: ID! @pk @default(expr: "gen_random_uuid()")
  author_id: ID!
  published: Boolean!
}`;

const schema = compile(`${ordersSdl}\n${legacySdl}`);

interface Session {
  readonly tenant: string | null;
  readonly user: string | null;
}

describeEachServer('row-level security from the schema, enforced for real roles', (server) => {
  const db = useTestDatabase(server);
  let admin: Connection;
  let conn: Connection;

  beforeAll(async () => {
    admin = await db.connect();
    await admin.query(`CREATE ROLE ${quoteIdent(app)} NOLOGIN; CREATE ROLE ${quoteIdent(owner)} NOLOGIN`);
    // PostgreSQL 15 and later give PUBLIC no CREATE on schema public.
    await admin.query(`GRANT CREATE ON SCHEMA public TO ${quoteIdent(owner)}`);
    // The stub the earlier Wesley's auth.uid() expressions call (Supabase's, in spirit).
    await admin.query(`CREATE SCHEMA auth; GRANT USAGE ON SCHEMA auth TO PUBLIC;
      CREATE FUNCTION auth.uid() RETURNS uuid LANGUAGE sql STABLE AS $$ SELECT NULLIF(current_setting('app.user_id', true), '')::uuid $$`);
    await admin.query(`SET ROLE ${quoteIdent(owner)}`);
    await admin.query(emitDdl(schema));
    await admin.query('RESET ROLE');
    conn = await db.connect();
    await conn.query(`SET ROLE ${quoteIdent(app)}`);
  });

  afterAll(async () => {
    await conn.close();
    await admin.query(`DROP OWNED BY ${quoteIdent(app)}, ${quoteIdent(owner)} CASCADE`);
    await admin.query(`DROP ROLE ${quoteIdent(app)}; DROP ROLE ${quoteIdent(owner)}`);
    await admin.close();
  });

  /** Runs `body` in a transaction with the session settings of `session`, rolled back unless `commit`. */
  async function as<T>(c: Connection, session: Session, body: () => Promise<T>, commit = true): Promise<T> {
    await c.query('BEGIN');
    try {
      await c.query(`SELECT set_config('app.tenant_id', $1, true), set_config('app.user_id', $2, true)`, [
        session.tenant ?? '',
        session.user ?? '',
      ]);
      const result = await body();
      await c.query(commit ? 'COMMIT' : 'ROLLBACK');
      return result;
    } catch (error) {
      await c.query('ROLLBACK');
      throw error;
    }
  }

  const insertOrder = (tenant: string, account: string, total: number) =>
    conn.query(`INSERT INTO orders (tenant_id, account_id, total) VALUES ($1, $2, $3)`, [tenant, account, total]);

  it('each tenant reads and writes only its rows; another tenant id is refused by the check', async () => {
    const [a, b, alice, bob] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    await as(conn, { tenant: a, user: alice }, () => insertOrder(a, alice, 1));
    await as(conn, { tenant: b, user: bob }, () => insertOrder(b, bob, 2));
    const seenByA = await as(conn, { tenant: a, user: alice }, () => conn.query('SELECT tenant_id FROM orders'));
    expect(seenByA.rows).toEqual([{ tenant_id: a }]);
    const seenByB = await as(conn, { tenant: b, user: bob }, () => conn.query('SELECT tenant_id FROM orders'));
    expect(seenByB.rows).toEqual([{ tenant_id: b }]);
    await expect(as(conn, { tenant: a, user: alice }, () => insertOrder(b, alice, 3))).rejects.toThrow(/row-level security policy/);
    // No tenant set (a pooled session after its transaction): nothing at all, and no cast error.
    const none = await as(conn, { tenant: null, user: null }, () => conn.query('SELECT count(*)::int AS n FROM orders'));
    expect(none.rows).toEqual([{ n: 0 }]);
  });

  it('an owner-only update or delete by a non-owner of the same tenant changes 0 rows', async () => {
    const [t, alice, mallory] = [randomUUID(), randomUUID(), randomUUID()];
    await as(conn, { tenant: t, user: alice }, () => insertOrder(t, alice, 10));
    const updated = await as(conn, { tenant: t, user: mallory }, () => conn.query('UPDATE orders SET total = 0 WHERE tenant_id = $1', [t]));
    expect(updated.rowCount).toBe(0);
    const deleted = await as(conn, { tenant: t, user: mallory }, () => conn.query('DELETE FROM orders WHERE tenant_id = $1', [t]));
    expect(deleted.rowCount).toBe(0);
    const own = await as(conn, { tenant: t, user: alice }, () => conn.query('UPDATE orders SET total = 11 WHERE tenant_id = $1', [t]));
    expect(own.rowCount).toBe(1);
    // The owner may not hand the row to another account: WITH CHECK of the update policy.
    await expect(
      as(conn, { tenant: t, user: alice }, () => conn.query('UPDATE orders SET account_id = $2 WHERE tenant_id = $1', [t, mallory])),
    ).rejects.toThrow(/row-level security policy/);
  });

  it('the table owner is subject to the policies too (FORCE ROW LEVEL SECURITY)', async () => {
    const t = randomUUID();
    await as(conn, { tenant: t, user: randomUUID() }, () => insertOrder(t, randomUUID(), 5));
    const ownerConn = await db.connect();
    try {
      await ownerConn.query(`SET ROLE ${quoteIdent(owner)}`);
      const unset = await as(ownerConn, { tenant: null, user: null }, () => ownerConn.query('SELECT count(*)::int AS n FROM orders'));
      expect(unset.rows).toEqual([{ n: 0 }]);
      const scoped = await as(ownerConn, { tenant: t, user: null }, () => ownerConn.query('SELECT count(*)::int AS n FROM orders'));
      expect(scoped.rows).toEqual([{ n: 1 }]);
    } finally {
      await ownerConn.close();
    }
  });

  it('a schema written for the earlier Wesley compiles, applies and is enforced (auth.uid())', async () => {
    const [alice, bob] = [randomUUID(), randomUUID()];
    await as(conn, { tenant: null, user: alice }, () =>
      conn.query(`INSERT INTO post (author_id, published) VALUES ($1, false), ($1, true)`, [alice]),
    );
    const bobSees = await as(conn, { tenant: null, user: bob }, () =>
      conn.query('SELECT published FROM post WHERE author_id = $1', [alice]),
    );
    expect(bobSees.rows).toEqual([{ published: true }]);
    const bobEdits = await as(conn, { tenant: null, user: bob }, () =>
      conn.query('UPDATE post SET published = true WHERE author_id = $1', [alice]),
    );
    expect(bobEdits.rowCount).toBe(0);
    await expect(
      as(conn, { tenant: null, user: bob }, () => conn.query(`INSERT INTO post (author_id, published) VALUES ($1, true)`, [alice])),
    ).rejects.toThrow(/row-level security policy/);
    const aliceSees = await as(conn, { tenant: null, user: alice }, () =>
      conn.query('SELECT count(*)::int AS n FROM post WHERE author_id = $1', [alice]),
    );
    expect(aliceSees.rows).toEqual([{ n: 2 }]);
  });

  it('introspection reads the policies, RLS flags and grants back equal to the compiled schema', async () => {
    const session = await db.connect();
    try {
      const live = await introspect(session);
      const { ir, notice } = await matchSchemaSpelling(session, live, schema, 'public');
      expect(notice).toBeNull();
      for (const table of schema.tables) {
        expect(ir.tables.find((t) => t.name === table.name)?.security, table.name).toEqual(table.security);
      }
    } finally {
      await session.close();
    }
  });

  it('a role that needs quoting works; a role that does not exist fails the apply, naming the role', async () => {
    const quoted = `Reader Role ${suffix}`;
    const ghost = `ghost_${suffix}`;
    const session = await db.connect();
    try {
      await session.query(`CREATE ROLE ${quoteIdent(quoted)} NOLOGIN`);
      const readers =
        compile(`type Shelf @wes_table @wes_grant(roles: ["${quoted}"], ops: ["select"]) @wes_rls(using: "true", roles: ["${quoted}"]) {
  id: ID! @wes_pk
}`);
      await session.query(emitDdl(readers));
      const { ir } = await matchSchemaSpelling(session, await introspect(session), readers, 'public');
      expect(ir.tables.find((t) => t.name === 'shelf')?.security).toEqual(readers.tables[0]?.security);
      await session.query('DROP TABLE shelf');
      const ghosts = compile(`type Crypt @wes_table @wes_grant(roles: ["${ghost}"]) {
  id: ID! @wes_pk
}`);
      await session.query('BEGIN');
      await expect(session.query(emitDdl(ghosts))).rejects.toThrow(`role "${ghost}" does not exist`);
      await session.query('ROLLBACK');
    } finally {
      await session.query('ROLLBACK').catch(() => undefined);
      await session.query(`DROP ROLE IF EXISTS ${quoteIdent(quoted)}`);
      await session.close();
    }
  });

  it('property: whatever mix of the directives compiles, PostgreSQL applies (nothing the compiler accepts fails at apply)', async () => {
    // Each argument with values of its kind: expressions are trusted SQL, so one naming a column
    // the table lacks is the user's to fix, as in @wes_check.
    const expression = fc.constantFrom('"true"', '"org_id IS NOT NULL"', '"owner_id = org_id"');
    const roles = fc.constantFrom(`["${app}"]`, `["${app}", "public"]`, '["public"]');
    const arg = fc.oneof(
      fc.tuple(fc.constantFrom('by', 'column'), fc.constantFrom('"orgId"', '"ownerId"', '"owner_id"')),
      fc.tuple(fc.constantFrom('using', 'check', 'select', 'insert', 'update', 'delete'), expression),
      fc.tuple(fc.constantFrom('roles', 'deleteRoles'), roles),
      fc.tuple(fc.constant('preset'), fc.constantFrom('"owner_or_admin"', '"system_only"', '"admin_only"', '"tenant"', '"owner"')),
      fc.tuple(fc.constant('ops'), fc.constantFrom('["select", "update"]', '["ALL"]')),
    );
    const directive = fc.tuple(
      fc.constantFrom('wes_tenant', 'wes_owner', 'wes_rls', 'wes_grant'),
      fc.uniqueArray(arg, { maxLength: 4, selector: ([name]) => name }),
    );
    const session = await db.connect();
    let applied = 0;
    try {
      await fc.assert(
        fc.asyncProperty(fc.uniqueArray(directive, { maxLength: 4, selector: ([name]) => name }), async (directives) => {
          const written = directives
            .map(([name, args]) => `@${name}${args.length === 0 ? '' : `(${args.map(([k, v]) => `${k}: ${v}`).join(', ')})`}`)
            .join(' ');
          const { ir } = compileSchema({
            name: 'mix.graphql',
            body: `type Mix @wes_table ${written} { id: ID! @wes_pk orgId: ID! ownerId: ID! }`,
          });
          if (ir === null) return;
          applied += 1;
          await session.query('BEGIN');
          try {
            await session.query(emitDdl(ir));
          } finally {
            await session.query('ROLLBACK');
          }
        }),
        { numRuns: 150 },
      );
    } finally {
      await session.close();
    }
    expect(applied).toBeGreaterThan(10);
  }, 120_000);

  it('property: random tenants, rows and operations through the application role never reach another tenant’s row', async () => {
    const tenants = [randomUUID(), randomUUID(), randomUUID()];
    const accounts = [randomUUID(), randomUUID()];
    const op = fc.record({
      kind: fc.constantFrom('insert', 'select', 'update', 'delete'),
      session: fc.nat({ max: tenants.length - 1 }),
      target: fc.nat({ max: tenants.length - 1 }),
      account: fc.nat({ max: accounts.length - 1 }),
      total: fc.integer({ min: -1000, max: 1000 }),
    });
    const othersRows = async (tenant: string) =>
      (await admin.query('SELECT id, tenant_id, account_id, total FROM orders WHERE tenant_id <> $1 ORDER BY id', [tenant])).rows;
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 25 }), async (ops) => {
        await admin.query('TRUNCATE orders');
        for (const o of ops) {
          const tenant = tenants[o.session] as string;
          const user = accounts[o.account] as string;
          const target = tenants[o.target] as string;
          // Every other tenant's rows, as the superuser sees them, before and after the operation.
          const before = await othersRows(tenant);
          // One transaction per operation: a refused insert rolls back alone.
          await as(conn, { tenant, user }, async () => {
            switch (o.kind) {
              case 'insert':
                if (target !== tenant) {
                  await expect(insertOrder(target, user, o.total)).rejects.toThrow(/row-level security policy/);
                  return;
                }
                await insertOrder(target, user, o.total);
                return;
              case 'select': {
                const { rows } = await conn.query<{ tenant_id: string }>('SELECT tenant_id FROM orders WHERE tenant_id = $1', [target]);
                if (target !== tenant) expect(rows).toEqual([]);
                for (const row of rows) expect(row.tenant_id).toBe(tenant);
                return;
              }
              case 'update': {
                const { rowCount } = await conn.query('UPDATE orders SET total = $2 WHERE tenant_id = $1', [target, o.total]);
                if (target !== tenant) expect(rowCount).toBe(0);
                return;
              }
              case 'delete': {
                const { rowCount } = await conn.query('DELETE FROM orders WHERE tenant_id = $1', [target]);
                if (target !== tenant) expect(rowCount).toBe(0);
                return;
              }
            }
          });
          expect(await othersRows(tenant), 'another tenant’s rows changed').toEqual(before);
        }
        // The superuser's view: every row is of a tenant that inserted it through its own session.
        const { rows } = await admin.query<{ tenant_id: string; n: number }>('SELECT tenant_id, count(*)::int AS n FROM orders GROUP BY 1');
        const inserted = new Map<string, number>();
        for (const o of ops) if (o.kind === 'insert' && o.session === o.target) inserted.set(tenants[o.session] as string, 0);
        for (const row of rows) expect(inserted.has(row.tenant_id)).toBe(true);
      }),
      { numRuns: 40 },
    );
  }, 120_000);
});
