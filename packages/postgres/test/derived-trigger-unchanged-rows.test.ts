import { expect, it } from 'vitest';
import { describeEachServer, useTestDatabase } from '@wesley/postgres/testing';
import { emitDdl } from '@wesley/core';
import { compile } from './migrate/support/migrations-directory.js';

/**
 * A derived column's row trigger fires for `UPDATE OF` its watched columns whether or not a value
 * changed (an ORM writing every field, a backfill of the child): such an update changes no
 * aggregate, and the trigger returns before it locks or updates the parent.
 */
const schema =
  compile(`type Basket @wes_table { id: BigInt! @wes_pk  total: BigInt! @wes_derived(fn: sum, from: "Line.basketId", of: "cents") }
type Line @wes_table { id: BigInt! @wes_pk  basketId: BigInt @wes_fk(ref: "Basket.id") @wes_index  cents: Int }`);

const basketLocks = `SELECT mode FROM pg_locks WHERE pid = pg_backend_pid() AND relation = 'basket'::regclass ORDER BY mode`;

describeEachServer('a derived column trigger on an update that changes nothing it watches', (server) => {
  const db = useTestDatabase(server);

  it('neither locks nor updates the parent; a real change does both', { timeout: 60_000 }, async () => {
    const session = await db.connect();
    await session.query(emitDdl(schema));
    await session.query(`INSERT INTO basket (id) VALUES (1); INSERT INTO line (id, basket_id, cents) VALUES (1, 1, 5), (2, 1, 7);`);
    const before = await session.query('SELECT xmin::text AS version, total FROM basket');
    await session.query('BEGIN');
    await session.query('UPDATE line SET cents = cents, basket_id = basket_id');
    // ACCESS SHARE from the foreign key's check of the unchanged key is not taken either: only what the UPDATE itself takes.
    expect((await session.query(basketLocks)).rows).toEqual([]);
    await session.query('COMMIT');
    expect((await session.query('SELECT xmin::text AS version, total FROM basket')).rows).toEqual(before.rows);
    await session.query('BEGIN');
    await session.query('UPDATE line SET cents = cents + 1 WHERE id = 1');
    expect((await session.query<{ mode: string }>(basketLocks)).rows.map((r) => r.mode)).toContain('RowShareLock');
    await session.query('COMMIT');
    expect((await session.query('SELECT total FROM basket')).rows).toEqual([{ total: '13' }]);
  });
});
