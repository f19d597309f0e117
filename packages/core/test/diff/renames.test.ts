import { describe, expect, it } from 'vitest';
import { diffSchemas } from '@wesley/core';
import { sdlIR } from '../support/sdl-ir.js';

const kinds = (from: string, to: string) => diffSchemas(sdlIR(from), sdlIR(to)).map((c) => c.kind);

describe('diffSchemas: renames', () => {
  it('renames a table marked @wes_renamed instead of dropping and creating it', () => {
    const changes = diffSchemas(
      sdlIR('type Account @wes_table { id: ID! @wes_pk }'),
      sdlIR('type Member @wes_table @wes_renamed(from: "account") { id: ID! @wes_pk }'),
    );
    expect(changes.map((c) => c.kind)).toEqual(['renameTable', 'renameConstraint']);
    expect(changes[0]).toEqual({
      kind: 'renameTable',
      table: 'member',
      from: 'account',
      impact: { app: 'breaking', data: 'safe', reason: 'table account is renamed member: code that uses the old name fails' },
    });
  });

  it('renames a table with the same @wes_uid', () => {
    expect(
      kinds(
        'type Account @wes_table @wes_uid(value: "t-1") { id: ID! @wes_pk }',
        'type Member @wes_table @wes_uid(value: "t-1") { id: ID! @wes_pk }',
      ),
    ).toEqual(['renameTable', 'renameConstraint']);
  });

  it('renames a column by @wes_renamed or by @wes_uid, keeping its data (no drop, no add)', () => {
    const byName = diffSchemas(
      sdlIR('type Account @wes_table { id: ID! @wes_pk  name: String }'),
      sdlIR('type Account @wes_table { id: ID! @wes_pk  fullName: String @wes_renamed(from: "name") }'),
    );
    expect(byName).toEqual([
      {
        kind: 'renameColumn',
        table: 'account',
        from: 'name',
        to: 'full_name',
        impact: { app: 'breaking', data: 'safe', reason: 'column account.name is renamed full_name: code that uses the old name fails' },
      },
    ]);
    expect(
      kinds(
        'type Account @wes_table { id: ID! @wes_pk  name: String @wes_uid(value: "c-1") }',
        'type Account @wes_table { id: ID! @wes_pk  label: String @wes_uid(value: "c-1") }',
      ),
    ).toEqual(['renameColumn']);
  });

  it('compares a renamed column by its new name: a type change on it is one change, not a drop and an add', () => {
    const changes = diffSchemas(
      sdlIR('type Account @wes_table { id: ID! @wes_pk  code: String @wes_column(type: "varchar(10)") }'),
      sdlIR('type Account @wes_table { id: ID! @wes_pk  label: String @wes_renamed(from: "code") }'),
    );
    expect(changes.map((c) => [c.kind, 'table' in c ? c.table : null])).toEqual([
      ['renameColumn', 'account'],
      ['alterColumnType', 'account'],
    ]);
  });

  it('without a rename marker, a new name is a drop and an add', () => {
    expect(
      kinds('type Account @wes_table { id: ID! @wes_pk  name: String }', 'type Account @wes_table { id: ID! @wes_pk  label: String }'),
    ).toEqual(['addColumn', 'dropColumn']);
  });

  it('ignores @wes_renamed(from:) when the old name still exists in the new schema', () => {
    expect(
      kinds(
        'type Account @wes_table { id: ID! @wes_pk  name: String }',
        'type Account @wes_table { id: ID! @wes_pk  name: String  label: String @wes_renamed(from: "name") }',
      ),
    ).toEqual(['addColumn']);
  });

  it('renames the constraints and indexes a table rename leaves behind (same definition, other name), never drop + add', () => {
    const changes = diffSchemas(
      sdlIR(`type Account @wes_table @wes_index(columns: ["name", "region"]) {
        id: ID! @wes_pk  name: String @wes_unique  region: String @wes_check(expr: "region <> ''")  parentId: ID @wes_fk(ref: "Account.id")
      }`),
      sdlIR(`type Member @wes_table @wes_renamed(from: "account") @wes_index(columns: ["name", "region"]) {
        id: ID! @wes_pk  name: String @wes_unique  region: String @wes_check(expr: "region <> ''")  parentId: ID @wes_fk(ref: "Member.id")
      }`),
    );
    expect(changes.map((c) => (c.kind === 'renameConstraint' || c.kind === 'renameIndex' ? [c.kind, c.from, c.to] : [c.kind]))).toEqual([
      ['renameTable'],
      ['renameConstraint', 'account_pkey', 'member_pkey'],
      ['renameConstraint', 'account_name_key', 'member_name_key'],
      // The self-reference now points at the renamed table: the same key.
      ['renameConstraint', 'account_parent_id_fkey', 'member_parent_id_fkey'],
      ['renameConstraint', 'account_region_check', 'member_region_check'],
      ['renameIndex', 'account_name_region_idx', 'member_name_region_idx'],
    ]);
  });

  it('sees no change in a foreign key whose target table is renamed', () => {
    expect(
      kinds(
        'type Account @wes_table { id: ID! @wes_pk }  type Post @wes_table { id: ID! @wes_pk  accountId: ID @wes_fk(ref: "Account.id") }',
        'type Member @wes_table @wes_renamed(from: "account") { id: ID! @wes_pk }  type Post @wes_table { id: ID! @wes_pk  accountId: ID @wes_fk(ref: "Member.id") }',
      ),
    ).toEqual(['renameTable', 'renameConstraint']);
  });

  it('sees no change in a foreign key whose target column is renamed', () => {
    expect(
      kinds(
        'type Account @wes_table { id: ID! @wes_pk  code: String! @wes_unique }  type Post @wes_table { id: ID! @wes_pk  accountCode: String @wes_fk(ref: "Account.code") }',
        'type Account @wes_table { id: ID! @wes_pk  handle: String! @wes_unique @wes_renamed(from: "code") }  type Post @wes_table { id: ID! @wes_pk  accountCode: String @wes_fk(ref: "Account.handle") }',
      ),
    ).toEqual(['renameColumn', 'renameConstraint']);
  });
});
