import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { compileSchema, emitDdl } from '@wesley/core';
import type { Connection } from '@wesley/postgres';
import { describeEachServer, useTestDatabase } from '@wesley/postgres/testing';
import { beforeAll, expect, it } from 'vitest';
import { positionOf } from './migrate-fixtures.js';
import { runBuiltCli } from './run-built-cli.js';

const v1 = `type Member @wes_table {
  id: Int! @wes_pk
  handle: String! @wes_index
  "never read by the application"
  faxNumber: String
  bio: String @wes_index
}
`;

/** v2 drops bio, which the application still reads. */
const v2 = `type Member @wes_table {
  id: Int! @wes_pk
  handle: String! @wes_index
  "never read by the application"
  faxNumber: String
}
`;

/** `wesley usage` and `migrate`'s usage gate as users run them, against each test server. */
describeEachServer('wesley usage and the usage gate', (server) => {
  const db = useTestDatabase(server);
  let cwd: string;
  let session: Connection;
  const wesley = (...args: string[]) => runBuiltCli(cwd, ...args);
  const password = (): string => new URL(db.url).password;

  beforeAll(async () => {
    cwd = await mkdtemp(path.join(os.tmpdir(), 'wesley-usage-e2e-'));
    session = await db.connect();
    await session.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
    await writeFile(path.join(cwd, 'v1.graphql'), v1);
    await writeFile(path.join(cwd, 'v2.graphql'), v2);
    const { ir } = compileSchema({ name: 'v1.graphql', body: v1 });
    if (ir === null) throw new Error('v1 does not compile');
    await writeFile(path.join(cwd, 'wesley.config.json'), JSON.stringify({ schema: 'v2.graphql', usageWindow: '7d' }));
    await mkdir(path.join(cwd, 'migrations'));
    await writeFile(path.join(cwd, 'migrations', '0001_init.sql'), emitDdl(ir));
    const init = await wesley('migrate', '--database-url', db.url);
    expect(init.code, init.stderr).toBe(0);
    await session.query(`INSERT INTO member (id, handle, bio) SELECT g, 'm' || g, 'hi' FROM generate_series(1, 30) g`);
    for (let i = 1; i <= 40; i++) {
      await session.query('SELECT m.handle, m.bio FROM member m WHERE m.id = $1', [i]);
      await session.query(`UPDATE member SET handle = $1 WHERE id = $2`, [`m${i}`, i]);
    }
    await session.query('ANALYZE member');
  });

  it('reports the unused column at its field, the table of uses, and --json; never the password', async () => {
    const report = await wesley('usage', '--database-url', db.url, '--schema', 'v1.graphql');
    expect(report.stderr).toBe('');
    expect(report.code).toBe(0);
    expect(report.stdout).toMatch(/^public\.member {2,}\S/m);
    expect(report.stdout).toMatch(/^ {2}bio {2,}1, 40 calls: -?\d+/m);
    expect(report.stdout).toMatch(/^ {2}fax_number {2,}- {2,}-$/m);
    expect(report.stdout).toContain(
      `v1.graphql:${positionOf(v1, 'faxNumber')}  WES362  warning  column public.member.fax_number: no query used it`,
    );
    expect(report.stdout).toContain(`v1.graphql:${positionOf(v1, 'faxNumber')}  WES364`);
    expect(report.stdout).toMatch(/wesley usage: \d+ queries .* snapshot stored in wesley\.usage_snapshots\n$/);
    expect(report.stdout + report.stderr).not.toContain(password());

    const json = await wesley('usage', '--database-url', db.url, '--schema', 'v1.graphql', '--json', '--window', '2w');
    expect(json.code).toBe(0);
    const parsed = JSON.parse(json.stdout) as {
      window: { ms: number };
      unused: { kind: string; column: string | null; location: { line: number; column: number } | null }[];
    };
    expect(parsed.window.ms).toBe(14 * 86_400_000);
    const fax = parsed.unused.find((object) => object.kind === 'unused-column' && object.column === 'fax_number');
    expect(fax?.location === null ? null : `${fax?.location.line}:${fax?.location.column}`).toBe(positionOf(v1, 'faxNumber'));
    expect(parsed.unused.some((object) => object.column === 'bio' && object.kind === 'unused-column')).toBe(false);
    expect((await session.query('SELECT count(*)::int AS n FROM wesley.usage_snapshots')).rows).toEqual([{ n: 2 }]);
  });

  it('refuses a window without a unit (exit 2)', async () => {
    const bad = await wesley('usage', '--database-url', db.url, '--window', '7');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--window 7: give minutes, hours, days or weeks');
  });

  it("migrate refuses to drop a column read within the config's usageWindow, naming the query; --ignore-usage runs it", async () => {
    const version = (await session.query<{ v: string }>(`SELECT current_setting('server_version_num') AS v`)).rows[0]?.v ?? '';
    const planned = await wesley(
      'plan',
      '--from',
      'v1.graphql',
      '--to',
      'v2.graphql',
      '--server-version',
      version,
      '--allow-destructive',
      '--out',
      'migrations/0002_drop_bio',
    );
    expect(planned.code, planned.stderr).toBe(0);
    const gated = ['migrate', '--config', 'wesley.config.json', '--database-url', db.url, '--allow-destructive'];
    const refused = await wesley(...gated);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('migration 0002_drop_bio retires objects still in use:');
    expect(refused.stderr).toMatch(
      /drops column member\.bio, used in the last 7d:\nwesley migrate: {5}query -?\d+ \(40 calls\): SELECT m\.handle, m\.bio FROM member m WHERE m\.id = \$1/,
    );
    expect(refused.stderr).not.toContain(password());
    expect(
      (await session.query(`SELECT 1 FROM information_schema.columns WHERE table_name = 'member' AND column_name = 'bio'`)).rows,
    ).toHaveLength(1);

    const json = await wesley(...gated, '--json');
    expect(JSON.parse(json.stdout.trim().split('\n').at(-1) ?? '{}')).toMatchObject({ error: { code: 'WES361' } });

    const forced = await wesley(...gated, '--ignore-usage');
    expect(forced.code, forced.stderr).toBe(0);
    expect(
      (await session.query(`SELECT 1 FROM information_schema.columns WHERE table_name = 'member' AND column_name = 'bio'`)).rows,
    ).toHaveLength(0);
  });
  it('on a read-only database reports all the same, saying the snapshot was not stored', async () => {
    await session.query(`ALTER DATABASE ${db.name} SET default_transaction_read_only = on`);
    try {
      const report = await wesley('usage', '--database-url', db.url, '--window', '1h');
      expect(report.code, report.stderr).toBe(0);
      expect(report.stderr).toContain('wesley usage: note: the snapshot was not stored (cannot execute');
      expect(report.stdout).toMatch(/; snapshot not stored\n$/);
    } finally {
      await session.query(`ALTER DATABASE ${db.name} RESET default_transaction_read_only`);
    }
  });
});

/** A project with no usageWindow, on a database without pg_stat_statements: its drops run as before the gate, saying so. */
describeEachServer('the usage gate without usageWindow nor pg_stat_statements', (server) => {
  const db = useTestDatabase(server);

  it('migrate and its dry run say the drop went unjudged (WES360 notice) and run it', async () => {
    const cwd = await mkdtemp(path.join(os.tmpdir(), 'wesley-usage-notice-e2e-'));
    const wesley = (...args: string[]) => runBuiltCli(cwd, ...args);
    const session = await db.connect();
    await session.query('DROP EXTENSION IF EXISTS pg_stat_statements');
    await writeFile(path.join(cwd, 'v1.graphql'), v1);
    await writeFile(path.join(cwd, 'v2.graphql'), v2);
    const { ir } = compileSchema({ name: 'v1.graphql', body: v1 });
    if (ir === null) throw new Error('v1 does not compile');
    await writeFile(path.join(cwd, 'wesley.config.json'), JSON.stringify({ schema: 'v2.graphql' }));
    await mkdir(path.join(cwd, 'migrations'));
    await writeFile(path.join(cwd, 'migrations', '0001_init.sql'), emitDdl(ir));
    const version = (await session.query<{ v: string }>(`SELECT current_setting('server_version_num') AS v`)).rows[0]?.v ?? '';
    const args = ['--from', 'v1.graphql', '--to', 'v2.graphql', '--server-version', version, '--allow-destructive'];
    expect((await wesley('migrate', '--database-url', db.url)).code).toBe(0);
    const planned = await wesley('plan', ...args, '--out', 'migrations/0002_drop_bio');
    expect(planned.code, planned.stderr).toBe(0);
    const migrate = ['migrate', '--config', 'wesley.config.json', '--database-url', db.url, '--allow-destructive'];
    const notice =
      /WES360 usage not judged: 2 objects dropped or renamed without a check that no query still uses them \(pg_stat_statements is not available: the extension is not installed in this database/;

    const dry = await wesley(...migrate, '--dry-run');
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toMatch(new RegExp(`\\n-- ${notice.source}`));
    const run = await wesley(...migrate);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout + run.stderr).toMatch(new RegExp(`wesley migrate: ${notice.source}`));
    expect(
      (await session.query(`SELECT 1 FROM information_schema.columns WHERE table_name = 'member' AND column_name = 'bio'`)).rows,
    ).toHaveLength(0);
  });
});
