import { describe, it } from 'vitest';
import { compileShop, expectDiagnostics, expectErrors } from './expect-diagnostic.js';

describe('WES023 row-level security is not generated yet', () => {
  it('points at each row-level security directive instead of dropping it', () => {
    const result = compileShop(`type Order @wes_table @wes_tenant(by: "storeId") @wes_rls(enabled: true)
  @wes_owner(column: "customerId") @wes_grant(to: ["staff"], privileges: ["SELECT"]) {
  id: ID! @wes_pk
  storeId: ID!
  customerId: ID!
}`);
    expectDiagnostics(result, [
      { code: 'WES023', line: 1, column: 23, mentions: '@wes_tenant', help: 'remove' },
      { code: 'WES023', line: 1, column: 50, mentions: '@wes_rls' },
      { code: 'WES023', line: 2, column: 3, mentions: '@wes_owner' },
      { code: 'WES023', line: 2, column: 36, mentions: '@wes_grant' },
    ]);
  });

  it('reports the directive, not its missing argument', () => {
    const result = compileShop(`type Order @wes_table @wes_tenant {
  id: ID! @wes_pk
}`);
    expectDiagnostics(result, [{ code: 'WES023', line: 1, column: 23, mentions: '@wes_tenant' }]);
  });

  it('points at a legacy spelling of a row-level security directive', () => {
    const result = compileShop(`type Order @wes_table @tenant(by: "storeId") {
  id: ID! @wes_pk
  storeId: ID!
}`);
    expectErrors(result, [{ code: 'WES023', line: 1, column: 23, mentions: '@tenant' }]);
  });
});
