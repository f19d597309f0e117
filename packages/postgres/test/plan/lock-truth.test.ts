import { beforeAll, expect, it } from 'vitest';
import { emitDdl, operations, planMigration, quoteIdent, rollbackPlan, type ChangeKind, type Plan, type PlanResult } from '@wesley/core';
import { describeEachServer, useTestDatabase } from '@wesley/postgres/testing';
import type { Connection } from '../../src/connect/connect.js';
import { lockTruthCases, refusalCases, type LockTruthCase } from './support/lock-truth-cases.js';
import { claimedWriteBlocks, expandClaims, observeStepLocks, type ObserverSessions } from './support/observe-locks.js';

/**
 * The lock claims of every kind of plan step, checked against what PostgreSQL shows in
 * pg_locks while the step runs on tables holding rows (the claims docs/locks.md lists), on
 * every server of the run. Each plan is made for that server's `server_version_num`, so the
 * version-dependent paths (NOT NULL NOT VALID on 18, the CHECK dance before it) are each
 * checked where they apply.
 */
describeEachServer('lock claims match pg_locks', (server) => {
  const db = useTestDatabase(server);
  let sessions: ObserverSessions;
  let serverVersion = 0;

  beforeAll(async () => {
    sessions = { runner: await db.connect(), watcher: await db.connect(), holder: await db.connect() };
    const { rows } = await sessions.runner.query<{ version: string }>(`SELECT current_setting('server_version_num') AS version`);
    serverVersion = Number(rows[0]?.version);
  });

  const plan = (testCase: LockTruthCase): PlanResult =>
    planMigration(testCase.v1, testCase.v2, {
      serverVersion,
      allowDestructive: true,
      allowBlocking: { reason: 'every pattern, blocking ones too' },
      batchSize: 500,
    });

  lockTruthCases.forEach((testCase, index) => {
    it(testCase.name, async () => {
      const schema = `lock_truth_${index}`;
      await load(testCase, schema);
      const { plan: steps, diagnostics } = plan(testCase);
      if (steps === null) throw new Error(`no plan: ${JSON.stringify(diagnostics)}`);
      const forward = await observePlan(steps, schema);
      expect(forward.observed, `pg_locks on ${server.label} (server_version_num ${serverVersion})`).toEqual(forward.claimed);
      if (testCase.rollback !== true) return;
      // The down plan claims its locks too: it runs after the plan, step by step.
      const down = rollbackPlan(steps).plan;
      if (down === null) throw new Error(`${testCase.name}: the plan is not reversible`);
      const backward = await observePlan(down, schema);
      expect(backward.observed, `rollback: pg_locks on ${server.label} (server_version_num ${serverVersion})`).toEqual(backward.claimed);
    });
  });

  /** Claimed and observed locks (and blocked writers) of every step of `steps`, run in order. */
  async function observePlan(steps: Plan, schema: string) {
    const claimed: { id: string; locks: string[]; writesBlocked: string[] }[] = [];
    const observed: typeof claimed = [];
    for (const step of steps.steps) {
      const seen = await observeStepLocks(sessions, step, schema);
      // A claim with a scope covers the partitions the table has now, as the step runs.
      const locks = expandClaims(step.locks, seen.partitions);
      claimed.push({ id: step.id, locks, writesBlocked: claimedWriteBlocks(step, seen.probed, seen.partitions) });
      observed.push({ id: step.id, locks: [...seen.locks], writesBlocked: [...seen.writesBlocked] });
    }
    return { claimed, observed };
  }

  it('covers every operation the planner has: steps of each kind, or the refusal', () => {
    const planned = new Set(lockTruthCases.flatMap((testCase) => plan(testCase).plan?.steps.map((step) => step.operation) ?? []));
    const refused = new Set(refusalCases.map((refusal) => refusal.refused));
    expect([...planned, ...refused].sort()).toEqual((Object.keys(operations) as ChangeKind[]).sort());
  });

  it('refuses the changes PostgreSQL cannot make in place, with WES102 and no plan', () => {
    for (const refusal of refusalCases) {
      const result = planMigration(refusal.v1, refusal.v2, { serverVersion, allowDestructive: true });
      expect(
        result.changes.map((change) => change.kind),
        refusal.name,
      ).toContain(refusal.refused);
      expect(result.plan, refusal.name).toBeNull();
      expect(
        result.diagnostics.map((d) => `${d.severity} ${d.code}`),
        refusal.name,
      ).toContain('error WES102');
    }
  });

  /** A fresh schema holding `v1` and its rows, with every session's search_path on it. */
  async function load(testCase: LockTruthCase, schema: string): Promise<void> {
    const { runner } = sessions;
    await runner.query(`CREATE SCHEMA ${quoteIdent(schema)}`);
    for (const session of Object.values(sessions) as Connection[]) {
      await session.query(`SELECT set_config('search_path', $1, false)`, [quoteIdent(schema)]);
    }
    await runner.query(emitDdl(testCase.v1));
    if (testCase.setup !== undefined) await runner.query(testCase.setup);
    await runner.query(testCase.seed);
  }
});
