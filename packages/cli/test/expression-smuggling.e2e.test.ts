import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Connection } from '@wesley/postgres';
import { describeEachServer, useTestDatabase } from '@wesley/postgres/testing';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { runBuiltCli } from './run-built-cli.js';

/**
 * Schemas whose SQL arguments smuggle statements in. `wesley drift` and `wesley plan --from
 * <url>` built the schema in a scratch schema on the live database from one multi-statement
 * text, so the smuggled `COMMIT` ended the scratch transaction and the `DROP` ran: the reported
 * case dropped `victim` with its rows and left a `wesley_spelling_*` schema behind.
 */
const smuggles: Readonly<Record<string, { readonly sdl: string; readonly argument: string }>> = {
  'the reported check': {
    argument: '@wes_check(expr:)',
    sdl: `type Gauge @wes_table
  @wes_check(expr: "b > 0)); COMMIT; DROP TABLE public.victim; CREATE TABLE public.zz (x int CHECK (true") {
  id: Int! @wes_pk
  b: Int!
}
`,
  },
  'an index predicate': {
    argument: '@wes_index(where:)',
    sdl: `type Gauge @wes_table @wes_index(columns: ["b"], where: "b > 1; COMMIT; DROP TABLE public.victim; COMMIT; SELECT 1") {
  id: Int! @wes_pk
  b: Int!
}
`,
  },
  'a default hiding the rest of its line in a comment': {
    argument: '@wes_default(expr:)',
    sdl: `type Gauge @wes_table {
  id: Int! @wes_pk
  b: Int! @wes_default(expr: "1); END; DROP TABLE public.victim; END; CREATE TABLE public.zz (b int, --")
  c: Int!
}
`,
  },
};

describeEachServer('drift and plan --from a database never run what an expression smuggles in', (server) => {
  const db = useTestDatabase(server);
  let cwd: string;
  let session: Connection;

  beforeAll(async () => {
    cwd = await mkdtemp(path.join(os.tmpdir(), 'wesley-smuggle-'));
    for (const [index, { sdl }] of Object.values(smuggles).entries()) await writeFile(path.join(cwd, `smuggle-${index}.graphql`), sdl);
    session = await db.connect();
  });
  afterAll(async () => {
    await rm(cwd, { recursive: true, force: true });
  });
  beforeEach(async () => {
    await session.query('DROP TABLE IF EXISTS public.victim, public.zz, public.gauge');
    await session.query('CREATE TABLE public.victim (id int PRIMARY KEY)');
    await session.query('INSERT INTO public.victim VALUES (100), (200)');
  });

  /** The database as it was: the victim and its rows, nothing smuggled in, no scratch schema. */
  async function expectUntouched(): Promise<void> {
    const victim = await session.query<{ id: number }>('SELECT id FROM public.victim ORDER BY id').catch((error: Error) => error.message);
    expect(typeof victim === 'string' ? victim : victim.rows.map((row) => row.id)).toEqual([100, 200]);
    const left = await session.query<{ name: string }>(`SELECT relname AS name FROM pg_catalog.pg_class WHERE relname = 'zz'
      UNION ALL SELECT nspname FROM pg_catalog.pg_namespace WHERE nspname LIKE 'wesley\\_spelling\\_%'`);
    expect(left.rows).toEqual([]);
  }

  it.each(Object.entries(smuggles).map(([name, smuggle], index) => [name, smuggle, `smuggle-${index}.graphql`] as const))(
    '%s: drift refuses the schema with WES033 at the argument, exit 1, the database untouched',
    async (_, { argument }, file) => {
      const drift = await runBuiltCli(cwd, 'drift', '--schema', file, '--database-url', db.url);
      await expectUntouched();
      expect(drift.stderr).toMatch(new RegExp(`^${file}:\\d+:\\d+  WES033  error  ${escape(argument)} is not one SQL expression: `, 'm'));
      expect(drift.stderr).toContain('wesley drift: nothing compared because of errors in the schema');
      expect(drift.code).toBe(1);
    },
  );

  it.each(Object.entries(smuggles).map(([name, smuggle], index) => [name, smuggle, `smuggle-${index}.graphql`] as const))(
    '%s: plan --from the database refuses the schema with WES033, exit 1, the database untouched',
    async (_, { argument }, file) => {
      const plan = await runBuiltCli(cwd, 'plan', '--from', db.url, '--to', file);
      await expectUntouched();
      expect(plan.stderr).toMatch(new RegExp(`^${file}:\\d+:\\d+  WES033  error  ${escape(argument)} is not one SQL expression: `, 'm'));
      expect(plan.code).toBe(1);
    },
  );
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
