import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitrarySchema } from '../support/arbitrary-schema.js';
import { compileSchema } from '../../src/sdl/compile-schema.js';
import { emitDdl, emitDdlStatements } from '../../src/ddl/emit-ddl.js';

const groups = [/^CREATE TYPE /, /^CREATE TABLE /, /^ALTER TABLE \S+\n {4}ADD CONSTRAINT \S+ FOREIGN KEY /, /^CREATE (UNIQUE )?INDEX /];

describe('emitDdl on generated schemas', () => {
  it('is deterministic and keeps enums, tables, foreign keys, indexes in that order', () => {
    fc.assert(
      fc.property(arbitrarySchema(), ({ sdl }) => {
        const compile = () => compileSchema({ name: 'generated.graphql', body: sdl }).ir;
        const ir = compile();
        if (ir === null) throw new Error('generated schema did not compile');
        expect(emitDdl(compile() ?? ir)).toBe(emitDdl(ir));
        const order = emitDdlStatements(ir).map((statement) => groups.findIndex((re) => re.test(statement)));
        expect(order).not.toContain(-1);
        expect(order).toEqual([...order].sort((a, b) => a - b));
        const fks = ir.tables.reduce((n, t) => n + t.foreignKeys.length, 0);
        expect(order.filter((g) => g === 2)).toHaveLength(fks);
      }),
      { numRuns: 100 },
    );
  });
});
