/**
 * `holdYoungGeneration` (what keeps `wesley migrate`'s peak RSS down on a large file) must still
 * work on the Node that runs it: V8 reads the growth factor at each growth. Each case runs in a
 * process of its own (a V8 flag is process-wide), against the built module, keeping arrays of
 * objects alive across scavenges so that V8 grows the young generation where it may.
 */
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const built = new URL('../../dist/migrate/hold-young-generation.js', import.meta.url).href;

/** The young generation's size (`new_space`) before and after survivors pile up, held or not. */
async function youngGeneration(hold: boolean): Promise<{ before: number; after: number }> {
  const code = `
    import v8 from 'node:v8';
    import { holdYoungGeneration } from ${JSON.stringify(built)};
    const size = () => v8.getHeapSpaceStatistics().find((space) => space.space_name === 'new_space').space_size;
    if (${hold}) holdYoungGeneration();
    const before = size();
    let kept = [];
    for (let i = 0; i < 3e6; i++) {
      kept.push({ i, text: 'x' + i });
      if (kept.length > 50000) kept = [];
    }
    process.stdout.write(JSON.stringify({ before, after: size() }));`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', code], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (text: string) => void (out += text));
  const exit = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  expect(exit).toBe(0);
  return JSON.parse(out) as { before: number; after: number };
}

describe('holdYoungGeneration', () => {
  it('keeps the young generation near its size when V8 would grow it', { timeout: 60_000 }, async () => {
    const [grown, held] = await Promise.all([youngGeneration(false), youngGeneration(true)]);
    // Unheld, V8 grows it (to 32 MB on Node 20); held, it stays within one step of where it was.
    expect(grown.after).toBeGreaterThanOrEqual(8 * grown.before);
    expect(held.after).toBeLessThanOrEqual(2 * held.before);
  });
});
