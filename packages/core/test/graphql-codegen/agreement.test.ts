/**
 * Wesley's row types from the codegen plugin and `@graphql-codegen/typescript`'s object types
 * agree on every column of the shop example: same field names, same TypeScript type, under a
 * codegen `scalars` map that gives each scalar the type Wesley gives it
 * (src/codegen/scalar-type.ts). Codegen, set up as the codegen.yml of docs/graphql-codegen.md,
 * writes both files; a check module generated from the IR asserts a strict `Equals` per column,
 * and the real TypeScript compiler judges. A second run with `DateTime: Date` proves the checks
 * can fail.
 */
import { readFileSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { typeName } from '../../src/codegen/ts-syntax.js';
import type { SchemaIR } from '../../src/ir/types.js';
import { compileSchema } from '../../src/sdl/compile-schema.js';
import { generatedProject, type GeneratedProject } from '../codegen/generated-project.js';
import { generate, loadCodegenSchema } from './run-codegen.js';
import { equalsModule } from '../codegen/equals-module.js';

const shopFile = fileURLToPath(new URL('../../../../examples/shop/schema.graphql', import.meta.url));
const scalarsFile = fileURLToPath(new URL('./fixtures/wesley-scalars.graphql', import.meta.url));

/**
 * The TypeScript type Wesley gives each scalar the shop uses; GraphQL's own (`String`, `Int`,
 * `Boolean`, `ID` output) already match. `JSON` is Wesley's exported `JsonValue`.
 */
const scalars = { UUID: 'string', DateTime: 'string', Decimal: 'string', JSON: './wesley.js#JsonValue' };

/** The root `config:` of the codegen.yml this test stands for (docs/graphql-codegen.md). */
const rootConfig = { scalars, strictScalars: true, enumsAsTypes: true, useTypeImports: true };

const tsconfig = {
  compilerOptions: {
    target: 'ES2022',
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    strict: true,
    exactOptionalPropertyTypes: true,
    noUncheckedIndexedAccess: true,
    verbatimModuleSyntax: true,
    isolatedModules: true,
    skipLibCheck: true,
    noEmit: true,
    types: [],
  },
  include: ['**/*.ts'],
};

interface Check {
  /** `Table.field`, or `Table` for the check on its set of column names. */
  readonly subject: string;
  readonly line: number;
}

/**
 * One assertion per column, generated from the IR: Wesley's row property equals codegen's object
 * field without `undefined` (codegen makes a nullable field optional, `note?: Maybe<...>`, where
 * Wesley's row has `note: string | null`; `null` is compared, so nullability must agree too).
 * Per table, the column names equal codegen's fields less `__typename` and the relation fields.
 */
function checkModule(ir: SchemaIR): { text: string; checks: Check[] } {
  const lines = [
    "import type { Equals, Expect } from '../equals.js';",
    "import type * as C from './codegen.js';",
    "import type * as W from './wesley.js';",
    '',
  ];
  const checks: Check[] = [];
  for (const table of ir.tables) {
    const name = typeName(table.graphqlName);
    const relations = table.relations.map((r) => JSON.stringify(r.field));
    checks.push({ subject: name, line: lines.length + 1 });
    lines.push(
      `export type ${name}Columns = Expect<Equals<keyof W.${name}, Exclude<keyof C.${name}, ${['"__typename"', ...relations].join(' | ')}>>>;`,
    );
    for (const column of table.columns) {
      const field = JSON.stringify(column.graphqlName);
      checks.push({ subject: `${name}.${column.graphqlName}`, line: lines.length + 1 });
      lines.push(
        `export type ${name}_${column.graphqlName} = Expect<Equals<W.${name}[${field}], Exclude<C.${name}[${field}], undefined>>>;`,
      );
    }
  }
  return { text: `${lines.join('\n')}\n`, checks };
}

/** tsc's diagnostics for the project, as `{ file, line, code }`. */
function typeCheck(root: string): { file: string; line: number; code: number; message: string }[] {
  const config = ts.getParsedCommandLineOfConfigFile(
    `${root}/tsconfig.json`,
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      },
    },
  );
  if (config === undefined) throw new Error('tsconfig did not parse');
  const program = ts.createProgram({ rootNames: config.fileNames, options: config.options });
  return ts.getPreEmitDiagnostics(program).map((d) => ({
    file: d.file ? relative(root, d.file.fileName).split(sep).join('/') : '(global)',
    line: d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line + 1 : 0,
    code: d.code,
    message: ts.flattenDiagnosticMessageText(d.messageText, '\n'),
  }));
}

describe('graphql-codegen: Wesley row types agree with @graphql-codegen/typescript (tsc)', () => {
  const compiled = compileSchema({ name: 'schema.graphql', body: readFileSync(shopFile, 'utf8') });
  const ir = compiled.ir;
  if (ir === null) throw new Error(`the shop example does not compile: ${JSON.stringify(compiled.diagnostics)}`);
  const { text: check, checks } = checkModule(ir);
  let project: GeneratedProject;
  let diagnostics: ReturnType<typeof typeCheck>;

  beforeAll(async () => {
    project = generatedProject();
    project.write('tsconfig.json', JSON.stringify(tsconfig, null, 2));
    project.write('equals.ts', equalsModule);
    // The plugin as codegen types it: CodegenPlugin is what a plugin module must satisfy.
    project.write(
      'plugin-type.ts',
      "import type { CodegenPlugin } from '@graphql-codegen/plugin-helpers';\n" +
        "import * as wesley from '@wesley/core/graphql-codegen';\n" +
        'export const asCodegenPlugin: CodegenPlugin<wesley.WesleyCodegenConfig> = wesley;\n',
    );
    const schema = await loadCodegenSchema([shopFile, scalarsFile]);
    for (const [dir, dateTime] of [
      ['agree', 'string'],
      ['mismatch', 'Date'],
    ] as const) {
      const config = { ...rootConfig, scalars: { ...scalars, DateTime: dateTime } };
      project.write(`${dir}/codegen.ts`, await generate(schema, config, { filename: `${dir}/codegen.ts`, plugins: [{ typescript: {} }] }));
      project.write(
        `${dir}/wesley.ts`,
        await generate(schema, config, { filename: `${dir}/wesley.ts`, plugins: [{ '@wesley/core/graphql-codegen': {} }] }),
      );
      project.write(`${dir}/check.ts`, check);
    }
    diagnostics = typeCheck(project.root);
  }, 60_000);

  afterAll(() => project.dispose());

  it('asserts every column of every table, and codegen emitted each type', () => {
    const columns = ir.tables.reduce((sum, table) => sum + table.columns.length, 0);
    expect(checks).toHaveLength(columns + ir.tables.length);
    expect(columns).toBeGreaterThanOrEqual(20);
    const codegen = readFileSync(`${project.root}/agree/codegen.ts`, 'utf8');
    for (const table of ir.tables) expect(codegen).toContain(`export type ${table.graphqlName} = {`);
  });

  it('compiles the codegen output, the Wesley output and every check with zero diagnostics', () => {
    expect(diagnostics.filter((d) => !d.file.startsWith('mismatch/'))).toEqual([]);
  });

  it('fails exactly the DateTime columns when codegen maps DateTime to Date', () => {
    const failed = diagnostics.filter((d) => d.file.startsWith('mismatch/'));
    for (const d of failed) expect({ file: d.file, code: d.code }).toEqual({ file: 'mismatch/check.ts', code: 2344 });
    const subjects = failed.map((d) => checks.find((c) => c.line === d.line)?.subject).sort();
    const dateTimeColumns = ir.tables.flatMap((t) =>
      t.columns.filter((c) => c.type.base === 'timestamp with time zone').map((c) => `${typeName(t.graphqlName)}.${c.graphqlName}`),
    );
    expect(dateTimeColumns.length).toBeGreaterThan(0);
    expect(subjects).toEqual(dateTimeColumns.sort());
  });
});
