import { spawn } from 'node:child_process';
import { wesleyBin } from './measure-processes.mjs';

/**
 * `wesley migrate --dir <migrations> --database-url <url> --json ...args`, a process of its own as
 * a user runs it: resolves with the whole run's time and, per step id, the time from its
 * step-start to its step-done event as this process received them, and its batch events; rejects
 * with its stderr when it exits non-zero.
 */
export function wesleyMigrate(args, url, migrations) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [wesleyBin, 'migrate', '--dir', migrations, '--database-url', url, '--json', ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const start = performance.now();
    const steps = new Map();
    let open = null;
    let buffered = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (text) => {
      const now = performance.now();
      buffered += text;
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        const event = JSON.parse(line);
        if (event.kind === 'step-start') open = { id: event.stepId, startedAt: now, batches: [] };
        if (event.kind === 'batch') open?.batches.push(event);
        if (event.kind === 'step-done' && open !== null) steps.set(open.id, { ms: now - open.startedAt, batches: open.batches });
      }
    });
    child.stderr.setEncoding('utf8').on('data', (text) => void (stderr += text));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve({ ms: performance.now() - start, steps }) : reject(new Error(`wesley migrate exited with ${code}: ${stderr}`)),
    );
  });
}
