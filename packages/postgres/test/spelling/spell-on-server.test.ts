import { compileSchema, type SchemaIR, type TableIR } from '@wesley/core';
import { describeEachServer, useTestDatabase } from '@wesley/postgres/testing';
import { beforeEach, expect, it } from 'vitest';
import type { Connection } from '../../src/connect/connect.js';
import { detectDrift } from '../../src/drift/detect-drift.js';

/**
 * Expressions that smuggle statements into the scratch build of `spellOnServer`, written straight
 * into an IR as a library user's `ir.json` may hold them: the compiler's own refusal (WES033) is
 * not what stops them here, the server is. Each one, run as one multi-statement text, committed
 * the scratch transaction and dropped `victim`.
 */
const ir = compile(`type Gauge @wes_table
  @wes_check(name: "gauge_b", expr: "b > 0")
  @wes_index(name: "gauge_b_idx", columns: ["b"], where: "b > 1") {
  id: Int! @wes_pk
  b: Int! @wes_default(expr: "1")
  c: Int! @wes_computed(expr: "b * 2")
  note: String!
}`);

/**
 * Each edit puts a smuggle into one kind of expression. Every statement after a smuggled
 * `COMMIT` ran in an implicit transaction of its own message, so each smuggle commits again
 * after its `DROP`: otherwise the failure of a later statement would have undone the drop.
 */
const smuggled: readonly (readonly [string, (table: TableIR) => TableIR])[] = [
  [
    'a check (the reported case)',
    (table) => ({
      ...table,
      indexes: [],
      checks: table.checks.map((check) => ({
        ...check,
        expr: 'b > 0)); COMMIT; DROP TABLE public.victim; CREATE TABLE public.zz (x int CHECK (true',
      })),
    }),
  ],
  [
    'an index predicate',
    (table) => ({
      ...table,
      indexes: table.indexes.map((index) => ({ ...index, where: 'b > 1; COMMIT; DROP TABLE public.victim; COMMIT; SELECT 1' })),
    }),
  ],
  [
    'a default, with a comment hiding the rest of its line',
    (table) => ({
      ...table,
      columns: table.columns.map((column) =>
        column.name === 'b'
          ? { ...column, default: { kind: 'expression', sql: '1); END; DROP TABLE public.victim; END; CREATE TABLE public.zz (b int, --' } }
          : column,
      ),
    }),
  ],
  [
    'a generated column, with the statements after it in a dollar quote closed by the index predicate',
    (table) => ({
      ...table,
      columns: table.columns.map((column) =>
        column.name === 'c' ? { ...column, generated: 'b * 2) STORED); COMMIT; DROP TABLE public.victim; COMMIT; SELECT $$' } : column,
      ),
      indexes: table.indexes.map((index) => ({ ...index, where: '$$ IS NOT NULL' })),
    }),
  ],
];

describeEachServer('spellOnServer runs each statement of the scratch build alone', (server) => {
  const db = useTestDatabase(server);
  let session: Connection;

  beforeEach(async () => {
    session ??= await db.connect();
    await session.query('DROP TABLE IF EXISTS public.victim, public.zz');
    await session.query('CREATE TABLE public.victim (id int PRIMARY KEY)');
    await session.query('INSERT INTO public.victim VALUES (1), (2)');
  });

  it.each(smuggled)('%s: refused by the server as a whole, the victim and its rows kept, nothing left behind', async (_, edit) => {
    const { notice } = await detectDrift(session, withTable(ir, edit));
    const victim = await session.query<{ id: number }>('SELECT id FROM public.victim ORDER BY id').catch((error: Error) => error.message);
    expect(typeof victim === 'string' ? victim : victim.rows.map((row) => row.id)).toEqual([1, 2]);
    const left = await session.query<{ name: string }>(`SELECT relname AS name FROM pg_catalog.pg_class WHERE relname = 'zz'
      UNION ALL SELECT nspname FROM pg_catalog.pg_namespace WHERE nspname LIKE 'wesley\\_spelling\\_%'`);
    expect(left.rows).toEqual([]);
    // Refused as several statements in one text, or (the dollar quote cut off at its statement's
    // end) as a syntax error: either way before any of it ran.
    expect(notice).toMatch(
      /the server did not build the schema in a scratch schema \((cannot insert multiple commands into a prepared statement|unterminated dollar-quoted string)/,
    );
    // The session is usable and outside any transaction.
    expect(session.client.getTransactionStatus()).toBe('I');
  });

  it('a `;` inside a string literal or a dollar quote is one statement still, spelled as the server stores it', async () => {
    const legit = withTable(ir, (table) => ({
      ...table,
      checks: table.checks.map((check) => ({ ...check, expr: `note <> ';' AND note <> $$a; COMMIT; b$$` })),
    }));
    await session.query('DROP SCHEMA IF EXISTS app CASCADE');
    await session.query('CREATE SCHEMA app');
    await session.query(`CREATE TABLE app.gauge (id int PRIMARY KEY, b int NOT NULL DEFAULT 1,
      c int GENERATED ALWAYS AS (b * 2) STORED NOT NULL, note text NOT NULL,
      CONSTRAINT gauge_b CHECK (note <> ';' AND note <> $$a; COMMIT; b$$))`);
    await session.query('CREATE INDEX gauge_b_idx ON app.gauge (b) WHERE b > 1');
    expect(await detectDrift(session, legit, { schema: 'app' })).toEqual({ findings: [], notice: null });
  });
});

function compile(body: string): SchemaIR {
  const { ir: compiled } = compileSchema({ name: 'schema.graphql', body });
  if (compiled === null) throw new Error('fixture does not compile');
  return compiled;
}

function withTable(schema: SchemaIR, edit: (table: TableIR) => TableIR): SchemaIR {
  return { ...schema, tables: schema.tables.map(edit) };
}
