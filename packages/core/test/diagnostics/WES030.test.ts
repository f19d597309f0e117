import { describe, it } from 'vitest';
import { compileShop, expectDiagnostics } from './expect-diagnostic.js';

const customer = `type Customer @wes_table {
  id: ID! @wes_pk
}
`;

describe('WES030 invalid referential action', () => {
  it('points at an action that does not exist', () => {
    const result = compileShop(`${customer}type Order @wes_table {
  id: ID! @wes_pk
  customerId: ID! @wes_fk(ref: "Customer.id", onDelete: DESTROY)
  approverId: ID @wes_fk(ref: "Customer.id", onUpdate: "explode")
}`);
    expectDiagnostics(result, [
      { code: 'WES030', line: 6, column: 57, mentions: ['onDelete', 'DESTROY'], help: 'CASCADE' },
      { code: 'WES030', line: 7, column: 56, mentions: ['onUpdate', 'explode'], help: 'CASCADE' },
    ]);
  });

  it('points at SET NULL on a NOT NULL column', () => {
    const result = compileShop(`${customer}type Order @wes_table {
  id: ID! @wes_pk
  customerId: ID! @wes_fk(ref: "Customer.id", onDelete: SET_NULL)
  referrerId: ID! @wes_fk(ref: "Customer.id", onUpdate: "set null")
}`);
    expectDiagnostics(result, [
      { code: 'WES030', line: 6, column: 57, mentions: ['onDelete', 'SET NULL', 'customerId'], help: 'nullable' },
      { code: 'WES030', line: 7, column: 57, mentions: ['onUpdate', 'SET NULL', 'referrerId'], help: 'nullable' },
    ]);
  });

  it('reports both actions of one foreign key', () => {
    const result = compileShop(`${customer}type Order @wes_table {
  id: ID! @wes_pk
  customerId: ID! @wes_fk(ref: "Customer.id", onDelete: DESTROY, onUpdate: SET_NULL)
}`);
    expectDiagnostics(result, [
      { code: 'WES030', line: 6, column: 57, mentions: 'DESTROY' },
      { code: 'WES030', line: 6, column: 76, mentions: ['onUpdate', 'SET NULL'] },
    ]);
  });

  it('accepts actions in any case, with underscores or spaces', () => {
    const result = compileShop(`${customer}type Order @wes_table {
  id: ID! @wes_pk
  customerId: ID @wes_fk(ref: "Customer.id", onDelete: SET_NULL, onUpdate: "cascade")
  agentId: ID! @wes_fk(ref: "Customer.id", onDelete: "no action", onUpdate: RESTRICT)
}`);
    expectDiagnostics(result, []);
  });
});
