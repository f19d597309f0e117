import type { Connection } from '@wesley/postgres';
import type { TestDatabase } from '@wesley/postgres/testing';
import { holdAccessShare } from './long-reader.js';
import { startWriteLoad, type Write, type WriteLoadReport } from './write-load.js';

export interface UnderLoadScenario {
  /** Creates the starting schema and its rows. */
  readonly setupSql: string;
  readonly writes: readonly ((writer: number, n: number) => Write)[];
  /** Concurrent writer sessions. */
  readonly writers: number;
  /** Pause of each writer between two writes. */
  readonly pauseMs: number;
  /** Tables the long reader holds ACCESS SHARE on, and for how long once the migration starts. */
  readonly readTables: readonly string[];
  readonly readerHoldMs: number;
  /** Run by each writer session before its first write (`SET ROLE`, its session settings): an application's connection set-up. */
  readonly writerSetup?: (writer: number) => string;
}

export interface UnderLoadRun {
  readonly load: WriteLoadReport;
  readonly migrationMs: number;
}

/** The writes run this long before the reader and the migration start, and after both end. */
const settleMs = 300;

/**
 * Sets up `db`, starts the write load, lets it settle, opens the long reader, then runs
 * `migrate` on its own session while both go on; the reader commits `readerHoldMs` after it
 * started, the writers stop a little after both are done. The load is stopped even when the
 * migration fails, so the database can be dropped.
 */
export async function migrateUnderLoad(
  db: TestDatabase,
  scenario: UnderLoadScenario,
  migrate: (session: Connection) => Promise<void>,
): Promise<UnderLoadRun> {
  const migrator = await db.connect();
  await migrator.query(scenario.setupSql);
  const writers = await Promise.all(Array.from({ length: scenario.writers }, () => db.connect()));
  if (scenario.writerSetup !== undefined) {
    const setup = scenario.writerSetup;
    await Promise.all(writers.map((writer, i) => writer.query(setup(i))));
  }
  const reader = await db.connect();
  const load = startWriteLoad(writers, scenario.writes, scenario.pauseMs);
  let migrationMs: number;
  try {
    await sleep(settleMs);
    const hold = await holdAccessShare(reader, scenario.readTables, scenario.readerHoldMs);
    const started = performance.now();
    try {
      await migrate(migrator);
    } finally {
      migrationMs = performance.now() - started;
      await hold.released;
    }
    await sleep(settleMs);
  } catch (error) {
    await load.stop();
    throw error;
  }
  const report = await load.stop();
  return { load: report, migrationMs };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
