import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileSchema, diagnosticCodes, type CompileResult } from '@wesley/core';

const fixture = readFileSync(new URL('./fixtures/every-directive.graphql', import.meta.url), 'utf8');

/** The compiler's contract for bad input: a result, never an exception. */
function assertWellFormed(result: CompileResult): void {
  for (const d of result.diagnostics) {
    expect(Object.keys(diagnosticCodes)).toContain(d.code);
    expect(d.message.length).toBeGreaterThan(0);
    expect(d.help.length).toBeGreaterThan(0);
    expect(d.line).toBeGreaterThanOrEqual(1);
    expect(d.column).toBeGreaterThanOrEqual(1);
  }
  const errors = result.diagnostics.some((d) => d.severity === 'error');
  expect(result.ir === null).toBe(errors);
}

/** Fragments that make edits likely to hit the directive reader and the lowering, not just the parser. */
const fragments = [
  '@wes_pk',
  '@wes_fk(ref: "Account.id")',
  '@wes_fk(ref: "Nope.x")',
  '@wes_default(value: 1)',
  '@wes_default(value: "x")',
  '@wes_index(columns: ["nope"])',
  '@pk',
  '@wesley_table',
  '@wes_table',
  '@wes_unique',
  '@wes_column(type: "varchar(")',
  '(',
  ')',
  '{',
  '}',
  '[',
  ']',
  '!',
  '"',
  '"""',
  '#',
  ': ',
  'String',
  'Int',
  'Plan',
  'Account',
  'extend type Account { x: Int }',
  'type X @wes_table { id: ID! }',
  'enum E { A A }',
  '@wes_partition(by: "id", strategy: LIST)',
  '@wes_rls',
  '\n',
  ' ',
  '\u0000',
  '𝔘',
];

describe('compileSchema never throws', () => {
  it('on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
        assertWellFormed(compileSchema({ name: 'fuzz.graphql', body: text }));
      }),
      { numRuns: 500 },
    );
  });

  it('on random edits of a valid schema', () => {
    const edit = fc.record({
      at: fc.nat({ max: fixture.length }),
      cut: fc.nat({ max: 40 }),
      insert: fc.constantFrom(...fragments),
    });
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 6 }), (edits) => {
        let body = fixture;
        for (const { at, cut, insert } of edits) {
          const i = Math.min(at, body.length);
          body = body.slice(0, i) + insert + body.slice(i + cut);
        }
        assertWellFormed(
          compileSchema([
            { name: 'a.graphql', body },
            { name: 'b.graphql', body: 'extend type Account { more: Int }' },
          ]),
        );
      }),
      { numRuns: 400 },
    );
  });

  it('on deeply nested input', () => {
    assertWellFormed(compileSchema({ name: 'deep.graphql', body: `type T @wes_table { id: ${'['.repeat(5000)}ID${']'.repeat(5000)} }` }));
    assertWellFormed(
      compileSchema({ name: 'deep.graphql', body: `type T @wes_table @wes_index(columns: ${'['.repeat(5000)}) { id: ID! @wes_pk }` }),
    );
  });
});
