// `npm run bench`: the impact estimates of issue 16 against the time the steps take, on tables of
// 100k, 1M and 3M rows (id bigint PRIMARY KEY, n int, payload text; VACUUM ANALYZE; CHECKPOINT) in
// the embedded PostgreSQL and then, when `initdb`/`pg_ctl` are on PATH and of another major version
// (as the test suites find it: `findSystemPostgres`), the system's (each ephemeral: no fsync). For each table, a concurrent index build, a CHECK
// validated after being added NOT VALID, and a rewriting type change: predicted by the built
// '@wesley/postgres' (readTableSizes, calibrate, estimateStep, as `wesley explain` does) and timed
// as the statement runs. `wesley migrate --json` reports no per-step duration (step-done carries
// none), so the steps are timed here, each statement alone on one connection. The server is
// calibrated just before and just after each step and the step predicted from each (their
// geometric mean): a shared machine's load comes and goes within seconds. On 100k rows, and for
// every validation, the measured time is the median of three (one stall doubles tens of ms).
// Prints, per table and step, predicted ms, measured ms, their ratio and PASS/FAIL against
// [0.5, 2], and a summary per server. Always exits 0 (a bench, not a test). Needs `npm run build`. WESLEY_CACHE_DIR is set to a
// temporary directory: the calibration is measured in the run, never read from a cache.
// `WESLEY_BENCH_ONLY=small` runs the 100k and 1M tables alone (building the 3M one takes ~30 s).
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import {
  CalibrationTimeoutError,
  calibrate,
  connect,
  embeddedBinaries,
  estimateStep,
  findSystemPostgres,
  readTableSizes,
  startCluster,
} from '@wesley/postgres';

const sizes = process.env.WESLEY_BENCH_ONLY === 'small' ? [100_000, 1_000_000] : [100_000, 1_000_000, 3_000_000];
const low = 0.5;
const high = 2;

console.log(
  `node ${process.version}, ${os.cpus().length} x ${os.cpus()[0]?.model ?? 'unknown cpu'}, load average ${os.loadavg()[0].toFixed(1)}`,
);
const root = await mkdtemp(join(os.tmpdir(), 'wesley-estimate-bench-'));
process.env.WESLEY_CACHE_DIR = join(root, 'cache');
const summaries = [];
try {
  const embedded = await embeddedBinaries();
  const system = await findSystemPostgres();
  const wanted = [embedded, ...(system !== null && system.major !== embedded.major ? [system] : [])];
  if (system === null) console.log('no system PostgreSQL (initdb) on PATH: the embedded server alone');
  for (const binaries of wanted) summaries.push(await benchServer(binaries));
} finally {
  await rm(root, { recursive: true, force: true });
}
console.log('');
for (const line of summaries) console.log(line);

/** Starts a throwaway cluster of `binaries`, predicts and times each step on it; returns its summary line. */
async function benchServer(binaries) {
  let server;
  let session;
  const results = [];
  let label = `PostgreSQL ${binaries.major} (${binaries.origin})`;
  try {
    server = await startCluster({ binaries, dataDir: join(root, `${binaries.origin}-${binaries.major}`), ephemeral: true });
    label = `PostgreSQL ${server.version} (${server.origin})`;
    console.log(`\n${label}, ephemeral: fsync and synchronous_commit off\n`);
    session = await connect(server.url);
    for (const rows of sizes) {
      const t = `t${rows}`;
      const started = performance.now();
      await session.query(`CREATE TABLE ${t} (id bigint PRIMARY KEY, n int NOT NULL, payload text NOT NULL)`);
      await session.query(`INSERT INTO ${t} SELECT g, g % 1000, md5(g::text) FROM generate_series(1, ${rows}) AS g`);
      await session.query(`VACUUM ANALYZE ${t}`);
      // At rest, as a production table is: the checkpoint its writes would cause does not land on the measurements.
      await session.query('CHECKPOINT');
      console.log(`built ${t} in ${Math.round(performance.now() - started)} ms`);

      const cases = [
        step('index', `CREATE INDEX CONCURRENTLY ${t}_n ON ${t} (n);`, {
          table: t,
          mode: 'ShareUpdateExclusiveLock',
          transactional: false,
        }),
        step('validate', `ALTER TABLE ${t} VALIDATE CONSTRAINT ${t}_check;`, { table: t, mode: 'ShareUpdateExclusiveLock', scans: true }),
        step('rewrite', `ALTER TABLE ${t} ALTER COLUMN n TYPE bigint;`, { table: t, mode: 'AccessExclusiveLock', rewrites: true }),
      ];
      for (const s of cases) {
        const table = await readTableSizes(session, [t]);
        const before = estimateStep(s, table, await calibrated(session)).predictedMs;
        const measured = await measure(session, s.id, t, rows);
        const after = estimateStep(s, table, await calibrated(session)).predictedMs;
        const predicted = Math.sqrt(before * after);
        const ratio = predicted / measured;
        const pass = ratio >= low && ratio <= high;
        results.push(pass);
        console.log(
          `${pass ? 'PASS' : 'FAIL'}  ${t.padEnd(9)} ${s.id.padEnd(8)} predicted ${String(Math.round(predicted)).padStart(6)} ms (${before} before, ${after} after), measured ${String(Math.round(measured)).padStart(6)} ms, ratio ${ratio.toFixed(2)}`,
        );
      }
    }
    const passed = results.filter(Boolean).length;
    return `${passed === results.length ? 'PASS' : 'FAIL'}  ${label}: predicted durations within ${low}-${high}x of the measured ones (${passed} of ${results.length} steps)`;
  } catch (error) {
    console.log(`estimate bench on ${label}: unavailable: ${error instanceof Error ? error.message : String(error)}`);
    return `N/A   ${label}: predicted durations within ${low}-${high}x of the measured ones`;
  } finally {
    await session?.close();
    await server?.stop();
  }
}

/** A planned step with the facts the estimate reads; the rest as a planned step has them. */
function step(id, sql, facts) {
  return {
    kind: 'step',
    id,
    operation: 'addIndex',
    phase: 'expand',
    summary: id,
    sql: [sql],
    transactional: facts.transactional ?? true,
    locks: [{ relation: facts.table, mode: facts.mode }],
    rewrites: facts.rewrites ?? false,
    scans: facts.scans ?? false,
    backfill: null,
    repair: [],
    impact: { app: 'safe', data: 'safe', reason: '' },
    reversible: false,
    rollback: null,
    blocking: null,
    approval: null,
  };
}

/** The server's calibration, measured again (up to five times) when the machine was too busy for its 2 s bound (WES350). */
async function calibrated(session) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await calibrate(session);
    } catch (error) {
      if (!(error instanceof CalibrationTimeoutError) || attempt === 5) throw error;
    }
  }
}

async function timed(session, sql) {
  const before = performance.now();
  await session.query(sql);
  return performance.now() - before;
}

/** How long a step takes on `t`: the median of three on 100k rows and for every validation (each of a check added anew). */
async function measure(session, id, t, rows) {
  const times = [];
  const runs = id === 'validate' || rows <= 100_000 ? 3 : 1;
  for (let n = 0; n < runs; n++) {
    if (id === 'validate') {
      await session.query(`ALTER TABLE ${t} ADD CONSTRAINT ${t}_check${n} CHECK (n >= 0) NOT VALID`);
      times.push(await timed(session, `ALTER TABLE ${t} VALIDATE CONSTRAINT ${t}_check${n}`));
    } else if (id === 'index') {
      await session.query(`DROP INDEX IF EXISTS ${t}_n`);
      times.push(await timed(session, `CREATE INDEX CONCURRENTLY ${t}_n ON ${t} (n)`));
    } else {
      times.push(await timed(session, `ALTER TABLE ${t} ALTER COLUMN n TYPE ${n % 2 === 0 ? 'bigint' : 'integer'}`));
    }
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
}
