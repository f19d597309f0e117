// `npm run bench`: diff + plan of a 1,000-table schema where 100 tables change, against
// drizzle-kit's diff + SQL generation (`generateMigration`) on the same schema pair. Both start
// from their own compiled representation (Wesley's IR, drizzle-kit's snapshot), built before the
// clock starts. Prints medians, p95, the ratio and the PASS/FAIL of the target; always exits 0
// (a bench, not a test).
import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { diffSchemas, formatExplain, hashIR, planMigration } from '@wesley/core';
import { changedSchemas, edits } from './changed-schema.mjs';
import { describeFloor, floorCommands } from './compile-floor.mjs';
import { measureInterleaved, ms, summarize, verdict } from './measure.mjs';
import { describeRun, measureProcesses, wesleyBin } from './measure-processes.mjs';
import { compileOrThrow } from './wesley.mjs';

const tables = 1000;
const runs = { iterations: 15, warmup: 3 };
const targetMs = 500;
/** `wesley plan` of the full pair as a whole process, as a user runs it. */
const processTargetMs = 500;
/** Drops are part of the workload, so the plan must be allowed to lose data. */
/** The sha256 `wesley plan` hashes both IRs with (the CLI's `nodeSha256`). */
const nodeSha256 = (text) => createHash('sha256').update(text).digest('hex');
const planOptions = { allowDestructive: true, sha256: nodeSha256 };

console.log(
  `node ${process.version}, ${os.cpus().length} x ${os.cpus()[0]?.model ?? 'unknown cpu'}, load average ${os.loadavg()[0].toFixed(1)}`,
);
console.log(`Wesley: planMigration (diffSchemas + one operation per change + ordering + hashIR of both IRs),`);
console.log('        PostgreSQL 18 patterns, on the compiled IRs; formatExplain timed separately.');
console.log('peer:   drizzle-kit generateMigration (snapshot validation + diff + SQL) on drizzle-kit snapshots');
console.log('        built from the same IRs with drizzle-orm pg-core (same tables, columns, types, defaults, keys,');
console.log('        checks, indexes, foreign keys). The peer emits plain DDL, with no locks, phases or backfills.');
console.log(`v2 changes 100 of ${tables} tables:`);
for (const edit of edits) console.log(`  ${String(edit.tables).padStart(3)}  ${edit.name}${edit.peer ? '' : '  (not in the peer pair)'}`);
console.log('  and adds as many new tables as it drops (not in the peer pair).');
console.log('drizzle-kit asks on a terminal whether a vanished column or table was renamed, so the pair both');
console.log('tools are timed on leaves those edits out; the target is judged on the full pair.\n');

// WESLEY_BENCH_ONLY=processes: the whole-process target alone.
if (process.env.WESLEY_BENCH_ONLY === 'processes') {
  await wholeProcess(changedSchemas(tables));
  process.exit(0);
}
const full = compilePair(changedSchemas(tables));
const same = compilePair(changedSchemas(tables, { peer: true }));
console.log(`compiled both pairs (not timed): full ${full.v2.tables.length} tables, peer pair ${same.v2.tables.length} tables`);

const fullPlan = await sanityCheck('Wesley, full pair', () => describePlan(full));
const samePlan = await sanityCheck('Wesley, peer pair', () => describePlan(same));
const peer = await sanityCheck('peer, peer pair', () => preparePeer(same));

const jobs = {};
if (fullPlan.ok) jobs.full = () => planMigration(full.v1, full.v2, planOptions);
if (samePlan.ok) jobs.same = () => planMigration(same.v1, same.v2, planOptions);
if (peer.ok) jobs.peer = () => peer.value.run();
const samples = await measureInterleaved(jobs, runs);
const stats = Object.fromEntries(Object.entries(samples).map(([name, times]) => [name, summarize(times)]));

printTable([
  { pair: 'full', changes: fullPlan.value?.changes, wesley: stats.full, peer: undefined },
  { pair: 'peer pair', changes: samePlan.value?.changes, wesley: stats.same, peer: stats.peer },
]);
if (fullPlan.ok) await printBreakdown(full, fullPlan.value.plan);
printTargets(stats);
await wholeProcess(changedSchemas(tables));

function compilePair({ v1, v2 }) {
  return { v1: compileOrThrow(v1), v2: compileOrThrow(v2) };
}

/** Plans once; throws unless the plan exists with no error. */
function describePlan(pair) {
  const result = planMigration(pair.v1, pair.v2, planOptions);
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  if (result.plan === null || errors.length > 0) throw new Error(`no plan: ${errors.map((d) => `${d.code} ${d.message}`).join('; ')}`);
  const byPhase = new Map();
  for (const step of result.plan.steps) byPhase.set(step.phase, (byPhase.get(step.phase) ?? 0) + 1);
  const phases = [...byPhase].map(([phase, count]) => `${count} ${phase}`).join(', ');
  const tables = changedTables(result.changes).size;
  return {
    summary: `${result.changes.length} changes on ${tables} tables -> ${result.plan.steps.length} steps (${phases})`,
    changes: result.changes.length,
    plan: result.plan,
  };
}

/**
 * Builds the peer's snapshots and runs it once. Throws unless its statements touch exactly the
 * tables Wesley's changes touch: the two must be doing the same job for the ratio to mean anything.
 */
async function preparePeer(pair) {
  const { drizzleSnapshot, runMigrationPeer } = await import('./migration-peer.mjs');
  const prev = drizzleSnapshot(pair.v1);
  const cur = drizzleSnapshot(pair.v2, prev.id);
  const statements = await runMigrationPeer(prev, cur);
  const touched = new Set(
    statements.flatMap((s) => [...s.matchAll(/(?:ALTER TABLE|DROP TABLE|CREATE TABLE|ON) "([^"]+)"/g)].map((m) => m[1])),
  );
  const expected = changedTables(diffSchemas(pair.v1, pair.v2));
  const missing = [...expected].filter((t) => !touched.has(t));
  const extra = [...touched].filter((t) => !expected.has(t));
  if (missing.length > 0 || extra.length > 0) {
    throw new Error(`its statements touch other tables than Wesley's changes (missing ${missing.slice(0, 5)}, extra ${extra.slice(0, 5)})`);
  }
  return { summary: `${statements.length} statements on ${touched.size} tables`, run: () => runMigrationPeer(prev, cur) };
}

function changedTables(changes) {
  return new Set(changes.filter((change) => 'table' in change).map((change) => change.table));
}

/** Where the time of the full pair goes: the diff alone, one IR hash (the plan hashes both), and explain. */
async function printBreakdown(pair, plan) {
  const parts = await measureInterleaved(
    {
      diffSchemas: () => diffSchemas(pair.v1, pair.v2),
      'hashIR (one IR)': () => hashIR(pair.v2, nodeSha256),
      formatExplain: () => formatExplain(plan),
    },
    runs,
  );
  const text = Object.entries(parts).map(([name, times]) => `${name} ${ms(summarize(times).median)}`);
  console.log(`Wesley on the full pair, median per part: ${text.join(', ')}`);
  console.log(`(formatExplain of ${plan.steps.length} steps is not in the planMigration figure)\n`);
}

/**
 * `wesley plan --from v1 --to v2 --allow-destructive --out <new dir>` (plan.json, up.sql,
 * down.sql) on the full pair as a whole process: parsing and compiling both schemas, planning,
 * writing, start-up and module loading included.
 */
async function wholeProcess({ v1, v2 }) {
  const dir = await mkdtemp(join(os.tmpdir(), 'wesley-bench-plan-'));
  try {
    const [from, to] = [join(dir, 'v1.graphql'), join(dir, 'v2.graphql')];
    await writeFile(from, v1);
    await writeFile(to, v2);
    const plan = (round) => [
      process.execPath,
      wesleyBin,
      'plan',
      '--from',
      from,
      '--to',
      to,
      '--allow-destructive',
      '--out',
      join(dir, `plan-${round}`),
    ];
    const stats = await measureProcesses({ wesley: plan, ...floorCommands }, runs);
    const { wesley } = stats;
    console.log(
      `\nwhole processes (load average ${os.loadavg()[0].toFixed(1)}), alternating, ${runs.iterations} timed runs each after ${runs.warmup} warm-up:`,
    );
    console.log(`  wesley plan --from v1.graphql --to v2.graphql --allow-destructive --out <new dir>   ${describeRun(wesley)}`);
    for (const line of describeFloor(stats, processTargetMs)) console.log(line);
    console.log(
      `${verdict(wesley.median < processTargetMs)}  wesley plan of ${tables} tables, 100 changed, in under ${processTargetMs} ms, whole process (median ${ms(wesley.median)})`,
    );
  } catch (error) {
    console.log(`whole process: unavailable: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Runs one job once, prints what it produced (or why it cannot run); `ok` says whether to time it. */
async function sanityCheck(label, run) {
  try {
    const value = await run();
    console.log(`${label}: ${value.summary}`);
    return { ok: true, value };
  } catch (error) {
    console.log(`${label}: unavailable: ${error instanceof Error ? error.message : String(error)}`);
    return { ok: false, value: undefined };
  }
}

function printTable(rows) {
  const header = ['pair', 'changes', 'Wesley median', 'Wesley p95', 'peer median', 'peer p95', 'peer/Wesley'];
  const body = rows.map((row) => [
    row.pair,
    row.changes === undefined ? 'n/a' : String(row.changes),
    ms(row.wesley?.median),
    ms(row.wesley?.p95),
    row.pair === 'full' ? '-' : ms(row.peer?.median),
    row.pair === 'full' ? '-' : ms(row.peer?.p95),
    row.wesley && row.peer ? `${(row.peer.median / row.wesley.median).toFixed(1)}x` : row.pair === 'full' ? '-' : 'n/a',
  ]);
  const widths = header.map((cell, i) => Math.max(cell.length, ...body.map((line) => line[i].length)));
  const format = (line) => line.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
  console.log(`\n${format(header)}`);
  for (const line of body) console.log(format(line));
  console.log(`timed runs per job, alternating, after ${runs.warmup} warm-up: ${runs.iterations}\n`);
}

function printTargets(stats) {
  const under = stats.full ? stats.full.median < targetMs : null;
  console.log(
    `${verdict(under)}  diff + plan of ${tables} tables, 100 changed, in under ${targetMs} ms (Wesley median ${ms(stats.full?.median)})`,
  );
  const ratio = stats.same && stats.peer ? `${(stats.peer.median / stats.same.median).toFixed(1)}x` : 'n/a';
  console.log(`info  drizzle-kit generateMigration / Wesley planMigration on the same pair: ${ratio}`);
}
