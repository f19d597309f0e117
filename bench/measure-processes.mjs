import { ms, summarize } from './measure.mjs';
import { runMeasured } from './run-measured.mjs';

/** The `wesley` command as it is installed: `node packages/cli/bin/wesley.cjs`, which loads the built dist. */
export const wesleyBin = new URL('../packages/cli/bin/wesley.cjs', import.meta.url).pathname;

/**
 * Runs whole processes as a user runs them (`node <bin> ...`: start-up, module loading, the work,
 * the files written, exit), in alternation as `measureInterleaved` does, after `warmup` untimed
 * rounds (which also warm the file cache). `commands` maps a name to a function of the round
 * giving `[program, ...args]`, so each run can write to a directory of its own. Returns, per
 * name, the median and p95 wall time in ms and the median peak RSS in MB.
 */
export async function measureProcesses(commands, { iterations, warmup }) {
  const names = Object.keys(commands);
  const times = Object.fromEntries(names.map((name) => [name, []]));
  const rss = Object.fromEntries(names.map((name) => [name, []]));
  for (let round = 0; round < warmup + iterations; round++) {
    for (const name of names) {
      const [program, ...args] = commands[name](round);
      const run = await runMeasured(program, args);
      if (round < warmup) continue;
      times[name].push(run.ms);
      if (run.peakRssKb !== null) rss[name].push(run.peakRssKb / 1024);
    }
  }
  return Object.fromEntries(
    names.map((name) => {
      const sortedRss = rss[name].sort((a, b) => a - b);
      return [name, { ...summarize(times[name].sort((a, b) => a - b)), peakRssMb: summarize(sortedRss).median }];
    }),
  );
}

/** Median wall time and peak RSS of one process, for a line of output. */
export function describeRun(stats) {
  const rss = Number.isNaN(stats.peakRssMb) ? '' : `, peak RSS ${stats.peakRssMb.toFixed(0)} MB`;
  return `median ${ms(stats.median)}, p95 ${ms(stats.p95)}${rss}`;
}
