import { expect, it } from 'vitest';
import { describeEachServer, useTestDatabase } from '@wesley/postgres/testing';
import { introspect } from '../src/introspect/introspect.js';
import { expectedFeatureSchema, featureSchemaSql } from './fixtures/feature-schema.js';

describeEachServer('introspect', (server) => {
  const db = useTestDatabase(server);

  it('reads every feature of a hand-written schema into the IR', async () => {
    const session = await db.connect();
    await session.query(featureSchemaSql);
    expect(await introspect(session)).toEqual(expectedFeatureSchema);
  });

  it("reads only the schema asked for, its own types unqualified and other schemas' types whole", async () => {
    const session = await db.connect();
    await session.query(`
      CREATE SCHEMA "Sales";
      CREATE TYPE "Sales".tier AS ENUM ('gold', 'silver');
      CREATE TYPE public.shade AS ENUM ('light', 'dark');
      CREATE TABLE "Sales".accounts (
        id integer PRIMARY KEY,
        tier "Sales".tier NOT NULL DEFAULT 'gold',
        tiers "Sales".tier[],
        shade public.shade[]
      );`);
    const ir = await introspect(session, { schema: 'Sales' });
    expect(ir.enums.map((e) => e.name)).toEqual(['tier']);
    expect(ir.tables.map((t) => t.name)).toEqual(['accounts']);
    expect(ir.tables[0]?.columns.map((c) => [c.type, c.default])).toEqual([
      [{ sql: 'integer', base: 'integer', modifiers: [], array: false, enum: null }, null],
      [
        { sql: 'tier', base: 'tier', modifiers: [], array: false, enum: 'tier' },
        { kind: 'literal', value: 'gold' },
      ],
      [{ sql: 'tier[]', base: 'tier', modifiers: [], array: true, enum: 'tier' }, null],
      [{ sql: 'public.shade[]', base: 'public.shade', modifiers: [], array: true, enum: null }, null],
    ]);
  });

  it('gives an empty schema for a schema without tables', async () => {
    const session = await db.connect();
    await session.query('CREATE SCHEMA empty_one');
    expect(await introspect(session, { schema: 'empty_one' })).toEqual({ kind: 'schema', version: 1, enums: [], tables: [] });
  });
});
