import type { Connection } from '../connect/connect.js';
import { CalibrationTimeoutError } from './calibration-timeout-error.js';

/**
 * How fast this server does each kind of work a step can do, measured on a sample (`calibrate`):
 * what turns a step's rows and bytes into a predicted duration.
 */
export interface Calibration {
  readonly kind: 'calibration';
  /** `server_version_num` of the server measured. */
  readonly serverVersion: number;
  /** When it was measured (ISO 8601). */
  readonly measuredAt: string;
  /** Rows in the sample table. */
  readonly sampleRows: number;
  /** A validating scan (`VALIDATE CONSTRAINT` of a check), per byte of the table (the sample's rate, corrected for its size). */
  readonly scanMsPerByte: number;
  /**
   * A rewrite (`ALTER COLUMN ... TYPE` that copies every row and rebuilds the indexes: on the
   * sample a primary key in insertion order and an index on an unordered column), per byte of
   * table and indexes.
   */
  readonly rewriteMsPerByte: number;
  /** A b-tree index build on one column, per row. */
  readonly indexMsPerRow: number;
  /** The size of that index, per row: what an index build writes (and logs). */
  readonly indexBytesPerRow: number;
  /** An `UPDATE` (of a fifth of the sample), per row: a backfill's work without its batches' round trips. */
  readonly updateMsPerRow: number;
  /** One statement's round trip (`SELECT 1`): a backfill pays three per batch (begin, batch, commit). */
  readonly roundTripMs: number;
  /** One commit that writes a commit record (and so waits for the WAL to be flushed). */
  readonly commitMs: number;
  /** How long the measurement took, in milliseconds. */
  readonly tookMs: number;
}

/**
 * Rows of the sample: enough that each measurement takes tens of milliseconds, so the fixed cost
 * of a statement does not pass for throughput (measured: an 8,000-row sample predicted twice the
 * time a 1M-row rewrite took), few enough for the whole to stay within the bound on a busy server.
 */
const sampleRows = 60_000;

/**
 * How much faster the sample is scanned than a table of the same rows: its few megabytes, just
 * written, are read from the processor's cache, a table's from memory or disk. Measured with
 * what is now `bench/estimate.bench.mjs` (100k to 3M rows, PostgreSQL 18 and 15, a two-core
 * machine shared with other work, whose load makes most of the spread): a validating scan took
 * between 0.7 and 2.7 times the sample's time per byte, 1.7 times at the median.
 */
const sampleScanBias = 1.5;

/** The bound on the whole measurement: a statement still running then is cancelled (`statement_timeout`). */
const budgetMs = 2_000;

/**
 * Measures this server's throughput on a sample table of its own, created in a transaction
 * that is rolled back: nothing is left in the database, no user table is read or locked (the
 * sample's table is in a schema the transaction creates, or, when the role may not create one, a
 * temporary table, whose writes skip the WAL and so measure a little fast). The sample is
 * {@link sampleRows} rows, each statement under a `statement_timeout` that ends it at the
 * {@link budgetMs} bound. `session` must be idle (not in a transaction).
 *
 * @throws CalibrationTimeoutError when the measurement does not finish within the bound: a
 * smaller sample would measure the statements' fixed costs more than the server's throughput.
 */
export async function calibrate(session: Connection): Promise<Calibration> {
  const started = performance.now();
  try {
    return await measure(session, sampleRows, started + budgetMs, started);
  } catch (error) {
    await session.query('ROLLBACK');
    if ((error as { code?: unknown }).code === '57014') throw new CalibrationTimeoutError(budgetMs, sampleRows);
    throw error;
  }
}

async function measure(session: Connection, rows: number, deadline: number, started: number): Promise<Calibration> {
  const timed = async (sql: string): Promise<number> => {
    const before = performance.now();
    await session.query(sql);
    return performance.now() - before;
  };
  // Each statement of the sample's transaction may run until the deadline, no longer.
  const bounded = async (sql: string): Promise<number> => {
    const left = Math.floor(deadline - performance.now());
    if (left <= 0) throw Object.assign(new Error('calibration out of time'), { code: '57014' });
    await session.query(`SET LOCAL statement_timeout = ${left}`);
    return timed(sql);
  };
  // A commit flushes the WAL: every step pays one (a concurrent build three). Measured on an
  // empty transaction given a transaction id, the least that writes a commit record.
  const commits = [await timed('SELECT pg_catalog.txid_current()'), await timed('SELECT pg_catalog.txid_current()')];
  await session.query('BEGIN');
  const table = await sampleTable(session);
  // `k` is in no order, as an indexed column usually is (sorting sorted input is much faster).
  await bounded(
    `INSERT INTO ${table} SELECT g, g % 1000, (g::bigint * 2654435761 % 2147483647)::int, md5(g::text) FROM generate_series(1, ${rows}) AS g`,
  );
  const heapBytes = await relationBytes(session, table);
  const schema = table.slice(0, table.indexOf('.') + 1);
  // A primary key in insertion order, as most are: the rewrite rebuilds it with the other index.
  await bounded(`ALTER TABLE ${table} ADD CONSTRAINT wesley_calibration_pkey PRIMARY KEY (id)`);
  const keyBytes = await relationBytes(session, `${schema}wesley_calibration_pkey`);
  const indexMs = await bounded(`CREATE INDEX wesley_calibration_k ON ${table} (k)`);
  const indexBytes = await relationBytes(session, `${schema}wesley_calibration_k`);
  // A scan of a sample this size takes milliseconds: the median of three is steadier than one.
  const scans: number[] = [];
  for (const check of ['a', 'b', 'c']) {
    await bounded(`ALTER TABLE ${table} ADD CONSTRAINT wesley_calibration_${check} CHECK (n >= 0) NOT VALID`);
    scans.push(await bounded(`ALTER TABLE ${table} VALIDATE CONSTRAINT wesley_calibration_${check}`));
  }
  const scanMs = median(scans);
  const rewriteMs = await bounded(`ALTER TABLE ${table} ALTER COLUMN n TYPE bigint`);
  const updated = Math.floor(rows / 5);
  const updateMs = await bounded(`UPDATE ${table} SET n = n + 1 WHERE id <= ${updated}`);
  const trips = [await timed('SELECT 1'), await timed('SELECT 1'), await timed('SELECT 1')];
  const { rows: version } = await session.query<{ v: number }>(`SELECT current_setting('server_version_num')::int AS v`);
  await session.query('ROLLBACK');
  return {
    kind: 'calibration',
    serverVersion: version[0]?.v ?? 0,
    measuredAt: new Date().toISOString(),
    sampleRows: rows,
    scanMsPerByte: (scanMs / heapBytes) * sampleScanBias,
    rewriteMsPerByte: rewriteMs / (heapBytes + keyBytes + indexBytes),
    indexMsPerRow: indexMs / rows,
    indexBytesPerRow: indexBytes / rows,
    updateMsPerRow: updateMs / updated,
    roundTripMs: Math.min(...trips),
    commitMs: Math.min(...commits),
    tookMs: Math.round(performance.now() - started),
  };
}

/** Creates the sample's table: in a schema of its own, or, without the right to create one, a temporary table. */
async function sampleTable(session: Connection): Promise<string> {
  const columns = '(id bigint NOT NULL, n int NOT NULL, k int NOT NULL, payload text NOT NULL)';
  await session.query('SAVEPOINT wesley_calibration');
  try {
    await session.query('CREATE SCHEMA wesley_calibration');
    await session.query(`CREATE TABLE wesley_calibration.sample ${columns}`);
    return 'wesley_calibration.sample';
  } catch (error) {
    // 42501: no CREATE on the database; 42P06: a schema of that name exists (not ours to use).
    if (!['42501', '42P06'].includes(String((error as { code?: unknown }).code))) throw error;
    await session.query('ROLLBACK TO SAVEPOINT wesley_calibration');
    await session.query(`CREATE TEMPORARY TABLE wesley_calibration_sample ${columns}`);
    return 'pg_temp.wesley_calibration_sample';
  }
}

async function relationBytes(session: Connection, relation: string): Promise<number> {
  const { rows } = await session.query<{ bytes: string }>('SELECT pg_catalog.pg_relation_size($1::regclass)::text AS bytes', [relation]);
  return Math.max(1, Number(rows[0]?.bytes ?? 1));
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}
