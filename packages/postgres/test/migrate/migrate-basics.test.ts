import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { compileSchema, planMigration, stableStringify, type SchemaIR } from '@wesley/core';
import { describeEachServer, useTestDatabase } from '@wesley/postgres/testing';
import { expect, it } from 'vitest';
import { migrate } from '../../src/migrate/migrate.js';
import { migrationStatus } from '../../src/migrate/migration-status.js';

const compile = (body: string): SchemaIR => {
  const { ir, diagnostics } = compileSchema({ name: 's.graphql', body });
  if (ir === null) throw new Error(JSON.stringify(diagnostics));
  return ir;
};

describeEachServer('migrate: a SQL file then a planned migration', (server) => {
  const db = useTestDatabase(server);

  it('applies pending migrations once and records them in the ledger', async () => {
    const session = await db.connect();
    const version = Number((await session.query<{ v: string }>(`SELECT current_setting('server_version_num') AS v`)).rows[0]?.v);
    const dir = await mkdtemp(path.join(tmpdir(), 'wesley-migrate-'));
    await writeFile(
      path.join(dir, '0001_init.sql'),
      "SET search_path = '';\nCREATE TABLE public.account (id integer PRIMARY KEY, email text);\nCOPY public.account (id, email) FROM stdin;\n1\ta@x\n2\tb@x\n\\.\nINSERT INTO public.account VALUES (3, 'c@x');\nCREATE INDEX CONCURRENTLY account_email_idx ON public.account (email);\n",
    );
    const v1 = compile('type Account @wes_table { id: Int! @wes_pk email: String @wes_index }');
    const v2 = compile(
      'type Account @wes_table { id: Int! @wes_pk email: String @wes_index score: Int! @wes_default(value: 0) token: UUID! @wes_default(expr: "gen_random_uuid()") }',
    );
    const { plan } = planMigration(v1, v2, { serverVersion: version, batchSize: 2 });
    if (plan === null) throw new Error('no plan');
    await mkdir(path.join(dir, '0002_score'));
    await writeFile(path.join(dir, '0002_score', 'plan.json'), stableStringify(plan, 2));
    const events: string[] = [];
    const first = await migrate({ url: db.url, directory: dir, onEvent: (e) => events.push(e.kind) });
    expect(first.applied).toEqual(['0001_init.sql', '0002_score']);
    const again = await migrate({ url: db.url, directory: dir });
    expect(again.applied).toEqual([]);
    const rows = await session.query('SELECT id, email, score, token IS NOT NULL AS has_token FROM public.account ORDER BY id');
    expect(rows.rows).toEqual([
      { id: 1, email: 'a@x', score: 0, has_token: true },
      { id: 2, email: 'b@x', score: 0, has_token: true },
      { id: 3, email: 'c@x', score: 0, has_token: true },
    ]);
    const status = await migrationStatus(session, dir);
    expect(status.map((s) => [s.name, s.state])).toEqual([
      ['0001_init.sql', 'applied'],
      ['0002_score', 'applied'],
    ]);
    expect(events).toContain('migration-done');
  });
});
