import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compileSchema, hashIR, loadSqlParser, planMigration } from '@wesley/core';
import { readIrJson } from '../../src/plan/read-ir-json.js';

const shop = fileURLToPath(new URL('../../../../examples/shop/', import.meta.url));

describe('an ir.json written before derived columns', () => {
  it('reads with derived: null on every column and plans to the schema it was written from with no step', async () => {
    const raw = await readFile(`${shop}migrations/0001_init/ir.json`, 'utf8');
    // Written before derived columns (and row-level security): the committed file has neither key.
    expect(raw).not.toContain('"derived"');
    const input = await readIrJson('migrations/0001_init/ir.json', shop, 'plan');
    const columns = input.ir?.tables.flatMap((t) => t.columns) ?? [];
    expect(columns.length).toBeGreaterThan(0);
    expect(columns.every((c) => c.derived === null)).toBe(true);

    await loadSqlParser();
    const compiled = compileSchema({ name: 'schema.graphql', body: await readFile(`${shop}schema.graphql`, 'utf8') });
    if (compiled.ir === null || input.ir === null) throw new Error('the shop schema does not compile');
    expect(hashIR(input.ir)).toBe(hashIR(compiled.ir));
    const result = planMigration(input.ir, compiled.ir);
    expect(result.diagnostics).toEqual([]);
    expect(result.plan?.steps).toEqual([]);
  });
});
