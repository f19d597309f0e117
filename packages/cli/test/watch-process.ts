import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { wesleyBin } from './run-built-cli.js';

export type StreamName = 'stdout' | 'stderr';

/** A line of output and its index among the lines of its stream. */
export interface OutputLine {
  readonly index: number;
  readonly text: string;
}

/** A running `wesley watch`, read line by line as it prints. */
export interface WatchProcess {
  /** Every line printed so far, per stream. */
  readonly lines: Readonly<Record<StreamName, readonly string[]>>;
  /**
   * Resolves with the first line of `stream` at index `from` or later that matches `pattern`,
   * as soon as it is printed. Rejects if the process exits first or `timeoutMs` pass, with the
   * output so far in the message.
   */
  line(stream: StreamName, pattern: RegExp, from?: number, timeoutMs?: number): Promise<OutputLine>;
  /** Sends `signal` and resolves with the exit code (`null` if a signal ended it). */
  stop(signal: NodeJS.Signals): Promise<number | null>;
}

interface Waiter {
  readonly stream: StreamName;
  readonly pattern: RegExp;
  readonly from: number;
  readonly resolve: (line: OutputLine) => void;
  readonly reject: (error: Error) => void;
}

/** Starts `node bin/wesley.cjs watch ...args` in `cwd` (pipes, so not a TTY: no colors). */
export function startWatch(cwd: string, ...args: string[]): WatchProcess {
  const child = spawn(process.execPath, [wesleyBin, 'watch', ...args], {
    cwd,
    env: { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: Record<StreamName, string[]> = { stdout: [], stderr: [] };
  let waiters: Waiter[] = [];
  let exitCode: number | null | undefined;
  const exited = new Promise<number | null>((resolve) => {
    child.on('close', (code) => {
      exitCode = code;
      for (const waiter of waiters)
        waiter.reject(new Error(`wesley watch exited (${code}) before printing ${waiter.pattern}\n${transcript()}`));
      waiters = [];
      resolve(code);
    });
  });

  const transcript = (): string => `stdout:\n${lines.stdout.join('\n')}\nstderr:\n${lines.stderr.join('\n')}`;
  const match = (waiter: Waiter): OutputLine | null => {
    const found = lines[waiter.stream].findIndex((text, index) => index >= waiter.from && waiter.pattern.test(text));
    return found === -1 ? null : { index: found, text: lines[waiter.stream][found]! };
  };
  for (const stream of ['stdout', 'stderr'] as const) {
    createInterface({ input: child[stream] }).on('line', (text) => {
      lines[stream].push(text);
      waiters = waiters.filter((waiter) => {
        const found = match(waiter);
        if (found !== null) waiter.resolve(found);
        return found === null;
      });
    });
  }

  return {
    lines,
    line(stream, pattern, from = 0, timeoutMs = 20_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters = waiters.filter((w) => w !== waiter);
          reject(new Error(`no line matching ${pattern} on ${stream} within ${timeoutMs} ms\n${transcript()}`));
        }, timeoutMs);
        const waiter: Waiter = {
          stream,
          pattern,
          from,
          resolve: (line) => {
            clearTimeout(timer);
            resolve(line);
          },
          reject: (error) => {
            clearTimeout(timer);
            reject(error);
          },
        };
        const found = match(waiter);
        if (found !== null) waiter.resolve(found);
        else if (exitCode !== undefined) waiter.reject(new Error(`wesley watch has exited (${exitCode})\n${transcript()}`));
        else waiters.push(waiter);
      });
    },
    stop(signal) {
      if (exitCode === undefined) child.kill(signal);
      return exited;
    },
  };
}
