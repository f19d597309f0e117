import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { debouncedRunner } from '../../src/watch/debounced-runner.js';

/** A task whose runs are counted and whose completion the test controls. */
function controlledTask() {
  const finishers: (() => void)[] = [];
  let runs = 0;
  const task = () => {
    runs++;
    return new Promise<void>((resolve) => finishers.push(resolve));
  };
  return {
    task,
    runs: () => runs,
    finish: async () => {
      finishers.shift()?.();
      await vi.advanceTimersByTimeAsync(0);
    },
  };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('debouncedRunner', () => {
  it('runs once, delayMs after the last of a burst of calls', async () => {
    const t = controlledTask();
    const runner = debouncedRunner(t.task, 50);
    for (let i = 0; i < 10; i++) {
      runner.schedule();
      await vi.advanceTimersByTimeAsync(10);
    }
    expect(t.runs()).toBe(0);
    await vi.advanceTimersByTimeAsync(40);
    expect(t.runs()).toBe(1);
  });

  it('never overlaps runs: a call during a run gives exactly one more run after it', async () => {
    const t = controlledTask();
    const runner = debouncedRunner(t.task, 50);
    runner.schedule();
    await vi.advanceTimersByTimeAsync(50);
    runner.schedule();
    runner.schedule();
    await vi.advanceTimersByTimeAsync(100);
    expect(t.runs()).toBe(1);
    await t.finish();
    await vi.advanceTimersByTimeAsync(50);
    expect(t.runs()).toBe(2);
    await t.finish();
    await vi.advanceTimersByTimeAsync(500);
    expect(t.runs()).toBe(2);
  });

  it('runs at once on run(), and stop() cancels what is scheduled and waits for the run in progress', async () => {
    const t = controlledTask();
    const runner = debouncedRunner(t.task, 50);
    void runner.run();
    expect(t.runs()).toBe(1);
    runner.schedule();
    let stopped = false;
    const stopping = runner.stop().then(() => (stopped = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(stopped).toBe(false);
    await t.finish();
    await stopping;
    await vi.advanceTimersByTimeAsync(500);
    expect(t.runs()).toBe(1);
    runner.schedule();
    await vi.advanceTimersByTimeAsync(500);
    expect(t.runs()).toBe(1);
  });
});
