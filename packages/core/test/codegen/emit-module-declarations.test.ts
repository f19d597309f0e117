/**
 * The proof that the declaration file states what the module holds: for every codegen fixture,
 * `schema.d.graphql.ts` is compiled by the real TypeScript compiler next to `zod.ts` and
 * `types.ts`, with checks that each declared value has exactly the type TypeScript infers from
 * the Zod code, each declared type is identical to `types.ts`'s, and `z.infer` of each schema is
 * its row, insert or public type. A mismatched pair shows the checks can fail.
 */
import { relative, sep } from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codegenFixtures, everything } from './codegen-fixtures.js';
import { generatedProject, type GeneratedProject } from './generated-project.js';
import type { SchemaIR } from '../../src/ir/types.js';
import { emitModuleDeclarations } from '../../src/codegen/emit-module-declarations.js';
import { emitTypeScript } from '../../src/codegen/emit-typescript.js';
import { emitZod } from '../../src/codegen/emit-zod.js';
import { sessionSettings } from '../../src/codegen/session-settings.js';
import { typeName } from '../../src/codegen/ts-syntax.js';
import { equalsModule } from './equals-module.js';

const compilerOptions: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  allowArbitraryExtensions: true,
  strict: true,
  exactOptionalPropertyTypes: true,
  noUncheckedIndexedAccess: true,
  noUnusedLocals: true,
  verbatimModuleSyntax: true,
  isolatedModules: true,
  // The declaration files under test must be checked too.
  skipLibCheck: false,
  noEmit: true,
  types: [],
};

/** Checks for one fixture: `S` is the schema module through its declaration file. */
function checkModule(ir: SchemaIR): string {
  const checks = ['Expect<Equals<S.JsonValue, T.JsonValue>>', 'Expect<Equals<S.JsonValue, z.infer<ReturnType<typeof z.json>>>>'];
  const values: string[] = [];
  const schemas: string[] = [];
  for (const enumIR of ir.enums) {
    const name = typeName(enumIR.graphqlName);
    values.push(name);
    schemas.push(`${name}Schema`);
    checks.push(
      `Expect<Equals<S.${name}, T.${name}>>`,
      `Expect<Equals<typeof S.${name}, typeof T.${name}>>`,
      `Expect<Equals<typeof S.${name}Schema, typeof Z.${name}Schema>>`,
      `Expect<Equals<z.infer<typeof S.${name}Schema>, S.${name}>>`,
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
      schemas.push(schema);
      checks.push(
        `Expect<Equals<typeof S.${schema}, typeof Z.${schema}>>`,
        `Expect<Equals<z.infer<typeof S.${schema}>, S.${type}>>`,
        `Expect<Equals<z.input<typeof S.${schema}>, S.${type}>>`,
        `Expect<Equals<S.${type}, T.${type}>>`,
      );
    }
    checks.push(`Expect<Equals<S.${name}WithRelations, T.${name}WithRelations>>`);
    if (sessionSettings(table).length > 0) {
      values.push(`${name}SessionSettings`);
      checks.push(`Expect<Equals<typeof S.${name}SessionSettings, typeof T.${name}SessionSettings>>`);
    }
  }
  const union = (names: readonly string[]): string => (names.length === 0 ? 'never' : names.map((n) => `'${n}'`).join(' | '));
  // The module exports the schemas of zod.ts, the enum objects and the session settings, nothing else.
  checks.push(`Expect<Equals<keyof typeof Z, ${union(schemas)}>>`, `Expect<Equals<keyof typeof S, ${union([...schemas, ...values])}>>`);
  return [
    "import type { z } from 'zod';",
    "import type { Equals, Expect } from '../equals.js';",
    "import type * as S from './schema.graphql';",
    "import type * as T from './types.js';",
    "import type * as Z from './zod.js';",
    '',
    `export type Checks = [\n${checks.map((c) => `  ${c},`).join('\n')}\n];`,
    '',
  ].join('\n');
}

/** Declarations from an IR whose `orders.note` is NOT NULL, checked against the original. */
const mismatched: SchemaIR = {
  ...everything,
  tables: everything.tables.map((t) =>
    t.name !== 'orders' ? t : { ...t, columns: t.columns.map((c) => (c.name === 'note' ? { ...c, nullable: false } : c)) },
  ),
};

interface Found {
  readonly file: string;
  readonly code: number;
  readonly message: string;
}

describe('emitModuleDeclarations (tsc)', () => {
  let project: GeneratedProject;
  let diagnostics: Found[];

  beforeAll(() => {
    project = generatedProject();
    project.write('equals.ts', equalsModule);
    const fixtures: [string, string, SchemaIR][] = [
      ...Object.entries(codegenFixtures).map(([name, ir]): [string, string, SchemaIR] => [name, emitModuleDeclarations(ir), ir]),
      ['mismatch-nullable', emitModuleDeclarations(mismatched), everything],
      // Same inferred type, another class: `.shape.id` would lie about its methods.
      ['mismatch-class', emitModuleDeclarations(everything).replace('z.ZodGUID', 'z.ZodString'), everything],
    ];
    const roots: string[] = [];
    for (const [name, declarations, actual] of fixtures) {
      project.write(`${name}/schema.d.graphql.ts`, declarations);
      project.write(`${name}/types.ts`, emitTypeScript(actual));
      project.write(`${name}/zod.ts`, emitZod(actual));
      roots.push(project.write(`${name}/check.ts`, checkModule(actual)));
    }
    const program = ts.createProgram({ rootNames: roots, options: compilerOptions });
    diagnostics = ts.getPreEmitDiagnostics(program).map((d) => ({
      file: d.file ? relative(project.root, d.file.fileName).split(sep).join('/') : '(global)',
      code: d.code,
      message: ts.flattenDiagnosticMessageText(d.messageText, '\n'),
    }));
  }, 60_000);

  afterAll(() => project.dispose());

  it('declares every value with the type of its code, and every type as types.ts does', () => {
    expect(diagnostics.filter((d) => !d.file.startsWith('mismatch-'))).toEqual([]);
  });

  it.each(['mismatch-nullable', 'mismatch-class'])('%s: the checks fail when the declarations do not match the module', (name) => {
    const found = diagnostics.filter((d) => d.file.startsWith(`${name}/`));
    expect(found.length).toBeGreaterThan(0);
    for (const d of found) expect({ file: d.file, code: d.code }).toEqual({ file: `${name}/check.ts`, code: 2344 });
  });
});

describe('emitModuleDeclarations', () => {
  it('holds no initializer: it is a declaration file', () => {
    for (const ir of Object.values(codegenFixtures)) {
      const text = emitModuleDeclarations(ir);
      expect(text).not.toMatch(/^export const|as const/m);
      expect(text.match(/^import .*$/gm) ?? []).toEqual(ir.tables.length + ir.enums.length === 0 ? [] : ["import type { z } from 'zod';"]);
    }
  });

  it('is deterministic', () => {
    for (const ir of Object.values(codegenFixtures)) expect(emitModuleDeclarations(structuredClone(ir))).toBe(emitModuleDeclarations(ir));
  });
});
