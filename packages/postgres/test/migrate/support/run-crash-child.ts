import { spawn } from 'node:child_process';

/** Where `crash-child.ts` kills itself (one of them), or nothing for a full run. */
export type KillPoint =
  | { readonly killAtEvent: number }
  | { readonly killAtBatch: number }
  | { readonly killAtQuery: number }
  | { readonly killInConcurrent: number; readonly holderOutlives: boolean }
  | Record<string, never>;

export interface ChildRun {
  readonly code: number | null;
  /** `SIGKILL` when the child reached its kill point. */
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the migrator bundled by `buildCrashChild` (`script`) in a child process on `url` and `directory`, killed at `point`. */
export function runCrashChild(
  script: string,
  url: string,
  directory: string,
  point: KillPoint,
  /** Roll this migration back instead of migrating. */
  rollback?: string,
): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [script, JSON.stringify({ url, directory, ...point, ...(rollback === undefined ? {} : { rollback }) })],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => void (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => void (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}
