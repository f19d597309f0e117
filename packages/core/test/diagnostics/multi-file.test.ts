import { describe, expect, it } from 'vitest';
import { compileSchema } from '@wesley/core';
import { expectDiagnostics } from './expect-diagnostic.js';

const customers = {
  name: 'schema/customers.graphql',
  body: `type Customer @wes_table {
  id: ID! @wes_pk
  email: String! @wes_unique
}
`,
};

describe('diagnostics across several files', () => {
  it('names the second file when the mistake is there', () => {
    const result = compileSchema([
      customers,
      {
        name: 'schema/orders.graphql',
        body: `type Order @wes_table {
  id: ID! @wes_pk
  customerId: ID! @wes_fk(ref: "Customer.uuid")
}
`,
      },
    ]);
    expectDiagnostics(result, [
      { code: 'WES015', file: 'schema/orders.graphql', line: 3, column: 32, mentions: 'Customer.uuid', help: '"Customer.id"' },
    ]);
  });

  it('puts mistakes of both files in one sorted list', () => {
    const result = compileSchema([
      {
        name: 'schema/orders.graphql',
        body: `type Order @wes_table {
  id: ID! @wes_pk
  status: OrderStatus! @wes_default(value: LOST)
}
`,
      },
      {
        name: 'schema/enums.graphql',
        body: `enum OrderStatus { PENDING PAID }
type Refund @wes_table {
  amount: Decimal!
}
`,
      },
    ]);
    expectDiagnostics(result, [
      { code: 'WES011', file: 'schema/enums.graphql', line: 2, column: 6, mentions: 'Refund' },
      { code: 'WES018', file: 'schema/orders.graphql', line: 3, column: 44, mentions: 'LOST', help: 'PENDING, PAID' },
    ]);
  });

  it('resolves references between files', () => {
    const result = compileSchema([
      {
        name: 'schema/orders.graphql',
        body: `type Order @wes_table {
  id: ID! @wes_pk
  customerId: ID! @wes_fk(ref: "Customer.id")
  customer: Customer!
}
`,
      },
      customers,
    ]);
    expectDiagnostics(result, []);
    expect(result.ir?.tables.find((t) => t.name === 'order')?.foreignKeys.map((fk) => fk.refTable)).toEqual(['customer']);
  });
});
