import { setFlagsFromString } from 'node:v8';

/**
 * Stops V8 growing this process's young generation from here on; the size it has is kept.
 * `wesley migrate` calls it as its run starts. V8 doubles the young generation's semi-spaces, up
 * to 16 MB each, as the bytes that survive its scavenges add up, which on a long run they always
 * do: on the 200 MB bench file that was 32 MB of the migrator's ~100 MB peak RSS. A migration's
 * garbage (statement text, batches, protocol messages) dies within a batch, so the few MB that
 * start-up left serve it: steady RSS about 72 MB, peak 92 MB (V8 may still shrink the young
 * generation, and more is then promoted until the next full collection), at no loss of
 * throughput (`bench/migrate.bench.mjs`). `--max-semi-space-size=4` does better (79 MB peak) but
 * only a command line can set it, before V8 starts; the growth factor is read at each growth, so
 * setting it in a running process takes effect.
 */
export function holdYoungGeneration(): void {
  setFlagsFromString('--semi-space-growth-factor=1');
}
