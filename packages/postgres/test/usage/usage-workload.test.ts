import { emitDdl, loadSqlParser, planMigration, stableStringify, unusedObjects, windowUsage, type Plan, type SchemaIR } from '@wesley/core';
import { describeEachServer, useTestDatabase, type TestDatabase } from '@wesley/postgres/testing';
import { beforeAll, expect, it } from 'vitest';
import type { Connection } from '../../src/connect/connect.js';
import { migrate } from '../../src/migrate/migrate.js';
import { rollbackMigration } from '../../src/migrate/rollback-migration.js';
import { ObjectStillUsedError } from '../../src/usage/object-still-used-error.js';
import { connect } from '../../src/connect/connect.js';
import { readUsageSnapshot } from '../../src/usage/read-usage-snapshot.js';
import { checkUsageGate } from '../../src/usage/usage-gate.js';
import { UsageUnavailableError } from '../../src/usage/usage-unavailable-error.js';
import { readStoredSnapshots, storeUsageSnapshot } from '../../src/usage/usage-snapshots.js';
import { compile, migrationsDirectory } from '../migrate/support/migrations-directory.js';

const week = 7 * 86_400_000;

/** Several tables; the workload below never touches account.legacy_code, purchase.coupon_code nor purchase's coupon index. */
const v1 = compile(`
  type Account @wes_table {
    id: Int! @wes_pk
    email: String! @wes_index
    name: String!
    nickname: String
    legacyCode: String
  }
  type Purchase @wes_table {
    id: Int! @wes_pk
    accountId: Int! @wes_fk(ref: "Account.id") @wes_index
    total: Decimal!
    note: String
    couponCode: String @wes_index
  }
`);

/** v2 drops account.nickname, which the workload reads only through a view. */
const v2 = compile(`
  type Account @wes_table {
    id: Int! @wes_pk
    email: String! @wes_index
    name: String!
    legacyCode: String
  }
  type Purchase @wes_table {
    id: Int! @wes_pk
    accountId: Int! @wes_fk(ref: "Account.id") @wes_index
    total: Decimal!
    note: String
    couponCode: String @wes_index
  }
`);

/** The fixed query mix of a client: a column read only through a view (nickname), one only in a WHERE (note). */
async function workload(session: Connection, rounds: number, options: { readNickname: boolean }): Promise<void> {
  // Tiny tables: without this the planner scans them and no index counts as used.
  await session.query('SET enable_seqscan = off');
  for (let i = 1; i <= rounds; i++) {
    const id = (i % 20) + 1;
    await session.query('SELECT email, name FROM account WHERE id = $1', [id]);
    await session.query('SELECT id FROM account WHERE email = $1', [`a${id}@example.com`]);
    await session.query('SELECT address FROM account_public WHERE id = $1', [id]);
    if (options.readNickname) await session.query('SELECT v.nickname FROM account_names v WHERE v.id = $1', [id]);
    await session.query('SELECT p.id, p.total FROM purchase p WHERE p.account_id = $1 AND p.note = $2', [id, 'gift']);
    await session.query('UPDATE account SET name = $1 WHERE id = $2', [`n${i}`, id]);
  }
  await session.query('RESET enable_seqscan');
  // Table and index counters reach the shared statistics when the backend goes idle, at most once a second (15+): now.
  await session.query('SELECT pg_stat_force_next_flush()');
  await session.query('SELECT 1');
}

async function setUp(db: TestDatabase, schema: SchemaIR): Promise<Connection> {
  const session = await db.connect();
  await session.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
  const directory = await migrationsDirectory({ '0001_shop.sql': emitDdl(schema) });
  await migrate({ url: db.url, directory });
  await session.query('CREATE VIEW account_names AS SELECT id, nickname FROM account');
  // A view that shows legacy_code, which no query reads through it: legacy_code stays unused.
  await session.query('CREATE VIEW account_public AS SELECT a.id, a.email AS address, a.legacy_code FROM account a');
  await session.query(`INSERT INTO account (id, email, name) SELECT g, 'a' || g || '@example.com', 'n' FROM generate_series(1, 20) g`);
  await session.query('INSERT INTO purchase (id, account_id, total, note) SELECT g, g % 20 + 1, g, $1 FROM generate_series(1, 60) g', [
    'gift',
  ]);
  await session.query('ANALYZE account');
  await session.query('ANALYZE purchase');
  return session;
}

/** The plan from v1 to `to`, drops allowed, made for `session`'s server. */
async function planFromV1(session: Connection, to: SchemaIR): Promise<Plan> {
  const version = Number((await session.query<{ v: string }>(`SELECT current_setting('server_version_num') AS v`)).rows[0]?.v);
  const { plan } = planMigration(v1, to, { serverVersion: version, allowDestructive: true });
  if (plan === null) throw new Error('no plan');
  return plan;
}

/** The migrations directory of v1 (applied by `setUp`) and the plan from v1 to `to`, as migration `name`. */
async function migrationsFromV1(session: Connection, name: string, to: SchemaIR): Promise<string> {
  return migrationsDirectory({ '0001_shop.sql': emitDdl(v1), [`${name}/plan.json`]: stableStringify(await planFromV1(session, to), 2) });
}

/** Forgets this database's statements (not the other test databases' on the shared server): a new stats window for it. */
async function resetStatements(session: Connection): Promise<void> {
  await session.query(`SELECT pg_stat_statements_reset(0, (SELECT oid FROM pg_database WHERE datname = current_database()), 0)`);
}

beforeAll(() => loadSqlParser());

describeEachServer('wesley usage on a workload', (server) => {
  const db = useTestDatabase(server);

  it('reports exactly the columns and index the workload never touches, and the all-NULL columns', async () => {
    const session = await setUp(db, v1);
    await workload(session, 40, { readNickname: true });
    const { snapshot } = await readUsageSnapshot(session);
    const usage = windowUsage(snapshot, [], week);
    const found = unusedObjects(snapshot, usage);
    expect(found.filter((object) => object.kind === 'unused-column').map((object) => `${object.table}.${object.column ?? ''}`)).toEqual([
      'public.account.legacy_code',
      'public.purchase.coupon_code',
    ]);
    expect(found.filter((object) => object.kind === 'unused-index').map((object) => object.index)).toEqual([
      'public.purchase_coupon_code_idx',
    ]);
    expect(found.filter((object) => object.kind === 'null-column').map((object) => `${object.table}.${object.column ?? ''}`)).toEqual([
      'public.account.legacy_code',
      'public.account.nickname',
      'public.purchase.coupon_code',
    ]);
    // The server was started moments ago: its statistics began inside the week, which lowers the confidence and says why.
    const legacy = found.find((object) => object.column === 'legacy_code' && object.kind === 'unused-column');
    expect(legacy?.confidence.level).toBe('low');
    expect(legacy?.confidence.evidence.join('\n')).toMatch(/reset at .*inside the window 7d/);
    expect(usage.totalCalls).toBeGreaterThanOrEqual(200);
  });

  it('stores snapshots, and a window judged from a stored baseline counts only what ran since', async () => {
    const session = await db.connect();
    const first = await readUsageSnapshot(session);
    await storeUsageSnapshot(session, first.snapshot, week);
    await workload(session, 5, { readNickname: false });
    const { snapshot } = await readUsageSnapshot(session);
    // A window that started right after the first snapshot: the baseline is that snapshot.
    const windowMs = Date.parse(snapshot.takenAt) - Date.parse(first.snapshot.takenAt);
    const history = await readStoredSnapshots(session, snapshot, windowMs);
    expect(history.map((stored) => stored.takenAt)).toEqual([first.snapshot.takenAt]);
    const usage = windowUsage(snapshot, history, windowMs);
    expect(usage.basis).toBe('exact');
    const nickname = unusedObjects(snapshot, usage).find((object) => object.column === 'nickname' && object.kind === 'unused-column');
    expect(nickname?.confidence.evidence[0]).toMatch(/only \d+ calls in the window/);
    // The view's query ran before the window only: with the baseline its calls do not count.
    expect(usage.queries.some(({ query }) => query.query.includes('account_names'))).toBe(false);
  });

  it('prunes, as it stores, every snapshot no window up to keepMs needs, keeping the baseline; a failed store prunes nothing', async () => {
    const session = await db.connect();
    await session.query('DROP TABLE IF EXISTS wesley.usage_snapshots');
    const { snapshot } = await readUsageSnapshot(session);
    const now = Date.parse(snapshot.takenAt);
    const daysAgo = (days: number) => new Date(now - days * 86_400_000).toISOString();
    const otherReset = daysAgo(30);
    const stored = [
      { takenAt: daysAgo(20), statsReset: snapshot.statsReset },
      { takenAt: daysAgo(15), statsReset: snapshot.statsReset },
      { takenAt: daysAgo(10), statsReset: otherReset },
      { takenAt: daysAgo(3), statsReset: snapshot.statsReset },
    ];
    for (const at of stored) await storeUsageSnapshot(session, { ...snapshot, ...at }, 100 * week);
    const takenAt = async () =>
      (await session.query<{ at: Date }>('SELECT taken_at AS at FROM wesley.usage_snapshots ORDER BY taken_at')).rows.map((row) =>
        row.at.toISOString(),
      );
    expect(await takenAt()).toHaveLength(4);

    // A failed store (jsonb refuses a NUL character, after the prune ran) rolls back its prune with it.
    const unstorable = { ...snapshot, nul: 'a\u0000b' };
    await expect(storeUsageSnapshot(session, unstorable, week)).rejects.toThrow(/unsupported Unicode escape sequence/);
    expect(await takenAt()).toHaveLength(4);

    await storeUsageSnapshot(session, snapshot, week);
    // 20 days ago and the other stats lifetime go; 15 days ago is the baseline of a week's window ending now.
    expect(await takenAt()).toEqual([daysAgo(15), daysAgo(3), new Date(now).toISOString()]);
    const history = await readStoredSnapshots(session, snapshot, week);
    expect(history.map((entry) => entry.takenAt)).toEqual([daysAgo(15), daysAgo(3), snapshot.takenAt]);
  });
});

describeEachServer('wesley usage keeps no secret', (server) => {
  const db = useTestDatabase(server);

  it("masks a role's password in the stored query texts", async () => {
    const session = await db.connect();
    await session.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
    const role = `${db.name}_app`;
    await session.query(`CREATE ROLE ${role} LOGIN PASSWORD 'hunter2-usage-secret'`);
    try {
      const { snapshot } = await readUsageSnapshot(session);
      await storeUsageSnapshot(session, snapshot, week);
      const stored = await session.query<{ text: string }>('SELECT snapshot::text AS text FROM wesley.usage_snapshots');
      expect(snapshot.queries.some(({ query }) => query.includes(`CREATE ROLE ${role}`))).toBe(true);
      expect(JSON.stringify(snapshot)).not.toContain('hunter2');
      expect(stored.rows.map((row) => row.text).join('')).not.toContain('hunter2');
    } finally {
      await session.query(`DROP ROLE ${role}`);
    }
  });
});

describeEachServer('the usage gate of a contract step', (server) => {
  const db = useTestDatabase(server);

  it('refuses a drop of a column still read (through a view), naming the query; runs it once the workload stopped reading it', async () => {
    const session = await setUp(db, v1);
    // The view reads nickname; v2 drops the view's column with it, so the workload's view changes too.
    await workload(session, 30, { readNickname: true });
    const directory = await migrationsFromV1(session, '0002_drop_nickname', v2);
    const run = () => migrate({ url: db.url, directory, allowDestructive: true, usageWindowMs: week });

    // Expand now, contract later: a run that stops before the drop is not judged by it.
    expect((await migrate({ url: db.url, directory, allowDestructive: true, usageWindowMs: week, to: 'validate' })).stoppedIn).toBe(
      '0002_drop_nickname',
    );
    const refused = await run().then(
      () => null,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(ObjectStillUsedError);
    const message = (refused as Error).message;
    expect(message).toMatch(/\n {2}\S+ drops column account\.nickname, used in the last 7d:/);
    expect(message).toMatch(/query -?\d+ \(30 calls\): SELECT v\.nickname FROM account_names v WHERE v\.id = \$1/);
    expect(
      (await session.query(`SELECT 1 FROM information_schema.columns WHERE table_name = 'account' AND column_name = 'nickname'`)).rows,
    ).toHaveLength(1);

    // The application stops reading it, and the view goes; a new stats window for this database.
    await session.query('DROP VIEW account_names');
    await resetStatements(session);
    await workload(session, 30, { readNickname: false });
    await run();
    expect(
      (await session.query(`SELECT 1 FROM information_schema.columns WHERE table_name = 'account' AND column_name = 'nickname'`)).rows,
    ).toHaveLength(0);
  });
});

describeEachServer('the usage gate with a stored snapshot', (server) => {
  const db = useTestDatabase(server);

  it('a snapshot stored inside the window still refuses after a reset; ignoreUsage runs it', async () => {
    const session = await setUp(db, v1);
    await session.query('DROP VIEW account_names');
    for (let i = 0; i < 5; i++) await session.query('SELECT nickname FROM account WHERE id = $1', [i]);
    await storeUsageSnapshot(session, (await readUsageSnapshot(session)).snapshot, week);
    await resetStatements(session);
    const directory = await migrationsFromV1(session, '0002_drop_nickname', v2);
    await expect(migrate({ url: db.url, directory, allowDestructive: true, usageWindowMs: week })).rejects.toThrow(
      /query -?\d+ \(5 calls\): SELECT nickname FROM account WHERE id = \$1/,
    );
    await migrate({ url: db.url, directory, allowDestructive: true, usageWindowMs: week, ignoreUsage: true });
    expect(
      (await session.query(`SELECT 1 FROM information_schema.columns WHERE table_name = 'account' AND column_name = 'nickname'`)).rows,
    ).toHaveLength(0);
  });
});

describeEachServer('the usage gate without pg_stat_statements', (server) => {
  const db = useTestDatabase(server);

  it('without pg_stat_statements a gated drop is refused with WES360, and runs with ignoreUsage', async () => {
    const session = await setUp(db, v1);
    await session.query('DROP VIEW account_names');
    await session.query('DROP EXTENSION pg_stat_statements');
    await expect(readUsageSnapshot(session)).rejects.toBeInstanceOf(UsageUnavailableError);
    const directory = await migrationsFromV1(session, '0002_drop_nickname', v2);
    const refused = await migrate({ url: db.url, directory, allowDestructive: true, usageWindowMs: week }).then(
      () => null,
      (error: unknown) => error,
    );
    expect(refused).toMatchObject({ code: 'WES360', message: expect.stringMatching(/^pg_stat_statements is not available: /) as unknown });
    await migrate({ url: db.url, directory, allowDestructive: true, usageWindowMs: week, ignoreUsage: true });
  });
});

describeEachServer('the usage gate without pg_stat_statements nor a usageWindow', (server) => {
  const db = useTestDatabase(server);

  it('with no usageWindow configured the drop runs, with a notice that names WES360 and what went unjudged', async () => {
    const session = await setUp(db, v1);
    await session.query('DROP VIEW account_names');
    await session.query('DROP EXTENSION pg_stat_statements');
    const directory = await migrationsFromV1(session, '0002_drop_nickname', v2);
    const notices: string[] = [];
    await migrate({
      url: db.url,
      directory,
      allowDestructive: true,
      onEvent: (event) => {
        if (event.kind === 'notice') notices.push(event.message);
      },
    });
    expect(notices).toEqual([
      expect.stringMatching(
        /^WES360 usage not judged: \d+ objects? dropped or renamed without a check that no query still uses (it|them) \(pg_stat_statements is not available: the extension is not installed in this database/,
      ),
    ]);
    expect(
      (await session.query(`SELECT 1 FROM information_schema.columns WHERE table_name = 'account' AND column_name = 'nickname'`)).rows,
    ).toHaveLength(0);
  });
});

describeEachServer('the usage gate with no usageWindow configured', (server) => {
  const db = useTestDatabase(server);

  it('judges by the default window of 7 days: a drop of a column still read is refused, --ignore-usage runs it', async () => {
    const session = await setUp(db, v1);
    await session.query('DROP VIEW account_names');
    for (let i = 0; i < 4; i++) await session.query('SELECT nickname FROM account WHERE id = $1', [i]);
    const directory = await migrationsFromV1(session, '0002_drop_nickname', v2);
    await expect(migrate({ url: db.url, directory, allowDestructive: true })).rejects.toThrow(
      /used in the last 7d:\n.*query -?\d+ \(4 calls\): SELECT nickname FROM account WHERE id = \$1/,
    );
    await migrate({ url: db.url, directory, allowDestructive: true, ignoreUsage: true });
    expect(
      (await session.query(`SELECT 1 FROM information_schema.columns WHERE table_name = 'account' AND column_name = 'nickname'`)).rows,
    ).toHaveLength(0);
  });
});

describeEachServer('the usage gate of a rollback', (server) => {
  const db = useTestDatabase(server);

  it('refuses to undo an expand whose added column a query already reads, naming it, before anything runs; ignoreUsage undoes it', async () => {
    const session = await setUp(db, v1);
    const withTier = compile(`
      type Account @wes_table {
        id: Int! @wes_pk
        email: String! @wes_index
        name: String!
        nickname: String
        legacyCode: String
        tier: String
      }
      type Purchase @wes_table {
        id: Int! @wes_pk
        accountId: Int! @wes_fk(ref: "Account.id") @wes_index
        total: Decimal!
        note: String
        couponCode: String @wes_index
      }
    `);
    const directory = await migrationsFromV1(session, '0002_add_tier', withTier);
    await migrate({ url: db.url, directory });
    // The newer application already reads the new column.
    for (let i = 0; i < 6; i++) await session.query('SELECT tier FROM account WHERE id = $1', [i]);
    const tierColumn = async () =>
      (await session.query(`SELECT 1 FROM information_schema.columns WHERE table_name = 'account' AND column_name = 'tier'`)).rows;

    const refused = await rollbackMigration({ url: db.url, directory, migration: '0002_add_tier', allowDestructive: true }).then(
      () => null,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(ObjectStillUsedError);
    expect((refused as Error).message).toMatch(
      /drops column account\.tier, used in the last 7d:\n.*query -?\d+ \(6 calls\): SELECT tier FROM account WHERE id = \$1/,
    );
    expect(await tierColumn()).toHaveLength(1);
    expect((await session.query(`SELECT status FROM wesley.migrations WHERE name = '0002_add_tier'`)).rows).toEqual([
      { status: 'applied' },
    ]);

    const result = await rollbackMigration({
      url: db.url,
      directory,
      migration: '0002_add_tier',
      allowDestructive: true,
      ignoreUsage: true,
    });
    expect(result.undone.length).toBeGreaterThan(0);
    expect(await tierColumn()).toHaveLength(0);
  });
});

describeEachServer("the usage gate for a role that cannot read other roles' queries", (server) => {
  const db = useTestDatabase(server);

  it('refuses with WES360 instead of judging without the hidden queries', async () => {
    const session = await setUp(db, v1);
    await workload(session, 3, { readNickname: true });
    const role = `${db.name}_reader`;
    await session.query(`CREATE ROLE ${role} LOGIN PASSWORD 'reader-pw'`);
    const url = new URL(db.url);
    url.username = role;
    url.password = 'reader-pw';
    const reader = await connect(url.toString());
    try {
      const { snapshot } = await readUsageSnapshot(reader);
      const hidden = snapshot.queries.filter((query) => query.query === '<insufficient privilege>');
      expect(hidden.length).toBeGreaterThan(0);
      expect(hidden[0]?.attribution).toEqual({
        kind: 'unattributed',
        reason: "its text is hidden from this role: grant it pg_read_all_stats to read other roles' queries",
      });
      const plan = await planFromV1(session, v2);
      const plans = new Map([['0002_drop_nickname', plan]]);
      await expect(checkUsageGate(reader, plans, new Map(), { windowMs: week, configured: true })).rejects.toThrow(
        "pg_stat_statements is not available: this role cannot read other roles' query texts (grant it pg_read_all_stats)",
      );
      // No window configured: the run goes on, saying what went unjudged and why.
      expect(await checkUsageGate(reader, plans, new Map(), { windowMs: week, configured: false })).toMatch(
        /^WES360 usage not judged: \d+ objects? dropped or renamed .*grant it pg_read_all_stats.*; set usageWindow in the config/,
      );
    } finally {
      await reader.close();
      await session.query(`DROP ROLE ${role}`);
    }
  });
});

describeEachServer('the usage gate of an index drop', (server) => {
  const db = useTestDatabase(server);

  it('refuses to drop an index scanned in the window, saying how often; an index never scanned drops', async () => {
    const session = await setUp(db, v1);
    await workload(session, 10, { readNickname: false });
    const noEmailIndex = compile(`
      type Account @wes_table { id: Int! @wes_pk  email: String!  name: String!  nickname: String  legacyCode: String }
      type Purchase @wes_table {
        id: Int! @wes_pk
        accountId: Int! @wes_fk(ref: "Account.id") @wes_index
        total: Decimal!
        note: String
        couponCode: String @wes_index
      }
    `);
    const directory = await migrationsFromV1(session, '0002_drop_email_idx', noEmailIndex);
    await expect(migrate({ url: db.url, directory, allowDestructive: true, usageWindowMs: week })).rejects.toThrow(
      /drops index account_email_idx, used in the last 7d:\n {4}scanned \d+ times/,
    );

    const noCouponIndex = compile(`
      type Account @wes_table { id: Int! @wes_pk  email: String! @wes_index  name: String!  nickname: String  legacyCode: String }
      type Purchase @wes_table {
        id: Int! @wes_pk
        accountId: Int! @wes_fk(ref: "Account.id") @wes_index
        total: Decimal!
        note: String
        couponCode: String
      }
    `);
    const unusedIndex = await migrationsFromV1(session, '0002_drop_coupon_idx', noCouponIndex);
    await migrate({ url: db.url, directory: unusedIndex, allowDestructive: true, usageWindowMs: week });
    expect((await session.query(`SELECT 1 FROM pg_class WHERE relname = 'purchase_coupon_code_idx'`)).rows).toHaveLength(0);
  });
});
