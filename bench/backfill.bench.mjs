// `npm run bench`: a backfill sized by time against one plain UPDATE (issue 17 item 5). A 1M-row
// type change (`n: Int!` to `BigInt!`: shadow column, sync trigger, batched backfill, swap) is
// planned with core and run by the built CLI (`wesley migrate --json`, a process of its own) on
// one embedded PostgreSQL 18 (ephemeral: no fsync). Each database first runs `--to expand` (the
// shadow column and its trigger); then either `wesley migrate` runs the rest, its backfill step
// timed from its step-start to its step-done event as they arrive, or one plain `UPDATE` of the
// same rows with the backfill's own assignment is timed, alternating (plain, wesley, wesley,
// plain: load that comes and goes falls on both alike). Target: the backfill at most 1.5x the
// UPDATE (total over total). Then the same migration under six writers (each updating a random
// row or inserting one, in a loop, autocommit): every write under the lock wait (`lock_timeout`,
// 1 s by default) plus 500 ms; prints max and p99 write latency. Always exits 0 (a bench, not a
// test). Needs `npm run build`.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { compileSchema, loadSqlParser, planMigration, quoteIdent, stableStringify } from '@wesley/core';
import { connect, startEmbeddedPostgres } from '@wesley/postgres';
import { ms } from './measure.mjs';
import { freshDatabase } from './fresh-database.mjs';
import { wesleyMigrate } from './wesley-migrate.mjs';

const rows = Number(process.env.WESLEY_BENCH_ROWS ?? 1_000_000);
const ratioTarget = 1.5;
const lockTimeoutMs = 1000;
const writeBoundMs = lockTimeoutMs + 500;
const writers = 6;
const order = ['plain', 'wesley', 'wesley', 'plain'];

const compile = (body) => {
  const { ir, diagnostics } = compileSchema({ name: 'item.graphql', body });
  if (ir === null) throw new Error(JSON.stringify(diagnostics));
  return ir;
};

console.log(
  `node ${process.version}, ${os.cpus().length} x ${os.cpus()[0]?.model ?? 'unknown cpu'}, load average ${os.loadavg()[0].toFixed(1)}`,
);
const root = await mkdtemp(join(os.tmpdir(), 'wesley-backfill-bench-'));
let server;
try {
  server = await startEmbeddedPostgres({ dataDir: join(root, 'pg'), ephemeral: true });
  await loadSqlParser();
  const version = await serverVersionNum(server.url);
  const v1 = compile('type Item @wes_table { id: Int! @wes_pk n: Int! note: String }');
  const v2 = compile('type Item @wes_table { id: Int! @wes_pk n: BigInt! note: String }');
  const { plan } = planMigration(v1, v2, { serverVersion: version });
  if (plan === null) throw new Error('no plan');
  const backfill = plan.steps.find((step) => step.backfill !== null);
  if (backfill === undefined) throw new Error('the plan has no backfill');
  const migrations = join(root, 'migrations');
  await mkdir(join(migrations, '0001_bigint'), { recursive: true });
  await writeFile(join(migrations, '0001_bigint', 'plan.json'), stableStringify(plan, 2));
  const plainUpdate = plainUpdateOf(backfill.backfill.firstBatch);
  console.log(`PostgreSQL ${server.version} (embedded, ephemeral: fsync and synchronous_commit off)`);
  console.log(`${rows.toLocaleString('en')} rows; backfill step ${backfill.id}; the plain UPDATE: ${plainUpdate}\n`);

  const times = { plain: [], wesley: [] };
  for (const [i, runner] of order.entries()) {
    const url = await freshItems(server.url, `bench_backfill_${i}`);
    await wesleyMigrate(['--to', 'expand'], url, migrations);
    if (runner === 'plain') {
      const session = await connect(url);
      try {
        const start = performance.now();
        await session.query(plainUpdate);
        const ms = performance.now() - start;
        times.plain.push(ms);
        console.log(`one plain UPDATE         ${seconds(ms)} s`);
      } finally {
        await session.close();
      }
    } else {
      const run = await wesleyMigrate([], url, migrations);
      const step = run.steps.get(backfill.id);
      times.wesley.push(step.ms);
      console.log(`wesley migrate backfill  ${seconds(step.ms)} s, ${describeBatches(step.batches)}`);
    }
    await expectFilled(url);
  }
  const plain = times.plain.reduce((a, b) => a + b, 0);
  const backfilled = times.wesley.reduce((a, b) => a + b, 0);
  const ratio = backfilled / plain;
  console.log(
    `\nbackfill / plain UPDATE: ${ratio.toFixed(2)}x (target at most ${ratioTarget}x): ${ratio <= ratioTarget ? 'PASS' : 'FAIL'}`,
  );

  console.log(`\nthe same migration under ${writers} writers (a random row updated, or a row inserted, in a loop):`);
  const url = await freshItems(server.url, 'bench_backfill_writers');
  await wesleyMigrate(['--to', 'expand'], url, migrations);
  const load = startWriters(url);
  let run;
  try {
    await load.started;
    run = await wesleyMigrate(['--lock-timeout', `${lockTimeoutMs}ms`], url, migrations);
  } finally {
    await load.stop();
  }
  await expectFilled(url);
  const step = run.steps.get(backfill.id);
  const latencies = load.latencies.sort((a, b) => a - b);
  const max = latencies.at(-1) ?? 0;
  const p99 = latencies[Math.floor(latencies.length * 0.99)] ?? 0;
  console.log(`wesley migrate backfill  ${seconds(step.ms)} s, ${describeBatches(step.batches)}; the whole migration ${seconds(run.ms)} s`);
  console.log(
    `writes: ${latencies.length.toLocaleString('en')} (${load.failures} failed), p50 ${ms(latencies[Math.floor(latencies.length / 2)] ?? 0)}, p99 ${ms(p99)}, max ${ms(max)}`,
  );
  console.log(
    `every write under the lock wait plus 500 ms (${writeBoundMs} ms): ${max <= writeBoundMs && load.failures === 0 ? 'PASS' : 'FAIL'}`,
  );
} finally {
  await server?.stop();
  await rm(root, { recursive: true, force: true });
}

/** The backfill's assignment as one statement over the rows its batches select: `UPDATE t SET a = b WHERE <only>`. */
function plainUpdateOf(firstBatch) {
  const match = /^updated AS \(UPDATE (\S+) SET (.*) WHERE \(.*?\) <= \(SELECT .*? FROM last\)(?: AND (.*))?\)$/m.exec(firstBatch);
  if (match === null) throw new Error(`not a backfill batch: ${firstBatch}`);
  return `UPDATE ${match[1]} SET ${match[2]}${match[3] === undefined ? '' : ` WHERE ${match[3]}`}`;
}

/** A new database holding `item` with `rows` rows. */
function freshItems(serverUrl, name) {
  return freshDatabase(serverUrl, name, ['public.item'], async (session) => {
    await session.query(`CREATE TABLE public.item (id integer PRIMARY KEY, n integer NOT NULL, note text)`);
    await session.query(`INSERT INTO public.item SELECT i, i % 100000, 'row ' || i FROM generate_series(1, ${rows}) AS i`);
  });
}

/**
 * Six sessions writing `item` until stopped: each, in a loop, updates a random row of the first
 * million or inserts a new one, in autocommit, timing every statement. A failed write is counted
 * (none is expected: the migration's locks wait at most `lock_timeout` and give up).
 */
function startWriters(url) {
  const latencies = [];
  let failures = 0;
  let running = true;
  let nextId = rows + 1;
  const loops = Array.from({ length: writers }, async (_, w) => {
    const session = await connect(url);
    try {
      while (running) {
        const insert = Math.random() < 0.2;
        const start = performance.now();
        try {
          if (insert) await session.query('INSERT INTO public.item (id, n, note) VALUES ($1, $2, $3)', [nextId++, w, `writer ${w}`]);
          else
            await session.query('UPDATE public.item SET note = md5(random()::text) WHERE id = $1', [1 + Math.floor(Math.random() * rows)]);
          latencies.push(performance.now() - start);
        } catch (error) {
          failures++;
          console.log(`  write failed: ${error.message}`);
        }
      }
    } finally {
      await session.close();
    }
  });
  return {
    latencies,
    get failures() {
      return failures;
    },
    started: new Promise((resolve) => setTimeout(resolve, 500)),
    stop: async () => {
      running = false;
      await Promise.all(loops);
    },
  };
}

/** Every row has its value in the column that will be, or is now, the bigint `n`. */
async function expectFilled(url) {
  const session = await connect(url);
  try {
    const { rows: found } = await session.query(
      `SELECT count(*) AS n, format_type(atttypid, atttypmod) AS type FROM public.item, pg_catalog.pg_attribute
        WHERE attrelid = 'public.item'::regclass AND attname = 'n' GROUP BY 2`,
    );
    if (found[0]?.type !== 'bigint') {
      const { rows: empty } = await session.query(
        `SELECT count(*) AS n FROM public.item WHERE ${quoteIdent(shadowColumn(await columns(session)))} IS NULL`,
      );
      if (Number(empty[0]?.n) !== 0) console.log(`  MISMATCH: ${empty[0]?.n} rows not filled`);
    }
  } finally {
    await session.close();
  }
}

async function columns(session) {
  const { rows: found } = await session.query(
    `SELECT attname FROM pg_catalog.pg_attribute WHERE attrelid = 'public.item'::regclass AND attnum > 0 AND NOT attisdropped`,
  );
  return found.map((row) => row.attname);
}

function shadowColumn(names) {
  const shadow = names.find((name) => !['id', 'n', 'note'].includes(name));
  if (shadow === undefined) throw new Error(`no shadow column among ${names.join(', ')}`);
  return shadow;
}

async function serverVersionNum(url) {
  const session = await connect(url);
  try {
    return Number((await session.query(`SELECT current_setting('server_version_num') AS v`)).rows[0]?.v);
  } finally {
    await session.close();
  }
}

function describeBatches(batches) {
  if (batches.length === 0) return 'no batch';
  const sizes = batches.map((batch) => batch.rows);
  const held = batches.map((batch) => batch.heldMs).sort((a, b) => a - b);
  return `${batches.length} batches of ${Math.min(...sizes).toLocaleString('en')} to ${Math.max(...sizes).toLocaleString('en')} rows, held ${held[Math.floor(held.length / 2)]} ms at the median, ${held.at(-1)} ms at most`;
}

function seconds(ms) {
  return (ms / 1000).toFixed(2);
}
