// `npm run bench`: issue 19's acceptance for derived columns at its size. A parent (`basket`, one
// row per ten lines) and a child (`line`, 1M rows, WESLEY_DERIVED_LINES for another size) on one
// embedded PostgreSQL 18 (ephemeral: no fsync); v2 adds three derived columns (count, sum, max of
// the lines). The built CLI runs as a user runs it, each command a process of its own: `wesley
// plan --from <database> --to v2.graphql --out ...`, then `wesley migrate --json`.
//
// First the backfill against its peer, what a user would do by hand: the same column, functions
// and triggers (`wesley migrate --to expand`), then one plain `UPDATE basket SET <col> = (SELECT
// <aggregate> FROM line ...)` of every column at once; timed on fresh databases with the same
// rows, alternating (plain, wesley, wesley, plain: load that comes and goes falls on both alike).
// The backfill's time is its steps' (the plan's steps with a `backfill`), each from its step-start
// to its step-done event as they arrive. Then the same plan and migration under the planner tests'
// load: six writers inserting, moving (to another basket), changing and deleting lines, each write
// alone (autocommit) and timed, and a long reader holding `basket` when the migration starts; then
// the peer's UPDATE under the same writers, for comparison. After every Wesley run, and after the
// peer's runs without writers, every derived value must equal the aggregate a query computes.
//
// Exits 1 when a value is wrong, a write failed, or a write under the migration waited longer than
// the lock wait (`lock_timeout`, 1 s) plus 500 ms; the ratio is printed, not judged. Needs `npm run
// build`.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { compileSchema, emitDdl, loadSqlParser } from '@wesley/core';
import { connect, startEmbeddedPostgres } from '@wesley/postgres';
import { quantile } from './measure.mjs';
import { wesleyBin } from './measure-processes.mjs';
import { runMeasured } from './run-measured.mjs';
import { freshDatabase } from './fresh-database.mjs';
import { wesleyMigrate } from './wesley-migrate.mjs';

const lines = Number(process.env.WESLEY_DERIVED_LINES ?? 1_000_000);
const parents = Math.max(1, Math.round(lines / 10));
const lockTimeoutMs = 1000;
const writeBoundMs = lockTimeoutMs + 500;
const writers = 6;
const writerPauseMs = 2;
const readerHoldMs = 2500;
const order = ['plain', 'wesley', 'wesley', 'plain'];

const child = `type Line @wes_table {
  id: ID! @wes_pk @wes_default(expr: "gen_random_uuid()")
  basketId: BigInt @wes_fk(ref: "Basket.id") @wes_index
  cents: Int
}`;
const v1 = `type Basket @wes_table { id: BigInt! @wes_pk  label: String }\n${child}\n`;
const v2 = `type Basket @wes_table {
  id: BigInt! @wes_pk
  label: String
  lineCount: Int! @wes_derived(fn: count, from: "Line.basketId")
  totalCents: BigInt! @wes_derived(fn: sum, from: "Line.basketId", of: "cents")
  dearest: Int @wes_derived(fn: max, from: "Line.basketId", of: "cents")
}
${child}
`;
/** The peer: every derived column of v2 in one statement, as written by hand from the schema. */
const plainUpdate = `UPDATE basket SET
  line_count = (SELECT count(*) FROM line WHERE line.basket_id = basket.id),
  total_cents = (SELECT coalesce(sum(cents), 0) FROM line WHERE line.basket_id = basket.id),
  dearest = (SELECT max(cents) FROM line WHERE line.basket_id = basket.id)`;
/** The baskets whose derived values differ from the aggregates of their lines now. */
const mismatches = `
  SELECT count(*) AS n FROM basket AS b
  CROSS JOIN LATERAL (SELECT count(l.id) AS n, coalesce(sum(l.cents), 0) AS total, max(l.cents) AS top FROM line AS l WHERE l.basket_id = b.id) AS a
  WHERE (b.line_count, b.total_cents, b.dearest) IS DISTINCT FROM (a.n::integer, a.total::bigint, a.top)`;

console.log(
  `node ${process.version}, ${os.cpus().length} x ${os.cpus()[0]?.model ?? 'unknown cpu'}, load average ${os.loadavg()[0].toFixed(1)}`,
);
const root = await mkdtemp(join(os.tmpdir(), 'wesley-derived-bench-'));
// The CLI reads the nearest wesley.config.* above its working directory: none above this one.
process.chdir(root);
const failures = [];
let server;
try {
  server = await startEmbeddedPostgres({ dataDir: join(root, 'pg'), ephemeral: true });
  await loadSqlParser();
  const v2File = join(root, 'v2.graphql');
  await writeFile(v2File, v2);
  console.log(`PostgreSQL ${server.version} (embedded, ephemeral: fsync and synchronous_commit off)`);
  console.log(
    `${lines.toLocaleString('en')} lines in ${parents.toLocaleString('en')} baskets; v2 adds line_count (count), total_cents (sum), dearest (max)\n`,
  );

  const times = { plain: [], wesley: [] };
  for (const [i, runner] of order.entries()) {
    const name = `bench_derived_${i}`;
    const url = await freshBaskets(server.url, name);
    const { migrations, backfills } = await wesleyPlan(url, v2File, join(root, name));
    if (runner === 'plain') {
      await wesleyMigrate(['--to', 'expand'], url, migrations);
      const ms = await timed(url, plainUpdate);
      times.plain.push(ms);
      console.log(`one plain UPDATE          ${seconds(ms)} s`);
    } else {
      const run = await wesleyMigrate([], url, migrations);
      const ms = backfillMs(run, backfills);
      times.wesley.push(ms);
      console.log(
        `wesley migrate backfill   ${seconds(ms)} s (${describeBackfill(run, backfills)}); the whole migration ${seconds(run.ms)} s`,
      );
    }
    await expectRight(url, runner);
  }
  const plain = times.plain.reduce((a, b) => a + b, 0);
  const backfilled = times.wesley.reduce((a, b) => a + b, 0);
  console.log(`\nbackfill / plain UPDATE: ${(backfilled / plain).toFixed(2)}x`);

  console.log(
    `\nunder ${writers} writers of line (insert, move to another basket, change cents, delete; ${writerPauseMs} ms apart) and a reader holding basket ${readerHoldMs} ms:`,
  );
  const url = await freshBaskets(server.url, 'bench_derived_writers');
  const load = await startWriters(url);
  let plan;
  let run;
  try {
    plan = await wesleyPlan(url, v2File, join(root, 'bench_derived_writers'));
    const reader = await holdBasket(url);
    try {
      run = await wesleyMigrate(['--lock-timeout', `${lockTimeoutMs}ms`], url, plan.migrations);
    } finally {
      await reader.released;
    }
  } finally {
    await load.stop();
  }
  const { latencies, failed } = load;
  console.log(`wesley plan               ${seconds(plan.ms)} s`);
  console.log(
    `wesley migrate            ${seconds(run.ms)} s, of which the backfill ${seconds(backfillMs(run, plan.backfills))} s (${describeBackfill(run, plan.backfills)})`,
  );
  const max = describeWrites(latencies, failed);
  const waitedOk = max <= writeBoundMs && failed === 0;
  console.log(`every write under the lock wait plus 500 ms (${writeBoundMs} ms), none failed: ${waitedOk ? 'PASS' : 'FAIL'}`);
  if (!waitedOk) failures.push(`a write waited ${ms(max)} (bound ${writeBoundMs} ms) or failed (${failed})`);
  await expectRight(url, 'wesley under writers');

  const peerUrl = await freshBaskets(server.url, 'bench_derived_writers_plain');
  const peerPlan = await wesleyPlan(peerUrl, v2File, join(root, 'bench_derived_writers_plain'));
  await wesleyMigrate(['--to', 'expand'], peerUrl, peerPlan.migrations);
  const peerLoad = await startWriters(peerUrl);
  let peerMs;
  try {
    peerMs = await timed(peerUrl, plainUpdate);
  } finally {
    await peerLoad.stop();
  }
  console.log(`\nthe peer under the same writers: one plain UPDATE ${seconds(peerMs)} s`);
  describeWrites(peerLoad.latencies, peerLoad.failed);
  // Not a failure of the bench: what doing it by hand costs. Its subqueries read with the
  // statement's snapshot, so a basket a writer's trigger recomputed after that snapshot is
  // written back with the older aggregate.
  const peerWrong = await wrongBaskets(peerUrl);
  console.log(`baskets left with a wrong value: ${peerWrong.toLocaleString('en')} of ${parents.toLocaleString('en')}`);

  const right = failures.every((failure) => !failure.startsWith('wrong values'));
  console.log(
    `\nevery derived value equals the aggregate recomputed by a query, after each Wesley run and each plain UPDATE alone: ${right ? 'PASS' : 'FAIL'}`,
  );
} finally {
  await server?.stop();
  await rm(root, { recursive: true, force: true });
}
if (failures.length > 0) {
  console.log(`\nFAIL:\n  ${failures.join('\n  ')}`);
  process.exitCode = 1;
}

/** A new database with v1's schema (its DDL as `wesley generate` writes it) and its rows. */
function freshBaskets(serverUrl, name) {
  return freshDatabase(serverUrl, name, ['basket', 'line'], async (session) => {
    await session.query(emitDdl(compile(v1)));
    await session.query(`INSERT INTO basket (id, label) SELECT g, 'b' || g FROM generate_series(1, ${parents}) AS g`);
    await session.query(
      `INSERT INTO line (basket_id, cents) SELECT g % ${parents} + 1, CASE WHEN g % 11 = 0 THEN NULL ELSE g % 97 END FROM generate_series(1, ${lines}) AS g`,
    );
  });
}

function compile(body) {
  const { ir, diagnostics } = compileSchema({ name: 'basket.graphql', body });
  if (ir === null) throw new Error(JSON.stringify(diagnostics));
  return ir;
}

/**
 * `wesley plan --from <url> --to v2.graphql --out <directory>/0001_derived`: the migrations directory, the ids of the plan's backfill steps
 * (read from its plan.json) and the command's wall time.
 */
async function wesleyPlan(url, v2File, directory) {
  const out = join(directory, '0001_derived');
  const run = await runMeasured(process.execPath, [wesleyBin, 'plan', '--from', url, '--to', v2File, '--out', out]);
  const plan = JSON.parse(await readFile(join(out, 'plan.json'), 'utf8'));
  const backfills = plan.steps.filter((step) => step.backfill !== null).map((step) => step.id);
  if (backfills.length === 0) throw new Error('the plan has no backfill step');
  return { migrations: directory, backfills, ms: run.ms };
}

function backfillMs(run, backfills) {
  return backfills.reduce((total, id) => total + (run.steps.get(id)?.ms ?? Number.NaN), 0);
}

function describeBackfill(run, backfills) {
  const batches = backfills.flatMap((id) => run.steps.get(id)?.batches ?? []);
  const held = batches.map((batch) => batch.heldMs);
  return `${backfills.length} steps, ${batches.length} batches, each holding its rows ${Math.max(0, ...held)} ms at most`;
}

/** One statement on a session of its own, timed. */
async function timed(url, sql) {
  const session = await connect(url);
  try {
    const start = performance.now();
    await session.query(sql);
    return performance.now() - start;
  } finally {
    await session.close();
  }
}

/** A basket whose values are wrong is a failure of the bench. */
async function expectRight(url, after) {
  const wrong = await wrongBaskets(url);
  if (wrong !== 0) {
    console.log(`  MISMATCH after ${after}: ${wrong} baskets with a derived value that is not the aggregate of their lines`);
    failures.push(`wrong values after ${after}: ${wrong} baskets`);
  }
}

/** How many baskets have a derived value that differs from the aggregate of their lines now. */
async function wrongBaskets(url) {
  const session = await connect(url);
  try {
    return Number((await session.query(mismatches)).rows[0]?.n);
  } finally {
    await session.close();
  }
}

/**
 * Six sessions writing `line` until stopped, 2 ms between writes: in turn an insert into a random
 * basket, a move of a line to another, a change of a line's cents (some to NULL) and a delete;
 * every write autocommit and timed. Resolves once they have written for half a second.
 */
async function startWriters(url) {
  const latencies = [];
  let failed = 0;
  let running = true;
  const basket = () => 1 + Math.floor(Math.random() * parents);
  const writes = [
    () => ['INSERT INTO line (basket_id, cents) VALUES ($1, $2)', [basket(), Math.floor(Math.random() * 100)]],
    () => ['UPDATE line SET basket_id = $1 WHERE id = (SELECT id FROM line WHERE basket_id = $2 LIMIT 1)', [basket(), basket()]],
    () => [
      'UPDATE line SET cents = CASE WHEN cents > 90 THEN NULL ELSE coalesce(cents, 0) + 7 END WHERE id = (SELECT id FROM line WHERE basket_id = $1 LIMIT 1)',
      [basket()],
    ],
    () => ['DELETE FROM line WHERE id = (SELECT id FROM line WHERE basket_id = $1 LIMIT 1)', [basket()]],
  ];
  const sessions = await Promise.all(Array.from({ length: writers }, () => connect(url)));
  const loops = sessions.map(async (session, w) => {
    for (let n = w; running; n++) {
      const [sql, values] = writes[n % writes.length]();
      const start = performance.now();
      try {
        await session.query(sql, values);
        latencies.push(performance.now() - start);
      } catch (error) {
        failed++;
        console.log(`  write failed: ${error.message}`);
      }
      await sleep(writerPauseMs);
    }
    await session.close();
  });
  await sleep(500);
  return {
    latencies,
    get failed() {
      return failed;
    },
    stop: async () => {
      running = false;
      await Promise.all(loops);
    },
  };
}

/**
 * A long report query: a transaction that reads a row of `basket` (ACCESS SHARE, which the
 * migration's ACCESS EXCLUSIVE on it waits for) and commits `readerHoldMs` later.
 */
async function holdBasket(url) {
  const session = await connect(url);
  await session.query('BEGIN');
  await session.query('SELECT 1 FROM basket LIMIT 1');
  const released = sleep(readerHoldMs).then(async () => {
    await session.query('COMMIT');
    await session.close();
  });
  return { released };
}

/** Prints the writes' count, failures and p50/p99/max latency; returns the max. */
function describeWrites(latencies, failed) {
  const sorted = [...latencies].sort((a, b) => a - b);
  const max = sorted.at(-1) ?? 0;
  console.log(
    `writes: ${sorted.length.toLocaleString('en')} done, ${failed} failed; wait p50 ${ms(quantile(sorted, 0.5))}, p99 ${ms(quantile(sorted, 0.99))}, max ${ms(max)}`,
  );
  return max;
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function seconds(ms) {
  return (ms / 1000).toFixed(2);
}

function ms(value) {
  return `${value.toFixed(1)} ms`;
}
