import { describe, expect, it } from 'vitest';
import { emitDdl } from '@wesley/core';
import { compileShop } from '../diagnostics/expect-diagnostic.js';

const tenantOrders = `type Orders @wes_table @wes_tenant(by: "storeId") {
  id: ID! @wes_pk
  storeId: ID!
  total: Int!
}`;

describe('row-level security DDL', () => {
  it('writes grants, policies, then ENABLE and FORCE, after every table', () => {
    const result = compileShop(`${tenantOrders}
type Stores @wes_table @wes_grant(roles: ["app_user"], ops: ["select"]) { id: ID! @wes_pk }`);
    const ddl = emitDdl(result.ir!);
    const tail = ddl.slice(ddl.lastIndexOf('CREATE TABLE'));
    expect(tail.split('\n\n').slice(1).join('\n\n'))
      .toBe(`CREATE POLICY orders_tenant_isolation ON orders AS PERMISSIVE FOR ALL TO PUBLIC USING (store_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (store_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

ALTER TABLE orders ENABLE ROW LEVEL SECURITY;

ALTER TABLE orders FORCE ROW LEVEL SECURITY;

GRANT SELECT ON stores TO app_user;
`);
  });

  it('quotes role names that need it', () => {
    const result = compileShop(`type A @wes_table @wes_grant(roles: ["Reader Role", "user"]) { id: ID! @wes_pk }`);
    expect(emitDdl(result.ir!)).toContain('GRANT SELECT, INSERT, UPDATE, DELETE ON a TO "Reader Role";');
    expect(emitDdl(result.ir!)).toContain('TO "user";');
  });
});
