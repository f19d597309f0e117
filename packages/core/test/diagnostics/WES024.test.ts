import { describe, it } from 'vitest';
import { compileShop, expectDiagnostics } from './expect-diagnostic.js';

describe('WES024 relation marker does not match the field type', () => {
  it('points at each marker that contradicts the list-ness of its field, or stands on a column', () => {
    const result = compileShop(`type Customer @wes_table {
  id: ID! @wes_pk
  orders: [Order!]! @wes_belongsTo
  profile: Profile @wes_hasMany
  email: String! @wes_hasOne
}
type Order @wes_table {
  id: ID! @wes_pk
  customerId: ID! @wes_fk(ref: "Customer.id")
}
type Profile @wes_table {
  id: ID! @wes_pk
  recentOrders: [Order!]! @wes_hasOne
}`);
    expectDiagnostics(result, [
      { code: 'WES024', line: 3, column: 21, mentions: ['@wes_belongsTo', 'Customer.orders', 'list'], help: '@wes_hasMany' },
      { code: 'WES024', line: 4, column: 20, mentions: ['@wes_hasMany', 'Customer.profile', 'single'], help: '[Profile!]!' },
      { code: 'WES024', line: 5, column: 18, mentions: ['@wes_hasOne', 'email', 'column'] },
      { code: 'WES024', line: 13, column: 27, mentions: ['@wes_hasOne', 'Profile.recentOrders', 'list'], help: '@wes_hasMany' },
    ]);
  });

  it('accepts markers that match', () => {
    const result = compileShop(`type Customer @wes_table {
  id: ID! @wes_pk
  orders: [Order!]! @wes_hasMany
}
type Order @wes_table {
  id: ID! @wes_pk
  customerId: ID! @wes_fk(ref: "Customer.id")
  customer: Customer! @wes_belongsTo
}`);
    expectDiagnostics(result, []);
  });
});
