import { compileSchema, type SchemaIR } from '@wesley/core';
import type { LockTruthCase } from './lock-truth-cases.js';

const rows = 2000;

function sdl(body: string): SchemaIR {
  const { ir, diagnostics } = compileSchema({ name: 'derived-lock-truth.graphql', body: `${body}\ntype Query { ping: Int }` });
  if (ir === null) throw new Error(`derived lock-truth fixture does not compile: ${JSON.stringify(diagnostics)}`);
  return ir;
}

const child = `type Line @wes_table { id: BigInt! @wes_pk  basketId: BigInt @wes_fk(ref: "Basket.id") @wes_index  cents: Int }`;

/**
 * A derived column added to a table holding rows (issue 19): the column with its functions and
 * the triggers on the child (SHARE ROW EXCLUSIVE there), then the backfill, which locks parent
 * rows and reads the child; rolled back, the triggers go (ACCESS EXCLUSIVE on the child).
 */
export const derivedLockTruthCases: readonly LockTruthCase[] = [
  {
    name: 'add a derived column (count and sum over a child)',
    v1: sdl(`type Basket @wes_table { id: BigInt! @wes_pk  label: String }\n${child}`),
    v2: sdl(`type Basket @wes_table {
  id: BigInt! @wes_pk
  label: String
  lineCount: Int! @wes_derived(fn: count, from: "Line.basketId")
  totalCents: BigInt! @wes_derived(fn: sum, from: "Line.basketId", of: "cents")
}
${child}`),
    seed: [
      `INSERT INTO basket (id, label) SELECT g, 'b' || g FROM generate_series(1, ${rows}) AS g;`,
      `INSERT INTO line (id, basket_id, cents) SELECT g, g % ${rows} + 1, g % 97 FROM generate_series(1, ${rows * 3}) AS g;`,
    ].join('\n'),
    rollback: true,
  },
];
