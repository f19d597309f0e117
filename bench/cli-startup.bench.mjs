// `npm run bench`: how long `wesley --version` takes as a whole process (`node <bin> --version`),
// against `node -e 0` (Node's own start, the floor no command can go under). What it measures is
// what every command pays before its work: Node's start and the modules loaded before argv is
// read. Prints medians, p95, peak RSS and the PASS/FAIL of the target; always exits 0 (a bench,
// not a test). Needs `npm run build`.
import os from 'node:os';
import { ms, verdict } from './measure.mjs';
import { describeRun, measureProcesses, wesleyBin } from './measure-processes.mjs';

const runs = { iterations: 20, warmup: 3 };
const targetMs = 80;

console.log(
  `node ${process.version}, ${os.cpus().length} x ${os.cpus()[0]?.model ?? 'unknown cpu'}, load average ${os.loadavg()[0].toFixed(1)}`,
);
console.log(`whole processes, alternating, ${runs.iterations} timed runs each after ${runs.warmup} warm-up\n`);

const stats = await measureProcesses(
  { wesley: () => [process.execPath, wesleyBin, '--version'], node: () => [process.execPath, '-e', '0'] },
  runs,
);
console.log(`wesley --version  ${describeRun(stats.wesley)}`);
console.log(`node -e 0         ${describeRun(stats.node)}`);
console.log(
  `(wesley's own start-up, above Node's: ${ms(stats.wesley.median - stats.node.median)}; ${(stats.wesley.median / stats.node.median).toFixed(2)}x node -e 0)\n`,
);
console.log(`${verdict(stats.wesley.median < targetMs)}  wesley --version in under ${targetMs} ms (median ${ms(stats.wesley.median)})`);
