import { emitDdl } from '@wesley/core';
import { describe, expect, it } from 'vitest';
import { compileShop, expectDiagnostics, type ExpectedDiagnostic } from './expect-diagnostic.js';

/** The line and column (1-based) of the first `needle` in `sdl`: where a diagnostic about it points. */
function at(sdl: string, needle: string): { line: number; column: number } {
  const lines = sdl.split('\n');
  const line = lines.findIndex((l) => l.includes(needle));
  if (line < 0) throw new Error(`${needle} is not in the fixture`);
  return { line: line + 1, column: (lines[line] ?? '').indexOf(needle) + 1 };
}

/** WES033 expected at the string that starts with `needle`, its message naming `mentions`. */
function refused(sdl: string, needle: string, mentions: readonly string[]): ExpectedDiagnostic {
  return { code: 'WES033', ...at(sdl, needle), mentions: ['is not one SQL expression', ...mentions] };
}

describe('WES033 SQL argument is not one SQL expression', () => {
  it('refuses the reported smuggle through a table check, pointing at the expression', () => {
    const sdl = `type Gauge @wes_table
  @wes_check(expr: "b > 0)); COMMIT; DROP TABLE public.victim; CREATE TABLE public.zz (x int CHECK (true") {
  id: Int! @wes_pk
  b: Int!
}`;
    const result = compileShop(sdl);
    expectDiagnostics(result, [refused(sdl, '"b > 0));', ['@wes_check(expr:)', 'syntax error at or near ")"', 'character 7'])]);
  });

  it('refuses statements smuggled into every kind of SQL argument', () => {
    const sdl = `type Gauge @wes_table
  @wes_index(columns: ["b"], where: "b > 1; DROP TABLE public.victim")
  @wes_check(expr: "b > 0) OR (true") {
  id: Int! @wes_pk
  b: Int! @wes_default(expr: "1); DROP TABLE public.victim; CREATE TABLE public.zz (b int, --")
  c: Int! @wes_computed(expr: "b * 2) STORED, d int GENERATED ALWAYS AS (1")
  d: Int! @wes_check(expr: "d > 0)) ; DROP TABLE public.victim; SELECT $$") @wes_index(where: "$$ IS NOT NULL")
  e: Int! @wes_check(expr: "e > 0), (e < 9")
  f: Int! @wes_check(expr: "f > 0) FROM pg_class WHERE (true")
  g: Int! @wes_check(expr: "g > 0 -- positive")
  h: String! @wes_default(expr: "'x' COLLATE \\"C\\"")
  i: Boolean! @wes_default(expr: "true AND false")
  j: Int! @wes_check(expr: "  ")
}`;
    expectDiagnostics(compileShop(sdl), [
      refused(sdl, '"b > 1; DROP', ['@wes_index(where:)', 'syntax error at or near ";"']),
      refused(sdl, '"b > 0) OR (true"', ['@wes_check(expr:)', 'closes a parenthesis it did not open', 'character 6']),
      refused(sdl, '"1); DROP', ['@wes_default(expr:)', 'syntax error at end of input']),
      refused(sdl, '"b * 2) STORED', ['@wes_computed(expr:)', 'syntax error']),
      refused(sdl, '"d > 0))', ['@wes_check(expr:)', 'syntax error']),
      refused(sdl, '"$$ IS NOT NULL"', ['@wes_index(where:)', 'unterminated dollar-quoted string']),
      refused(sdl, '"e > 0), (e < 9"', ['more than one expression']),
      refused(sdl, '"f > 0) FROM', ['a clause of a query']),
      refused(sdl, '"g > 0 -- positive"', ['syntax error at end of input']),
      refused(sdl, `"'x' COLLATE`, ['@wes_default(expr:)', 'a column default takes a narrower expression']),
      refused(sdl, '"true AND false"', ['a column default takes a narrower expression']),
      refused(sdl, '"  "', ['empty']),
    ]);
  });

  it('accepts one expression, whatever it holds in strings, quotes and comments, and writes it as given', () => {
    const sdl = `type Gauge @wes_table
  @wes_check(expr: "(b > 0) OR (note = ';')")
  @wes_index(columns: ["b"], where: "note <> $$a; COMMIT; b$$ /* ) ; */")
  @wes_check(expr: "\\"b)\\" IS NULL OR b > 0 -- a ) comment\\n") {
  id: Int! @wes_pk
  b: Int! @wes_default(expr: "(1 + 2)")
  note: String! @wes_default(expr: "'a)' || $q$;$q$")
  at: DateTime! @wes_default(expr: "now() - interval '1 hour'")
  c: Int! @wes_computed(expr: "ROW(b, 2) IS NOT NULL AND b * 2 > 1")
}`;
    const result = compileShop(sdl);
    expectDiagnostics(result, []);
    const ddl = result.ir === null ? '' : emitDdl(result.ir);
    expect(ddl).toContain(`CHECK ((b > 0) OR (note = ';'))`);
    expect(ddl).toContain(`WHERE note <> $$a; COMMIT; b$$ /* ) ; */;`);
    expect(ddl).toContain(`DEFAULT 'a)' || $q$;$q$`);
  });
});
