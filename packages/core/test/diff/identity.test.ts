import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diffSchemas } from '@wesley/core';
import { irFixtures } from '../support/ir-fixtures.js';
import { sdlIR } from '../support/sdl-ir.js';

const shop = sdlIR(readFileSync(new URL('../../../../examples/shop/schema.graphql', import.meta.url), 'utf8'));

describe('diffSchemas: identity and determinism', () => {
  it.each(Object.entries({ shop, ...irFixtures }))('finds no change between %s and itself', (_name, ir) => {
    expect(diffSchemas(ir, ir)).toEqual([]);
    expect(diffSchemas(ir, structuredClone(ir))).toEqual([]);
  });

  it('ignores what PostgreSQL does not store: GraphQL names and metadata', () => {
    const renamedGraphql = sdlIR(
      readFileSync(new URL('../../../../examples/shop/schema.graphql', import.meta.url), 'utf8')
        .replaceAll('Customer', 'Client')
        .replace('type Client @wes_table', 'type Client @wes_table(name: "customer")'),
    );
    expect(diffSchemas(shop, renamedGraphql)).toEqual([]);
  });

  it('gives the same changes, in the same order, on every run', () => {
    const fixtures = Object.values(irFixtures);
    for (const from of [shop, ...fixtures]) {
      for (const to of [shop, ...fixtures]) {
        const first = diffSchemas(from, to);
        expect(diffSchemas(structuredClone(from), structuredClone(to))).toEqual(first);
      }
    }
  });

  it('orders changes: enums, then tables by name (renames, columns, constraints), then dropped tables', () => {
    const from = sdlIR(`enum Mood { HAPPY } type Alpha @wes_table { id: ID! @wes_pk  mood: Mood }
      type Zulu @wes_table { id: ID! @wes_pk }  type Gone @wes_table { id: ID! @wes_pk }`);
    const to = sdlIR(`enum Mood { HAPPY SAD } type Alpha @wes_table { id: ID! @wes_pk  mood: Mood  note: String @wes_index }
      type Beta @wes_table { id: ID! @wes_pk }  type Zulu @wes_table { id: ID! @wes_pk  name: String }`);
    expect(diffSchemas(from, to).map((c) => [c.kind, 'table' in c ? c.table : null])).toEqual([
      ['addEnumValue', null],
      ['addColumn', 'alpha'],
      ['addIndex', 'alpha'],
      ['createTable', 'beta'],
      ['addColumn', 'zulu'],
      ['dropTable', 'gone'],
    ]);
  });
});
