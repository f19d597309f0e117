import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileSchema, emitDdl, hashIR, stableStringify, type SchemaIR } from '@wesley/core';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

function compileOk(body: string, name = 'schema.graphql'): SchemaIR {
  const { ir, diagnostics } = compileSchema({ name, body });
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  expect(ir).not.toBeNull();
  return ir as SchemaIR;
}

describe('compileSchema on the every-directive fixture', () => {
  const ir = compileOk(fixture('every-directive.graphql'), 'every-directive.graphql');

  it('produces the IR snapshot', async () => {
    await expect(JSON.stringify(ir, null, 2)).toMatchFileSnapshot('./__snapshots__/every-directive.ir.json');
  });

  it('produces the DDL snapshot', async () => {
    await expect(emitDdl(ir)).toMatchFileSnapshot('./__snapshots__/every-directive.sql');
  });

  it('reports no warnings for canonical spellings', () => {
    expect(compileSchema({ name: 'x', body: fixture('every-directive.graphql') }).diagnostics).toEqual([]);
  });

  it('keeps tables and enums sorted by name and columns in field order', () => {
    expect(ir.tables.map((t) => t.name)).toEqual(['accounts', 'event', 'profile', 'project']);
    expect(ir.enums.map((e) => e.name)).toEqual(['event_kind', 'plan']);
    expect(ir.tables[0]?.columns.map((c) => c.graphqlName).slice(0, 4)).toEqual(['id', 'handle', 'region', 'email']);
  });

  it('lowers keys, constraints and indexes with PostgreSQL-style names', () => {
    const accounts = ir.tables.find((t) => t.name === 'accounts');
    expect(accounts?.primaryKey).toEqual({ kind: 'primaryKey', name: 'accounts_pkey', columns: ['id'] });
    expect(accounts?.uniques.map((u) => u.name)).toEqual(['accounts_email_address_key', 'accounts_region_handle_key']);
    expect(accounts?.indexes.map((i) => [i.name, i.using, i.where])).toEqual([
      ['accounts_plan_created_at_idx', 'btree', null],
      ['accounts_region_idx', 'btree', "region <> 'eu'"],
      ['accounts_tags_idx', 'gin', null],
    ]);
    expect(accounts?.checks.map((c) => c.name)).toEqual([
      'accounts_handle_len',
      'accounts_handle_rules_check',
      'accounts_score_check',
      'accounts_seats_rules_check',
      'accounts_tier_rules_check',
    ]);
    const project = ir.tables.find((t) => t.name === 'project');
    expect(project?.primaryKey?.columns).toEqual(['account_id', 'slug']);
    expect(project?.foreignKeys.map((f) => [f.name, f.onDelete, f.onUpdate, f.deferrable, f.initiallyDeferred])).toEqual([
      ['project_account_id_fkey', 'RESTRICT', 'CASCADE', false, false],
      ['project_lead_id_fkey', 'SET NULL', 'NO ACTION', true, true],
    ]);
    expect(ir.tables.find((t) => t.name === 'event')?.partition).toEqual({
      kind: 'partition',
      strategy: 'RANGE',
      columns: ['occurred_at'],
    });
  });

  it('quotes literal defaults by type and keeps expressions verbatim', () => {
    const cols = new Map(ir.tables[0]?.columns.map((c) => [c.graphqlName, c]));
    expect(cols.get('plan')?.default).toEqual({ kind: 'literal', value: 'FREE' });
    expect(cols.get('seats')?.default).toEqual({ kind: 'literal', value: '1' });
    expect(cols.get('settings')?.default).toEqual({ kind: 'literal', value: '{}' });
    expect(cols.get('createdAt')?.default).toEqual({ kind: 'expression', sql: 'now()' });
    expect(cols.get('displayName')?.generated).toBe('upper(handle)');
    expect(cols.get('email')?.meta).toMatchObject({ pii: true, sensitive: false });
    expect(cols.get('passwordHash')?.meta.sensitive).toBe(true);
  });
});

describe('IR stability', () => {
  const body = fixture('every-directive.graphql');

  it('is deterministic', () => {
    expect(stableStringify(compileOk(body))).toBe(stableStringify(compileOk(body)));
  });

  it('has a hash that ignores formatting, comments and the order of type definitions', () => {
    const reformatted = body
      .replace(/#.*$/gm, '')
      .replace(/"""[^"]*"""/g, '')
      .replace(/\s+/g, ' ')
      .replace(/\{ /g, '{\n  ');
    const blocks = body.split(/\n(?=type |enum )/);
    const reordered = [blocks[0], ...blocks.slice(1).reverse()].join('\n');
    const hash = hashIR(compileOk(body));
    expect(hashIR(compileOk(reformatted))).toBe(hash);
    expect(hashIR(compileOk(reordered))).toBe(hash);
    expect(hashIR(compileOk(`# a comment\n${body}`, 'renamed-file.graphql'))).toBe(hash);
  });

  it('changes the hash when the meaning changes', () => {
    expect(hashIR(compileOk(body.replace('seats: Int!', 'seats: Int')))).not.toBe(hashIR(compileOk(body)));
  });
});

describe('schemas over several files', () => {
  it('merges `extend type` from another file', () => {
    const { ir: merged, diagnostics } = compileSchema([
      { name: 'a.graphql', body: 'type User @wes_table { id: ID! @wes_pk }' },
      { name: 'b.graphql', body: 'extend type User @wes_index(columns: ["email"]) { email: String! @wes_unique }' },
    ]);
    expect(diagnostics).toEqual([]);
    const user = merged?.tables[0];
    expect(user?.columns.map((c) => c.name)).toEqual(['id', 'email']);
    expect(user?.indexes.map((i) => i.name)).toEqual(['user_email_idx']);
    expect(user?.uniques.map((u) => u.name)).toEqual(['user_email_key']);
  });
});

describe('directive spellings', () => {
  it('accepts legacy spellings with a deprecation warning naming the canonical one', () => {
    const { ir, diagnostics } = compileSchema({
      name: 'legacy.graphql',
      body: 'type User @table { id: ID! @primaryKey\n name: String @wesley_index }',
    });
    expect(ir?.tables[0]?.primaryKey?.columns).toEqual(['id']);
    expect(ir?.tables[0]?.indexes).toHaveLength(1);
    expect(diagnostics.map((d) => [d.code, d.severity, d.help])).toEqual([
      ['WES009', 'warning', 'write @wes_table'],
      ['WES009', 'warning', 'write @wes_pk'],
      ['WES009', 'warning', 'write @wes_index'],
    ]);
  });

  it('keeps Wesley meaning when the schema declares Wesley directives itself', () => {
    const { ir, diagnostics } = compileSchema({
      name: 'declared.graphql',
      body: 'directive @wes_table(name: String) on OBJECT\ndirective @wes_pk on FIELD_DEFINITION\nscalar DateTime\ntype T @wes_table(name: "tees") { id: ID! @wes_pk at: DateTime }',
    });
    expect(diagnostics).toEqual([]);
    expect(ir?.tables[0]?.name).toBe('tees');
  });

  it('leaves user-declared directives to GraphQL rules', () => {
    const ok = compileSchema({ name: 'u.graphql', body: 'directive @audit on OBJECT\ntype T @wes_table @audit { id: ID! @wes_pk }' });
    expect(ok.diagnostics).toEqual([]);
    const misplaced = compileSchema({
      name: 'u.graphql',
      body: 'directive @audit on OBJECT\ntype T @wes_table { id: ID! @wes_pk @audit }',
    });
    expect(misplaced.diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([['WES007', 2, 37]]);
  });
});

describe("GraphQL's own directives", () => {
  it('accepts @deprecated and friends anywhere GraphQL allows them', () => {
    const { diagnostics, ir } = compileSchema({
      name: 'deprecated.graphql',
      body: 'enum S { A B @deprecated(reason: "x") }\ntype T @wes_table { id: ID! @wes_pk\n old: String @deprecated(reason: "use new")\n s: S }',
    });
    expect(diagnostics).toEqual([]);
    expect(ir?.tables[0]?.columns.map((c) => c.name)).toEqual(['id', 'old', 's']);
  });

  it('still checks them with GraphQL rules', () => {
    const { diagnostics } = compileSchema({ name: 'deprecated.graphql', body: 'type T @wes_table @deprecated { id: ID! @wes_pk }' });
    expect(diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([['WES007', 1, 19]]);
  });
});
