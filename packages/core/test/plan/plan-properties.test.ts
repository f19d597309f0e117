import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emitDdlStatements, planMigration, quoteIdent, stableStringify, type SchemaIR } from '@wesley/core';
import { arbitrarySchema } from '../support/arbitrary-schema.js';
import { schema } from '../support/ir-builder.js';
import { sdlIR } from '../support/sdl-ir.js';

const empty = schema([]);
const schemas = arbitrarySchema().map((generated) => sdlIR(generated.sdl));
const runs = { numRuns: 60 };

/** Statements compare with their whitespace collapsed (the plan and emitDdl format differently). */
const squeeze = (sql: string): string => sql.replace(/\s+/g, ' ').trim();

/**
 * `ir` without the tables `removed`: foreign keys of the kept tables into removed ones go too,
 * and enum types no kept column uses, as the compiler would leave them out.
 */
function withoutTables(ir: SchemaIR, removed: ReadonlySet<string>): SchemaIR {
  const tables = ir.tables
    .filter((t) => !removed.has(t.name))
    .map((t) => ({ ...t, foreignKeys: t.foreignKeys.filter((fk) => !removed.has(fk.refTable)) }));
  const used = new Set(tables.flatMap((t) => t.columns.map((c) => c.type.enum)));
  return { ...ir, tables, enums: ir.enums.filter((e) => used.has(e.name)) };
}

/** A schema and a non-empty subset of its tables to remove. */
const schemaAndRemoval = schemas.chain((ir) =>
  fc
    .subarray(
      ir.tables.map((t) => t.name),
      { minLength: 1 },
    )
    .map((names) => ({ ir, removed: new Set(names) })),
);

describe('planMigration properties', () => {
  it('plans nothing from a schema to itself', () => {
    fc.assert(
      fc.property(schemas, (ir) => {
        const result = planMigration(ir, ir);
        expect(result.diagnostics).toEqual([]);
        expect(result.plan?.steps).toEqual([]);
      }),
      runs,
    );
  });

  it('plans an empty database to a schema with expand steps only, whose SQL creates exactly what emitDdl creates', () => {
    fc.assert(
      fc.property(schemas, (ir) => {
        const result = planMigration(empty, ir);
        expect(result.diagnostics).toEqual([]);
        const steps = result.plan?.steps ?? [];
        expect(steps.length).toBeGreaterThan(0);
        expect(new Set(steps.map((s) => s.phase))).toEqual(new Set(['expand']));
        expect(steps.every((s) => ['createEnum', 'createTable', 'addForeignKey'].includes(s.operation))).toBe(true);
        const planned = steps
          .flatMap((s) => s.sql)
          .map(squeeze)
          .sort();
        expect(planned).toEqual(emitDdlStatements(ir).map(squeeze).sort());
      }),
      runs,
    );
  });

  it('plans removing tables (allowDestructive) as contract drops only: the tables, the keys into them, unused enum types', () => {
    fc.assert(
      fc.property(schemaAndRemoval, ({ ir, removed }) => {
        const target = withoutTables(ir, removed);
        const refused = planMigration(ir, target);
        expect(refused.plan).toBeNull();
        expect(refused.diagnostics.filter((d) => d.code === 'WES101')).toHaveLength(removed.size);

        const result = planMigration(ir, target, { allowDestructive: true });
        expect(result.diagnostics).toEqual([]);
        const steps = result.plan?.steps ?? [];
        expect(steps.every((s) => s.phase === 'contract')).toBe(true);
        const dropTables = steps.filter((s) => s.operation === 'dropTable');
        expect(dropTables.map((s) => s.sql).sort()).toEqual([...removed].map((name) => [`DROP TABLE ${quoteIdent(name)};`]).sort());
        const droppedKeys = ir.tables.flatMap((t) =>
          t.foreignKeys.filter((fk) => removed.has(fk.refTable) && fk.refTable !== t.name).map((fk) => `${t.name}.${fk.name}`),
        );
        expect(
          steps
            .filter((s) => s.operation === 'dropForeignKey')
            .map((s) => s.id.replace('drop-foreign-key:', ''))
            .sort(),
        ).toEqual(droppedKeys.sort());
        const droppedEnums = ir.enums.filter((e) => !target.enums.includes(e)).map((e) => `drop-enum:${e.name}`);
        expect(
          steps
            .filter((s) => s.operation === 'dropEnum')
            .map((s) => s.id)
            .sort(),
        ).toEqual(droppedEnums.sort());
        expect(steps).toHaveLength(dropTables.length + droppedKeys.length + droppedEnums.length);
        // Keys go before the tables they join; no table is dropped while a key still points at it.
        const lastKey = steps.map((s) => s.operation).lastIndexOf('dropForeignKey');
        const firstTable = steps.map((s) => s.operation).indexOf('dropTable');
        if (lastKey !== -1) expect(lastKey).toBeLessThan(firstTable);
      }),
      runs,
    );
  });

  it('gives the same plan JSON on every run, with unique step ids', () => {
    fc.assert(
      fc.property(schemas, schemas, (from, to) => {
        const options = { allowDestructive: true };
        const first = planMigration(from, to, options);
        const second = planMigration(structuredClone(from), structuredClone(to), options);
        expect(stableStringify(second)).toBe(stableStringify(first));
        const ids = first.plan?.steps.map((s) => s.id) ?? [];
        expect(new Set(ids).size).toBe(ids.length);
      }),
      runs,
    );
  });
});
