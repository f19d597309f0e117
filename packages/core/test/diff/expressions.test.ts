import { describe, expect, it } from 'vitest';
import { diffSchemas } from '@wesley/core';
import { column, schema, table, type CheckOptions, type ColumnOptions, type IndexOptions } from '../support/ir-builder.js';

/** A product table; each argument is one expression, as written in a schema or as PostgreSQL prints it. */
const product = (options: { check?: string; where?: string; fallback?: string; generated?: string }) =>
  schema([
    table(
      'product',
      [
        column('id', 'integer'),
        column('price', 'numeric'),
        column('qty', 'integer', {
          nullable: true,
          ...(options.fallback === undefined ? {} : { expr: options.fallback }),
        } satisfies ColumnOptions),
        column('total', 'numeric', { nullable: true, ...(options.generated === undefined ? {} : { generated: options.generated }) }),
      ],
      {
        pk: ['id'],
        checks: options.check === undefined ? [] : [{ expr: options.check, column: 'price' } satisfies CheckOptions],
        indexes: options.where === undefined ? [] : [{ columns: ['price'], where: options.where } satisfies IndexOptions],
      },
    ),
  ]);

describe('diffSchemas: expressions compare as PostgreSQL stores them', () => {
  it('sees no change between a check as written and as introspection reads it back', () => {
    expect(diffSchemas(product({ check: 'price > 0' }), product({ check: '(price > (0)::numeric)' }))).toEqual([]);
  });

  it('sees no change in an index predicate, a default expression or a generated expression spelt differently', () => {
    expect(diffSchemas(product({ where: 'price > 0 AND qty > 0' }), product({ where: '((price > (0)::numeric) AND (qty > 0))' }))).toEqual(
      [],
    );
    expect(diffSchemas(product({ fallback: '0' }), product({ fallback: '(0)::integer' }))).toEqual([]);
    expect(diffSchemas(product({ generated: 'price * qty' }), product({ generated: '(price * (qty)::numeric)' }))).toEqual([]);
  });

  it('still sees a different expression as a change', () => {
    const changes = diffSchemas(product({ check: 'price > 0' }), product({ check: 'price >= 0' }));
    expect(changes.map((c) => c.kind)).toEqual(['alterCheck']);
    expect(changes[0]?.impact).toEqual({
      app: 'dangerous',
      data: 'dangerous',
      reason: 'check product_price_check redefined: fails if existing rows break it, and writes that break it fail',
    });
    expect(diffSchemas(product({ where: 'price > 0' }), product({ where: 'price > 1' })).map((c) => c.kind)).toEqual(['replaceIndex']);
    expect(diffSchemas(product({ generated: 'price * qty' }), product({ generated: 'price + qty' })).map((c) => c.kind)).toEqual([
      'alterGenerated',
    ]);
  });
});
