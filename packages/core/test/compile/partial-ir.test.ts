import { describe, expect, it } from 'vitest';
import { compileSchema, type SchemaIR, type TableIR } from '@wesley/core';

const table = (ir: SchemaIR, name: string): TableIR | undefined => ir.tables.find((t) => t.name === name);

describe('compileSchema: partialIR, what compiled without an error of its own', () => {
  it('is the IR itself when there is no error, warnings or not', () => {
    const clean = compileSchema({ name: 's.graphql', body: 'type User @wes_table { id: ID! @wes_pk }\n' });
    expect(clean.ir).not.toBeNull();
    expect(clean.partialIR).toBe(clean.ir);
    const warned = compileSchema({ name: 's.graphql', body: 'type User @wes_table { id: ID! @pk }\n' });
    expect(warned.diagnostics.map((d) => d.code)).toEqual(['WES009']);
    expect(warned.partialIR).toBe(warned.ir);
  });

  it('leaves out a table with an error on its type, and a column or relation with an error in its field, with the foreign keys over it', () => {
    const body = [
      'type User @wes_table {',
      '  id: ID! @wes_pk',
      '  email: String! @wes_unique',
      '  age: Int @wes_default(value: "old")',
      '  orders: [Order!]! @wes_belongsTo',
      '  team: Team',
      '}',
      'type Order @wes_table @wes_index(columns: ["usr"]) {',
      '  id: ID! @wes_pk',
      '  userId: ID! @wes_fk(ref: "User.id")',
      '}',
      'type Team @wes_table @wes_index(columns: ["leadId", "name"]) {',
      '  id: ID! @wes_pk',
      '  name: String! @wes_default(value: 3) @wes_constraint(maxLength: 40)',
      '  leadId: ID! @wes_fk(ref: "User.id")',
      '  deputyId: ID! @wes_fk(ref: "User.key")',
      '}',
      '',
    ].join('\n');
    const result = compileSchema({ name: 's.graphql', body });
    expect(result.diagnostics.map((d) => `${d.line} ${d.code}`)).toEqual(['4 WES018', '5 WES024', '8 WES020', '14 WES018', '16 WES015']);
    expect(result.ir).toBeNull();
    const partial = result.partialIR;
    // Order's type-level index names a missing column: the whole table is left out.
    expect(partial.tables.map((t) => t.name)).toEqual(['team', 'user']);
    const user = table(partial, 'user')!;
    expect(user.columns.map((c) => c.name)).toEqual(['id', 'email']);
    expect(user.uniques.map((u) => u.columns)).toEqual([['email']]);
    expect(user.relations.map((r) => r.field)).toEqual(['team']);
    const team = table(partial, 'team')!;
    expect(team.columns.map((c) => c.name)).toEqual(['id', 'lead_id']);
    expect(team.foreignKeys.map((k) => k.columns)).toEqual([['lead_id']]);
    // The index stays whole though `name` is left out: it serves lead_id's key all the same.
    expect(team.indexes.map((i) => i.columns)).toEqual([['lead_id', 'name']]);
  });

  it("finds a field's error in the file that extends the type, with CRLF line ends", () => {
    const result = compileSchema([
      { name: 'a.graphql', body: 'type User @wes_table {\r\n  id: ID! @wes_pk\r\n  email: String!\r\n}\r\n' },
      { name: 'b.graphql', body: '\r\nextend type User {\r\n  age: Int @wes_default(value: "old")\r\n  nick: String\r\n}\r\n' },
    ]);
    expect(result.diagnostics.map((d) => `${d.file}:${d.line} ${d.code}`)).toEqual(['b.graphql:3 WES018']);
    expect(result.partialIR.tables.map((t) => [t.name, t.columns.map((c) => c.name)])).toEqual([['user', ['id', 'email', 'nick']]]);
  });

  it('keeps the tables of the other files when one file does not parse', () => {
    const result = compileSchema([
      { name: 'a.graphql', body: 'type User @wes_table { id: ID! @wes_pk\n' },
      { name: 'b.graphql', body: 'type Tag @wes_table { id: ID! @wes_pk label: String! }\n' },
    ]);
    expect(result.diagnostics.map((d) => `${d.file} ${d.code}`)).toEqual(['a.graphql WES001']);
    expect(result.ir).toBeNull();
    expect(result.partialIR.tables.map((t) => [t.name, t.columns.map((c) => c.name)])).toEqual([['tag', ['id', 'label']]]);
  });
});
