import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import wesley from '@wesley/eslint-plugin';
import { lint, project } from './lint-schema.js';

const timeout = 60_000;

describe('@wesley/diagnostics', () => {
  it(
    'reports each compiler diagnostic at its line and column, with code and help, and fixes a misspelt directive',
    async () => {
      const dir = await project({
        'schema.graphql': [
          'type User @wes_tabel { id: ID! @wes_pk }',
          'type Team @wes_table {',
          '  id: ID! @wes_pk',
          '  nick: String @pk2',
          '  age: Int @wes_default(value: "x")',
          '}',
          'type Tag @table { id: ID! @wes_pk }',
          '',
        ].join('\n'),
      });
      const found = await lint(dir, ['schema.graphql']);
      expect(found['schema.graphql']).toEqual([
        expect.stringMatching(/^@wesley\/diagnostics 1:11 WES003: unknown directive @wes_tabel; help: did you mean @wes_table\?/),
        expect.stringMatching(
          /^@wesley\/diagnostics 4:16 WES003: unknown directive @pk2; help: did you mean @wes_pk, @wes_fk or @wes_pii\?/,
        ),
        expect.stringMatching(/^@wesley\/diagnostics 5:32 WES018: /),
        '@wesley/diagnostics 7:10 WES009 (warning): @table is a deprecated spelling of @wes_table; help: write @wes_table',
      ]);
      await lint(dir, ['schema.graphql'], [], true);
      const fixed = await readFile(path.join(dir, 'schema.graphql'), 'utf8');
      // One close name: fixed. Three: only suggested, the text stays.
      expect(fixed).toContain('type User @wes_table { id');
      expect(fixed).toContain('nick: String @pk2');
      expect(fixed).toContain('type Tag @wes_table {');
    },
    timeout,
  );

  it(
    'reports a diagnostic of a multi-file schema in the file it is in, and a related place in its own',
    async () => {
      const dir = await project({
        'schema/a.graphql': 'type User @wes_table { id: ID! @wes_pk }\n',
        'schema/b.graphql':
          'type Account @wes_table(name: "user") { id: ID! @wes_pk }\ntype Order @wes_table { id: ID! @wes_pk userId: ID! @wes_fk(ref: "Usr.id") @wes_index }\n',
      });
      const settings = { settings: { wesley: { schema: ['schema/*.graphql'] } } };
      const found = await lint(dir, ['schema/*.graphql'], [settings]);
      expect(found['schema/b.graphql']).toEqual([
        expect.stringMatching(/^@wesley\/diagnostics 1:\d+ WES012: /),
        expect.stringMatching(/^@wesley\/diagnostics 2:\d+ WES014: .*help: did you mean "User"\?/),
      ]);
      expect(found['schema/a.graphql']).toEqual([
        '@wesley/diagnostics 1:6 WES012: User also becomes table user (Account and User both become table user)',
      ]);
      // Without the setting each file is a schema of its own: b's reference to User is then wrong too.
      const alone = await lint(dir, ['schema/*.graphql']);
      expect(alone['schema/a.graphql']).toEqual([]);
    },
    timeout,
  );

  it(
    'reports a scalar the settings map to no PostgreSQL type on line 1',
    async () => {
      const dir = await project({ 'schema.graphql': 'type User @wes_table { id: ID! @wes_pk }\n' });
      const found = await lint(dir, ['schema.graphql'], [{ settings: { wesley: { scalars: { Email: 'not a type(' } } } }]);
      expect(found['schema.graphql']).toEqual([expect.stringMatching(/^@wesley\/diagnostics 1:1 WES029: settings\.wesley: scalar Email/)]);
    },
    timeout,
  );
});

describe('schema-design rules', () => {
  const schema = [
    'type User @wes_table {',
    '  id: ID! @wes_pk',
    '  email: String! @wes_unique @wes_pii',
    '  handle: String! @wes_unique @wes_constraint(maxLength: 40)',
    '  Bio: String @wes_column(name: "Bio")',
    '}',
    'type Order @wes_table {',
    '  id: ID! @wes_pk',
    '  userId: ID! @wes_fk(ref: "User.id")',
    '  buyerId: ID! @wes_fk(ref: "User.id") @wes_index',
    '  note: String @wes_index(using: "hash")',
    '}',
    'type Query { me: User orders: [Order!]! }',
    '',
  ].join('\n');

  it(
    'each reports its hazard at the field or type, and nothing else',
    async () => {
      const dir = await project({ 'schema.graphql': schema });
      const found = await lint(dir, ['schema.graphql']);
      expect(found['schema.graphql']).toEqual([
        expect.stringMatching(
          /^@wesley\/indexed-unbounded-text 3:3 user\.email is text without a length limit in unique constraint user_email_key/,
        ),
        expect.stringMatching(/^@wesley\/naming-convention 5:15 column name user\.Bio does not match/),
        expect.stringMatching(/^@wesley\/foreign-key-index 9:3 foreign key order_user_id_fkey \(order\.user_id -> user\)/),
        '@wesley/sensitive-exposed 13:14 Query.me exposes User, whose email (@wes_pii) is marked sensitive: return a type without it',
      ]);
    },
    timeout,
  );

  it(
    '--fix adds @wes_index to a single-column foreign key, and the schema then compiles clean of it',
    async () => {
      const dir = await project({ 'schema.graphql': schema });
      await lint(dir, ['schema.graphql'], [], true);
      const fixed = await readFile(path.join(dir, 'schema.graphql'), 'utf8');
      expect(fixed).toContain('  userId: ID! @wes_fk(ref: "User.id") @wes_index\n');
      const again = await lint(dir, ['schema.graphql']);
      expect(again['schema.graphql']!.filter((m) => m.startsWith('@wesley/foreign-key-index'))).toEqual([]);
    },
    timeout,
  );

  it(
    'naming-convention takes a pattern per kind of name',
    async () => {
      const dir = await project({ 'schema.graphql': 'type UserAccount @wes_table { id: ID! @wes_pk }\n' });
      const rules = { rules: { '@wesley/naming-convention': ['error', { table: '^[a-z]+$' }] as ['error', unknown] } };
      const found = await lint(dir, ['schema.graphql'], [rules]);
      expect(found['schema.graphql']).toEqual(['@wesley/naming-convention 1:6 table name user_account does not match ^[a-z]+$']);
    },
    timeout,
  );

  it(
    'a schema with errors is judged beside them, leaving out each table and column with an error of its own',
    async () => {
      // User.handle's bound is misspelt (unique text without it) and Order's type-level index names
      // a missing column (Order.userId's key unindexed without it): findings there would be noise.
      // User's other hazards, and Query.me's, are found beside the two errors.
      const broken = schema
        .replace('@wes_constraint(maxLength: 40)', '@wes_constrain(maxLength: 40)')
        .replace('type Order @wes_table {', 'type Order @wes_table @wes_index(columns: ["usr"]) {');
      const dir = await project({ 'schema.graphql': broken });
      const found = await lint(dir, ['schema.graphql']);
      expect(found['schema.graphql']).toEqual([
        expect.stringMatching(
          /^@wesley\/indexed-unbounded-text 3:3 user\.email is text without a length limit in unique constraint user_email_key/,
        ),
        expect.stringMatching(/^@wesley\/diagnostics 4:31 WES003: unknown directive @wes_constrain;/),
        expect.stringMatching(/^@wesley\/naming-convention 5:15 column name user\.Bio does not match/),
        expect.stringMatching(/^@wesley\/diagnostics 7:43 WES020: @wes_index names "usr", which is not a column of Order;/),
        '@wesley/sensitive-exposed 13:14 Query.me exposes User, whose email (@wes_pii) is marked sensitive: return a type without it',
      ]);
    },
    timeout,
  );

  it(
    'sensitive-exposed passes over a public field with an error in it and a type with an error on it, as partialIR does for tables',
    async () => {
      // Order is a table that partialIR leaves out (its index names a missing column): its relation
      // field is not public. Payload's @wes_table is misspelt. Query.user and Query.admin each have
      // an error of their own. Only Query.me is a finding.
      const dir = await project({
        'schema.graphql': [
          'type User @wes_table { id: ID! @wes_pk email: String! @wes_pii }',
          'type Order @wes_table @wes_index(columns: ["usr"]) {',
          '  id: ID! @wes_pk',
          '  buyerId: ID! @wes_fk(ref: "User.id") @wes_index',
          '  buyer: User',
          '}',
          'type Payload @wes_tabel { user: User }',
          'type Query {',
          '  me: User',
          '  user(id: Foo): User',
          '  admin: User @wes_pk',
          '}',
          '',
        ].join('\n'),
      });
      const found = await lint(dir, ['schema.graphql']);
      expect(found['schema.graphql']).toEqual([
        expect.stringMatching(/^@wesley\/diagnostics 2:43 WES020: /),
        expect.stringMatching(/^@wesley\/diagnostics 7:14 WES003: unknown directive @wes_tabel;/),
        '@wesley/sensitive-exposed 9:3 Query.me exposes User, whose email (@wes_pii) is marked sensitive: return a type without it',
        expect.stringMatching(/^@wesley\/diagnostics 10:12 WES010: unknown type "Foo"/),
        expect.stringMatching(/^@wesley\/diagnostics 11:15 WES007: /),
      ]);
    },
    timeout,
  );
});

describe("this repository's example schemas", () => {
  it(
    'give no finding that is not a real hazard',
    async () => {
      const cwd = path.resolve(import.meta.dirname, '../../../examples/shop');
      const found = await lint(cwd, ['*.graphql']);
      expect(found).toMatchSnapshot();
    },
    timeout,
  );
});

describe('suggestions', () => {
  it(
    'indexed-unbounded-text offers each bound the field does not have yet, and applying one clears the finding',
    async () => {
      const dir = await project({});
      const eslint = new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig: [wesley.configs.recommended] });
      const text = 'type Tag @wes_table {\n  id: ID! @wes_pk\n  label: String! @wes_unique @wes_column(name: "label")\n}\n';
      const [result] = await eslint.lintText(text, { filePath: path.join(dir, 'schema.graphql') });
      const [finding] = result!.messages;
      expect(finding!.ruleId).toBe('@wesley/indexed-unbounded-text');
      expect(finding!.fix).toBeUndefined();
      // @wes_column is there already: only the CHECK is offered.
      expect(finding!.suggestions!.map((s) => s.desc)).toEqual(['bound it with @wes_constraint(maxLength: 255) (choose the length)']);
      const { range, text: inserted } = finding!.suggestions![0]!.fix;
      const bounded = text.slice(0, range[0]) + inserted + text.slice(range[1]);
      expect(bounded).toContain('label: String! @wes_unique @wes_column(name: "label") @wes_constraint(maxLength: 255)\n');
      const [again] = await eslint.lintText(bounded, { filePath: path.join(dir, 'schema.graphql') });
      expect(again!.messages).toEqual([]);
    },
    timeout,
  );
});
