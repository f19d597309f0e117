import { describe, it } from 'vitest';
import { compileShop, expectDiagnostics } from './expect-diagnostic.js';

describe('WES037 enum named like a built-in type', () => {
  it('points at each enum whose type name a column would resolve to pg_catalog (the reported Interval, Name, Point)', () => {
    const result = compileShop(`enum Interval { DAILY WEEKLY }
enum Name { FIRST LAST }
enum Point { NORTH SOUTH }
type Plan @wes_table {
  id: ID! @wes_pk
  every: Interval!
  part: Name
  heading: [Point!]
}`);
    expectDiagnostics(result, [
      { code: 'WES037', line: 1, column: 6, mentions: ['Interval', 'interval'], help: 'rename' },
      { code: 'WES037', line: 2, column: 6, mentions: ['Name', 'name'] },
      { code: 'WES037', line: 3, column: 6, mentions: ['Point', 'point'] },
    ]);
  });

  it('covers names the parser maps (Int, Float, Serial), catalog row types (PgClass) and array types (_int4)', () => {
    const result = compileShop(`enum Int { ONE }
enum Float { TWO }
enum Serial { THREE }
enum PgClass { FOUR }
enum _int4 { FIVE }
enum Money { SIX }
type Plan @wes_table {
  id: ID! @wes_pk
  a: Int
  b: Float
  c: Serial
  d: PgClass
  e: _int4
  f: Money
}`);
    expectDiagnostics(result, [
      { code: 'WES037', line: 1, column: 6, mentions: 'int' },
      { code: 'WES037', line: 2, column: 6, mentions: 'float' },
      { code: 'WES037', line: 3, column: 6, mentions: 'serial' },
      { code: 'WES037', line: 4, column: 6, mentions: 'pg_class' },
      { code: 'WES037', line: 5, column: 6, mentions: '_int4' },
      { code: 'WES037', line: 6, column: 6, mentions: 'money' },
    ]);
  });

  it('leaves an enum no table uses alone (it creates no type), and accepts near names', () => {
    const result = compileShop(`enum Point { NORTH }
enum IntervalKind { DAILY }
enum Pointer { A }
enum Double { B }
type Plan @wes_table {
  id: ID! @wes_pk
  every: IntervalKind!
  p: Pointer
  d: Double
}`);
    expectDiagnostics(result, []);
  });
});
