import fc from 'fast-check';
import { expect, it } from 'vitest';
import { compileSchema, emitDdl, quoteIdent, stableStringify, type SchemaIR } from '@wesley/core';
import { describeEachServer, useTestDatabase } from '@wesley/postgres/testing';
import { arbitrarySchema } from '../../core/test/support/arbitrary-schema.js';
import { introspect } from '../src/introspect/introspect.js';
import { comparableIR } from './fixtures/comparable-ir.js';

/** Runs per server; each applies one random schema in a fresh PostgreSQL schema. */
const runs = Number(process.env.WESLEY_PROPERTY_RUNS ?? 100);

function compile(sdl: string): SchemaIR {
  const { ir, diagnostics } = compileSchema({ name: 'random.graphql', body: sdl });
  if (ir === null) throw new Error(`generated schema does not compile:\n${sdl}\n${JSON.stringify(diagnostics, null, 2)}`);
  return ir;
}

describeEachServer('property: random valid schemas round-trip through PostgreSQL', (server) => {
  const db = useTestDatabase(server);

  it('applies the DDL cleanly and introspect(apply(ddl(ir))) equals ir', async () => {
    const session = await db.connect();
    let n = 0;
    await fc.assert(
      fc.asyncProperty(arbitrarySchema(), async ({ sdl }) => {
        const ir = compile(sdl);
        // Deterministic: the same text compiles to the same IR and the same DDL.
        expect(stableStringify(compile(sdl))).toBe(stableStringify(ir));
        const ddl = emitDdl(ir);
        expect(emitDdl(compile(sdl))).toBe(ddl);
        const schema = `round_trip_${n++}`;
        await session.query(`CREATE SCHEMA ${quoteIdent(schema)}`);
        try {
          // DDL names are unqualified: they land in the first schema of the search path.
          await session.query(`SET search_path = ${quoteIdent(schema)}`);
          await session.query(ddl);
          await session.query('RESET search_path');
          expect(comparableIR(await introspect(session, { schema }))).toEqual(comparableIR(ir));
        } finally {
          await session.query('RESET search_path');
          await session.query(`DROP SCHEMA ${quoteIdent(schema)} CASCADE`);
        }
      }),
      { numRuns: runs },
    );
  }, 120_000);
});
