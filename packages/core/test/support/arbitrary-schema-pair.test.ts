import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SchemaIR } from '../../src/ir/types.js';
import { planMigration } from '../../src/plan/plan-migration.js';
import { rollbackPlan } from '../../src/plan/rollback-plan.js';
import { compileSchema } from '../../src/sdl/compile-schema.js';
import { arbitrarySchemaPair, editKinds, rowCount } from './arbitrary-schema-pair.js';

function compile(sdl: string): SchemaIR {
  const { ir, diagnostics } = compileSchema({ name: 'pair.graphql', body: sdl });
  // Random NOT NULL keys between tables may close a ring: the compiler makes it deferrable and says so (WES420).
  expect(
    diagnostics.filter((d) => d.code !== 'WES420'),
    sdl,
  ).toEqual([]);
  if (ir === null) throw new Error(`no IR for\n${sdl}`);
  return ir;
}

describe('arbitrarySchemaPair', () => {
  it('generates pairs whose two versions both compile without a diagnostic but WES420', () => {
    fc.assert(
      fc.property(arbitrarySchemaPair(), (pair) => {
        compile(pair.v1);
        compile(pair.v2);
      }),
      { numRuns: 300 },
    );
  });

  it('makes every kind of edit within 300 pairs', () => {
    const pairs = fc.sample(arbitrarySchemaPair(), { numRuns: 300, seed: 20240131 });
    const made = new Set(pairs.flatMap((pair) => pair.edits));
    expect(editKinds.filter((kind) => !made.has(kind))).toEqual([]);
  });

  it('generates only pairs the planner accepts (allowDestructive), for PostgreSQL 15 and 18', () => {
    fc.assert(
      fc.property(arbitrarySchemaPair(), fc.constantFrom(150000, 180000), (pair, serverVersion) => {
        const result = planMigration(compile(pair.v1), compile(pair.v2), {
          serverVersion,
          allowDestructive: true,
          allowBlocking: { reason: 'every pattern, blocking ones too' },
        });
        expect(
          result.diagnostics.filter((d) => d.severity === 'error'),
          `${pair.v1}\n---\n${pair.v2}`,
        ).toEqual([]);
        expect(result.plan).not.toBeNull();
      }),
      { numRuns: 300 },
    );
  });

  it('has rows for every v1 table and survivors named as in both versions', () => {
    fc.assert(
      fc.property(arbitrarySchemaPair(), (pair) => {
        const [v1, v2] = [compile(pair.v1), compile(pair.v2)];
        for (const table of v1.tables) {
          const rows = pair.rows.find((r) => r.table === table.name);
          expect(rows?.columns).toEqual(table.columns.filter((c) => c.generated === null).map((c) => c.name));
          expect(rows?.rows).toHaveLength(rowCount);
        }
        for (const survivor of pair.survivors) {
          const [from, to] = [v1.tables.find((t) => t.name === survivor.from), v2.tables.find((t) => t.name === survivor.to)];
          for (const [a, b] of survivor.columns) {
            expect(from?.columns.some((c) => c.name === a)).toBe(true);
            expect(to?.columns.some((c) => c.name === b)).toBe(true);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('leaves a good share of plans reversible, so rollbacks get exercised', () => {
    const pairs = fc.sample(arbitrarySchemaPair(), { numRuns: 200, seed: 7 });
    const reversible = pairs.filter((pair) => {
      const { plan } = planMigration(compile(pair.v1), compile(pair.v2), {
        allowDestructive: true,
        allowBlocking: { reason: 'every pattern, blocking ones too' },
      });
      return plan !== null && rollbackPlan(plan).plan !== null;
    });
    expect(reversible.length).toBeGreaterThan(pairs.length / 5);
  });
});
