import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';

const gnuTime = '/usr/bin/time';
/** What is kept of a program's output: its end (a summary line comes last). */
const keptChars = 1 << 16;

/**
 * Runs a program to its end and measures it: wall time, and peak RSS in KiB, from GNU time
 * (`/usr/bin/time -f %M`, the kernel's own high-water mark for the process) where installed,
 * else by sampling `VmHWM` in `/proc/<pid>/status` (also a high-water mark, so only the last
 * sample's lag is lost), else `null`. Resolves with the end of its stdout; rejects with its
 * stderr when it fails.
 */
export async function runMeasured(program, args) {
  const rssFile = join(os.tmpdir(), `wesley-bench-rss-${process.pid}-${Date.now()}`);
  const viaTime = existsSync(gnuTime);
  const child = viaTime
    ? spawn(gnuTime, ['-f', '%M', '-o', rssFile, program, ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
    : spawn(program, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const start = performance.now();
  let sampled = null;
  const sampler = viaTime
    ? null
    : setInterval(async () => {
        const status = await readFile(`/proc/${child.pid}/status`, 'utf8').catch(() => '');
        const kb = Number(/^VmHWM:\s+(\d+)/m.exec(status)?.[1]);
        if (kb > 0) sampled = kb;
      }, 50);
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (text) => {
    stdout = (stdout + text).slice(-keptChars);
  });
  child.stderr.setEncoding('utf8').on('data', (text) => {
    stderr = (stderr + text).slice(-keptChars);
  });
  const code = await new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  const ms = performance.now() - start;
  if (sampler !== null) clearInterval(sampler);
  const peakRssKb = viaTime ? Number((await readFile(rssFile, 'utf8').catch(() => '')).trim().split('\n').pop()) || null : sampled;
  await rm(rssFile, { force: true });
  if (code !== 0) throw new Error(`${program} exited with ${code}: ${stderr.trim()}`);
  return { stdout, ms, peakRssKb };
}
