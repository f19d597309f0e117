// `npm run bench`: `wesley lint` against squawk (squawk-cli, the peer linter of issue 16) on the
// realsql file with the most statements, each a whole process as a user runs it (`node
// packages/cli/bin/wesley.cjs lint <file> --json`, `node_modules/.bin/squawk --reporter json
// <file>`), in alternation in the same run so that load falls on both alike. Prints each one's
// median and p95 wall time and peak RSS, statements per second (psql's split count over the
// median), the throughput ratio, and what each reported on the file. Reads the corpus from
// WESLEY_REALSQL_DIR, else ../shared/realsql; without it, says so and exits 0 (a bench, not a test).
// Needs `npm run build`.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeRun, measureProcesses, wesleyBin } from './measure-processes.mjs';

const corpus = process.env.WESLEY_REALSQL_DIR ?? fileURLToPath(new URL('../../shared/realsql/', import.meta.url));
const squawk = fileURLToPath(new URL('../node_modules/.bin/squawk', import.meta.url));
const iterations = 7;

if (!existsSync(corpus)) {
  console.log(`lint bench: skipped, the realsql corpus is not at ${corpus} (set WESLEY_REALSQL_DIR)`);
  process.exit(0);
}
/** psql's own split of a corpus file: its statement count. */
const statementsOf = (name) =>
  JSON.parse(readFileSync(path.join(corpus, name.replace(/\.sql$/, '.statements.json')), 'utf8')).statements.length;
const files = readdirSync(corpus).filter((name) => name.endsWith('.sql'));
const [largest] = files.map((name) => ({ name, statements: statementsOf(name) })).sort((a, b) => b.statements - a.statements);
const file = path.join(corpus, largest.name);

console.log(
  `node ${process.version}, ${os.cpus().length} x ${os.cpus()[0]?.model ?? 'unknown cpu'}, load average ${os.loadavg()[0].toFixed(1)}`,
);
console.log(
  `${largest.name}: ${(statSync(file).size / 1024).toFixed(0)} KiB, ${largest.statements.toLocaleString('en')} statements (psql's split)\n`,
);
// squawk exits 1 when it reports anything: a shell keeps that from counting as a failed run.
const squawkCommand = () => ['/bin/sh', '-c', '"$0" --reporter json "$1" > /dev/null; [ $? -le 1 ]', squawk, file];
const wesleyCommand = () => [process.execPath, wesleyBin, 'lint', file, '--json'];
const stats = await measureProcesses({ wesley: wesleyCommand, squawk: squawkCommand }, { iterations, warmup: 1 });
for (const [name, run] of Object.entries(stats)) {
  const perSecond = largest.statements / (run.median / 1000);
  console.log(`${name.padEnd(7)} ${describeRun(run)}, ${Math.round(perSecond).toLocaleString('en')} statements/s`);
}
console.log(`ratio: wesley lint ${(stats.squawk.median / stats.wesley.median).toFixed(2)}x squawk's throughput (median over median)\n`);

// What each reported, counted once outside the timing.
const { spawnSync } = await import('node:child_process');
const wesley = JSON.parse(spawnSync(process.execPath, [wesleyBin, 'lint', file, '--json'], { encoding: 'utf8' }).stdout);
const squawked = JSON.parse(spawnSync(squawk, ['--reporter', 'json', file], { encoding: 'utf8', maxBuffer: 1 << 30 }).stdout);
const byRule = (rules) => {
  const counts = new Map();
  for (const rule of rules) counts.set(rule, (counts.get(rule) ?? 0) + 1);
  return [...counts].map(([rule, count]) => `${rule} ${count}`);
};
console.log(
  `wesley lint: ${wesley.statements} statements, ${wesley.errors + wesley.warnings} findings ${byRule(wesley.files.flatMap((f) => f.findings.map((x) => x.rule))).join(', ')}`,
);
console.log(`squawk:      ${squawked.length} reports: ${byRule(squawked.map((report) => report.rule_name)).join(', ')}`);
