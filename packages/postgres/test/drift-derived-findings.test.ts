import { describe, expect, it } from 'vitest';
import { driftFindings } from '../src/drift/drift-finding.js';
import { compile } from './migrate/support/migrations-directory.js';

/**
 * Drift findings about derived columns, from IRs alone: one finding per thing that differs. The
 * functions that keep a column follow the column and its child, so a column or child that differs
 * is reported once, as itself, and not again as triggers that differ.
 */
const schema = (
  total: string,
  child = 'type Line @wes_table { id: BigInt! @wes_pk  basketId: BigInt @wes_fk(ref: "Basket.id")  cents: Int }',
) => compile(`type Basket @wes_table { id: BigInt! @wes_pk\n  total: ${total} }\n${child}`);
const derived = (type: string) => `${type} @wes_derived(fn: sum, from: "Line.basketId", of: "cents")`;
const findings = (live: ReturnType<typeof compile>, expected: ReturnType<typeof compile>) =>
  driftFindings(live, expected).map((f) => `${f.code} ${f.message}`);

describe('drift findings of derived columns', () => {
  it('a derived column the database keeps by other functions (another fn)', () => {
    const live = schema('BigInt! @wes_derived(fn: count, from: "Line.basketId")');
    expect(findings(live, schema(derived('BigInt!')))).toEqual([
      'WES203 column basket.total is kept by functions or triggers in the database other than those the schema derives it by',
    ]);
  });

  it('the derived column of another type: one finding, the type', () => {
    expect(findings(schema(derived('Int!')), schema(derived('BigInt!')))).toEqual([
      'WES203 column basket.total differs: basket.total changes type from integer to bigint; clients may read the new type differently',
    ]);
  });

  it('the child table missing from the database: the table and its key, not the triggers', () => {
    const live = compile('type Basket @wes_table { id: BigInt! @wes_pk\n  total: BigInt! @wes_default(value: 0) }');
    expect(findings(live, schema(derived('BigInt!')))).toEqual([
      'WES201 table line is missing from the database',
      'WES201 foreign key line_basket_id_fkey on line is missing from the database',
    ]);
  });

  it('a watched column of the child of another type, both sides keeping the column: the child column only', () => {
    const child = (type: string) =>
      `type Line @wes_table { id: BigInt! @wes_pk  basketId: BigInt @wes_fk(ref: "Basket.id")  cents: ${type} }`;
    expect(findings(schema(derived('BigInt!'), child('Int')), schema(derived('BigInt!'), child('BigInt')))).toEqual([
      'WES203 column line.cents differs: line.cents changes type from integer to bigint; clients may read the new type differently',
    ]);
  });
});
