import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Connection } from '@wesley/postgres';
import { describeEachServer, useTestDatabase } from '@wesley/postgres/testing';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { collectOutput, runBuiltCli, wesleyBin } from './run-built-cli.js';

const processTimeout = 60_000;

/** A daily window in `zone` opening two hours from now, so closed now: `HH:00-HH:00 <zone>`, with the zone's hour read from Intl. */
function closedWindow(zone: string): string {
  const hour = Number(new Intl.DateTimeFormat('en-US', { timeZone: zone, hour: 'numeric', hourCycle: 'h23' }).format(Date.now()));
  const at = (h: number) => `${String(h % 24).padStart(2, '0')}:00`;
  return `${at(hour + 2)}-${at(hour + 3)} ${zone}`;
}

/**
 * `wesley migrate` with the config's `windows` (issue 17, item 4): outside every window it
 * applies the expand steps, stops with exit code 4 and says when the next window opens, in the
 * window's zone and UTC; `--json` has the event and the summary; `--ignore-windows` runs it all
 * and says so; Ctrl-C during `--wait` stops cleanly, and the next run goes on.
 */
describeEachServer('wesley migrate: windows', (server) => {
  const db = useTestDatabase(server);
  let cwd: string;
  let session: Connection;
  const migrate = (...args: string[]) => runBuiltCli(cwd, 'migrate', '--config', 'wesley.config.json', '--database-url', db.url, ...args);

  beforeAll(async () => {
    cwd = await mkdtemp(path.join(os.tmpdir(), 'wesley-windows-e2e-'));
    session = await db.connect();
    const { rows } = await session.query<{ v: string }>(`SELECT current_setting('server_version_num') AS v`);
    await writeFile(path.join(cwd, 'v1.graphql'), 'type Tally @wes_table { id: Int! @wes_pk }\n');
    await writeFile(
      path.join(cwd, 'v2.graphql'),
      'type Tally @wes_table { id: Int! @wes_pk token: UUID! @wes_default(expr: "gen_random_uuid()") }\n',
    );
    const planned = await runBuiltCli(
      cwd,
      'plan',
      '--from',
      'v1.graphql',
      '--to',
      'v2.graphql',
      '--server-version',
      rows[0]?.v ?? '',
      '--out',
      'migrations/0001_token',
    );
    expect(planned.code, planned.stderr).toBe(0);
    await writeFile(
      path.join(cwd, 'wesley.config.json'),
      JSON.stringify({ schema: 'v2.graphql', windows: [closedWindow('Asia/Tokyo')], maxActiveSessions: 1000 }),
    );
  });
  beforeEach(async () => {
    await session.query('DROP SCHEMA IF EXISTS wesley CASCADE; DROP TABLE IF EXISTS tally');
    await session.query('CREATE TABLE tally (id integer PRIMARY KEY); INSERT INTO tally SELECT generate_series(1, 500)');
  });
  afterAll(async () => {
    await rm(cwd, { recursive: true, force: true });
  });

  const opens = /opens at \w{3} \d{4}-\d\d-\d\d \d\d:00 Asia\/Tokyo \((\d{4}-\d\d-\d\d )?\d\d:00 UTC\)/;

  async function steps(): Promise<unknown[]> {
    return (await session.query('SELECT step_id, status FROM wesley.steps ORDER BY started_at')).rows;
  }

  it(
    'outside a window: applies expand, stops with exit code 4 and the next window in its zone and UTC',
    { timeout: processTimeout },
    async () => {
      const run = await migrate();
      expect(run.code, run.stderr).toBe(4);
      expect(run.stdout).toMatch(
        new RegExp(`0001_token: add-column:tally\\.token:backfill: outside the migration windows; .*${opens.source}`),
      );
      expect(run.stdout).toMatch(
        new RegExp(`wesley migrate: stopped in 0001_token outside the migration windows \\(.*\\); the next ${opens.source}`),
      );
      expect(await steps()).toEqual([{ step_id: 'add-column:tally.token:add', status: 'applied' }]);

      // The next run inside a window (here: told to ignore them) goes on from there.
      const again = await migrate('--ignore-windows');
      expect(again.code, again.stderr).toBe(0);
      expect(again.stdout).toContain("--ignore-windows: running every step now, outside the config's windows");
      expect((await session.query('SELECT count(*)::int AS n FROM tally WHERE token IS NULL')).rows).toEqual([{ n: 0 }]);
    },
  );

  it('--json: the window-closed event and a summary with exit code 4', { timeout: processTimeout }, async () => {
    const run = await migrate('--json');
    expect(run.code, run.stderr).toBe(4);
    const events = run.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    const closed = events.find((event) => event.kind === 'window-closed');
    expect(closed).toMatchObject({ migration: '0001_token', stepId: 'add-column:tally.token:backfill', waiting: false });
    expect(`opens at ${String(closed?.opensAt)}`).toMatch(opens);
    expect(Date.parse(String(closed?.opensAtUtc))).toBeGreaterThan(Date.now() + 3_600_000);
    expect(events.at(-1)).toMatchObject({
      kind: 'summary',
      ok: true,
      exitCode: 4,
      applied: [],
      stoppedIn: '0001_token',
      gateStop: { kind: 'window' },
    });
  });

  it('wesley status shows the next window, in text and JSON', { timeout: processTimeout }, async () => {
    const status = await runBuiltCli(cwd, 'status', '--config', 'wesley.config.json', '--database-url', db.url);
    expect(status.code, status.stderr).toBe(0);
    expect(status.stdout).toMatch(
      new RegExp(
        `wesley status: outside the migration windows: backfill, validate and contract steps wait for the next, which ${opens.source}`,
      ),
    );
    const json = await runBuiltCli(cwd, 'status', '--config', 'wesley.config.json', '--database-url', db.url, '--json');
    expect(json.code, json.stderr).toBe(0);
    const document = JSON.parse(json.stdout) as { windows: { open: boolean; opensAt: string; windows: string[] } };
    expect(document.windows).toMatchObject({ open: false, windows: [expect.stringMatching(/ Asia\/Tokyo$/) as unknown] });
    expect(Date.parse(document.windows.opensAt)).toBeGreaterThan(Date.now() + 3_600_000);
  });

  it('--wait: says it waits; Ctrl-C stops cleanly, releasing the lock, and the next run goes on', { timeout: processTimeout }, async () => {
    const child = spawn(process.execPath, [wesleyBin, 'migrate', '--config', 'wesley.config.json', '--database-url', db.url, '--wait'], {
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const output = collectOutput(child);
    let seen = '';
    await new Promise<void>((resolve) => {
      child.stdout.on('data', (chunk: Buffer) => {
        seen += chunk.toString();
        if (seen.includes('waiting for the next')) resolve();
      });
    });
    child.kill('SIGINT');
    const run = await output;
    expect(run.code, run.stderr).toBe(4);
    expect(seen).toMatch(
      new RegExp(`outside the migration windows; waiting for the next, which ${opens.source} \\(Ctrl-C stops cleanly\\)`),
    );
    expect(run.stdout).toMatch(/wesley migrate: stopped in 0001_token: the wait was interrupted \(.*\); run wesley migrate again to go on/);
    expect(await steps()).toEqual([{ step_id: 'add-column:tally.token:add', status: 'applied' }]);
    const again = await migrate('--ignore-windows', '--lock-wait', '0');
    expect(again.code, again.stderr).toBe(0);
  });
});
