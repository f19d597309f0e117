import type { Connection } from '@wesley/postgres';
import { sqlStateOf } from '../../../src/execute/step-failed-error.js';

/** One application write: a statement, or alternatives for a table known under two names. */
export interface Write {
  /** What the write goes to, for the report. */
  readonly table: string;
  /** Tried in order while one fails with undefined_table (42P01): a renamed table. */
  readonly sql: readonly string[];
  readonly values: readonly unknown[];
}

/** What the writers saw: one latency per write, and every write that failed. */
export interface WriteLoadReport {
  /** Milliseconds from sending a write to its success, alternatives included. */
  readonly latencies: readonly number[];
  /** The slowest write. */
  readonly slowest: { readonly table: string; readonly ms: number } | null;
  /** Writes that failed (with their SQLSTATE and message): the load must stay valid throughout. */
  readonly failures: readonly string[];
}

export interface WriteLoad {
  /** Stops the writers after the write in flight and reports. */
  stop(): Promise<WriteLoadReport>;
}

/**
 * Starts one writer per session, each looping over `writes` (the `n`th write of writer `w` is
 * `writes[n % length](w, n)`) with `pauseMs` between writes, until `stop()`. Each write runs
 * alone (autocommit), as an application's would, and its latency is measured end to end.
 */
export function startWriteLoad(
  sessions: readonly Connection[],
  writes: readonly ((writer: number, n: number) => Write)[],
  pauseMs: number,
): WriteLoad {
  let stopped = false;
  const latencies: number[] = [];
  const failures: string[] = [];
  let slowest: { table: string; ms: number } | null = null;
  const loop = async (session: Connection, writer: number): Promise<void> => {
    for (let n = 0; !stopped; n++) {
      const make = writes[n % writes.length];
      if (make === undefined) return;
      const write = make(writer, n);
      const started = performance.now();
      try {
        await run(session, write);
        const ms = performance.now() - started;
        latencies.push(ms);
        if (slowest === null || ms > slowest.ms) slowest = { table: write.table, ms };
      } catch (error) {
        failures.push(`${write.table}: ${sqlStateOf(error) ?? '-'} ${error instanceof Error ? error.message : String(error)}`);
      }
      if (pauseMs > 0) await sleep(pauseMs);
    }
  };
  const running = sessions.map((session, writer) => loop(session, writer));
  return {
    stop: async () => {
      stopped = true;
      await Promise.all(running);
      return { latencies, slowest, failures };
    },
  };
}

async function run(session: Connection, write: Write): Promise<void> {
  for (const [i, sql] of write.sql.entries()) {
    try {
      await session.query(sql, write.values);
      return;
    } catch (error) {
      if (sqlStateOf(error) !== '42P01' || i === write.sql.length - 1) throw error;
    }
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
