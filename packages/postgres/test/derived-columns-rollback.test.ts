import { expect, it } from 'vitest';
import { describeEachServer, useTestDatabase } from '@wesley/postgres/testing';
import { emitDdl } from '@wesley/core';
import { migrate } from '../src/migrate/migrate.js';
import { rollbackMigration } from '../src/migrate/rollback-migration.js';
import { compile, migrationsDirectory, planFile } from './migrate/support/migrations-directory.js';

/**
 * Rolling back a plan that changed what a derived column computes puts back the old functions
 * and the old values: the backfill set every row to the new aggregate, and without a recompute in
 * the rollback the rows would keep it until their children were next written. Likewise a rolled
 * back drop of the triggers recomputes what the writes made while they were gone.
 */
const child = 'type Line @wes_table { id: BigInt! @wes_pk  basketId: BigInt @wes_fk(ref: "Basket.id") @wes_index  cents: Int }';
const basket = (field: string) => compile(`type Basket @wes_table { id: BigInt! @wes_pk\n${field} }\n${child}`);
const counted = basket('  n: BigInt! @wes_derived(fn: count, from: "Line.basketId")');
const summed = basket('  n: BigInt! @wes_derived(fn: sum, from: "Line.basketId", of: "cents")');
const plain = basket('  n: BigInt! @wes_default(value: 0)');
const wrongCounts = `SELECT b.id FROM basket AS b WHERE b.n <> (SELECT count(*) FROM line AS l WHERE l.basket_id = b.id)`;

describeEachServer('derived columns rolled back', (server) => {
  const db = useTestDatabase(server);

  it.each([
    ['a new fn (count to sum)', summed],
    ['the triggers dropped (no longer derived)', plain],
  ])('%s: the rollback puts back the old values', { timeout: 120_000 }, async (_what, v2) => {
    const admin = await db.connect();
    await admin.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public');
    await admin.query(emitDdl(counted));
    await admin.query(`INSERT INTO basket (id) SELECT g FROM generate_series(1, 300) AS g;
      INSERT INTO line (id, basket_id, cents) SELECT g, g % 300 + 1, 5 FROM generate_series(1, 900) AS g;`);
    const { json } = await planFile(admin, counted, v2);
    const directory = await migrationsDirectory({ '0001_change/plan.json': json });
    await migrate({ url: db.url, directory });
    // Writes under v2: counts no longer kept, or kept as sums.
    await admin.query(
      'INSERT INTO line (id, basket_id, cents) SELECT g, 1, 5 FROM generate_series(1001, 1010) AS g; DELETE FROM line WHERE basket_id = 2',
    );
    expect((await admin.query(wrongCounts)).rows.length).toBeGreaterThan(0);
    await rollbackMigration({ url: db.url, directory, migration: '0001_change', allowDestructive: true });
    expect((await admin.query(wrongCounts)).rows).toEqual([]);
    // And the old triggers keep them again.
    await admin.query('INSERT INTO line (id, basket_id, cents) VALUES (2000, 3, 1)');
    expect((await admin.query(wrongCounts)).rows).toEqual([]);
  });
});
