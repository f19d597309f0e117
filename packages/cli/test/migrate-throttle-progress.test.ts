import type { WesleyConfig } from '@wesley/config';
import type { MigrateEvent } from '@wesley/postgres/run';
import { describe, expect, it } from 'vitest';
import type { CliContext } from '../src/cli-context.js';
import { jsonReporter } from '../src/migrate/json-reporter.js';
import { logReporter } from '../src/migrate/log-reporter.js';
import { migrationThrottle } from '../src/migrate/migration-schedule.js';

const stepId = 'add-column:tally.token:backfill';
const migration = '0001_token';
const events: MigrateEvent[] = [
  { kind: 'migration-start', migration, type: 'plan', resumed: false },
  { kind: 'step-start', stepId },
  { kind: 'throttle', migration, stepId, limit: { kind: 'replica-lag', value: 4210, max: 1000 } },
  { kind: 'throttle-end', migration, stepId, pausedMs: 1750 },
  { kind: 'throttle', migration, stepId, limit: { kind: 'active-sessions', value: 41, max: 40 } },
  { kind: 'throttle-end', migration, stepId, pausedMs: 250 },
  {
    kind: 'window-closed',
    migration,
    stepId,
    opensAt: 'Tue 2026-12-08 01:00 Europe/Berlin (00:00 UTC)',
    opensAtUtc: '2026-12-08T00:00:00.000Z',
    waiting: true,
  },
  { kind: 'window-open', migration, stepId, waitedMs: 3_600_000 },
];

function capture(): { context: CliContext; text: () => string } {
  const lines: string[] = [];
  const context: CliContext = {
    cwd: '/',
    stdout: { write: (text: string) => lines.push(text), color: false },
    stderr: { write: () => undefined, color: false },
  };
  return { context, text: () => lines.join('') };
}

/** How a throttled backfill and a wait for a window show: a line each in the log, an event each with --json. */
describe('throttle and window progress', () => {
  it('the log says why the backfill pauses, for how long, and when the window opens', () => {
    const { context, text } = capture();
    const reporter = logReporter(context, new Map());
    for (const event of events) reporter.event(event);
    expect(text()).toContain(`${migration}: ${stepId}: pausing the backfill: replica lag 4,210 ms, over maxReplicaLagMs 1,000\n`);
    expect(text()).toContain(`${migration}: ${stepId}: resuming the backfill after a pause of 1.7 s\n`);
    expect(text()).toContain(`${migration}: ${stepId}: pausing the backfill: 41 active sessions, over maxActiveSessions 40\n`);
    expect(text()).toContain(
      `${migration}: ${stepId}: outside the migration windows; waiting for the next, which opens at Tue 2026-12-08 01:00 Europe/Berlin (00:00 UTC) (Ctrl-C stops cleanly)\n`,
    );
    expect(text()).toMatch(new RegExp(`${migration}: the migration window opened after .+; going on with ${stepId}\\n`));
  });

  it('--json prints each as an event line', () => {
    const { context, text } = capture();
    const reporter = jsonReporter(context);
    for (const event of events) reporter.event(event);
    const lines = text()
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as unknown);
    expect(lines).toEqual(events);
  });
});

describe('migrationThrottle', () => {
  const config = {
    maxReplicaLagMs: 2000,
    maxActiveSessions: null,
    heartbeat: { urlEnv: 'REPLICA_URL', table: 'ops.heartbeat', column: 'beat' },
  };

  it("reads the heartbeat's replica URL from the variable the config names", () => {
    const limits = migrationThrottle(config as unknown as WesleyConfig, { REPLICA_URL: 'postgres://r/db' }, 'migrate');
    expect(limits).toEqual({
      maxReplicaLagMs: 2000,
      maxActiveSessions: undefined,
      heartbeat: { url: 'postgres://r/db', table: 'ops.heartbeat', column: 'beat' },
    });
  });

  it('refuses a heartbeat whose variable is not set (WES392), rather than run unthrottled', () => {
    expect(() => migrationThrottle(config as unknown as WesleyConfig, {}, 'migrate')).toThrow(
      expect.objectContaining({
        code: 'WES392',
        message: "WES392 the config's heartbeat reads the replica at $REPLICA_URL, which is not set",
      }),
    );
  });
});
