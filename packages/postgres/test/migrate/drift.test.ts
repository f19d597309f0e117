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
    expect(await detectDrift(session, schema)).toEqual([]);

    await session.query('DROP INDEX purchase_customer_id_idx');
    await session.query('ALTER TABLE customer ADD COLUMN nickname text');
    await session.query(`ALTER TABLE customer ALTER COLUMN tier SET DEFAULT 'gold'`);

    const findings = await detectDrift(session, schema);
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
