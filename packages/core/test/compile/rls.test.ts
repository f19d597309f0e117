import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { emitDdl, emitTypeScript, type TableIR } from '@wesley/core';
import { compileShop, expectDiagnostics, expectErrors } from '../diagnostics/expect-diagnostic.js';

function table(body: string, name: string, options: Parameters<typeof compileShop>[1] = {}): TableIR {
  const result = compileShop(body, options);
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const found = result.ir?.tables.find((t) => t.name === name);
  if (found === undefined) throw new Error(`no table ${name}`);
  return found;
}

const tenantOrders = `type Orders @wes_table @wes_tenant(by: "storeId") {
  id: ID! @wes_pk
  storeId: ID!
  total: Int!
}`;

describe('row-level security lowering', () => {
  it('@wes_tenant: one tenant-isolation policy typed by the column, RLS enabled and forced', () => {
    expect(table(tenantOrders, 'orders').security).toEqual({
      enabled: true,
      forced: true,
      grants: [],
      kind: 'security',
      owner: null,
      policies: [
        {
          check: `store_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid`,
          command: 'ALL',
          kind: 'policy',
          name: 'orders_tenant_isolation',
          permissive: true,
          roles: ['public'],
          using: `store_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid`,
        },
      ],
      tenant: { column: 'store_id', kind: 'tenant', setting: 'app.tenant_id' },
    });
  });

  it('takes the tenant setting from the options (config rls.tenantSetting)', () => {
    const security = table(tenantOrders, 'orders', { rls: { tenantSetting: 'shop.store' } }).security;
    expect(security?.tenant?.setting).toBe('shop.store');
    expect(security?.policies[0]?.using).toContain(`current_setting('shop.store', true)`);
  });

  it('@wes_owner: a policy per operation; the tenant policy turns RESTRICTIVE beside them', () => {
    const security = table(
      `type Notes @wes_table @wes_tenant(by: "orgId") @wes_owner(column: "authorId", select: "true") {
  id: ID! @wes_pk
  orgId: Int!
  authorId: Int!
}`,
      'notes',
    ).security;
    expect(security?.owner).toEqual({ column: 'author_id', kind: 'owner', setting: 'app.user_id' });
    expect(security?.policies.map((p) => [p.name, p.command, p.permissive, p.using, p.check])).toEqual([
      ['notes_owner_delete', 'DELETE', true, `author_id = NULLIF(current_setting('app.user_id', true), '')::integer`, null],
      ['notes_owner_insert', 'INSERT', true, null, `author_id = NULLIF(current_setting('app.user_id', true), '')::integer`],
      ['notes_owner_select', 'SELECT', true, 'true', null],
      [
        'notes_owner_update',
        'UPDATE',
        true,
        `author_id = NULLIF(current_setting('app.user_id', true), '')::integer`,
        `author_id = NULLIF(current_setting('app.user_id', true), '')::integer`,
      ],
      [
        'notes_tenant_isolation',
        'ALL',
        false,
        `org_id = NULLIF(current_setting('app.tenant_id', true), '')::integer`,
        `org_id = NULLIF(current_setting('app.tenant_id', true), '')::integer`,
      ],
    ]);
  });

  it('@wes_rls: using/check, per-operation expressions and roles, name:', () => {
    const security = table(
      `type Docs @wes_table @wes_rls(name: "docs_access", using: "auth.uid() IS NOT NULL", roles: ["app_user", "Reader Role"],
    delete: "false", deleteRoles: ["admin"]) {
  id: ID! @wes_pk
}`,
      'docs',
    ).security;
    expect(security?.policies).toEqual([
      {
        check: null,
        command: 'ALL',
        kind: 'policy',
        name: 'docs_access',
        permissive: true,
        roles: ['Reader Role', 'app_user'],
        using: 'auth.uid() IS NOT NULL',
      },
      { check: null, command: 'DELETE', kind: 'policy', name: 'docs_access_delete', permissive: true, roles: ['admin'], using: 'false' },
    ]);
  });

  it('@wes_grant: all four privileges unless ops:/privileges: name some; merged per role, sorted', () => {
    const security = table(
      `type Docs @wes_table @wes_grant(roles: ["writer"]) @wes_grant(roles: ["reader", "public"], ops: ["select"]) @wes_grant(roles: "reader", privileges: ["update"]) {
  id: ID! @wes_pk
}`,
      'docs',
    ).security;
    expect(security).toEqual({
      enabled: false,
      forced: false,
      grants: [
        { kind: 'grant', privileges: ['SELECT'], role: 'public' },
        { kind: 'grant', privileges: ['SELECT', 'UPDATE'], role: 'reader' },
        { kind: 'grant', privileges: ['SELECT', 'INSERT', 'UPDATE', 'DELETE'], role: 'writer' },
      ],
      kind: 'security',
      owner: null,
      policies: [],
      tenant: null,
    });
  });

  it('presets: admin_only, owner_or_admin, system_only (RLS on, no policy: asked for)', () => {
    const admin = table(`type A @wes_table @wes_rls(preset: "admin_only", roles: ["admin"]) { id: ID! @wes_pk }`, 'a').security;
    expect(admin?.policies.map((p) => [p.name, p.roles, p.using, p.check])).toEqual([['a_admin', ['admin'], 'true', 'true']]);
    const both = table(
      `type B @wes_table @wes_owner(column: "ownerId") @wes_rls(preset: owner_or_admin, roles: ["admin"]) { id: ID! @wes_pk ownerId: ID! }`,
      'b',
    ).security;
    expect(both?.policies.map((p) => p.name)).toEqual(['b_admin', 'b_owner_delete', 'b_owner_insert', 'b_owner_select', 'b_owner_update']);
    const system = table(`type C @wes_table @wes_rls(preset: "system_only") { id: ID! @wes_pk }`, 'c').security;
    expect(system).toMatchObject({ enabled: true, forced: true, policies: [] });
  });

  it('builds every security object with its keys sorted, as the IR requires', () => {
    const security = table(
      `type Notes @wes_table @wes_tenant(by: "orgId") @wes_owner(column: "authorId") @wes_grant(roles: ["r"]) { id: ID! @wes_pk orgId: ID! authorId: ID! }`,
      'notes',
    ).security;
    const check = (value: unknown): void => {
      if (Array.isArray(value)) return value.forEach(check);
      if (value === null || typeof value !== 'object') return;
      const keys = Object.keys(value);
      expect(keys).toEqual([...keys].sort());
      Object.values(value).forEach(check);
    };
    check(security);
  });

  it('a table without security directives has security: null', () => {
    expect(table(`type A @wes_table { id: ID! @wes_pk }`, 'a').security).toBeNull();
  });

  it('accepts the earlier Wesley’s spellings and argument names (with deprecation warnings)', () => {
    const result =
      compileShop(`type Posts @table @tenant(by: "org_id") @owner(column: "author_id") @wesley_rls(selectRoles: ["app_user"], select: "published")
  @grant(roles: ["app_user"]) {
  id: ID! @pk
  org_id: ID!
  author_id: ID!
  published: Boolean!
}`);
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.diagnostics.filter((d) => d.code === 'WES009')).toHaveLength(6);
    const posts = result.ir?.tables[0];
    expect(posts?.security?.policies.map((p) => p.name)).toEqual([
      'posts_owner_delete',
      'posts_owner_insert',
      'posts_owner_select',
      'posts_owner_update',
      'posts_rls_select',
      'posts_tenant_isolation',
    ]);
  });
});

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

describe('row-level security diagnostics', () => {
  it('WES033: an expression that smuggles a statement is refused at compile time', () => {
    const result = compileShop(`type A @wes_table @wes_rls(using: "true); DROP TABLE a; --") { id: ID! @wes_pk }`);
    expectErrors(result, [{ code: 'WES033', line: 1, column: 35, mentions: '@wes_rls(using:)' }]);
    const owner = compileShop(`type A @wes_table @wes_owner(column: "id", update: "true; DELETE FROM a") { id: ID! @wes_pk }`);
    expectErrors(owner, [{ code: 'WES033', line: 1, column: 52, mentions: '@wes_owner(update:)' }]);
  });

  it('WES020: a tenant or owner column that does not exist, at the argument', () => {
    const result = compileShop(`type A @wes_table @wes_tenant(by: "orgId") @wes_owner(column: "nobody") {
  id: ID! @wes_pk
  org: ID!
}`);
    expectDiagnostics(result, [
      { code: 'WES020', line: 1, column: 35, mentions: ['@wes_tenant(by:)', 'orgId'] },
      { code: 'WES020', line: 1, column: 63, mentions: ['@wes_owner(column:)', 'nobody'] },
    ]);
  });

  it('WES440: RLS enabled with no policy, unless preset system_only asks for it', () => {
    const result = compileShop(`type A @wes_table @wes_rls(roles: ["app_user"]) { id: ID! @wes_pk }`);
    expectDiagnostics(result, [{ code: 'WES440', line: 1, column: 19, mentions: ['@wes_rls', 'no policy'], help: 'system_only' }]);
  });

  it('WES441: a role reserved for PostgreSQL (pg_*) or too long', () => {
    const result = compileShop(
      `type A @wes_table @wes_grant(roles: ["pg_read_all_data"]) @wes_rls(using: "true", roles: ["${'r'.repeat(64)}"]) { id: ID! @wes_pk }`,
    );
    expectDiagnostics(result, [
      { code: 'WES441', line: 1, column: 37, mentions: 'pg_read_all_data' },
      { code: 'WES441', line: 1, column: 90, mentions: '63 bytes' },
    ]);
  });

  it('WES441: a reserved role name (PUBLIC in another case, current_user, none)', () => {
    const result = compileShop(
      `type A @wes_table @wes_grant(roles: ["PUBLIC", "current_user"]) @wes_rls(using: "true", roles: ["none"]) { id: ID! @wes_pk }`,
    );
    expect(result.ir).toBeNull();
    expect(result.diagnostics.map((d) => [d.code, d.message])).toEqual([
      ['WES441', 'role name "PUBLIC" is reserved by PostgreSQL'],
      ['WES441', 'role name "current_user" is reserved by PostgreSQL'],
      ['WES441', 'role name "none" is reserved by PostgreSQL'],
    ]);
  });

  it("WES445: the earlier Wesley's options: is accepted (any value) and ignored with a warning", () => {
    const result = compileShop(`type A @wes_table @wes_rls(using: "true", options: { audit: true, level: 2 }) { id: ID! @wes_pk }`);
    expectDiagnostics(result, [
      { code: 'WES445', severity: 'warning', line: 1, column: 52, mentions: 'options:', help: 'remove options:' },
    ]);
    expect(result.ir?.tables[0]?.security?.policies.map((p) => p.name)).toEqual(['a_rls']);
  });

  it('WES025: a policy name: PostgreSQL would truncate', () => {
    const result = compileShop(`type A @wes_table @wes_rls(name: "${'p'.repeat(64)}", using: "true") { id: ID! @wes_pk }`);
    expectDiagnostics(result, [{ code: 'WES025', line: 1, column: 34, mentions: '64 bytes' }]);
  });

  it('WES442: two policies with the same name, both places', () => {
    const result = compileShop(
      `type Notes @wes_table @wes_owner(column: "id") @wes_rls(name: "notes_owner", select: "true") { id: ID! @wes_pk }`,
    );
    expectDiagnostics(result, [
      {
        code: 'WES442',
        line: 1,
        column: 86,
        mentions: 'notes_owner_select',
        related: [{ line: 1, column: 23, mentions: 'notes_owner_select' }],
      },
    ]);
  });

  it('WES443: an unknown preset, a preset missing what it needs, an owner without a column', () => {
    const result = compileShop(`type A @wes_table @wes_rls(preset: "everyone") { id: ID! @wes_pk }
type B @wes_table @wes_rls(preset: "tenant") { id: ID! @wes_pk }
type C @wes_table @wes_rls(preset: "admin_only") { id: ID! @wes_pk }
type D @wes_table @wes_owner { id: ID! @wes_pk }`);
    expectErrors(result, [
      { code: 'WES443', line: 1, column: 36, mentions: 'everyone', help: 'system_only' },
      { code: 'WES443', line: 2, column: 36, mentions: '@wes_tenant' },
      { code: 'WES443', line: 3, column: 36, mentions: 'roles' },
      { code: 'WES443', line: 4, column: 19, mentions: 'owner column' },
    ]);
  });

  it('WES444: a privilege @wes_grant does not give, or both ops: and privileges:', () => {
    const result = compileShop(
      `type A @wes_table @wes_grant(roles: ["r"], ops: ["TRUNCATE"]) @wes_grant(roles: ["s"], ops: ["select"], privileges: ["select"]) { id: ID! @wes_pk }`,
    );
    expectDiagnostics(result, [
      { code: 'WES444', line: 1, column: 49, mentions: 'TRUNCATE' },
      { code: 'WES444', line: 1, column: 117, mentions: ['ops:', 'privileges:'] },
    ]);
  });
});

describe('row-level security in the generated TypeScript', () => {
  it('exposes the session setting a tenant-scoped table needs, as a const and its type', () => {
    const result = compileShop(tenantOrders, { rls: { tenantSetting: 'shop.store_id' } });
    const ts = emitTypeScript(result.ir!);
    expect(ts).toContain(`export const OrdersSessionSettings = { tenant: 'shop.store_id' } as const;
export type OrdersSessionSettings = typeof OrdersSessionSettings;`);
    const owned = compileShop(
      `type Notes @wes_table @wes_tenant(by: "orgId") @wes_owner(column: "authorId") { id: ID! @wes_pk orgId: ID! authorId: ID! }`,
      { rls: { userSetting: 'auth.user' } },
    );
    expect(emitTypeScript(owned.ir!)).toContain(
      `export const NotesSessionSettings = { tenant: 'app.tenant_id', user: 'auth.user' } as const;`,
    );
    expect(emitTypeScript(compileShop(`type A @wes_table @wes_grant(roles: ["r"]) { id: ID! @wes_pk }`).ir!)).not.toContain(
      'SessionSettings',
    );
  });
});

describe('row-level security directives, carelessly combined', () => {
  it('never throw: any mix of the four directives and their arguments compiles or reports', () => {
    const value = fc.constantFrom(
      '"true"',
      '"orgId"',
      '"nobody"',
      '"x; DROP TABLE a"',
      '["app_user"]',
      '["pg_x", ""]',
      '[]',
      '"system_only"',
      '"owner-or-admin"',
      'tenant',
      '{ a: 1 }',
      '42',
    );
    const arg = fc.tuple(
      fc.constantFrom(
        'by',
        'column',
        'using',
        'check',
        'select',
        'insert',
        'update',
        'delete',
        'roles',
        'selectRoles',
        'preset',
        'name',
        'ops',
        'privileges',
        'options',
      ),
      value,
    );
    const directive = fc.tuple(
      fc.constantFrom('wes_tenant', 'wes_owner', 'wes_rls', 'wes_grant', 'tenant', 'rls'),
      fc.uniqueArray(arg, { maxLength: 4, selector: ([name]) => name }),
    );
    fc.assert(
      fc.property(fc.array(directive, { maxLength: 4 }), (directives) => {
        const written = directives
          .map(([name, args]) => `@${name}${args.length === 0 ? '' : `(${args.map(([k, v]) => `${k}: ${v}`).join(', ')})`}`)
          .join(' ');
        const result = compileShop(`type Notes @wes_table ${written} { id: ID! @wes_pk orgId: ID! }`);
        const errors = result.diagnostics.filter((d) => d.severity === 'error');
        expect(result.ir === null).toBe(errors.length > 0);
        for (const d of result.diagnostics) expect(d.line).toBe(1);
      }),
      { numRuns: 300 },
    );
  });
});
