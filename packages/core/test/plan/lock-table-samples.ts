import type { ChangeKind, PlanOptions, SchemaIR, TableIR } from '@wesley/core';
import { grant, policy, tenantPolicy, withSecurity } from '../support/security-fixtures.js';
import { sdlIR } from '../support/sdl-ir.js';

/**
 * One small migration whose plan shows how the planner handles one change kind in one
 * situation (a server version, a partitioned table, a table without a primary key).
 */
export interface LockTableSample {
  readonly kind: ChangeKind;
  readonly variant: string;
  readonly from: SchemaIR;
  readonly to: SchemaIR;
  readonly options?: PlanOptions;
}

const account = (fields: string, directives = '') => `type Account @wes_table${directives} {\n  id: BigInt! @wes_pk\n${fields}\n}`;
const team = 'type Team @wes_table {\n  id: BigInt! @wes_pk\n}';
const ir = (...types: string[]) => sdlIR(types.join('\n'));
const withoutKey = (schema: SchemaIR, name: string): SchemaIR => ({
  ...schema,
  tables: schema.tables.map((t): TableIR => (t.name === name ? { ...t, primaryKey: null } : t)),
});

const event = (directives: string) =>
  [
    `type Event @wes_table @wes_partition(by: "at", strategy: RANGE) @wes_pk(columns: ["id", "at"])${directives} {`,
    '  id: BigInt!\n  at: DateTime!\n  kind: String!\n  ref: String!\n  clubId: BigInt\n}',
  ].join('');
const club = 'type Club @wes_table {\n  id: BigInt! @wes_pk\n}';
const line = (key: string, name = 'Line', directives = '') =>
  `type ${name} @wes_table${directives} { id: BigInt! @wes_pk  ${key}: BigInt @wes_fk(ref: "Account.id") }`;
const countOf = (from: string) => `@wes_derived(fn: count, from: "${from}")`;

const pg = (major: number): PlanOptions => ({ serverVersion: major * 10000 });

/** Every operation kind, in each situation where its plan (steps, locks, warnings) differs. */
export const lockTableSamples: readonly LockTableSample[] = [
  { kind: 'createEnum', variant: 'new enum type', from: ir(account('')), to: ir('enum Mood { HAPPY SAD }', account('  mood: Mood')) },
  {
    kind: 'dropEnum',
    variant: 'enum no column uses',
    from: ir('enum Mood { HAPPY SAD }', account('  mood: Mood')),
    to: ir(account('')),
  },
  {
    kind: 'addEnumValue',
    variant: 'PostgreSQL 12+',
    from: ir('enum Mood { HAPPY SAD }', account('  mood: Mood')),
    to: ir('enum Mood { HAPPY SAD ANGRY }', account('  mood: Mood')),
  },
  {
    kind: 'addEnumValue',
    variant: 'PostgreSQL 11',
    from: ir('enum Mood { HAPPY SAD }', account('  mood: Mood')),
    to: ir('enum Mood { HAPPY ANGRY SAD }', account('  mood: Mood')),
    options: pg(11),
  },
  {
    kind: 'alterEnumValues',
    variant: 'label removed',
    from: ir('enum Mood { HAPPY SAD }', account('  mood: Mood')),
    to: ir('enum Mood { HAPPY }', account('  mood: Mood')),
  },
  { kind: 'createTable', variant: 'with key and index', from: ir(team), to: ir(team, account('  name: String! @wes_index')) },
  {
    kind: 'dropTable',
    variant: 'with a foreign key to another table',
    from: ir(team, account('  teamId: BigInt @wes_fk(ref: "Team.id")')),
    to: ir(team),
    options: { allowDestructive: true },
  },
  {
    kind: 'renameTable',
    variant: 'renamed',
    from: ir(account('  name: String!')),
    to: ir('type Member @wes_table @wes_renamed(from: "account") {\n  id: BigInt! @wes_pk\n  name: String!\n}'),
  },
  {
    kind: 'alterPartition',
    variant: 'existing table partitioned',
    from: ir('type Event @wes_table @wes_pk(columns: ["id", "at"]) {\n  id: BigInt!\n  at: DateTime!\n}'),
    to: ir(
      'type Event @wes_table @wes_partition(by: "at", strategy: RANGE) @wes_pk(columns: ["id", "at"]) {\n  id: BigInt!\n  at: DateTime!\n}',
    ),
  },
  {
    kind: 'alterDerived',
    variant: 'derived column added to a table with rows',
    from: ir(account('  name: String!'), line('accountId')),
    to: ir(account(`  name: String!\n  lines: Int! ${countOf('Line.accountId')}`), line('accountId')),
  },
  {
    kind: 'alterDerived',
    variant: 'derived column in a table the plan creates',
    from: ir(team),
    to: ir(team, account(`  lines: Int! ${countOf('Line.accountId')}`), line('accountId')),
  },
  {
    kind: 'alterDerived',
    variant: 'new fn',
    from: ir(account(`  lines: Int! ${countOf('Line.accountId')}`), line('accountId')),
    to: ir(account('  lines: BigInt @wes_derived(fn: max, from: "Line.accountId", of: "id")'), line('accountId')),
  },
  {
    kind: 'alterDerived',
    variant: 'child table renamed',
    from: ir(account(`  lines: Int! ${countOf('Line.accountId')}`), line('accountId')),
    to: ir(account(`  lines: Int! ${countOf('Item.accountId')}`), line('accountId', 'Item', ' @wes_renamed(from: "line")')),
  },
  {
    kind: 'alterDerived',
    variant: 'no longer derived',
    from: ir(account(`  lines: Int! ${countOf('Line.accountId')}`), line('accountId')),
    to: ir(account('  lines: Int!'), line('accountId')),
  },
  {
    kind: 'addColumn',
    variant: 'nullable, no default',
    from: ir(account('  name: String!')),
    to: ir(account('  name: String!\n  bio: String')),
  },
  {
    kind: 'addColumn',
    variant: 'constant default',
    from: ir(account('  name: String!')),
    to: ir(account('  name: String!\n  plan: String! @wes_default(value: "free")')),
  },
  {
    kind: 'addColumn',
    variant: 'volatile default, PostgreSQL 18',
    from: ir(account('  name: String!')),
    to: ir(account('  name: String!\n  token: UUID! @wes_default(expr: "gen_random_uuid()")')),
  },
  {
    kind: 'addColumn',
    variant: 'volatile default, PostgreSQL 12-17',
    from: ir(account('  name: String!')),
    to: ir(account('  name: String!\n  token: UUID! @wes_default(expr: "gen_random_uuid()")')),
    options: pg(15),
  },
  {
    kind: 'addColumn',
    variant: 'volatile default, PostgreSQL 11',
    from: ir(account('  name: String!')),
    to: ir(account('  name: String!\n  token: UUID! @wes_default(expr: "gen_random_uuid()")')),
    options: pg(11),
  },
  {
    kind: 'addColumn',
    variant: 'volatile default, table without a primary key',
    from: withoutKey(ir(account('  name: String!')), 'account'),
    to: withoutKey(ir(account('  name: String!\n  token: UUID @wes_default(expr: "gen_random_uuid()")')), 'account'),
  },
  {
    kind: 'addColumn',
    variant: 'generated column on an indexed table',
    from: ir(account('  price: Int! @wes_index')),
    to: ir(account('  price: Int! @wes_index\n  twice: Int @wes_computed(expr: "price * 2")')),
  },
  {
    kind: 'addColumn',
    variant: 'NOT NULL without a default',
    from: ir(account('  name: String!')),
    to: ir(account('  name: String!\n  code: String!')),
  },
  {
    kind: 'dropColumn',
    variant: 'dropped',
    from: ir(account('  name: String!\n  legacy: String')),
    to: ir(account('  name: String!')),
    options: { allowDestructive: true },
  },
  {
    kind: 'renameColumn',
    variant: 'renamed',
    from: ir(account('  nickname: String')),
    to: ir(account('  nick: String @wes_renamed(from: "nickname")')),
  },
  {
    kind: 'alterColumnType',
    variant: 'binary-coercible (varchar widened)',
    from: ir(account('  email: String! @wes_column(type: "varchar(10)")')),
    to: ir(account('  email: String! @wes_column(type: "varchar(20)")')),
  },
  {
    kind: 'alterColumnType',
    variant: 'needs a rewrite (int to bigint), PostgreSQL 18',
    from: ir(account('  total: Int!')),
    to: ir(account('  total: BigInt!')),
  },
  {
    kind: 'alterColumnType',
    variant: 'needs a rewrite, PostgreSQL 12-17',
    from: ir(account('  total: Int!')),
    to: ir(account('  total: BigInt!')),
    options: pg(15),
  },
  {
    kind: 'alterColumnType',
    variant: 'needs a rewrite, PostgreSQL 11',
    from: ir(account('  total: Int!')),
    to: ir(account('  total: BigInt!')),
    options: pg(11),
  },
  {
    kind: 'alterColumnType',
    variant: 'needs a rewrite, column indexed',
    from: ir(account('  total: Int! @wes_index')),
    to: ir(account('  total: BigInt! @wes_index')),
  },
  { kind: 'setNotNull', variant: 'PostgreSQL 18', from: ir(account('  age: Int')), to: ir(account('  age: Int!')) },
  { kind: 'setNotNull', variant: 'PostgreSQL 12-17', from: ir(account('  age: Int')), to: ir(account('  age: Int!')), options: pg(15) },
  { kind: 'setNotNull', variant: 'PostgreSQL 11', from: ir(account('  age: Int')), to: ir(account('  age: Int!')), options: pg(11) },
  {
    kind: 'setNotNull',
    variant: 'with a default, PostgreSQL 18',
    from: ir(account('  age: Int')),
    to: ir(account('  age: Int! @wes_default(value: 0)')),
  },
  {
    kind: 'setNotNull',
    variant: 'with a default, PostgreSQL 12-17',
    from: ir(account('  age: Int')),
    to: ir(account('  age: Int! @wes_default(value: 0)')),
    options: pg(15),
  },
  { kind: 'dropNotNull', variant: 'relaxed', from: ir(account('  motto: String!')), to: ir(account('  motto: String')) },
  {
    kind: 'alterDefault',
    variant: 'default set',
    from: ir(account('  handle: String')),
    to: ir(account('  handle: String @wes_default(value: "anon")')),
  },
  {
    kind: 'alterDefault',
    variant: 'default dropped',
    from: ir(account('  status: String @wes_default(value: "new")')),
    to: ir(account('  status: String')),
  },
  {
    kind: 'alterGenerated',
    variant: 'new expression, PostgreSQL 17+',
    from: ir(account('  price: Int!\n  total: Int @wes_computed(expr: "price * 2")')),
    to: ir(account('  price: Int!\n  total: Int @wes_computed(expr: "price * 3")')),
  },
  {
    kind: 'alterGenerated',
    variant: 'new expression, PostgreSQL 13-16',
    from: ir(account('  price: Int!\n  total: Int @wes_computed(expr: "price * 2")')),
    to: ir(account('  price: Int!\n  total: Int @wes_computed(expr: "price * 3")')),
    options: pg(16),
  },
  {
    kind: 'alterGenerated',
    variant: 'expression dropped',
    from: ir(account('  price: Int!\n  total: Int @wes_computed(expr: "price * 2")')),
    to: ir(account('  price: Int!\n  total: Int')),
  },
  {
    kind: 'alterGenerated',
    variant: 'expression dropped, PostgreSQL 12',
    from: ir(account('  price: Int!\n  total: Int @wes_computed(expr: "price * 2")')),
    to: ir(account('  price: Int!\n  total: Int')),
    options: pg(12),
  },
  {
    kind: 'addPrimaryKey',
    variant: 'table without one',
    from: withoutKey(ir(account('  amount: Int!')), 'account'),
    to: ir(account('  amount: Int!')),
  },
  {
    kind: 'addPrimaryKey',
    variant: 'partitioned table',
    from: withoutKey(ir(club, event('')), 'event'),
    to: ir(club, event('')),
  },
  {
    kind: 'dropPrimaryKey',
    variant: 'dropped',
    from: ir(account('  amount: Int!')),
    to: withoutKey(ir(account('  amount: Int!')), 'account'),
  },
  {
    kind: 'alterPrimaryKey',
    variant: 'new columns',
    from: ir('type Seat @wes_table @wes_pk(columns: ["row"]) {\n  row: Int!\n  col: Int!\n}'),
    to: ir('type Seat @wes_table @wes_pk(columns: ["row", "col"]) {\n  row: Int!\n  col: Int!\n}'),
  },
  { kind: 'addUnique', variant: 'plain table', from: ir(account('  email: String!')), to: ir(account('  email: String! @wes_unique')) },
  {
    kind: 'addUnique',
    variant: 'partitioned table',
    from: ir(club, event('')),
    to: ir(club, event(' @wes_unique(columns: ["ref", "at"], name: "event_ref_at_key")')),
  },
  { kind: 'dropUnique', variant: 'dropped', from: ir(account('  email: String! @wes_unique')), to: ir(account('  email: String!')) },
  {
    kind: 'dropUnique',
    variant: 'before a fill of its column',
    from: ir(account('  email: String @wes_unique')),
    to: ir(account('  email: String! @wes_default(value: "")')),
  },
  {
    kind: 'alterUnique',
    variant: 'new columns',
    from: ir(account('  num: Int!\n  teamId: BigInt!', ' @wes_unique(columns: ["num"], name: "account_num_key")')),
    to: ir(account('  num: Int!\n  teamId: BigInt!', ' @wes_unique(columns: ["num", "teamId"], name: "account_num_key")')),
  },
  {
    kind: 'addForeignKey',
    variant: 'existing table',
    from: ir(team, account('  teamId: BigInt')),
    to: ir(team, account('  teamId: BigInt @wes_fk(ref: "Team.id")')),
  },
  {
    kind: 'addForeignKey',
    variant: 'new table',
    from: ir(team),
    to: ir(team, account('  teamId: BigInt @wes_fk(ref: "Team.id")')),
  },
  {
    kind: 'addForeignKey',
    variant: 'partitioned table',
    from: ir(club, event('')),
    to: ir(club, event('').replace('clubId: BigInt', 'clubId: BigInt @wes_fk(ref: "Club.id")')),
  },
  {
    kind: 'dropForeignKey',
    variant: 'dropped',
    from: ir(team, account('  teamId: BigInt @wes_fk(ref: "Team.id")')),
    to: ir(team, account('  teamId: BigInt')),
  },
  {
    kind: 'dropForeignKey',
    variant: 'before a fill of its column',
    from: ir(team, account('  teamId: BigInt @wes_fk(ref: "Team.id")')),
    to: ir(team, account('  teamId: BigInt! @wes_default(value: 0)')),
  },
  {
    kind: 'alterForeignKey',
    variant: 'new action',
    from: ir(team, account('  teamId: BigInt @wes_fk(ref: "Team.id")')),
    to: ir(team, account('  teamId: BigInt @wes_fk(ref: "Team.id", onDelete: "CASCADE")')),
  },
  {
    kind: 'addCheck',
    variant: 'added',
    from: ir(account('  score: Int!')),
    to: ir(account('  score: Int! @wes_check(expr: "score >= 0")')),
  },
  {
    kind: 'dropCheck',
    variant: 'dropped',
    from: ir(account('  score: Int! @wes_check(expr: "score >= 0")')),
    to: ir(account('  score: Int!')),
  },
  {
    kind: 'alterCheck',
    variant: 'new expression',
    from: ir(account('  score: Int! @wes_check(expr: "score >= 0")')),
    to: ir(account('  score: Int! @wes_check(expr: "score >= -1")')),
  },
  {
    kind: 'renameConstraint',
    variant: 'check renamed',
    from: ir(account('  score: Int!', ' @wes_check(expr: "score >= 0", name: "account_score_positive")')),
    to: ir(account('  score: Int!', ' @wes_check(expr: "score >= 0", name: "account_score_check")')),
  },
  { kind: 'addIndex', variant: 'plain table', from: ir(account('  title: String!')), to: ir(account('  title: String! @wes_index')) },
  {
    kind: 'addIndex',
    variant: 'partitioned table',
    from: ir(club, event('')),
    to: ir(club, event(' @wes_index(columns: ["ref"], name: "event_ref_idx")')),
  },
  { kind: 'dropIndex', variant: 'plain table', from: ir(account('  title: String! @wes_index')), to: ir(account('  title: String!')) },
  {
    kind: 'dropIndex',
    variant: 'unique, before a fill of its column',
    from: ir(account('  title: String @wes_index', ' @wes_index(columns: ["title"], unique: true, name: "account_title_key")')),
    to: ir(account('  title: String! @wes_default(value: "")')),
  },
  {
    kind: 'dropIndex',
    variant: 'partitioned table',
    from: ir(club, event(' @wes_index(columns: ["ref"], name: "event_ref_idx")')),
    to: ir(club, event('')),
  },
  {
    kind: 'replaceIndex',
    variant: 'plain table',
    from: ir(account('  title: String!', ' @wes_index(columns: ["title"], name: "account_title_idx")')),
    to: ir(account('  title: String!', ' @wes_index(columns: ["title", "id"], name: "account_title_idx")')),
  },
  {
    kind: 'replaceIndex',
    variant: 'partitioned table',
    from: ir(club, event(' @wes_index(columns: ["ref"], name: "event_ref_idx")')),
    to: ir(club, event(' @wes_index(columns: ["ref", "kind"], name: "event_ref_idx")')),
  },
  {
    kind: 'renameIndex',
    variant: 'renamed',
    from: ir(account('  slug: String!', ' @wes_index(columns: ["slug"], name: "account_slug_idx")')),
    to: ir(account('  slug: String!', ' @wes_index(columns: ["slug"], name: "account_slug_lookup_idx")')),
  },
  ...securitySamples(),
];

/** Row-level security, policies and privileges, on a tenant-scoped table (the IR written directly: see `withSecurity`). */
function securitySamples(): LockTableSample[] {
  const plain = ir(account('  tenantId: BigInt!'));
  const tenant = tenantPolicy('account_tenant', 'tenant_id');
  const on = withSecurity(plain, 'account', { enabled: true, policies: [tenant], grants: [grant('app', ['SELECT', 'INSERT'])] });
  const secured = (security: Parameters<typeof withSecurity>[2]) =>
    withSecurity(plain, 'account', { enabled: true, policies: [tenant], ...security });
  return [
    { kind: 'setRowSecurity', variant: 'enabled, with its policy', from: plain, to: on },
    {
      kind: 'setRowSecurity',
      variant: 'enabled without any policy (preset system_only)',
      from: plain,
      to: withSecurity(plain, 'account', { enabled: true }),
    },
    { kind: 'setRowSecurity', variant: 'disabled', from: on, to: withSecurity(plain, 'account', { policies: [tenant] }) },
    { kind: 'setForceRowSecurity', variant: 'forced', from: secured({}), to: secured({ forced: true }) },
    {
      kind: 'createPolicy',
      variant: 'restrictive, on a table with row-level security on',
      from: secured({}),
      to: secured({ policies: [tenant, policy('account_open', { permissive: false, using: 'true' })] }),
    },
    { kind: 'alterPolicy', variant: 'new USING', from: secured({}), to: secured({ policies: [{ ...tenant, using: 'tenant_id > 0' }] }) },
    {
      kind: 'replacePolicy',
      variant: 'command changed',
      from: secured({}),
      to: secured({ policies: [{ ...tenant, command: 'SELECT', check: null }] }),
    },
    {
      kind: 'dropPolicy',
      variant: 'dropped, row-level security off',
      from: withSecurity(plain, 'account', { policies: [tenant] }),
      to: plain,
    },
    {
      kind: 'grantPrivileges',
      variant: 'granted',
      from: plain,
      to: withSecurity(plain, 'account', { grants: [grant('app', ['SELECT'])] }),
    },
    {
      kind: 'revokePrivileges',
      variant: 'revoked',
      from: withSecurity(plain, 'account', { grants: [grant('app', ['SELECT', 'DELETE'])] }),
      to: withSecurity(plain, 'account', { grants: [grant('app', ['SELECT'])] }),
    },
    {
      kind: 'createTable',
      variant: 'with row-level security',
      from: ir(team),
      to: withSecurity(ir(team, account('  tenantId: BigInt!')), 'account', {
        enabled: true,
        forced: true,
        policies: [tenant],
        grants: [grant('app', ['SELECT'])],
      }),
    },
  ];
}
