import { spawn, type SpawnOptions } from 'node:child_process';
import type { ServerUser } from './server-user.js';

/**
 * Spawn options that run a PostgreSQL program as `user` (when root hands the work to an
 * unprivileged user) with English, locale-independent messages.
 */
export function programOptions(user: ServerUser | null, cwd: string): SpawnOptions {
  return {
    cwd,
    env: { ...process.env, LC_ALL: 'C', LANG: 'C' },
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(user === null ? {} : { uid: user.uid, gid: user.gid }),
  };
}

/** Runs a program to completion; rejects with the end of its output when it fails. */
export function runProgram(file: string, args: readonly string[], options: SpawnOptions): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, options);
    let output = '';
    const collect = (chunk: Buffer): void => {
      output = (output + chunk.toString('utf8')).slice(-4000);
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    child.once('error', reject);
    child.once('close', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`${file} failed (${signal ?? `exit code ${code}`}):\n${output.trim()}`));
    });
  });
}
