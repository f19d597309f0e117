// `npm run bench`: the migrator on a generated SQL file of at least 200 MB and one million
// statements, against `psql -f` on the same file in the same run, each into a fresh database of
// one embedded PostgreSQL (ephemeral: no fsync), alternating (psql, wesley, wesley, psql: load
// that comes and goes falls on both alike). Prints size, statements, seconds, statements/s, MB/s
// and peak RSS of every run, the throughput ratio (total psql time over total Wesley time) and
// the PASS/FAIL of the targets of issue 14: the migrator's peak RSS (the largest of its runs,
// whole process, GNU time's %M) under 100 MB; no loss of throughput against psql -f (ratio at
// least 1). Always exits 0 (a bench, not a test). Needs `npm run build`: the migrator is the built
// CLI, `wesley migrate --json`, in a process of its own. `WESLEY_BENCH_ONLY=rss` runs Wesley once,
// alone: its peak RSS in a fraction of the time.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { quoteIdent } from '@wesley/core';
import { connect, startEmbeddedPostgres } from '@wesley/postgres';
import { writeGeneratedSqlFile } from './generated-sql-file.mjs';
import { runMeasured } from './run-measured.mjs';

const minStatements = 1_000_000;
const minBytes = 200 * 1024 * 1024;
const rssTargetMb = 100;
const ratioTarget = 1;
// WESLEY_BENCH_ONLY=rss: one Wesley run alone, for its peak RSS (no psql runs, so no ratio).
const rssOnly = process.env.WESLEY_BENCH_ONLY === 'rss';
/** psql then Wesley, then Wesley then psql. */
const order = rssOnly ? ['wesley'] : ['psql', 'wesley', 'wesley', 'psql'];
const psql = existsSync('/usr/lib/postgresql/15/bin/psql') ? '/usr/lib/postgresql/15/bin/psql' : 'psql';
const cli = fileURLToPath(new URL('../packages/cli/bin/wesley.cjs', import.meta.url));

console.log(
  `node ${process.version}, ${os.cpus().length} x ${os.cpus()[0]?.model ?? 'unknown cpu'}, load average ${os.loadavg()[0].toFixed(1)}`,
);
const root = await mkdtemp(join(os.tmpdir(), 'wesley-migrate-bench-'));
let server;
try {
  const migrations = join(root, 'migrations');
  await mkdir(migrations);
  const file = join(migrations, '0001_generated.sql');
  const start = performance.now();
  const generated = await writeGeneratedSqlFile(file, { minStatements, minBytes });
  console.log(
    `generated ${mb(generated.bytes)} MB, ${generated.statements.toLocaleString('en')} statements in ${seconds(performance.now() - start)} s (streamed to ${file})`,
  );

  server = await startEmbeddedPostgres({ dataDir: join(root, 'pg'), ephemeral: true });
  console.log(`PostgreSQL ${server.version} (embedded, ephemeral: fsync and synchronous_commit off), ${await psqlVersion()}\n`);
  const urls = [];
  const admin = await connect(server.url);
  try {
    for (const [i, runner] of order.entries()) {
      const name = `bench_${runner}_${i}`;
      await admin.query(`CREATE DATABASE ${quoteIdent(name)}`);
      const url = new URL(server.url);
      url.pathname = `/${name}`;
      urls.push(url.href);
    }
  } finally {
    await admin.close();
  }

  const runs = { psql: [], wesley: [] };
  for (const [i, runner] of order.entries()) {
    const run =
      runner === 'psql'
        ? await runMeasured(psql, ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', urls[i], '-f', file])
        : await runMeasured(process.execPath, [cli, 'migrate', '--dir', migrations, '--database-url', urls[i], '--json']);
    report(runner === 'psql' ? 'psql -f' : 'wesley migrate', generated, run);
    if (runner === 'wesley') checkSummary(run, generated);
    runs[runner].push({ ...run, url: urls[i] });
  }

  const holds = await Promise.all([...runs.psql, ...runs.wesley].map((run) => contents(run.url)));
  const same = holds.every((held) => JSON.stringify(held) === JSON.stringify(holds[0]));
  console.log(
    `\nevery database holds ${JSON.stringify(holds.at(-1))}${same ? '' : ` — not all alike: ${JSON.stringify(holds)}: MISMATCH`}`,
  );
  console.log('psql sends every statement alone and waits for it, in autocommit (a commit each); Wesley runs');
  console.log('the stretch between statements that cannot run in a transaction as one transaction (with its');
  console.log('ledger cursor), sending its statements in batches of up to 64 KB, one Query message each.\n');

  const total = (list) => list.reduce((sum, run) => sum + run.ms, 0);
  const ratio = rssOnly ? null : total(runs.psql) / total(runs.wesley);
  if (ratio !== null) console.log(`ratio: Wesley at ${ratio.toFixed(2)}x psql's throughput (total time of ${runs.psql.length} runs each)`);
  const peaks = runs.wesley.map((run) => run.peakRssKb);
  if (peaks.includes(null)) console.log(`N/A   migrator peak RSS under ${rssTargetMb} MB (neither /usr/bin/time nor /proc here)`);
  else {
    const rssMb = Math.max(...peaks) / 1024;
    console.log(
      `${rssMb < rssTargetMb ? 'PASS' : 'FAIL'}  migrator peak RSS under ${rssTargetMb} MB on a ${mb(generated.bytes)} MB file (${rssMb.toFixed(0)} MB)`,
    );
  }
  if (ratio === null) console.log(`N/A   no loss of throughput against psql -f (WESLEY_BENCH_ONLY=rss: no psql runs)`);
  else
    console.log(
      `${ratio >= ratioTarget && same ? 'PASS' : 'FAIL'}  no loss of throughput against psql -f on the same file (${ratio.toFixed(2)}x, target ${ratioTarget}x)`,
    );
} catch (error) {
  console.log(`migrate bench: unavailable: ${error instanceof Error ? error.message : String(error)}`);
  console.log(`N/A   migrator peak RSS under ${rssTargetMb} MB`);
  console.log(`N/A   no loss of throughput against psql -f (target ${ratioTarget}x)`);
} finally {
  await server?.stop();
  await rm(root, { recursive: true, force: true });
}

async function psqlVersion() {
  return (await runMeasured(psql, ['--version'])).stdout.trim();
}

/** What the file leaves in a database, to check both runs did the same work. */
async function contents(url) {
  const session = await connect(url);
  try {
    const { rows } = await session.query(`SELECT (SELECT count(*) FROM bench.account)::int AS accounts,
      (SELECT count(*) FILTER (WHERE status = 'suspended') FROM bench.account)::int AS suspended,
      (SELECT count(*) FROM bench.document)::int AS documents, (SELECT sum(length(body)) FROM bench.document)::text AS document_chars,
      (SELECT count(*) FROM bench.document WHERE updated_at IS NOT NULL)::int AS edited,
      (SELECT count(*) FROM bench.event)::int AS events, (SELECT count(*) FROM bench.event_archive)::int AS archived`);
    return rows[0];
  } finally {
    await session.close();
  }
}

/** Throws unless the migrator's JSON summary says it ran every statement of the file. */
function checkSummary(run, generated) {
  // One JSON event a line, the summary last; only the end of the output is kept.
  const events = run.stdout
    .trim()
    .split('\n')
    .slice(-20)
    .map((line) => JSON.parse(line));
  const summary = events.at(-1);
  const statements = events.findLast((event) => event.kind === 'statements')?.done;
  if (summary?.kind !== 'summary' || summary.ok !== true || statements !== generated.statements) {
    throw new Error(`wesley migrate ran ${statements} of ${generated.statements} statements: ${JSON.stringify(summary)}`);
  }
}

function report(label, generated, { ms, peakRssKb }) {
  const s = ms / 1000;
  const rss = peakRssKb === null ? 'n/a' : `${(peakRssKb / 1024).toFixed(0)} MB`;
  console.log(
    `${label.padEnd(15)} ${s.toFixed(1).padStart(7)} s  ${Math.round(generated.statements / s)
      .toLocaleString('en')
      .padStart(9)} statements/s  ${(generated.bytes / 1024 / 1024 / s).toFixed(1).padStart(6)} MB/s  peak RSS ${rss}`,
  );
}

function mb(bytes) {
  return (bytes / 1024 / 1024).toFixed(0);
}

function seconds(ms) {
  return (ms / 1000).toFixed(1);
}
