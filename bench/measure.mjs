/**
 * Times several jobs in alternation: round r runs every job once, in turn. On a shared or busy
 * machine, load then falls on all jobs alike instead of on whichever ran while it peaked, so
 * their ratio stays meaningful. (Benchmark libraries such as tinybench run each task's
 * iterations back to back, which is why this small loop is hand-written.)
 *
 * `jobs` maps a name to a function (sync or async). Returns, per name, the samples in ms, sorted.
 */
export async function measureInterleaved(jobs, { iterations, warmup }) {
  const names = Object.keys(jobs);
  const samples = Object.fromEntries(names.map((name) => [name, []]));
  for (let round = 0; round < warmup + iterations; round++) {
    for (const name of names) {
      const start = performance.now();
      await jobs[name]();
      const elapsed = performance.now() - start;
      if (round >= warmup) samples[name].push(elapsed);
    }
  }
  for (const name of names) samples[name].sort((a, b) => a - b);
  return samples;
}

/** Quantile `q` of sorted `samples`, interpolating linearly between the closest ranks. */
export function quantile(samples, q) {
  if (samples.length === 0) return Number.NaN;
  const position = (samples.length - 1) * q;
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  return samples[lower] + (samples[upper] - samples[lower]) * (position - lower);
}

/** Median and p95 of sorted `samples`, and how many there are. */
export function summarize(samples) {
  return { median: quantile(samples, 0.5), p95: quantile(samples, 0.95), runs: samples.length };
}

/** `PASS`/`FAIL` of a target, `N/A` when it could not be measured (`null`). */
export function verdict(ok) {
  return ok === null ? 'N/A ' : ok ? 'PASS' : 'FAIL';
}

/** A time for a line of output: `123.4 ms`, or `n/a`. */
export function ms(value) {
  return value === undefined || Number.isNaN(value) ? 'n/a' : `${value.toFixed(1)} ms`;
}
