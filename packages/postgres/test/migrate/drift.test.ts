import { defaultSql, emitDdl } from '@wesley/core';
import { describeEachServer, useTestDatabase } from '@wesley/postgres/testing';
import { expect, it } from 'vitest';
import { detectDrift } from '../../src/drift/detect-drift.js';
import { migrate } from '../../src/migrate/migrate.js';
import { compile, migrationsDirectory } from './support/migrations-directory.js';

const schema = compile(`
  type Customer @wes_table {
    id: Int! @wes_pk
    email: String! @wes_index
    tier: String! @wes_default(value: "basic")
  }
  type Purchase @wes_table {
    id: Int! @wes_pk
    customerId: Int! @wes_fk(ref: "Customer.id") @wes_index
    total: Decimal!
  }
`);

/** After a migration, hand-made changes to the database are each reported once, and nothing else is. */
describeEachServer('drift: hand-made changes after a migration', (server) => {
  const db = useTestDatabase(server);

  it('reports a dropped index, an added column and a changed default, and nothing else', async () => {
    const session = await db.connect();
    const directory = await migrationsDirectory({ '0001_shop.sql': emitDdl(schema) });
    expect((await migrate({ url: db.url, directory })).applied).toEqual(['0001_shop.sql']);
    expect(await detectDrift(session, schema)).toEqual({ findings: [], notice: null });

    await session.query('DROP INDEX purchase_customer_id_idx');
    await session.query('ALTER TABLE customer ADD COLUMN nickname text');
    await session.query(`ALTER TABLE customer ALTER COLUMN tier SET DEFAULT 'gold'`);

    const { findings, notice } = await detectDrift(session, schema);
    expect(notice).toBeNull();
    expect(findings.map((finding) => [finding.code, finding.change.kind]).sort()).toEqual([
      ['WES201', 'addIndex'],
      ['WES202', 'dropColumn'],
      ['WES203', 'alterDefault'],
    ]);
    const message = (code: string) => findings.find((finding) => finding.code === code)?.message;
    expect(message('WES201')).toBe('index purchase_customer_id_idx on purchase is missing from the database');
    expect(message('WES202')).toBe('column customer.nickname is in the database but not in the schema');
    expect(message('WES203')).toMatch(/^column customer\.tier differs: /);
    // The change that would repair it goes from what the database has to what the schema says.
    const changed = findings.find((finding) => finding.change.kind === 'alterDefault')?.change;
    expect(changed?.kind === 'alterDefault' && [defaultSql(changed.from), defaultSql(changed.to)]).toEqual(["'gold'", "'basic'"]);
  });
});

/**
 * Expressions written otherwise than PostgreSQL prints them back: each one was reported as
 * drift (and planned as a change) while expressions compared as normalised text.
 */
const spellings = [
  'a < b + 1',
  'a * 2 + b > 3',
  '(a + b) * 2 > 3',
  'a % 2 = 0',
  '-a < 5',
  'a != b',
  'a BETWEEN 1 AND 10',
  "name LIKE 'x%'",
  "name ILIKE 'x%'",
  "name SIMILAR TO 'a%'",
  "d > now() - interval '1 day'",
];
const spelledSchema = compile(`
  type Reading @wes_table
    ${spellings.map((expr, i) => `@wes_check(name: "reading_c${i}", expr: ${JSON.stringify(expr)})`).join('\n    ')}
    @wes_index(name: "reading_recent_idx", columns: ["d"], where: "d > '2020-01-01' AND a + 1 > b") {
    id: Int! @wes_pk
    a: Int!
    b: Int!
    name: String!
    d: DateTime!
    total: Int! @wes_computed(expr: "a * 2 + b")
    due: DateTime! @wes_default(expr: "now() + interval '7 days'")
  }
`);

describeEachServer('drift: expressions as the server spells them', (server) => {
  const db = useTestDatabase(server);

  it('an expression spelled otherwise than PostgreSQL prints it is no drift; a changed one still is', async () => {
    const session = await db.connect();
    const directory = await migrationsDirectory({ '0001_reading.sql': emitDdl(spelledSchema) });
    await migrate({ url: db.url, directory });
    expect(await detectDrift(session, spelledSchema)).toEqual({ findings: [], notice: null });
    // The scratch schema the server built the schema in is gone.
    const { rows } = await session.query<{ count: string }>(`SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'wesley_spelling_%'`);
    expect(rows).toEqual([{ count: '0' }]);

    await session.query('ALTER TABLE reading DROP CONSTRAINT reading_c0, ADD CONSTRAINT reading_c0 CHECK (a < b + 2)');
    const { findings } = await detectDrift(session, spelledSchema);
    expect(findings.map((finding) => [finding.code, finding.change.kind])).toEqual([['WES203', 'alterCheck']]);
    // The repair goes from the database's words to the schema's.
    const change = findings[0]?.change;
    expect(change?.kind === 'alterCheck' && [change.from.expr, change.to.expr]).toEqual(['(a < (b + 2))', 'a < b + 1']);
  });

  it('on a read-only session it compares the expressions as text and says so', async () => {
    const session = await db.connect();
    const directory = await migrationsDirectory({ '0001_reading.sql': emitDdl(spelledSchema) });
    await migrate({ url: db.url, directory });
    await session.query('SET default_transaction_read_only = on');
    const { findings, notice } = await detectDrift(session, spelledSchema);
    expect(notice).toMatch(
      /^expressions compared as text: the server did not build the schema in a scratch schema \(cannot execute CREATE SCHEMA in a read-only transaction\)/,
    );
    // What text normalisation cannot see through is reported, and only that.
    expect(findings.every((finding) => finding.code === 'WES203')).toBe(true);
    expect(findings.length).toBeGreaterThan(0);
  });
});
