import { describe, it } from 'vitest';
import { compileShop, expectDiagnostics } from './expect-diagnostic.js';

describe('WES016 foreign key type differs from its target', () => {
  it('points at the ref of each foreign key whose column type differs, and at the column it references', () => {
    const result = compileShop(`type Customer @wes_table {
  id: ID! @wes_pk
  number: Int! @wes_unique
  code: String! @wes_unique @wes_column(type: "varchar(12)")
}
type Order @wes_table {
  id: ID! @wes_pk
  customerId: String! @wes_fk(ref: "Customer.id")
  customerNumber: BigInt @wes_fk(ref: "Customer.number")
  customerIds: [ID!] @wes_fk(ref: "Customer.id")
  customerCode: String @wes_fk(ref: "Customer.code")
}`);
    expectDiagnostics(result, [
      {
        code: 'WES016',
        line: 8,
        column: 36,
        mentions: ['Order.customerId', 'text', 'Customer.id', 'uuid'],
        help: 'uuid',
        related: [{ line: 2, column: 3, mentions: ['Customer.id', 'uuid'] }],
      },
      {
        code: 'WES016',
        line: 9,
        column: 39,
        mentions: ['Order.customerNumber', 'bigint', 'integer'],
        help: 'integer',
        related: [{ line: 3, column: 3, mentions: ['Customer.number', 'integer'] }],
      },
      {
        code: 'WES016',
        line: 10,
        column: 35,
        mentions: ['Order.customerIds', 'uuid[]'],
        related: [{ line: 2, column: 3, mentions: 'Customer.id' }],
      },
      {
        code: 'WES016',
        line: 11,
        column: 37,
        mentions: ['Order.customerCode', 'character varying(12)'],
        related: [{ line: 4, column: 3, mentions: 'Customer.code' }],
      },
    ]);
  });
});
