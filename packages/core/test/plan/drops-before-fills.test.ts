import { describe, expect, it } from 'vitest';
import { compileSchema, diffSchemas, type SchemaIR } from '@wesley/core';
import { dropsBeforeFills } from '../../src/plan/order/drops-before-fills.js';

function compile(body: string): SchemaIR {
  const { ir, diagnostics } = compileSchema({ name: 'schema.graphql', body });
  if (ir === null) throw new Error(diagnostics.map((d) => d.message).join('\n'));
  return ir;
}

/** `[kind, name, before the fills]` of the dropped unique constraints, indexes and foreign keys of the plan from `from` to `to`. */
const drops = (from: SchemaIR, to: SchemaIR) => {
  const changes = diffSchemas(from, to);
  const early: ReadonlySet<unknown> = dropsBeforeFills(changes, to);
  return changes.flatMap((change) => {
    if (change.kind === 'dropUnique') return [[change.kind, change.unique.name, early.has(change)]];
    if (change.kind === 'dropIndex') return [[change.kind, change.index.name, early.has(change)]];
    if (change.kind === 'dropForeignKey') return [[change.kind, change.foreignKey.name, early.has(change)]];
    return [];
  });
};

const tag = (code: string) => `type Tag @wes_table {\n  id: Int! @wes_pk\n  ${code}\n}\n`;

describe('dropsBeforeFills: drops a NOT NULL fill needs first', () => {
  it('moves a unique constraint on a filled column, and the foreign keys v2 drops that reference it', () => {
    const from = compile(
      `${tag('code: String @wes_unique')}type Label @wes_table {\n  id: Int! @wes_pk\n  tagCode: String @wes_fk(ref: "Tag.code")\n}\n`,
    );
    const to = compile(
      `${tag('code: String! @wes_default(value: "none")')}type Label @wes_table {\n  id: Int! @wes_pk\n  tagCode: String\n}\n`,
    );
    expect(drops(from, to)).toEqual([
      ['dropForeignKey', 'label_tag_code_fkey', true],
      ['dropUnique', 'tag_code_key', true],
    ]);
  });

  it('moves a foreign key on a filled column', () => {
    const shop = 'type Shop @wes_table {\n  id: Int! @wes_pk\n}\n';
    const from = compile(`${shop}type Sale @wes_table {\n  id: Int! @wes_pk\n  shopId: Int @wes_fk(ref: "Shop.id")\n}\n`);
    const to = compile(`${shop}type Sale @wes_table {\n  id: Int! @wes_pk\n  shopId: Int! @wes_default(value: 0)\n}\n`);
    expect(drops(from, to)).toEqual([['dropForeignKey', 'sale_shop_id_fkey', true]]);
  });

  it('moves a unique index on a filled column, not a plain one', () => {
    const from = compile(
      `type Tag @wes_table @wes_index(columns: ["code"], unique: true) @wes_index(columns: ["code", "id"]) {\n  id: Int! @wes_pk\n  code: String\n}\n`,
    );
    const to = compile(tag('code: String! @wes_default(value: "none")'));
    expect(drops(from, to)).toEqual([
      ['dropIndex', 'tag_code_id_idx', false],
      ['dropIndex', 'tag_code_idx', true],
    ]);
  });

  it('leaves the drops in contract without a fill: NOT NULL without a default, or no NOT NULL at all', () => {
    const from = compile(tag('code: String @wes_unique'));
    expect(drops(from, compile(tag('code: String!')))).toEqual([['dropUnique', 'tag_code_key', false]]);
    expect(drops(from, compile(tag('code: String @wes_default(value: "none")')))).toEqual([['dropUnique', 'tag_code_key', false]]);
  });
});

describe('dropsBeforeFills: a unique constraint a foreign key still uses until contract stays there', () => {
  it('when the referencing table is dropped (in contract)', () => {
    const from = compile(
      `${tag('code: String @wes_unique')}type Label @wes_table {\n  id: Int! @wes_pk\n  tagCode: String @wes_fk(ref: "Tag.code")\n}\n`,
    );
    const to = compile(tag('code: String! @wes_default(value: "none")'));
    expect(drops(from, to)).toEqual([['dropUnique', 'tag_code_key', false]]);
  });
});
