import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describeEachServer, useTestDatabase } from '@wesley/postgres/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInProcess } from '../support/run-in-process.js';

// Refused values exit 2 before any database is contacted: the URL points at a closed port, so an
// accepted value shows as exit 1 (could not connect) instead.
const unreachable = 'postgres://nobody:secret@127.0.0.1:1/none';

let cwd: string;
beforeAll(async () => {
  cwd = await mkdtemp(path.join(os.tmpdir(), 'wesley-durations-'));
  await mkdir(path.join(cwd, 'migrations'));
  await writeFile(path.join(cwd, 'migrations', '0001_init.sql'), 'CREATE TABLE a (id integer PRIMARY KEY);\nINSERT INTO a VALUES (1);\n');
  await writeFile(path.join(cwd, 'schema.graphql'), 'type A @wes_table { id: Int! @wes_pk }\n');
});
afterAll(async () => {
  await rm(cwd, { recursive: true, force: true });
});

const wesley = (...argv: string[]) => runInProcess(cwd, argv, {});

describe('duration flags: what PostgreSQL would not take, or would take as no limit, is refused (exit 2)', () => {
  it.each([
    // The report: 0 and 0.4 both became lock_timeout = '0ms', no limit at all.
    ['--lock-timeout', '0', /--lock-timeout 0 would mean no limit at all; give at least 1ms/],
    ['--lock-timeout', '0.4', /--lock-timeout 0.4 is under 1 ms, which rounds to 0: no limit at all/],
    ['--lock-timeout', '0ms', /would mean no limit at all/],
    ['--lock-timeout', '0.0001s', /is under 1 ms/],
    ['--lock-timeout', '2147483648', /--lock-timeout 2147483648 is over the longest PostgreSQL takes, 2147483647ms/],
    ['--lock-timeout', '25days', /takes a duration such as 500, 500ms or 1s, not '25days'/],
    ['--statement-timeout', '99999999999999', /--statement-timeout 99999999999999 is over the longest PostgreSQL takes/],
    ['--statement-timeout', '0.4', /--statement-timeout 0.4 is under 1 ms, which rounds to 0: no statement timeout/],
    ['--statement-timeout', '596524min', /is over the longest PostgreSQL takes/],
    ['--lock-wait', '0.0001', /--lock-wait 0.0001 is under 1 ms, which rounds to 0: one try, no wait/],
    ['--lock-wait', '99999999999', /--lock-wait 99999999999 is over the longest/],
  ])('migrate %s %s', async (flag, value, message) => {
    for (const extra of [[], ['--json'], ['--dry-run']]) {
      const run = await wesley('migrate', '--database-url', unreachable, flag, value, ...extra);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(message);
      expect(run.stderr).toMatch(/^Run 'wesley migrate --help' for usage\.$/m);
      expect(run.stderr).not.toContain('could not connect');
      if (extra[0] === '--json') {
        const summary = JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '') as { kind: string; ok: boolean; exitCode: number };
        expect(summary).toMatchObject({ kind: 'summary', ok: false, exitCode: 2 });
      }
    }
  });

  it.each([
    ['--lock-timeout', '1'],
    ['--lock-timeout', '1.4ms'],
    ['--lock-timeout', '2147483647'],
    ['--statement-timeout', '0'],
    ['--statement-timeout', '2147483647ms'],
    ['--lock-wait', '0'],
    ['--lock-wait', '1ms'],
  ])('takes migrate %s %s (and then fails to connect, exit 1)', async (flag, value) => {
    const run = await wesley('migrate', '--database-url', unreachable, flag, value, '--lock-wait', '0');
    expect(run.stderr).toMatch(/could not connect/);
    expect(run.code).toBe(1);
  });

  it.each(['2147483648', '99999999999999'])('refuses watch --debounce %s, longer than a timer waits', async (value) => {
    const run = await wesley('watch', '--schema', 'schema.graphql', '--out-dir', 'out', '--debounce', value);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--debounce \d+ is over the longest a timer waits, 2147483647ms/);
  });
});

describeEachServer('duration flags at the limits PostgreSQL takes', (server) => {
  const db = useTestDatabase(server);

  it('PostgreSQL takes 2147483647 ms and refuses one more, for both settings', async () => {
    const session = await db.connect();
    try {
      for (const setting of ['lock_timeout', 'statement_timeout']) {
        await session.query(`SET ${setting} = '2147483647ms'`);
        await expect(session.query(`SET ${setting} = '2147483648ms'`)).rejects.toThrow(`invalid value for parameter "${setting}"`);
      }
    } finally {
      await session.close();
    }
  });

  it('migrates with the largest and the smallest values accepted', async () => {
    const run = await wesley('migrate', '--database-url', db.url, '--lock-timeout', '1', '--statement-timeout', '2147483647');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const again = await wesley('migrate', '--database-url', db.url, '--lock-timeout', '2147483647', '--statement-timeout', '0');
    expect(again.code).toBe(0);
    const session = await db.connect();
    try {
      expect((await session.query('SELECT id FROM a')).rows).toEqual([{ id: 1 }]);
    } finally {
      await session.close();
    }
  });
});
