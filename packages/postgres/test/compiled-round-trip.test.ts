import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { compileSchema, emitDdl, type SchemaIR } from '@wesley/core';
import { describeEachServer, useTestDatabase } from '@wesley/postgres/testing';
import { introspect } from '../src/introspect/introspect.js';
import { comparableIR } from './fixtures/comparable-ir.js';

/** The core compiler's every-directive fixture: each directive of docs/directives.md (row-level security aside) at least once. */
const everyDirective = readFileSync(new URL('../../core/test/compile/fixtures/every-directive.graphql', import.meta.url), 'utf8');

function compile(body: string): SchemaIR {
  const { ir, diagnostics } = compileSchema({ name: 'every-directive.graphql', body });
  if (ir === null) throw new Error(`fixture does not compile: ${JSON.stringify(diagnostics)}`);
  return ir;
}

describeEachServer('compiled SDL -> DDL -> PostgreSQL -> introspect', (server) => {
  const db = useTestDatabase(server);

  it('gives back the compiled IR (what PostgreSQL stores of it)', async () => {
    const compiled = compile(everyDirective);
    const session = await db.connect();
    await session.query(emitDdl(compiled));
    expect(comparableIR(await introspect(session))).toEqual(comparableIR(compiled));
  });
});
