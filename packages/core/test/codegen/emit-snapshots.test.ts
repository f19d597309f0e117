import { describe, expect, it } from 'vitest';
import { emitTypeScript } from '../../src/codegen/emit-typescript.js';
import { emitZod } from '../../src/codegen/emit-zod.js';
import { codegenFixtures } from './codegen-fixtures.js';

describe.each(Object.entries(codegenFixtures))('fixture %s', (name, ir) => {
  it('emits types.ts', async () => {
    await expect(emitTypeScript(ir)).toMatchFileSnapshot(`__snapshots__/${name}.types.ts`);
  });

  it('emits zod.ts', async () => {
    await expect(emitZod(ir)).toMatchFileSnapshot(`__snapshots__/${name}.zod.ts`);
  });
});
