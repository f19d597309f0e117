/**
 * The acceptance of the plugin as a user gets it: the packed tarballs installed with `npm install`
 * in a project outside this workspace (the registry supplies eslint, graphql-eslint and graphql),
 * linted through ESLint's Node API and once through the `eslint` command, with graphql-eslint's
 * `flat/schema-recommended` beside `configs.recommended` as docs/eslint.md sets them up. Needs the
 * build (`npm run build`) and the npm registry.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileSchema } from '@wesley/core';
import { pack, run, runOk, workspaceVersion } from '../../cli/test/packed-packages.js';

/**
 * One schema, with five of the compiler's error codes (WES018, WES014, WES015, WES020, WES011) and
 * three design hazards: an unbounded unique text, an unindexed foreign key, a public field exposing
 * PII. The errors are ones GraphQL itself accepts: graphql-eslint builds its schema from this
 * file, and an unknown directive or type (WES003, WES010) would fail that build and the file's
 * parse (docs/eslint.md#with-graphql-eslints-rules). Three more unindexed foreign keys are not
 * hazards to report: senderId's and signerId's have an error of their own, and InvoiceLine's
 * type-level index, which names a missing column, may be the index meant for invoiceId.
 */
const schema = `"A customer."
type Customer @wes_table {
  "Its key."
  id: ID! @wes_pk
  "Where to write."
  email: String! @wes_unique @wes_pii
  "Born when."
  age: Int @wes_default(value: "old")
}

"An invoice."
type Invoice @wes_table {
  "Its key."
  id: ID! @wes_pk
  "Who pays."
  customerId: ID! @wes_fk(ref: "Customer.id")
  "Who sent it."
  senderId: ID! @wes_fk(ref: "Custmer.id")
  "Who signed it."
  signerId: ID! @wes_fk(ref: "Customer.key")
}

"A line of an invoice."
type InvoiceLine @wes_table @wes_index(columns: ["invoice"]) {
  "Its key."
  id: ID! @wes_pk
  "Its invoice."
  invoiceId: ID! @wes_fk(ref: "Invoice.id")
}

"A note."
type Note @wes_table {
  "What it says."
  body: String!
}

"The API."
type Query {
  "One customer."
  customer(id: ID!): Customer
}
`;

const eslintConfig = `import graphql from '@graphql-eslint/eslint-plugin';
import wesley, { schemaDeclarations } from '@wesley/eslint-plugin';

export default [
  {
    files: ['**/*.graphql'],
    languageOptions: {
      parser: graphql.parser,
      parserOptions: { graphQLConfig: { schema: ['schema/*.graphql', schemaDeclarations()] } },
    },
    plugins: { '@graphql-eslint': graphql },
    rules: graphql.configs['flat/schema-recommended'].rules,
  },
  wesley.configs.recommended,
];
`;

/** ESLint's Node API in the project: lint (and with "fix", fix and write) every .graphql file; print the messages. */
const lintScript = `import path from 'node:path';
import { ESLint } from 'eslint';
const fix = process.argv[2] === 'fix';
const eslint = new ESLint({ fix });
const results = await eslint.lintFiles(['**/*.graphql']);
if (fix) await ESLint.outputFixes(results);
console.log(JSON.stringify(Object.fromEntries(results.map((r) => [
  path.relative(process.cwd(), r.filePath),
  r.messages.map((m) => ({ ruleId: m.ruleId, line: m.line, column: m.column, message: m.message, fatal: m.fatal === true })),
]))));
`;

interface Message {
  readonly ruleId: string | null;
  readonly line: number;
  readonly column: number;
  readonly message: string;
  readonly fatal: boolean;
}

const show = (m: Message) => `${m.line}:${m.column} ${m.ruleId} ${m.message}`;
const wesleyOnly = (messages: readonly Message[]) => messages.filter((m) => m.ruleId?.startsWith('@wesley/')).map(show);

describe('the packed plugin in a project of its own', () => {
  let root: string;
  let app: string;
  const lint = async (...args: string[]) => JSON.parse((await runOk(app, 'node', 'lint.mjs', ...args)).stdout) as Record<string, Message[]>;

  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'wesley-eslint-packed-'));
    app = path.join(root, 'app');
    const tarballs = path.join(root, 'tarballs');
    await mkdir(tarballs);
    await mkdir(path.join(app, 'schema'), { recursive: true });
    const packed = await pack('--pack-destination', tarballs);
    const tarball = (name: 'core' | 'config' | 'eslint-plugin') => `file:${path.join(tarballs, packed.get(name)!.filename)}`;
    const manifest = {
      name: 'wesley-eslint-app',
      private: true,
      type: 'module',
      devDependencies: {
        '@wesley/core': tarball('core'),
        '@wesley/config': tarball('config'),
        '@wesley/eslint-plugin': tarball('eslint-plugin'),
        '@graphql-eslint/eslint-plugin': workspaceVersion('@graphql-eslint/eslint-plugin'),
        eslint: workspaceVersion('eslint'),
        graphql: workspaceVersion('graphql'),
      },
    };
    await writeFile(path.join(app, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    await writeFile(path.join(app, 'eslint.config.js'), eslintConfig);
    await writeFile(path.join(app, 'lint.mjs'), lintScript);
    await writeFile(path.join(app, 'schema', 'shop.graphql'), schema);
    await runOk(app, 'npm', 'install', '--no-audit', '--no-fund', '--prefer-offline');
  }, 600_000);

  afterAll(async () => {
    if (root !== undefined) await rm(root, { recursive: true, force: true });
  });

  it("reports the compiler's five errors at its line:column and the three hazards beside them, and graphql-eslint's rules run too", async () => {
    const found = (await lint())['schema/shop.graphql']!;
    // Exactly what the compiler says, where it says it: each message is its code, message and help.
    const compiled = compileSchema({ name: 'schema/shop.graphql', body: schema }).diagnostics;
    expect(compiled.map((d) => `${d.severity} ${d.code}`)).toEqual([
      'error WES018',
      'error WES014',
      'error WES015',
      'error WES020',
      'error WES011',
    ]);
    const errors = compiled.map((d) => `${d.line}:${d.column} @wesley/diagnostics ${d.code}: ${d.message}; help: ${d.help}`);
    const hazards = [
      '5:3 @wesley/indexed-unbounded-text customer.email is text without a length limit in unique constraint customer_email_key: a value over about 2.7 kB cannot be stored in a btree entry, so its insert fails',
      '15:3 @wesley/foreign-key-index foreign key invoice_customer_id_fkey (invoice.customer_id -> customer) has no index led by its columns: each delete or key update in customer scans invoice',
      '39:3 @wesley/sensitive-exposed Query.customer exposes Customer, whose email (@wes_pii) is marked sensitive: return a type without it',
    ];
    const byPlace = (a: string, b: string) => Number(a.split(':')[0]) - Number(b.split(':')[0]);
    expect(wesleyOnly(found)).toEqual([...errors, ...hazards].sort(byPlace));
    // graphql-eslint ran on the same file (its schema built, no parsing error, no crash): its one
    // finding is its style of descriptions (block strings), at each of the sixteen; none repeats one of Wesley's.
    expect(found.filter((m) => m.fatal || m.ruleId === null)).toEqual([]);
    const theirs = found.filter((m) => !m.ruleId?.startsWith('@wesley/'));
    const descriptions = schema.split('\n').flatMap((line, i) => (/^\s*"/.test(line) ? [`${i + 1}:${line.indexOf('"') + 1}`] : []));
    expect(descriptions).toHaveLength(16);
    expect(theirs.map((m) => m.ruleId)).toEqual(Array(16).fill('@graphql-eslint/description-style'));
    expect(theirs.map((m) => `${m.line}:${m.column}`)).toEqual(descriptions);
  }, 120_000);

  it('the eslint command reports the same, and --fix (fix: true + ESLint.outputFixes) applies the fixes', async () => {
    const viaApi = await lint();
    // The command as a user runs it (npx eslint): it exits 1, as the schema has errors.
    const command = await run(app, 'npx', '--no-install', 'eslint', '--format', 'json', '.');
    expect(command.code, command.stderr).toBe(1);
    const cli = (JSON.parse(command.stdout) as { filePath: string; messages: Message[] }[]).map((result) => ({
      ...result,
      messages: result.messages.map(({ ruleId, line, column, message, fatal }) => ({
        ruleId,
        line,
        column,
        message,
        fatal: fatal === true,
      })),
    }));
    // `eslint .` lints the project's JavaScript too (with ESLint's defaults): the schema file is compared.
    const schemas = cli.filter((result) => result.filePath.endsWith('.graphql'));
    expect(schemas.map((result) => path.relative(app, result.filePath))).toEqual(['schema/shop.graphql']);
    expect(schemas[0]!.messages).toEqual(viaApi['schema/shop.graphql']);

    const after = await lint('fix');
    expect(await readFile(path.join(app, 'schema', 'shop.graphql'), 'utf8')).toBe(
      schema.replace('@wes_fk(ref: "Customer.id")', '@wes_fk(ref: "Customer.id") @wes_index'),
    );
    // What is left needs a human: the five errors, the unbounded text and the exposed PII.
    expect(wesleyOnly(after['schema/shop.graphql']!).map((m) => /WES\d+/.exec(m)?.[0] ?? m.split(' ')[1])).toEqual([
      '@wesley/indexed-unbounded-text',
      'WES018',
      'WES014',
      'WES015',
      'WES020',
      'WES011',
      '@wesley/sensitive-exposed',
    ]);
    expect(existsSync(path.join(app, 'node_modules', '@wesley', 'postgres'))).toBe(false);
  }, 120_000);
});
