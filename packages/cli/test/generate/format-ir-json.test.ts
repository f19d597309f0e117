import { hashIR, type SchemaIR } from '@wesley/core';
import { describe, expect, it } from 'vitest';
import { formatIrJson, formatIrJsonAndHash } from '../../src/generate/format-ir-json.js';
import { nodeSha256 } from '../../src/node-sha256.js';

const ir: SchemaIR = {
  version: 1,
  kind: 'schema',
  tables: [],
  enums: [{ values: ['PENDING', 'PAID'], name: 'order_status', kind: 'enum', graphqlName: 'OrderStatus' }],
};

describe('formatIrJson', () => {
  it('sorts keys, indents by two spaces, keeps array order and ends with a newline', () => {
    expect(formatIrJson(ir)).toBe(`{
  "enums": [
    {
      "graphqlName": "OrderStatus",
      "kind": "enum",
      "name": "order_status",
      "values": [
        "PENDING",
        "PAID"
      ]
    }
  ],
  "kind": "schema",
  "tables": [],
  "version": 1
}
`);
  });

  it('gives the same bytes for the same IR built in another key order', () => {
    const reordered: SchemaIR = { kind: 'schema', enums: ir.enums, version: 1, tables: [] };
    expect(formatIrJson(reordered)).toBe(formatIrJson(ir));
    expect(JSON.parse(formatIrJson(ir))).toEqual(ir);
  });

  it('with the hash: the same text and the hash of hashIR, from one walk', () => {
    expect(formatIrJsonAndHash(ir, nodeSha256)).toEqual({ json: formatIrJson(ir), irHash: hashIR(ir) });
  });
});
