import { spawn } from 'node:child_process';
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
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [wesleyBin, ...args], {
      cwd,
      env: { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => void (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => void (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
