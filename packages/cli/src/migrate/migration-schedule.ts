import type { MigrationWindow, WesleyConfig } from '@wesley/config';
import type { MigrationClock, MigrationWindows, ThrottleLimits } from '@wesley/postgres/run';
import { UsageError } from '../usage-error.js';

/**
 * The config's windows as `migrate` asks them, the next opening described in the window's own
 * zone and in UTC (`Tue 2026-12-08 01:00 Europe/Berlin (00:00 UTC)`). `@wesley/config` is
 * imported here, once a run has windows: its zod is not loaded for a run without them.
 */
export async function migrationWindows(windows: readonly MigrationWindow[]): Promise<MigrationWindows> {
  const { describeWindowTime, windowState } = await import('@wesley/config');
  return {
    at(nowMs) {
      const state = windowState(windows, nowMs);
      if (state.open) return state;
      return { open: false, opensAtMs: state.opensAtMs, opensAt: describeWindowTime(state.opensAtMs, state.window.timeZone) };
    },
  };
}

/**
 * The system clock, whose sleeps (a wait for a window, a throttle pause) end early on Ctrl-C
 * (SIGINT) or SIGTERM: the migrator is between batches then, holding nothing, so it stops
 * cleanly and releases its lock. The handlers are on only while it sleeps; a signal at any
 * other time ends the process as it always did (the server rolls back what was in flight).
 */
export const interruptibleClock: MigrationClock = {
  now: () => Date.now(),
  sleep: (ms) =>
    new Promise((resolve) => {
      const finish = (outcome: 'slept' | 'interrupted') => {
        clearTimeout(timer);
        process.off('SIGINT', interrupt);
        process.off('SIGTERM', interrupt);
        resolve(outcome);
      };
      const interrupt = () => finish('interrupted');
      const timer = setTimeout(() => finish('slept'), ms);
      process.on('SIGINT', interrupt);
      process.on('SIGTERM', interrupt);
    }),
};

/**
 * The config's throttle limits as `migrate` takes them; the heartbeat's replica URL read from the
 * environment variable the config names.
 *
 * @throws UsageError (WES392) when the config names a heartbeat whose variable is not set: the
 * limit it asks for could not be checked, and a backfill must not run unthrottled in silence.
 */
export function migrationThrottle(
  config: WesleyConfig | null,
  env: Readonly<Record<string, string | undefined>>,
  command: string,
): ThrottleLimits {
  const heartbeat = config?.heartbeat ?? null;
  const url = heartbeat === null ? undefined : env[heartbeat.urlEnv];
  if (heartbeat !== null && (url === undefined || url === '')) {
    throw new UsageError(`WES392 the config's heartbeat reads the replica at $${heartbeat.urlEnv}, which is not set`, command, {
      code: 'WES392',
      help: `set ${heartbeat.urlEnv} to the replica's URL, or remove heartbeat from the config to read replica lag from pg_stat_replication`,
    });
  }
  return {
    maxReplicaLagMs: config?.maxReplicaLagMs ?? undefined,
    maxActiveSessions: config?.maxActiveSessions ?? undefined,
    ...(heartbeat === null || url === undefined ? {} : { heartbeat: { url, table: heartbeat.table, column: heartbeat.column } }),
  };
}
