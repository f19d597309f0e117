import { spawn, type ChildProcessByStdio } from 'node:child_process';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';

/** The built launcher: these tests exercise what users run (`npm test` builds first). */
export const wesleyBin = fileURLToPath(new URL('../bin/wesley.cjs', import.meta.url));

export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `node bin/wesley.cjs ...args` in `cwd` with pipes (so not a TTY) and collects its output. */
export function runBuiltCli(cwd: string, ...args: string[]): Promise<CliRun> {
  return runBuiltCliWithEnv(cwd, {}, ...args);
}

/** {@link runBuiltCli} with `env` laid over this process's environment (`undefined` removes a variable). */
export function runBuiltCliWithEnv(cwd: string, env: Readonly<Record<string, string | undefined>>, ...args: string[]): Promise<CliRun> {
  const child = spawn(process.execPath, [wesleyBin, ...args], {
    cwd,
    env: { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return collectOutput(child);
}

/** The exit code and the whole output of `child`, spawned with piped stdout and stderr. */
export function collectOutput(child: ChildProcessByStdio<null, Readable, Readable>): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => void (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => void (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
