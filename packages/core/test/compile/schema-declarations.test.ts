import { readFileSync } from 'node:fs';
import { buildASTSchema, parse, validateSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { compileSchema, schemaDeclarations, similarDirectives } from '@wesley/core';

const shop = readFileSync(new URL('../../../../examples/shop/schema.v2.graphql', import.meta.url), 'utf8');

describe('schemaDeclarations', () => {
  it('makes a Wesley schema a valid GraphQL schema for tools that know nothing of Wesley', () => {
    // buildASTSchema validates the SDL (directive locations, argument names and types) unless told
    // not to; a whole schema needs a Query type besides.
    const schema = buildASTSchema(parse(`${schemaDeclarations()}\n${shop}\ntype Query { ok: Boolean }`));
    expect(validateSchema(schema)).toEqual([]);
    expect(schema.getDirective('wes_index')?.locations).toEqual(['OBJECT', 'FIELD_DEFINITION']);
    // columns is required by the object form only: the field form takes none.
    expect(String(schema.getDirective('wes_index')?.args.find((a) => a.name === 'columns')?.type)).toBe('[String!]');
  });

  it('declares the config scalars too, and the compiler accepts the declarations beside the schema', () => {
    const declarations = schemaDeclarations({ Email: 'citext' });
    expect(declarations).toContain('scalar Email\n');
    expect(declarations).not.toContain('scalar String');
    const { diagnostics } = compileSchema(
      [
        { name: 'wesley.graphql', body: declarations },
        { name: 'shop.graphql', body: shop },
      ],
      {
        scalars: { Email: 'citext' },
      },
    );
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
});

describe('similarDirectives', () => {
  it("is WES003's did-you-mean as names, closest first", () => {
    expect(similarDirectives('wes_tabel')).toEqual(['wes_table']);
    expect(similarDirectives('pk2')).toEqual(['wes_pk', 'wes_fk', 'wes_pii']);
    expect(similarDirectives('zzzzzz')).toEqual([]);
  });
});
