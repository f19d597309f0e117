import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import wesley from '@wesley/eslint-plugin';
import { lint, project } from './lint-schema.js';

const timeout = 60_000;

describe('careless inputs', () => {
  it(
    'CRLF line ends: the compiler and ESLint count the same lines',
    async () => {
      const dir = await project({ 'schema.graphql': 'type User @wes_table {\r\n  id: ID! @wes_pk\r\n  name: String @wes_indx\r\n}\r\n' });
      const found = await lint(dir, ['schema.graphql']);
      expect(found['schema.graphql']).toEqual([expect.stringMatching(/^@wesley\/diagnostics 3:16 WES003: unknown directive @wes_indx/)]);
    },
    timeout,
  );

  it(
    'a file that is not GraphQL is the parser error ESLint reports, and no rule crashes',
    async () => {
      const dir = await project({ 'schema.graphql': 'type User @wes_table {\n  id: ID! @wes_pk\n' });
      const found = await lint(dir, ['schema.graphql']);
      expect(found['schema.graphql']).toEqual([
        expect.stringMatching(/^null 3:0 Parsing error: \[graphql-eslint\] Syntax Error: Expected Name, found <EOF>/),
      ]);
    },
    timeout,
  );

  it(
    'an empty file, or one of comments, stops at the parser (graphql-eslint 4.4 fails a document with no definition), no rule crashes',
    async () => {
      const dir = await project({ 'a.graphql': '', 'b.graphql': '# nothing yet\n' });
      const found = await lint(dir, ['*.graphql']);
      for (const file of ['a.graphql', 'b.graphql'])
        expect(found[file]).toEqual([expect.stringMatching(/^null .*Parsing error: \[graphql-eslint\]/)]);
    },
    timeout,
  );

  it(
    "an editor's unsaved text of one file of a multi-file schema is what is compiled, the other files as on disk",
    async () => {
      const dir = await project({
        'schema/a.graphql': 'type User @wes_table { id: ID! @wes_pk }\n',
        'schema/b.graphql': 'type Order @wes_table { id: ID! @wes_pk userId: ID! @wes_fk(ref: "User.id") @wes_index }\n',
      });
      const eslint = new ESLint({
        cwd: dir,
        overrideConfigFile: true,
        overrideConfig: [wesley.configs.recommended, { settings: { wesley: { schema: 'schema/*.graphql' } } }],
      });
      // The user is renaming User.id in a.graphql, not yet saved: b's reference breaks there and then.
      const [result] = await eslint.lintText('type User @wes_table { key: ID! @wes_pk }\n', {
        filePath: path.join(dir, 'schema/a.graphql'),
      });
      expect(result!.messages).toEqual([]);
      const [other] = await eslint.lintFiles(['schema/b.graphql']);
      expect(other!.messages).toEqual([]);
      const [edited] = await eslint.lintText(
        'type Order @wes_table { id: ID! @wes_pk userId: ID! @wes_fk(ref: "User.key") @wes_index }\n',
        {
          filePath: path.join(dir, 'schema/b.graphql'),
        },
      );
      // b's text names User.key; a.graphql on disk still has id: the compiler says so.
      expect(edited!.messages.map((m) => `${m.line}:${m.column} ${m.message.split(';')[0]}`)).toEqual([
        '1:66 WES015: ref "User.key": User has no field key',
      ]);
    },
    timeout,
  );

  it(
    'settings.wesley of the wrong shape is a configuration error naming the setting',
    async () => {
      const dir = await project({ 'schema.graphql': 'type User @wes_table { id: ID! @wes_pk }\n' });
      await expect(lint(dir, ['schema.graphql'], [{ settings: { wesley: { schema: 42 } } }])).rejects.toThrow(
        /settings\.wesley: schema must be a path or glob, or a list of them/,
      );
      await expect(lint(dir, ['schema.graphql'], [{ settings: { wesley: { scalars: ['citext'] } } }])).rejects.toThrow(
        /settings\.wesley: scalars must map scalar names to PostgreSQL type names/,
      );
    },
    timeout,
  );

  it(
    'a schema glob that matches nothing leaves each file a schema of its own',
    async () => {
      const dir = await project({ 'schema.graphql': 'type User @wes_table { id: ID! @wes_pk }\n' });
      expect(await lint(dir, ['schema.graphql'], [{ settings: { wesley: { schema: ['nowhere/*.graphql'] } } }])).toEqual({
        'schema.graphql': [],
      });
    },
    timeout,
  );
});

describe("the project's wesley.config", () => {
  it(
    'gives the schema files and scalars when settings.wesley does not',
    async () => {
      const dir = await project({
        'db/wesley.config.json': JSON.stringify({ schema: ['schema/*.graphql'], scalars: { Email: 'citext' } }),
        'db/schema/a.graphql': 'type User @wes_table { id: ID! @wes_pk email: Email! }\n',
        'db/schema/b.graphql': 'type Order @wes_table { id: ID! @wes_pk userId: ID! @wes_fk(ref: "User.id") @wes_index }\n',
        'db/other.graphql': 'type Tag @wes_table { id: ID! @wes_pk owner: ID! @wes_fk(ref: "User.id") @wes_index }\n',
      });
      const found = await lint(dir, ['db/**/*.graphql']);
      // a and b compile together, with the config's Email; other.graphql is not in its schema: alone.
      expect(found).toEqual({
        'db/other.graphql': [
          expect.stringMatching(/^@wesley\/diagnostics 1:\d+ WES014: ref "User.id" names User, which is not a @wes_table type/),
        ],
        'db/schema/a.graphql': [],
        'db/schema/b.graphql': [],
      });
      // settings.wesley.scalars wins over the config's.
      const overridden = await lint(dir, ['db/schema/a.graphql'], [{ settings: { wesley: { scalars: {} } } }]);
      expect(overridden['db/schema/a.graphql']).toEqual([
        expect.stringMatching(/^@wesley\/diagnostics 1:\d+ WES010: unknown type "Email"/),
      ]);
    },
    timeout,
  );

  it(
    'a config that does not load is reported on line 1 of each file, with its help',
    async () => {
      const dir = await project({
        'wesley.config.json': JSON.stringify({ schema: 'schema.graphql', outDri: 'x' }),
        'schema.graphql': 'type User @wes_table { id: ID! @wes_pk }\n',
      });
      const found = await lint(dir, ['schema.graphql']);
      expect(found['schema.graphql']).toEqual([
        expect.stringMatching(/^@wesley\/diagnostics 1:1 wesley\.config\.json: .*outDri.*; help: /),
      ]);
    },
    timeout,
  );
});
