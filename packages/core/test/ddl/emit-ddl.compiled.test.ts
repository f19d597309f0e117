import { describe, expect, it } from 'vitest';
import { compileSchema } from '../../src/sdl/compile-schema.js';
import type { SchemaIR } from '../../src/ir/types.js';
import { emitDdl, emitDdlStatements } from '../../src/ddl/emit-ddl.js';

/** A shop schema written as users write it: the emitter's input straight from the compiler. */
const shop = `
enum OrderStatus { PENDING PAID SHIPPED }

type User @wes_table(name: "user") {
  id: ID! @wes_pk @wes_default(expr: "gen_random_uuid()")
  email: String! @wes_column(type: "varchar(255)") @wes_unique
  displayName: String @wes_default(value: "O'Brien")
  sortOrder: Int! @wes_column(name: "order") @wes_default(value: 0) @wes_check(expr: "\\"order\\" >= 0")
  tags: [String!] @wes_index(using: gin)
  bestFriendId: ID @wes_fk(ref: "User.id", onDelete: "SET NULL")
  orders: [Order!]!
}

type Order @wes_table @wes_index(columns: ["userId", "createdAt"], where: "status <> 'SHIPPED'") {
  id: BigInt! @wes_pk
  userId: ID! @wes_fk(ref: "User.id", onDelete: CASCADE, deferrable: true, initiallyDeferred: true)
  status: OrderStatus! @wes_default(value: PENDING)
  total: Decimal! @wes_column(type: "numeric(12,2)") @wes_default(value: 0)
  createdAt: DateTime! @wes_default(expr: "now()")
  user: User!
}
`;

function compile(body: string): SchemaIR {
  const result = compileSchema({ name: 'shop.graphql', body });
  expect(result.diagnostics).toEqual([]);
  if (result.ir === null) throw new Error('no IR');
  return result.ir;
}

describe('emitDdl on compiled SDL', () => {
  it('matches the snapshot', async () => {
    await expect(emitDdl(compile(shop))).toMatchFileSnapshot('./__snapshots__/compiled-shop.sql');
  });

  it('quotes the keyword table and column everywhere they appear', () => {
    const ddl = emitDdl(compile(shop));
    expect(ddl).toContain('CREATE TABLE "user" (');
    expect(ddl).toContain('    "order" integer DEFAULT 0 NOT NULL,');
    expect(ddl).toContain('REFERENCES "user" (id)');
    expect(ddl).toContain('CREATE INDEX user_tags_idx ON "user" USING gin (tags);');
    expect(ddl).not.toMatch(/[^"]\border\b integer/);
  });

  it('adds the self-reference and the cross-table key after both tables', () => {
    const statements = emitDdlStatements(compile(shop));
    const tables = statements.flatMap((s, i) => (s.startsWith('CREATE TABLE') ? [i] : []));
    const keys = statements.flatMap((s, i) => (s.includes('FOREIGN KEY') ? [i] : []));
    expect(tables).toHaveLength(2);
    expect(keys).toHaveLength(2);
    expect(Math.min(...keys)).toBeGreaterThan(Math.max(...tables));
  });
});
