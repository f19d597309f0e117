/**
 * Which enum names collide with a built-in type, asked of each server rather than listed by hand:
 * for every type name in `pg_catalog`, every keyword the parser knows and the `serial` family,
 * an enum of that name is created in a schema of its own and a column is declared with the type
 * as Wesley spells it (`columnType(...).sql`, which writes built-in names bare). Where the column
 * does not get the enum (or cannot be declared at all), the name collides, and the compiler's
 * `isBuiltinTypeName` must refuse it (WES037). Tables may take such names: shown by a round trip.
 */
import { expect, it } from 'vitest';
import { columnType, compileSchema, emitDdl, isBuiltinTypeName } from '@wesley/core';
import { describeEachServer, useTestDatabase } from '@wesley/postgres/testing';
import { introspect } from '../src/introspect/introspect.js';
import { comparableIR } from './fixtures/comparable-ir.js';

/** Names `CREATE TABLE` turns into an integer column with a sequence: neither types nor keywords. */
const serialNames = ['serial', 'serial2', 'serial4', 'serial8', 'smallserial', 'bigserial'];

describeEachServer('enum names that collide with built-in types', (server) => {
  const db = useTestDatabase(server);

  it('every name a column would resolve to a built-in type is refused by the compiler', async () => {
    const session = await db.connect();
    const { rows } = await session.query<{ name: string }>(
      `SELECT typname::text AS name FROM pg_type WHERE typnamespace = 'pg_catalog'::regnamespace
       UNION SELECT word FROM pg_get_keywords()`,
    );
    // An enum's type name is the snake_case of a GraphQL name: lower case letters, digits and _.
    const words = [...rows.map((r) => r.name), ...serialNames].filter((w) => /^[a-z_][a-z0-9_]*$/.test(w));
    // One function on the server tries every word, each in a subtransaction (an exception block).
    await session.query('BEGIN');
    await session.query('CREATE SCHEMA probe');
    await session.query(`CREATE FUNCTION probe.colliding(words text[], spelt text[]) RETURNS text[] LANGUAGE plpgsql AS $$
      DECLARE out text[] := '{}'; own boolean;
      BEGIN
        FOR i IN 1 .. array_length(words, 1) LOOP
          BEGIN
            EXECUTE format('CREATE TYPE probe.%I AS ENUM (''x'')', words[i]);
            EXECUTE format('CREATE TABLE probe.t (c %s, cs %s[])', spelt[i], spelt[i]);
            SELECT bool_and(coalesce(e.typnamespace, t.typnamespace) = 'probe'::regnamespace) INTO own
              FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid LEFT JOIN pg_type e ON e.oid = nullif(t.typelem, 0)
              WHERE a.attrelid = 'probe.t'::regclass AND a.attnum > 0;
            IF NOT own THEN out := out || words[i]; END IF;
            RAISE EXCEPTION 'undo' USING ERRCODE = 'P0001';
          EXCEPTION WHEN raise_exception THEN NULL;
                    WHEN OTHERS THEN out := out || words[i];
          END;
        END LOOP;
        RETURN out;
      END $$`);
    await session.query('SET LOCAL search_path = probe');
    const result = await session.query<{ colliding: string[] }>('SELECT probe.colliding($1, $2) AS colliding', [
      words,
      words.map((word) => columnType(word, [], false, word).sql),
    ]);
    await session.query('ROLLBACK');
    const colliding = result.rows[0]?.colliding ?? [];
    // The report's names, a parser alias and the serial family are found, so the probe works.
    expect(colliding).toEqual(expect.arrayContaining(['interval', 'name', 'point', 'int', 'float', 'serial', 'int4', 'pg_class']));
    expect(colliding.filter((w) => !isBuiltinTypeName(w))).toEqual([]);
    // Words that are keywords but no type (`select`, `position`) are not refused.
    expect(words.filter((w) => isBuiltinTypeName(w) && !colliding.includes(w))).toEqual(
      expect.not.arrayContaining(['position', 'select', 'user', 'double']),
    );
  }, 60_000);

  it('tables named like built-in types are created, introspected and compared as compiled', async () => {
    const { ir, diagnostics } = compileSchema({
      name: 'tables.graphql',
      body: `type Interval @wes_table { id: ID! @wes_pk
  every: String }
type Point @wes_table { id: ID! @wes_pk
  intervalId: ID @wes_fk(ref: "Interval.id") }
type Name @wes_table { id: ID! @wes_pk }
type Int4 @wes_table { id: ID! @wes_pk }`,
    });
    expect(diagnostics).toEqual([]);
    if (ir === null) throw new Error('unreachable');
    const session = await db.connect();
    await session.query(emitDdl(ir));
    expect(comparableIR(await introspect(session))).toEqual(comparableIR(ir));
    await session.query(`INSERT INTO "interval" (id, every) VALUES (gen_random_uuid(), 'daily')`);
  });
});
