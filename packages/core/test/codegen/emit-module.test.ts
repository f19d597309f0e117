/**
 * The schema module as a bundler gets it: plain JavaScript that Node imports as is, exporting
 * exactly the Zod module's schemas and `types.ts`'s enum objects, and whose unused exports
 * Rollup drops.
 */
import { pathToFileURL } from 'node:url';
import { rollup } from 'rollup';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { codegenFixtures, everything } from './codegen-fixtures.js';
import { generatedProject, type GeneratedProject } from './generated-project.js';
import { emitModule } from '../../src/codegen/emit-module.js';
import { emitTypeScript } from '../../src/codegen/emit-typescript.js';
import { emitZod } from '../../src/codegen/emit-zod.js';

type Exports = Record<string, unknown>;

/** JSON Schema of a Zod schema; `any` for what JSON Schema cannot say (bigint, custom). */
const jsonSchema = (schema: unknown): unknown => z.toJSONSchema(schema as z.ZodType, { unrepresentable: 'any' });

describe('emitModule', () => {
  let project: GeneratedProject;
  const loaded: Record<string, { module: Exports; zod: Exports; types: Exports }> = {};

  beforeAll(async () => {
    project = generatedProject();
    for (const [name, ir] of Object.entries(codegenFixtures)) {
      const types = ts.transpileModule(emitTypeScript(ir), {
        compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
      });
      const load = async (file: string, text: string): Promise<Exports> =>
        (await import(pathToFileURL(project.write(`${name}/${file}`, text)).href)) as Exports;
      loaded[name] = {
        module: await load('module.mjs', emitModule(ir)),
        zod: await load('zod.mjs', emitZod(ir)),
        types: await load('types.mjs', types.outputText),
      };
    }
  });

  afterAll(() => project.dispose());

  it('is JavaScript that exports the Zod schemas, the enum objects and the session settings, nothing else', () => {
    for (const { module, zod, types } of Object.values(loaded)) {
      expect(Object.keys(module).sort()).toEqual([...Object.keys(zod), ...Object.keys(types)].sort());
    }
    expect(Object.keys(loaded.everything?.module ?? {})).toContain('CustomerPublicSchema');
  });

  it('exports the Zod module’s schemas', () => {
    for (const { module, zod } of Object.values(loaded)) {
      for (const name of Object.keys(zod))
        expect({ name, schema: jsonSchema(module[name]) }).toEqual({ name, schema: jsonSchema(zod[name]) });
    }
    const customer = loaded.everything?.module.CustomerSchema as z.ZodObject;
    const credit = customer.shape.credit as z.ZodType;
    expect([credit.safeParse('1000.00').success, credit.safeParse('1000.01').success]).toEqual([true, false]);
  });

  it('exports each enum’s labels and each table’s session settings as a frozen object equal to types.ts’s', () => {
    for (const { module, types } of Object.values(loaded)) {
      for (const name of Object.keys(types)) {
        expect(module[name]).toEqual(types[name]);
        expect(Object.isFrozen(module[name])).toBe(true);
      }
    }
  });

  it('imports nothing but zod', () => {
    for (const ir of Object.values(codegenFixtures)) {
      expect(emitModule(ir).match(/^import .*$/gm) ?? []).toEqual(
        ir.tables.length + ir.enums.length === 0 ? [] : ["import { z } from 'zod';"],
      );
    }
  });

  it('lets Rollup drop every export nobody imports', async () => {
    const entry = "import { OrderSchema } from './module.mjs';\nconsole.log(OrderSchema);\n";
    const root = project.write('shake/module.mjs', emitModule(everything)).replace(/module\.mjs$/, '');
    project.write('shake/entry.mjs', entry);
    const bundle = await rollup({ input: `${root}entry.mjs`, external: ['zod'] });
    const { output } = await bundle.generate({ format: 'es' });
    await bundle.close();
    const code = output[0].code;
    // The order row schema and the enum schema it refers to stay; everything else goes.
    expect(code).toContain('z.object(');
    expect(code).toMatch(/const OrderStatusSchema = .*z\.enum\(/);
    for (const gone of ['CustomerSchema', 'OrderInsertSchema', 'AllTypesSchema', 'DECIMAL_12_2', 'Object.freeze'])
      expect(code).not.toContain(gone);
  });
});
