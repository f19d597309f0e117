import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readIrJson } from '../../src/plan/read-ir-json.js';

describe('readIrJson', () => {
  it('reads an ir.json written before row-level security (no `security` key) as tables without any', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'wesley-ir-'));
    const table = { kind: 'table', name: 'orders', graphqlName: 'Order', columns: [], relations: [] };
    await writeFile(path.join(dir, 'ir.json'), JSON.stringify({ kind: 'schema', version: 1, enums: [], tables: [table] }));
    const input = await readIrJson('ir.json', dir, 'plan');
    expect(input.ir?.tables[0]).toEqual({ ...table, security: null });
  });

  it('keeps the `security` of an ir.json that has one', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'wesley-ir-'));
    const security = { kind: 'security', enabled: true, forced: true, policies: [], grants: [], tenant: null };
    const table = { kind: 'table', name: 'orders', graphqlName: 'Order', columns: [], relations: [], security };
    await writeFile(path.join(dir, 'ir.json'), JSON.stringify({ kind: 'schema', version: 1, enums: [], tables: [table] }));
    const input = await readIrJson('ir.json', dir, 'plan');
    expect(input.ir?.tables[0]?.security).toEqual(security);
  });
});
