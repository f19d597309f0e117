/**
 * The proof that `z.infer` of every generated schema is exactly the generated TypeScript type:
 * generated `types.ts` and `zod.ts` for each fixture, a `check.ts` asserting a strict `Equals`
 * for every table and enum (generated from the IR), hand-written negative cases, and deliberately
 * mismatched pairs, all compiled once by the real TypeScript compiler.
 */
import { relative, sep } from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emitTypeScript } from '../../src/codegen/emit-typescript.js';
import { emitZod } from '../../src/codegen/emit-zod.js';
import { sessionSettings } from '../../src/codegen/session-settings.js';
import { typeName } from '../../src/codegen/ts-syntax.js';
import type { ColumnIR, SchemaIR } from '../../src/ir/types.js';
import { codegenFixtures, everything } from './codegen-fixtures.js';
import { equalsModule } from './equals-module.js';
import { generatedProject, type GeneratedProject } from './generated-project.js';

/** The strictest settings a consumer may compile the generated files with. */
const tsconfig = {
  compilerOptions: {
    target: 'ES2022',
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    strict: true,
    exactOptionalPropertyTypes: true,
    noUncheckedIndexedAccess: true,
    noPropertyAccessFromIndexSignature: true,
    noUnusedLocals: true,
    noUnusedParameters: true,
    noImplicitReturns: true,
    verbatimModuleSyntax: true,
    isolatedModules: true,
    erasableSyntaxOnly: true,
    skipLibCheck: true,
    noEmit: true,
    types: [],
  },
  include: ['**/*.ts'],
};

/**
 * One `Equals` assertion per schema the emitters generate for `ir`, plus the exact list of
 * values each module exports (no schema missing, none extra) and `JsonValue` against `z.json()`.
 */
function checkModule(ir: SchemaIR): string {
  const checks: string[] = ['Expect<Equals<T.JsonValue, z.infer<ReturnType<typeof z.json>>>>'];
  const schemaNames: string[] = [];
  const constNames: string[] = [];
  for (const enumIR of ir.enums) {
    const name = typeName(enumIR.graphqlName);
    constNames.push(name);
    schemaNames.push(`${name}Schema`);
    checks.push(
      `Expect<Equals<z.infer<typeof Z.${name}Schema>, T.${name}>>`,
      `Expect<Equals<(typeof T.${name})[keyof typeof T.${name}], T.${name}>>`,
    );
  }
  for (const table of ir.tables) {
    const name = typeName(table.graphqlName);
    const pairs: [string, string][] = [
      [`${name}Schema`, name],
      [`${name}InsertSchema`, `${name}Insert`],
    ];
    if (table.columns.some((c) => c.meta.sensitive)) pairs.push([`${name}PublicSchema`, `${name}Public`]);
    for (const [schema, type] of pairs) {
      schemaNames.push(schema);
      checks.push(`Expect<Equals<z.infer<typeof Z.${schema}>, T.${type}>>`);
      checks.push(`Expect<Equals<z.input<typeof Z.${schema}>, T.${type}>>`);
    }
    // The one other value types.ts exports: the session settings of a table with row-level security.
    if (sessionSettings(table).length > 0) constNames.push(`${name}SessionSettings`);
  }
  const union = (names: readonly string[]): string => (names.length === 0 ? 'never' : names.map((n) => `'${n}'`).join(' | '));
  checks.push(`Expect<Equals<keyof typeof Z, ${union(schemaNames)}>>`, `Expect<Equals<keyof typeof T, ${union(constNames)}>>`);
  return [
    "import type { z } from 'zod';",
    "import type { Equals, Expect } from '../equals.js';",
    "import type * as T from './types.js';",
    "import type * as Z from './zod.js';",
    '',
    `export type Checks = [\n${checks.map((c) => `  ${c},`).join('\n')}\n];`,
    '',
  ].join('\n');
}

/** Hand-written cases that must fail, proving `Equals` and the generated checks can fail. */
const negativeModule = `import type { z } from 'zod';
import type { Equals, Expect } from '../equals.js';
import type * as T from './types.js';
import type * as Z from './zod.js';

// @ts-expect-error relations are not columns: the row schema is not the row with relations
export type RowIsNotWithRelations = Expect<Equals<z.infer<typeof Z.OrderSchema>, T.OrderWithRelations>>;
// @ts-expect-error the public schema lacks the sensitive columns
export type PublicIsNotRow = Expect<Equals<z.infer<typeof Z.CustomerPublicSchema>, T.Customer>>;
// @ts-expect-error an insert is not a row
export type InsertIsNotRow = Expect<Equals<z.infer<typeof Z.OrderInsertSchema>, T.Order>>;
// @ts-expect-error exactOptionalPropertyTypes: "may be absent" is not "may be undefined"
export type ExactOptional = Expect<Equals<{ a?: string }, { a?: string | undefined }>>;
// @ts-expect-error nullable is not optional
export type NullableIsNotOptional = Expect<Equals<{ a: string | null }, { a?: string | null }>>;
// @ts-expect-error readonly is a difference
export type Readonly = Expect<Equals<{ a: string }, { readonly a: string }>>;
// @ts-expect-error a union of literals is not string
export type LiteralsAreNotString = Expect<Equals<'a' | 'b', string>>;
`;

function mutateColumn(ir: SchemaIR, table: string, column: string, change: (c: ColumnIR) => ColumnIR): SchemaIR {
  let found = false;
  const tables = ir.tables.map((t) =>
    t.name !== table
      ? t
      : {
          ...t,
          columns: t.columns.map((c) => {
            if (c.name !== column) return c;
            found = true;
            return change(c);
          }),
        },
  );
  if (!found) throw new Error(`no column ${table}.${column}`);
  return { ...ir, tables };
}

/** TypeScript generated from a changed IR next to Zod from the original: each must fail. */
const mismatches: Record<string, SchemaIR> = {
  'mismatch-nullable': mutateColumn(everything, 'orders', 'note', (c) => ({ ...c, nullable: false })),
  'mismatch-default': mutateColumn(everything, 'order_lines', 'amount', (c) => ({
    ...c,
    default: { kind: 'literal', value: '0' },
  })),
  'mismatch-generated': mutateColumn(everything, 'orders', 'note', (c) => ({ ...c, generated: "'x'" })),
  'mismatch-type': mutateColumn(everything, 'all_types', 'int_value', (c) => ({
    ...c,
    type: { ...c.type, sql: 'bigint', base: 'bigint' },
  })),
  'mismatch-rule': mutateColumn(everything, 'customers', 'tier', (c) => ({ ...c, meta: { ...c.meta, rules: null } })),
};

describe('z.infer of the generated schemas equals the generated types (tsc)', () => {
  let project: GeneratedProject;
  let diagnostics: { file: string; line: number; code: number; message: string }[];

  beforeAll(() => {
    project = generatedProject();
    project.write('tsconfig.json', JSON.stringify(tsconfig, null, 2));
    project.write('equals.ts', equalsModule);
    for (const [name, ir] of Object.entries(codegenFixtures)) {
      project.write(`${name}/types.ts`, emitTypeScript(ir));
      project.write(`${name}/zod.ts`, emitZod(ir));
      project.write(`${name}/check.ts`, checkModule(ir));
    }
    project.write('everything/negative.ts', negativeModule);
    for (const [name, mutated] of Object.entries(mismatches)) {
      project.write(`${name}/types.ts`, emitTypeScript(mutated));
      project.write(`${name}/zod.ts`, emitZod(everything));
      project.write(`${name}/check.ts`, checkModule(everything));
    }
    const config = ts.getParsedCommandLineOfConfigFile(
      `${project.root}/tsconfig.json`,
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
    diagnostics = ts.getPreEmitDiagnostics(program).map((d) => ({
      file: d.file ? relative(project.root, d.file.fileName).split(sep).join('/') : '(global)',
      line: d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line + 1 : 0,
      code: d.code,
      message: ts.flattenDiagnosticMessageText(d.messageText, '\n'),
    }));
  }, 60_000);

  afterAll(() => project.dispose());

  it('compiles every fixture and its checks with zero diagnostics', () => {
    const expected = diagnostics.filter((d) => !d.file.startsWith('mismatch-'));
    expect(expected).toEqual([]);
    const checked = Object.keys(codegenFixtures).map((name) => `${name}/check.ts`);
    expect(checked.length).toBeGreaterThanOrEqual(5);
  });

  it.each(Object.keys(mismatches))('%s: the checks fail when types and schemas differ', (name) => {
    const found = diagnostics.filter((d) => d.file.startsWith(`${name}/`));
    expect(found.length).toBeGreaterThan(0);
    // Every failure is an Equals assertion in check.ts, not a broken generated file.
    for (const d of found) expect({ file: d.file, code: d.code }).toEqual({ file: `${name}/check.ts`, code: 2344 });
  });
});
