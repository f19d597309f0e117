import {
  compileSchema,
  describeChange,
  diffSchemas,
  type Change,
  type SchemaIR,
  type SchemaSource,
  type SourcePosition,
} from '@wesley/core';
import { describe, expect, it } from 'vitest';
import { changeLocator } from '../../src/plan/locate-change.js';
import { sdlPositions } from '../../src/plan/sdl-positions.js';

const old: SchemaSource = {
  name: 'old.graphql',
  body: `enum Status {
  ACTIVE
}

type Account @wes_table @wes_index(columns: ["email", "nickname"]) {
  id: UUID! @wes_pk
  email: String!
  nickname: String
  status: Status!
}

type Legacy @wes_table {
  id: UUID! @wes_pk
}
`,
};

const current: SchemaSource = {
  name: 'new.graphql',
  body: `enum Status {
  ACTIVE
  BANNED
}

type Account @wes_table {
  id: UUID! @wes_pk
  email: String! @wes_unique
  status: Status!
}
`,
};

const extension: SchemaSource = { name: 'more/account.graphql', body: 'extend type Account {\n  bio: String\n}\n' };

/** Where `needle` first occurs in `source`, 1-based, as the GraphQL parser counts. */
function at(source: SchemaSource, needle: string): SourcePosition {
  const index = source.body.indexOf(needle);
  if (index < 0) throw new Error(`${needle} not in ${source.name}`);
  const before = source.body.slice(0, index).split('\n');
  return { file: source.name, line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}

function compile(...sources: SchemaSource[]): SchemaIR {
  const { ir, diagnostics } = compileSchema(sources);
  if (ir === null) throw new Error(JSON.stringify(diagnostics));
  return ir;
}

const fromIr = compile(old);
const toIr = compile(current, extension);
const changes = diffSchemas(fromIr, toIr);
const fallback: SourcePosition = { file: 'fallback.graphql', line: 1, column: 1 };

function change(kind: Change['kind']): Change {
  const found = changes.find((c) => c.kind === kind);
  if (found === undefined) throw new Error(`no ${kind} in ${changes.map((c) => c.kind).join(', ')}`);
  return found;
}

describe('changeLocator with SDL on both sides', () => {
  const locate = changeLocator(
    { ir: fromIr, positions: sdlPositions([old]) },
    { ir: toIr, positions: sdlPositions([current, extension]) },
    fallback,
  );

  it('points at the field of an added or changed column, in the file that declares it', () => {
    expect(locate(change('addColumn'))).toEqual(at(extension, 'bio'));
    expect(locate(change('addUnique'))).toEqual(at(current, 'email'));
  });

  it('points at the new enum value', () => {
    expect(locate(change('addEnumValue'))).toEqual(at(current, 'BANNED'));
  });

  it('points into the old schema for what was dropped', () => {
    expect(locate(change('dropColumn'))).toEqual(at(old, 'nickname:'));
    expect(locate(change('dropTable'))).toEqual(at(old, 'Legacy'));
  });

  it('points at the type for an index on several columns', () => {
    expect(locate(change('dropIndex'))).toEqual(at(old, 'Account'));
  });
});

describe('changeLocator without SDL for the old schema (a database or an ir.json)', () => {
  const locate = changeLocator(
    { ir: fromIr, positions: sdlPositions([]) },
    { ir: toIr, positions: sdlPositions([current, extension]) },
    fallback,
  );

  it("points a dropped column at its table's type in the new schema", () => {
    expect(locate(change('dropColumn'))).toEqual(at(current, 'Account'));
  });

  it('falls back for a table only the old schema has', () => {
    expect(locate(change('dropTable'))).toEqual(fallback);
  });
});

describe('changeLocator for row-level security (drift against a database: no SDL for it)', () => {
  const plain: SchemaSource = {
    name: 'v1.graphql',
    body: 'type Orders @wes_table {\n  id: UUID! @wes_pk\n  storeId: UUID!\n  ownerId: UUID!\n}\n',
  };
  const secured: SchemaSource = {
    name: 'v2.graphql',
    body: `type Orders @wes_table
  @tenant(by: "storeId")
  @wes_owner(column: "ownerId")
  @wes_rls(name: "orders_audit", select: "true", roles: ["auditor"])
  @wes_grant(roles: ["app_user"]) {
  id: UUID! @wes_pk
  storeId: UUID!
  ownerId: UUID!
}
`,
  };
  const live = compile(plain);
  const expected = compile(secured);
  const security = diffSchemas(live, expected);
  const locate = changeLocator({ ir: live, positions: sdlPositions([]) }, { ir: expected, positions: sdlPositions([secured]) }, fallback);
  const policy = (name: string): Change => {
    const found = security.find((c) => describeChange(c).scope === 'policy' && describeChange(c).object === name);
    if (found === undefined) throw new Error(`no change of policy ${name}`);
    return found;
  };

  it('points a missing policy at the directive that declares it, in any spelling', () => {
    expect(locate(policy('orders_tenant_isolation'))).toEqual(at(secured, '@tenant(by'));
    expect(locate(policy('orders_owner_update'))).toEqual(at(secured, '@wes_owner'));
    expect(locate(policy('orders_audit_select'))).toEqual(at(secured, '@wes_rls'));
  });

  it('points missing privileges at @wes_grant and row-level security at the first policy directive', () => {
    const grant = security.find((c) => describeChange(c).scope === 'privileges');
    const enable = security.find((c) => describeChange(c).scope === 'rowSecurity');
    expect(grant === undefined ? null : locate(grant)).toEqual(at(secured, '@wes_grant'));
    expect(enable === undefined ? null : locate(enable)).toEqual(at(secured, '@tenant(by'));
  });
});
