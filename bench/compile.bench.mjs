// `npm run bench`: Wesley's SDL -> IR -> DDL + TypeScript + Zod against graphql-codegen's
// TypeScript + Zod on the same synthetic schemas. Prints medians, p95 and the PASS/FAIL of the
// targets; always exits 0 (a bench, not a test).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { emitDdl, emitTypeScript, emitZod } from '@wesley/core';
import { describeFloor, floorCommands } from './compile-floor.mjs';
import { measureInterleaved, ms, summarize, verdict } from './measure.mjs';
import { describeRun, measureProcesses, wesleyBin } from './measure-processes.mjs';
import { runPeer } from './peer.mjs';
import { syntheticSchema } from './synthetic-schema.mjs';
import { compileOrThrow, runWesley } from './wesley.mjs';

const sizes = [
  { tables: 100, iterations: 30, warmup: 5 },
  { tables: 1000, iterations: 10, warmup: 2 },
];
const targets = { thousandTablesMs: 1000, speedup: 3 };
/** Whole processes, as a user runs them: `wesley generate` against the peer's script on one SDL file. */
const processTargets = { tables: 1000, generateMs: 400, speedup: 10 };
const processRuns = { iterations: 10, warmup: 2 };
const peerProcess = new URL('peer-process.mjs', import.meta.url).pathname;

console.log(
  `node ${process.version}, ${os.cpus().length} x ${os.cpus()[0]?.model ?? 'unknown cpu'}, load average ${os.loadavg()[0].toFixed(1)}`,
);
// WESLEY_BENCH_ONLY=processes: the whole-process targets alone (the in-process tables take minutes).
if (process.env.WESLEY_BENCH_ONLY === 'processes') {
  await wholeProcesses(syntheticSchema(processTargets.tables));
  process.exit(0);
}
console.log('Wesley: compileSchema (parse + validate + IR) + emitDdl + emitTypeScript + emitZod');
console.log('peer:   parse + buildASTSchema (validates) + @graphql-codegen/core codegen() with');
console.log('        @graphql-codegen/typescript + graphql-codegen-typescript-validation-schema (zodv4, withObjectType)');
console.log('        on the same SDL, with declarations of the @wes_* directives prepended (GraphQL rejects undeclared ones).');
console.log('        The peer emits no DDL; Wesley does.\n');

const rows = [];
for (const size of sizes) {
  const sdl = syntheticSchema(size.tables);
  const wesley = await sanityCheck('Wesley', () => describeWesley(runWesley(sdl), size.tables));
  const peer = await sanityCheck('peer', async () => describePeer(await runPeer(sdl), size.tables));

  const jobs = {};
  if (wesley.ok) jobs.wesley = () => runWesley(sdl);
  if (peer.ok) jobs.peer = () => runPeer(sdl);
  const samples = await measureInterleaved(jobs, size);
  rows.push({
    tables: size.tables,
    sdlKb: Buffer.byteLength(sdl) / 1024,
    wesley: wesley.ok ? summarize(samples.wesley) : null,
    peer: peer.ok ? summarize(samples.peer) : null,
  });
}

printTable(rows);
await printBreakdown(syntheticSchema(1000));
printTargets(rows);
await wholeProcesses(syntheticSchema(processTargets.tables));

/** Where Wesley's time goes at 1,000 tables: each phase alone (the emitters on a compiled IR). */
async function printBreakdown(sdl) {
  let ir;
  try {
    ir = compileOrThrow(sdl);
  } catch {
    return; // already reported as unavailable above
  }
  const samples = await measureInterleaved(
    {
      compileSchema: () => compileOrThrow(sdl),
      emitDdl: () => emitDdl(ir),
      emitTypeScript: () => emitTypeScript(ir),
      emitZod: () => emitZod(ir),
    },
    { iterations: 10, warmup: 2 },
  );
  const parts = Object.entries(samples).map(([name, times]) => `${name} ${ms(summarize(times).median)}`);
  console.log(`Wesley at 1000 tables, median per phase: ${parts.join(', ')}\n`);
}

/**
 * `wesley generate` (SQL, TypeScript, Zod and ir.json, each run into a new directory) and the
 * peer (`bench/peer-process.mjs`: TypeScript + Zod into a new file) as whole processes on the same
 * SDL file: what a user waits for, start-up and module loading included.
 */
async function wholeProcesses(sdl) {
  const dir = await mkdtemp(join(os.tmpdir(), 'wesley-bench-generate-'));
  try {
    const schema = join(dir, 'schema.graphql');
    await writeFile(schema, sdl);
    const stats = await measureProcesses(
      {
        wesley: (round) => [process.execPath, wesleyBin, 'generate', '--schema', schema, '--out-dir', join(dir, `wesley-${round}`)],
        peer: (round) => [process.execPath, peerProcess, schema, join(dir, `peer-${round}.ts`)],
        ...floorCommands,
      },
      processRuns,
    );
    const { tables, generateMs, speedup } = processTargets;
    const ratio = stats.peer.median / stats.wesley.median;
    console.log(
      `\nwhole processes on ${tables} tables (load average ${os.loadavg()[0].toFixed(1)}), alternating, ${processRuns.iterations} timed runs each after ${processRuns.warmup} warm-up:`,
    );
    console.log(`  wesley generate --schema <file> --out-dir <new dir>   ${describeRun(stats.wesley)}`);
    console.log(`  node bench/peer-process.mjs <file> <new file>         ${describeRun(stats.peer)}`);
    for (const line of describeFloor(stats, generateMs)) console.log(line);
    console.log(
      `  (at least ${speedup}x the peer means under ${ms(stats.peer.median / speedup)}, ${ms(stats.node.median)} of it Node's own start)`,
    );
    console.log(
      `${verdict(stats.wesley.median < generateMs)}  wesley generate of ${tables} tables in under ${generateMs} ms (median ${ms(stats.wesley.median)})`,
    );
    console.log(
      `${verdict(ratio >= speedup)}  wesley generate at least ${speedup}x faster than the peer, whole process (${ratio.toFixed(1)}x)`,
    );
  } catch (error) {
    console.log(`whole processes: unavailable: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function describeWesley(output, tables) {
  const created = (output.sql.match(/^CREATE TABLE /gm) ?? []).length;
  if (created !== tables) throw new Error(`expected ${tables} CREATE TABLE statements, got ${created}`);
  return `${created} tables; ${kb(output.sql)} SQL, ${kb(output.typescript)} TS, ${kb(output.zod)} Zod`;
}

function describePeer(output, tables) {
  const schemas = (output.match(/^export function Table\d+Schema\(\)/gm) ?? []).length;
  if (schemas !== tables) throw new Error(`expected ${tables} object schemas, got ${schemas}`);
  return `${schemas} object schemas; ${kb(output)} TS + Zod`;
}

/** Runs one job once, prints what it produced (or why it cannot run); `ok` says whether to time it. */
async function sanityCheck(label, run) {
  try {
    console.log(`${label}: ${await run()}`);
    return { ok: true };
  } catch (error) {
    console.log(`${label}: unavailable: ${error instanceof Error ? error.message : String(error)}`);
    return { ok: false };
  }
}

function printTable(rows) {
  const header = ['tables', 'SDL', 'Wesley median', 'Wesley p95', 'peer median', 'peer p95', 'peer/Wesley'];
  const body = rows.map((row) => [
    String(row.tables),
    `${row.sdlKb.toFixed(0)} KB`,
    ms(row.wesley?.median),
    ms(row.wesley?.p95),
    ms(row.peer?.median),
    ms(row.peer?.p95),
    row.wesley && row.peer ? `${(row.peer.median / row.wesley.median).toFixed(1)}x` : 'n/a',
  ]);
  const widths = header.map((cell, i) => Math.max(cell.length, ...body.map((line) => line[i].length)));
  const format = (line) => line.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
  console.log(`\n${format(header)}`);
  for (const line of body) console.log(format(line));
  const runs = rows.map((row) => `${row.tables}: ${row.wesley?.runs ?? 0} / ${row.peer?.runs ?? 0}`).join(', ');
  console.log(`timed runs per size (Wesley / peer), alternating, after warm-up: ${runs}\n`);
}

function printTargets(rows) {
  const thousand = rows.find((row) => row.tables === 1000);
  const under = thousand?.wesley ? thousand.wesley.median < targets.thousandTablesMs : null;
  console.log(`${verdict(under)}  1,000 tables in under ${targets.thousandTablesMs} ms (Wesley median ${ms(thousand?.wesley?.median)})`);
  for (const row of rows) {
    const ratio = row.wesley && row.peer ? row.peer.median / row.wesley.median : null;
    const ok = ratio === null ? null : ratio >= targets.speedup;
    console.log(
      `${verdict(ok)}  ${row.tables} tables: at least ${targets.speedup}x faster than the peer (${ratio === null ? 'n/a' : `${ratio.toFixed(1)}x`})`,
    );
  }
}

function kb(text) {
  return `${(Buffer.byteLength(text) / 1024).toFixed(0)} KB`;
}
