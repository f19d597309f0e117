/**
 * The generated Zod insert schema against PostgreSQL itself. One table has a column of each type
 * Wesley maps and of each `@wes_constraint` rule; it is compiled from SDL, created by `emitDdl`,
 * and its `emitZod` module is imported. Each candidate value (boundaries and near-misses) goes
 * into a valid row, which Zod parses and PostgreSQL inserts (in a savepoint, rolled back).
 *
 * The rule: wherever Zod accepts a value, PostgreSQL accepts it too. Where Zod is stricter, the
 * case is listed below with its reason, so that any change in either direction is noticed.
 */
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { z } from 'zod';
import { acceptsValue, compileSchema, emitDdl, emitZod, type TableIR } from '@wesley/core';
import { describeEachServer, useTestDatabase } from '@wesley/postgres/testing';
import { generatedProject, type GeneratedProject } from '../../core/test/codegen/generated-project.js';
import { openInsertProbe, type Verdict } from './fixtures/insert-probe.js';
import { candidates, probeSdl, validRow } from './fixtures/zod-probe-cases.js';

/** Values of one field on which the two sides disagree, and why. */
interface Documented {
  readonly field: string;
  readonly values: readonly unknown[];
  readonly because: string;
  /** Only from this PostgreSQL major version on. */
  readonly since?: number;
}

/** Zod rejects, PostgreSQL accepts: deliberate, the validator takes the canonical JSON forms. */
const zodStricter: readonly Documented[] = [
  {
    field: 'uid',
    values: ['{550e8400-e29b-41d4-a716-446655440000}', '550e8400e29b41d4a716446655440000', '550e-8400-e29b-41d4-a716-4466-5544-0000'],
    because: 'uuid input also takes braces, no hyphens, or a hyphen after any group of four digits; z.guid() wants 8-4-4-4-12',
  },
  { field: 'code', values: ['12345   '], because: 'varchar(n) drops trailing spaces past n (SQL standard); Zod counts them' },
  { field: 'initials', values: ['abc  '], because: 'char(n) drops trailing spaces past n; Zod counts them' },
  { field: 'count', values: ['42'], because: 'Zod wants a JS number; PostgreSQL parses the text' },
  { field: 'big', values: [42], because: 'z.int64() wants a bigint; node-postgres sends the number as text' },
  {
    field: 'ratio',
    values: [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY],
    because: 'float8 stores NaN and infinities; JSON cannot carry them',
  },
  { field: 'ratio32', values: [Number.NaN, Number.POSITIVE_INFINITY], because: 'float4 stores NaN and infinity; JSON cannot carry them' },
  { field: 'ratio32', values: [3.4028235e38], because: 'PostgreSQL rounds it to the largest float4; z.float32() bounds the exact value' },
  { field: 'price', values: ['1.234', '999.994'], because: 'PostgreSQL rounds extra fraction digits away; the validator rejects them' },
  { field: 'price', values: ['NaN'], because: 'numeric NaN is left out on purpose' },
  { field: 'price', values: ['1e2', ' 1.5'], because: 'the validator takes plain decimals only: no exponent, no blanks' },
  { field: 'price', values: ['1_0'], since: 16, because: 'PostgreSQL 16 reads underscores between digits' },
  { field: 'amount', values: ['NaN', 'Infinity', '-Infinity'], because: 'numeric NaN and infinities are left out on purpose' },
  { field: 'amount', values: ['1e3'], because: 'no exponent in a plain decimal' },
  { field: 'share', values: ['1e2'], because: 'no exponent in a plain decimal' },
  { field: 'active', values: ['true', 'yes', 1], because: 'Zod wants a JS boolean; PostgreSQL parses its text spellings' },
  {
    field: 'day',
    values: ['10000-01-01', 'infinity', '-infinity', '2024-1-1', '20240131', '2024-01-31T10:00:00', ' 2024-01-31'],
    because: 'z.iso.date() is YYYY-MM-DD only; PostgreSQL reads many spellings, infinities and 5-digit years',
  },
  {
    field: 'at',
    values: ['24:00:00', '23:59:60'],
    because: 'PostgreSQL allows 24:00:00 and a leap second; z.iso.time() stops at 23:59:59',
  },
  {
    field: 'at',
    values: ['1:00:00', '10:00:00+02', '10:00:00Z', 'allballs'],
    because: 'z.iso.time() is HH:MM[:SS[.f]]; PostgreSQL also takes one-digit hours, ignores a zone, knows allballs',
  },
  {
    field: 'createdAt',
    values: ['2024-01-31T10:00:00+05', '2024-01-31T10:00:00+0530'],
    because: 'z.iso.datetime({ offset: true }) wants ±hh:mm offsets',
  },
  {
    field: 'createdAt',
    values: ['2024-01-31T10:00:00', '2024-01-31T10:00Z', '2024-01-31 10:00:00+00'],
    because: 'a timestamptz must state its offset, with seconds and a T; PostgreSQL would assume the session time zone',
  },
  {
    field: 'createdAt',
    values: ['2024-02-29T23:59:60Z', '2024-01-31T24:00:00Z', 'infinity', '-infinity', 'now'],
    because: 'leap seconds, 24:00, infinities and special words are PostgreSQL spellings only',
  },
  {
    field: 'localAt',
    values: ['2024-01-31T10:00:00+01:00', '2024-01-31 10:00:00', 'infinity'],
    because: 'PostgreSQL ignores an offset in a timestamp and takes a blank for T and infinity',
  },
  { field: 'flags', values: ['b1010'], because: 'bit input also takes a binary (b) prefix; Zod takes the digits bit_out prints' },
  { field: 'tiny', values: ['1e21'], because: 'no exponent in a plain decimal' },
  { field: 'bits', values: ['x1'], because: 'bit varying input takes a hex prefix; Zod takes the digits PostgreSQL prints' },
  { field: 'letter', values: ['a ', 'a  '], because: 'char(1) drops trailing spaces past its length; Zod counts them' },
  {
    field: 'tags',
    values: [[null], [['a']]],
    because: 'list elements are non-null and one-dimensional ([String!]); a text[] takes NULLs and nesting',
  },
];

/**
 * Zod accepts, PostgreSQL rejects: none. A value here is a bug in packages/core/src/codegen; the
 * list stays, empty, so that the test's shape says where such a bug would be written down.
 */
const zodTooLenient: readonly Documented[] = [];

/** One candidate put to both sides. */
interface Outcome {
  readonly field: string;
  readonly value: unknown;
  readonly zod: boolean;
  readonly postgres: Verdict;
  /** What the compiler's check of a `@wes_default(value:)` says of the value (`acceptsValue`). */
  readonly compiler: boolean;
}

/** A readable, unambiguous key for a candidate (`42n`, `-0`, `NaN`, escaped and shortened strings). */
function show(value: unknown): string {
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value);
  const json = JSON.stringify(value).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return json.length > 60 ? `${json.slice(0, 24)}…(${json.length} chars)` : json;
}

function documentedFor(table: readonly Documented[], field: string, major: number): string[] {
  return table
    .filter((entry) => entry.field === field && (entry.since === undefined || major >= entry.since))
    .flatMap((entry) => entry.values.map(show))
    .sort();
}

const fields = Object.keys(candidates);

describeEachServer('generated Zod insert schema vs PostgreSQL', (server) => {
  const db = useTestDatabase(server);
  let project: GeneratedProject | undefined;
  let baseline: { zod: boolean; postgres: Verdict };
  let outcomes: readonly Outcome[] = [];

  beforeAll(async () => {
    const { ir, diagnostics } = compileSchema({ name: 'probe.graphql', body: probeSdl });
    if (ir === null) throw new Error(`probe schema does not compile: ${JSON.stringify(diagnostics)}`);
    const [table] = ir.tables as [TableIR];
    const session = await db.connect();
    await session.query(emitDdl(ir));
    project = generatedProject();
    const generated = (await import(pathToFileURL(project.write('zod.mjs', emitZod(ir))).href)) as Record<string, z.ZodType>;
    const insert = generated['ProbeInsertSchema'];
    if (insert === undefined) throw new Error('no ProbeInsertSchema in the generated module');
    const probe = await openInsertProbe(session, table);
    try {
      baseline = { zod: insert.safeParse(validRow).success, postgres: await probe.verdict(validRow) };
      const results: Outcome[] = [];
      for (const field of fields) {
        for (const value of [...(candidates[field] ?? []), null]) {
          const row = { ...validRow, [field]: value };
          const column = table.columns.find((c) => c.graphqlName === field);
          if (column === undefined) throw new Error(`no column for ${field}`);
          const labels = ir.enums.find((e) => e.name === column.type.enum)?.values;
          results.push({
            field,
            value,
            zod: insert.safeParse(row).success,
            postgres: await probe.verdict(row),
            compiler: acceptsValue(column.type, column.meta.rules, value, labels),
          });
        }
      }
      outcomes = results;
    } finally {
      await probe.close();
    }
  });

  afterAll(() => project?.dispose());

  it('the valid row passes both, so each verdict is about the one changed field', () => {
    expect(baseline).toEqual({ zod: true, postgres: { accepted: true } });
    expect(outcomes.length).toBeGreaterThan(250);
  });

  it.each(fields)('%s: Zod accepts nothing that PostgreSQL rejects (but the listed bugs)', (field) => {
    const lenient = outcomes.filter((o) => o.field === field && o.zod && !o.postgres.accepted);
    const reasons = lenient.map((o) => `${show(o.value)} -> ${o.postgres.accepted ? '' : o.postgres.reason}`).join('\n');
    expect(lenient.map((o) => show(o.value)).sort(), `Zod accepts, PostgreSQL rejects:\n${reasons}`).toEqual(
      documentedFor(zodTooLenient, field, server.major),
    );
  });

  it.each(fields)("%s: the compiler's check of a default accepts exactly what Zod accepts", (field) => {
    const disagree = outcomes.filter((o) => o.field === field && o.value !== null && o.compiler !== o.zod);
    expect(disagree.map((o) => `${show(o.value)}: Zod ${o.zod}, compiler ${o.compiler}`)).toEqual([]);
  });

  it.each(fields)('%s: Zod is stricter than PostgreSQL exactly where documented', (field) => {
    const stricter = outcomes.filter((o) => o.field === field && !o.zod && o.postgres.accepted);
    expect(stricter.map((o) => show(o.value)).sort()).toEqual(documentedFor(zodStricter, field, server.major));
  });
});
