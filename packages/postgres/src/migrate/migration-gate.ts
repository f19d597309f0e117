import type { Phase } from '@wesley/core/run';
import { connect, type Connection } from '../connect/connect.js';
import type { MigrateEvent } from './migrate-events.js';
import { readHeartbeatLag, readServerLoad, type ReplicaHeartbeat, type ServerLoad } from './read-server-load.js';

/**
 * When `migrate` may run its long phases: the config's windows as the CLI reads them. `at` says
 * whether `nowMs` is inside one (and until when) or when the next one opens, described for the
 * user in the window's zone and in UTC.
 */
export interface MigrationWindows {
  at(
    nowMs: number,
  ): { readonly open: true; readonly closesAtMs: number } | { readonly open: false; readonly opensAtMs: number; readonly opensAt: string };
}

/** The clock the gate reads and sleeps on, injected so that tests do not wait for real hours. */
export interface MigrationClock {
  now(): number;
  /** Sleeps `ms`; `'interrupted'` when the user asked to stop first (Ctrl-C while the gate waits). */
  sleep(ms: number): Promise<'slept' | 'interrupted'>;
}

/** Limits past which backfill batches pause. */
export interface ThrottleLimits {
  readonly maxReplicaLagMs?: number | undefined;
  readonly maxActiveSessions?: number | undefined;
  /** Read the replica lag as a heartbeat's age on a replica instead of from `pg_stat_replication`. */
  readonly heartbeat?: ReplicaHeartbeat | undefined;
  /** How the load is read (default {@link readServerLoad} on the migrator's session, and the heartbeat's replica). */
  readonly readLoad?: ((session: Connection) => Promise<ServerLoad>) | undefined;
}

/** Why the gate stopped the run: outside the windows (when the next one opens), or the user interrupted a wait (Ctrl-C). */
export type GateStop = { readonly kind: 'window'; readonly opensAtMs: number; readonly opensAt: string } | { readonly kind: 'interrupted' };

/** How the run is gated, asked before each step and each backfill batch (docs/architecture.md#windows-and-throttling). */
export interface MigrationGate {
  /** `'go'` for an `expand` step at any time, for another inside a window (after waiting for one with `wait`). */
  beforeStep(stepId: string, phase: Phase): Promise<'go' | 'stop'>;
  /** Inside a window, and under the throttle limits (pausing while over them, as long as the window lasts). */
  beforeBatch(stepId: string): Promise<'go' | 'stop'>;
  /** Why the last `'stop'` was given, or `null`. */
  readonly stopped: GateStop | null;
  /** Closes the connection to the heartbeat's replica, if one was opened. */
  close(): Promise<void>;
}

/** The longest single sleep: a clock that jumps (a suspended machine) is read again at least this often. */
const maxSleepMs = 60_000;
/** The first pause of a throttled backfill; it doubles up to {@link maxPauseMs}. */
const firstPauseMs = 250;
const maxPauseMs = 5_000;

export const systemClock: MigrationClock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(() => resolve('slept'), ms)),
};

/**
 * The gate of a run: its windows (none: always open), whether to wait for one, its throttle
 * limits (none: never throttled), all read on `session` with `clock`; reported through `onEvent`
 * for migration `migration()`, the one under way.
 */
export function migrationGate(
  session: Connection,
  options: {
    readonly windows?: MigrationWindows | undefined;
    readonly wait?: boolean | undefined;
    readonly throttle?: ThrottleLimits | undefined;
  },
  clock: MigrationClock,
  migration: () => string,
  onEvent: (event: MigrateEvent) => void,
): MigrationGate {
  let stopped: GateStop | null = null;
  const { windows, throttle } = options;
  let replica: Connection | null = null;
  const heartbeat = throttle?.heartbeat;
  const readLoad =
    throttle?.readLoad ??
    (async (primary: Connection): Promise<ServerLoad> => {
      const load = await readServerLoad(primary);
      if (heartbeat === undefined) return load;
      replica ??= await connect(heartbeat.url);
      return { ...load, replicaLagMs: await readHeartbeatLag(replica, heartbeat) };
    });

  const interrupt = (): 'stop' => {
    stopped = { kind: 'interrupted' };
    return 'stop';
  };

  const inWindow = async (stepId: string): Promise<'go' | 'stop'> => {
    if (windows === undefined) return 'go';
    const started = clock.now();
    let reported = false;
    for (;;) {
      const state = windows.at(clock.now());
      if (state.open) break;
      // The sleep starts before the line that announces it: a Ctrl-C prompted by the line finds the sleep's handler in place.
      const slept = options.wait === true ? clock.sleep(Math.min(state.opensAtMs - clock.now(), maxSleepMs)) : null;
      if (!reported) {
        const { opensAtMs, opensAt } = state;
        onEvent({
          kind: 'window-closed',
          migration: migration(),
          stepId,
          opensAt,
          opensAtUtc: new Date(opensAtMs).toISOString(),
          waiting: slept !== null,
        });
        reported = true;
      }
      if (slept === null) {
        stopped = { kind: 'window', opensAtMs: state.opensAtMs, opensAt: state.opensAt };
        return 'stop';
      }
      if ((await slept) === 'interrupted') return interrupt();
    }
    if (reported) onEvent({ kind: 'window-open', migration: migration(), stepId, waitedMs: clock.now() - started });
    return 'go';
  };

  /** The first limit the load is over, or `null`. */
  const overLimit = async (): Promise<Extract<MigrateEvent, { kind: 'throttle' }>['limit'] | null> => {
    const load = await readLoad(session);
    const { maxReplicaLagMs, maxActiveSessions } = throttle ?? {};
    if (maxReplicaLagMs !== undefined && (load.replicaLagMs ?? 0) > maxReplicaLagMs) {
      return { kind: 'replica-lag', value: Math.round(load.replicaLagMs ?? 0), max: maxReplicaLagMs };
    }
    if (maxActiveSessions !== undefined && load.activeSessions > maxActiveSessions) {
      return { kind: 'active-sessions', value: load.activeSessions, max: maxActiveSessions };
    }
    return null;
  };

  return {
    get stopped() {
      return stopped;
    },
    async close() {
      await replica?.close();
      replica = null;
    },
    async beforeStep(stepId, phase) {
      return phase === 'expand' ? 'go' : inWindow(stepId);
    },
    async beforeBatch(stepId) {
      if ((await inWindow(stepId)) === 'stop') return 'stop';
      if (throttle?.maxReplicaLagMs === undefined && throttle?.maxActiveSessions === undefined) return 'go';
      const started = clock.now();
      let throttled = false;
      for (let pauseMs = firstPauseMs; ; pauseMs = Math.min(pauseMs * 2, maxPauseMs)) {
        const limit = await overLimit();
        if (limit === null) break;
        // A pause ends at the window's close at the latest, where the window check stops the step.
        const state = windows?.at(clock.now());
        const untilClose = state?.open === true ? Math.max(state.closesAtMs - clock.now(), 0) : pauseMs;
        const slept = clock.sleep(Math.min(pauseMs, untilClose));
        if (!throttled) onEvent({ kind: 'throttle', migration: migration(), stepId, limit });
        throttled = true;
        if ((await slept) === 'interrupted') return interrupt();
        if ((await inWindow(stepId)) === 'stop') return 'stop';
      }
      if (throttled) onEvent({ kind: 'throttle-end', migration: migration(), stepId, pausedMs: clock.now() - started });
      return 'go';
    },
  };
}
