import type { CompileOptions } from '@wesley/core';
import { watch } from 'chokidar';
import type { CliContext } from '../cli-context.js';
import { displayPath } from '@wesley/config/files';
import { debouncedRunner } from './debounced-runner.js';
import { regenerator } from './regenerator.js';
import { reportRegeneration } from './report-regeneration.js';
import { watchScope } from './watch-scope.js';

export interface WatchOptions {
  /** Schema paths and globs, relative to the context's `cwd`. */
  readonly patterns: readonly string[];
  /** Absolute output directory. */
  readonly outDir: string;
  /** Quiet time after the last change before regenerating. */
  readonly debounceMs: number;
  readonly strict: boolean;
  /** Also keep the declaration file beside the (single) schema file up to date. */
  readonly dts: boolean;
  /** What the compiler takes from the config (custom scalars). */
  readonly compile: CompileOptions;
}

/**
 * Generates once, then again after every change to the schema files, until `signal` aborts;
 * then waits for a regeneration in progress to finish (so no file is left half written) and
 * closes the watcher. The watcher is ready before the first generation reads the files, so no
 * save is missed between the two.
 */
export async function watchSchema(options: WatchOptions, context: CliContext, signal: AbortSignal): Promise<void> {
  const shownDir = displayPath(context.cwd, options.outDir);
  const outputs = new Set<string>();
  const scope = watchScope(options.patterns, context.cwd, options.outDir, outputs);
  const regenerate = regenerator({
    patterns: options.patterns,
    cwd: context.cwd,
    outDir: options.outDir,
    strict: options.strict,
    dts: options.dts,
    compile: options.compile,
    beforeWrite: (files) => files.forEach((file) => outputs.add(file)),
  });
  const runner = debouncedRunner(async () => {
    const started = performance.now();
    try {
      reportRegeneration(await regenerate(), performance.now() - started, options.outDir, context);
    } catch (error) {
      // Not a schema mistake (those are diagnostics) but the file system refusing: say so and
      // keep watching, the next save tries again.
      context.stderr.write(`wesley watch: ${error instanceof Error ? error.message : String(error)}; ${shownDir} may be incomplete\n`);
    }
  }, options.debounceMs);

  const watcher = watch([...scope.roots], { ignoreInitial: true, ignored: scope.ignored });
  watcher.on('all', (event) => {
    if (event === 'add' || event === 'change' || event === 'unlink') runner.schedule();
  });
  watcher.on('error', (error) => context.stderr.write(`wesley watch: ${error instanceof Error ? error.message : String(error)}\n`));
  await new Promise<void>((resolve) => watcher.once('ready', resolve));

  await runner.run();
  context.stdout.write(`wesley watch: watching ${options.patterns.join(', ')} (Ctrl-C to stop)\n`);
  await new Promise<void>((resolve) => {
    if (signal.aborted) resolve();
    else signal.addEventListener('abort', () => resolve(), { once: true });
  });
  await runner.stop();
  await watcher.close();
  context.stdout.write('wesley watch: stopped\n');
}
