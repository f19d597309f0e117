// `npm run bench`: `wesley watch` save-to-written latency on a 200-table schema. The built CLI
// watches a temporary directory; each round saves an edited schema and times until the
// generated types.ts holds the edit (fs.watch on the output directory). Prints median, p95 and
// PASS/FAIL against the target; always exits 0 (a bench, not a test).
import { spawn } from 'node:child_process';
import { watch } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { summarize } from './measure.mjs';
import { syntheticSchema, tableName } from './synthetic-schema.mjs';

const tables = 200;
const rounds = 20;
const warmup = 2;
const targetMs = 200;
const roundTimeoutMs = 10_000;
const wesleyBin = fileURLToPath(new URL('../packages/cli/bin/wesley.cjs', import.meta.url));

const base = syntheticSchema(tables);
const lastTable = base.indexOf(`type ${tableName(tables - 1)} @wes_table`);
if (lastTable === -1) throw new Error(`the synthetic schema has no table ${tableName(tables - 1)}`);
const lastTableBody = base.indexOf('{\n', lastTable) + 2;

/** The schema with one more column on the last table, named after `round`: every output changes. */
function edited(round) {
  return `${base.slice(0, lastTableBody)}  benchColumn${round}: String\n${base.slice(lastTableBody)}`;
}

console.log(
  `\nwesley watch: save-to-written latency, ${tables} tables (${(Buffer.byteLength(base) / 1024).toFixed(0)} KB SDL), default debounce`,
);
const dir = await mkdtemp(path.join(os.tmpdir(), 'wesley-watch-bench-'));
const schemaFile = path.join(dir, 'schema.graphql');
const outDir = path.join(dir, 'generated');
const typesFile = path.join(outDir, 'types.ts');
await writeFile(schemaFile, base);

const child = spawn(process.execPath, [wesleyBin, 'watch', '--schema', 'schema.graphql', '--out-dir', 'generated'], {
  cwd: dir,
  stdio: ['ignore', 'pipe', 'pipe'],
});
const stdout = lines(child.stdout);
lines(child.stderr).on((text) => console.log(`  (stderr) ${text}`));

try {
  const started = performance.now();
  await stdout.next(/^wesley watch: watching /, roundTimeoutMs);
  console.log(`start (first generation + watcher ready): ${ms(performance.now() - started)}`);

  const latencies = [];
  const reported = [];
  for (let round = 0; round < warmup + rounds; round++) {
    const marker = `  benchColumn${round}: string | null;`;
    const written = waitForContent(outDir, typesFile, marker, roundTimeoutMs);
    const line = stdout.next(/^wesley watch: wrote /, roundTimeoutMs);
    const saved = performance.now();
    await writeFile(schemaFile, edited(round));
    const at = await written;
    const { text } = await line;
    if (round < warmup) continue;
    latencies.push(at - saved);
    reported.push(Number(/\((\d+) ms\)$/.exec(text)?.[1] ?? Number.NaN));
  }
  const latency = summarize(latencies.sort((a, b) => a - b));
  const work = summarize(reported.sort((a, b) => a - b));
  console.log(
    `save -> types.ts written: median ${ms(latency.median)}, p95 ${ms(latency.p95)} over ${latency.runs} saves (after ${warmup} warm-up)`,
  );
  console.log(
    `  of which regeneration as wesley watch reports it (read + compile + write): median ${ms(work.median)}; the rest is the debounce and the file events`,
  );
  console.log(
    `${latency.median < targetMs ? 'PASS' : 'FAIL'}  wesley watch save-to-written under ${targetMs} ms median (${ms(latency.median)})`,
  );
} catch (error) {
  console.log(`wesley watch: unavailable: ${error instanceof Error ? error.message : String(error)}`);
  console.log(`FAIL  wesley watch save-to-written under ${targetMs} ms median (n/a)`);
} finally {
  child.kill('SIGINT');
  await new Promise((resolve) => child.once('close', resolve));
  await rm(dir, { recursive: true, force: true });
}

/**
 * Resolves with the time (performance.now()) at which `file` first holds `marker`, checked on
 * every fs.watch event of its directory.
 */
function waitForContent(dirToWatch, file, marker, timeoutMs) {
  return new Promise((resolve, reject) => {
    let done = false;
    const finish = (error, at) => {
      if (done) return;
      done = true;
      watcher.close();
      clearTimeout(timer);
      if (error) reject(error);
      else resolve(at);
    };
    const check = async () => {
      const at = performance.now();
      const text = await readFile(file, 'utf8').catch(() => '');
      if (text.includes(marker)) finish(null, at);
    };
    const watcher = watch(dirToWatch, (_event, name) => {
      if (name === path.basename(file)) void check();
    });
    const timer = setTimeout(() => finish(new Error(`${path.basename(file)} did not change within ${timeoutMs} ms`)), timeoutMs);
  });
}

/** Lines of a stream: `on` for every line, `next` for the next one matching a pattern. */
function lines(stream) {
  const listeners = new Set();
  createInterface({ input: stream }).on('line', (text) => {
    for (const listener of [...listeners]) listener(text);
  });
  return {
    on(listener) {
      listeners.add(listener);
    },
    next(pattern, timeoutMs) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          listeners.delete(listener);
          reject(new Error(`no output matching ${pattern} within ${timeoutMs} ms`));
        }, timeoutMs);
        const listener = (text) => {
          if (!pattern.test(text)) return;
          listeners.delete(listener);
          clearTimeout(timer);
          resolve({ text, at: performance.now() });
        };
        listeners.add(listener);
      });
    },
  };
}

function ms(value) {
  return Number.isNaN(value) ? 'n/a' : `${value.toFixed(1)} ms`;
}
