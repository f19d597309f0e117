import path from 'node:path';
import type { CliContext } from '../cli-context.js';
import { displayPath } from '@wesley/config/files';
import { writeDiagnostics } from '../output/index.js';
import type { Regeneration } from './regenerator.js';

/**
 * Prints one short line per regeneration: on standard output the files written and the time the
 * regeneration took; on standard error the diagnostics of an invalid schema, then a line saying
 * the output was left as it was. Prints nothing when nothing changed.
 */
export function reportRegeneration(result: Regeneration, elapsedMs: number, outDir: string, context: CliContext): void {
  const shownDir = displayPath(context.cwd, outDir);
  const time = `${Math.round(elapsedMs)} ms`;
  switch (result.kind) {
    case 'unchanged':
      return;
    case 'unreadable':
      context.stderr.write(`wesley watch: ${result.message}; ${shownDir} left as it was\n`);
      return;
    case 'invalid': {
      writeDiagnostics(context.stderr, result.diagnostics, result.sources);
      const cause = result.diagnostics.some((d) => d.severity === 'error') ? 'errors' : 'warnings (--strict)';
      context.stderr.write(`wesley watch: ${cause} in the schema; ${shownDir} left as it was (${time})\n`);
      return;
    }
    case 'written': {
      writeDiagnostics(context.stderr, result.diagnostics, result.sources);
      const written = result.statuses.filter((status) => status.state !== 'fresh');
      // The files of the output directory by name; the declaration file beside the schema by path.
      const inOutDir = written.filter((status) => path.dirname(status.path) === outDir).map((status) => status.artifact.file);
      const elsewhere = written
        .filter((status) => path.dirname(status.path) !== outDir)
        .map((status) => displayPath(context.cwd, status.path));
      const what =
        written.length === 0
          ? `${shownDir} already up to date`
          : [
              ...(inOutDir.length === 0 ? [] : [`wrote ${inOutDir.join(', ')} in ${shownDir}`]),
              ...elsewhere.map((file) => `wrote ${file}`),
            ].join(', ');
      context.stdout.write(`wesley watch: ${what} (${time})\n`);
      return;
    }
  }
}
