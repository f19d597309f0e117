import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { servers, useTestDatabase } from '@wesley/postgres/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBuiltCli } from './run-built-cli.js';

/** These tests run several `wesley` processes each: seconds on a busy machine, not the default 5. */
const processTimeout = 60_000;

const v1 = 'type Account @wes_table {\n  id: Int! @wes_pk\n  a: Int\n}\n';
const v2 = 'type Account @wes_table {\n  id: Int! @wes_pk\n  a: Int\n  doubled: Int @wes_computed(expr: "a * 2")\n}\n';
const init =
  'CREATE TABLE account (id integer PRIMARY KEY, a integer);\nINSERT INTO account SELECT n, n FROM generate_series(1, 100) AS n;\n';

let cwd: string;
const wesley = (...args: string[]) => runBuiltCli(cwd, ...args);

beforeAll(async () => {
  cwd = await mkdtemp(path.join(os.tmpdir(), 'wesley-blocking-'));
  await writeFile(path.join(cwd, 'v1.graphql'), v1);
  await writeFile(path.join(cwd, 'v2.graphql'), v2);
});
afterAll(async () => {
  await rm(cwd, { recursive: true, force: true });
});

let approvedPlan: Promise<string> | undefined;
/** The plan.json `wesley plan --allow-blocking` writes for v1 -> v2 (planned once, by the CLI). */
const approvedPlanJson = (): Promise<string> =>
  (approvedPlan ??= (async () => {
    const run = await wesley('plan', '--from', 'v1.graphql', '--to', 'v2.graphql', '--allow-blocking', '--out', 'planned');
    if (run.code !== 0) throw new Error(run.stderr);
    return readFile(path.join(cwd, 'planned/plan.json'), 'utf8');
  })());

describe('wesley plan and blocking steps', () => {
  it('refuses a step that rewrites the table: WES104 at the field, exit 1, nothing written', { timeout: processTimeout }, async () => {
    const run = await wesley('plan', '--from', 'v1.graphql', '--to', 'v2.graphql', '--server-version', '15', '--out', 'refused');
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      'v2.graphql:4:3  WES104  error  step add-column:account.doubled holds AccessExclusiveLock on account during a rewrite: reads and writes wait until it ends\n' +
        '  4 |   doubled: Int @wes_computed(expr: "a * 2")\n' +
        '    |   ^\n' +
        '  help: add a plain column filled by the application instead, or run it in a maintenance window; or plan again with --allow-blocking to approve it in plan.json\n' +
        '\n1 error\nwesley plan: no plan because of errors\n',
    );
    await expect(stat(path.join(cwd, 'refused'))).rejects.toThrow(/ENOENT/);
  });

  it(
    'plans it with --allow-blocking, recording the approval and its reason on the step in plan.json',
    { timeout: processTimeout },
    async () => {
      const reason = 'account has 100 rows; reviewed in #412';
      const run = await wesley(
        'plan',
        '--from',
        'v1.graphql',
        '--to',
        'v2.graphql',
        '--allow-blocking',
        '--blocking-reason',
        reason,
        '--out',
        'approved',
      );
      expect(run.code).toBe(0);
      expect(run.stderr).toMatch(
        /^v2\.graphql:4:3 {2}WES104 {2}warning {2}step add-column:account\.doubled holds AccessExclusiveLock on account/,
      );
      const plan = JSON.parse(await readFile(path.join(cwd, 'approved/plan.json'), 'utf8')) as {
        steps: { id: string; blocking: { during: string; blocks: string } | null; approval: { reason: string } | null }[];
      };
      expect(plan.steps.map((s) => [s.id, s.blocking?.during, s.blocking?.blocks, s.approval])).toEqual([
        ['add-column:account.doubled', 'rewrite', 'reads and writes', { reason }],
      ]);
      const generic = await wesley('plan', '--from', 'v1.graphql', '--to', 'v2.graphql', '--allow-blocking', '--json');
      expect(generic.code).toBe(0);
      expect(JSON.parse(generic.stdout)).toMatchObject({ steps: [{ approval: { reason: 'allowed with --allow-blocking' } }] });
    },
  );

  it('takes --blocking-reason only with --allow-blocking (exit 2)', { timeout: processTimeout }, async () => {
    const run = await wesley('plan', '--from', 'v1.graphql', '--to', 'v2.graphql', '--blocking-reason', 'because');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--blocking-reason is recorded with --allow-blocking: give both/);
  });
});

describe('wesley migrate and blocking steps', () => {
  const [server] = servers();
  const db = useTestDatabase(server);

  /** A migrations directory: the table with rows, then the plan `wesley plan --allow-blocking` wrote, approved or not. */
  const directory = async (name: string, approved: boolean) => {
    const dir = path.join(cwd, name);
    await mkdir(path.join(dir, '0002_doubled'), { recursive: true });
    await writeFile(path.join(dir, '0001_init.sql'), init);
    const text = await approvedPlanJson();
    const plan = JSON.parse(text) as { steps: { approval: unknown }[] };
    if (!approved) for (const step of plan.steps) step.approval = null;
    await writeFile(path.join(dir, '0002_doubled/plan.json'), approved ? text : JSON.stringify(plan, null, 2));
    return name;
  };

  it(
    'refuses an unapproved blocking step before any statement (and in --dry-run), then runs it with --allow-blocking',
    { timeout: processTimeout },
    async () => {
      const dir = await directory('unapproved', false);
      const refusal =
        'wesley migrate: WES175 migration 0002_doubled would block reads or writes, without an approval:\n' +
        'wesley migrate:   0002_doubled: step add-column:account.doubled holds AccessExclusiveLock on account during a rewrite: reads and writes wait until it ends\n' +
        'wesley migrate:     instead: add a plain column filled by the application instead, or run it in a maintenance window\n' +
        '  help: approve each step in its plan.json (wesley plan --allow-blocking records the approval for review), or run with --allow-blocking once the wait is acceptable\n';
      for (const extra of [[], ['--dry-run']]) {
        const run = await wesley('migrate', '--dir', dir, '--database-url', db.url, ...extra);
        expect(run.code).toBe(1);
        // No SQL (--dry-run), no step run: at most the note naming the database.
        expect(run.stdout).not.toMatch(/ALTER TABLE|add-column/);
        expect(run.stderr).toContain(refusal);
      }
      const session = await db.connect();
      expect((await session.query(`SELECT to_regclass('public.account') AS account`)).rows).toEqual([{ account: null }]);
      const allowed = await wesley('migrate', '--dir', dir, '--database-url', db.url, '--allow-blocking');
      expect(allowed.code).toBe(0);
      expect((await session.query<{ ok: boolean }>('SELECT bool_and(doubled = 2 * a) AS ok FROM account')).rows).toEqual([{ ok: true }]);
    },
  );
});

describe('wesley migrate and approved blocking steps', () => {
  const [server] = servers();
  const db = useTestDatabase(server);

  it('runs a blocking step its plan.json approves, without --allow-blocking', { timeout: processTimeout }, async () => {
    const dir = path.join(cwd, 'approved-run');
    await mkdir(path.join(dir, '0002_doubled'), { recursive: true });
    await writeFile(path.join(dir, '0001_init.sql'), init);
    await writeFile(path.join(dir, '0002_doubled/plan.json'), await approvedPlanJson());
    const run = await wesley('migrate', '--dir', 'approved-run', '--database-url', db.url);
    expect(run.code).toBe(0);
  });
});
