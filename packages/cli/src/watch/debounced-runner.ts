/** Runs a task after a quiet period, one run at a time. */
export interface DebouncedRunner {
  /** Asks for a run once `delayMs` pass without another call (trailing debounce). */
  schedule(): void;
  /** Runs now (after the run in progress, if any) and resolves when that run is done. */
  run(): Promise<void>;
  /** Cancels what is scheduled and resolves when the run in progress, if any, has finished. */
  stop(): Promise<void>;
}

/**
 * A trailing debounce that never overlaps runs: a burst of `schedule()` calls gives one run,
 * `delayMs` after the last call, and a call during a run gives one more run after it, so the
 * last change is always picked up. `task` must not throw; it reports its own failures.
 */
export function debouncedRunner(task: () => Promise<void>, delayMs: number): DebouncedRunner {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;

  const start = (): Promise<void> => {
    clearTimeout(timer);
    timer = undefined;
    if (running !== null) {
      again = true;
      return running.then(() => (stopped ? undefined : start()));
    }
    running = task().finally(() => {
      running = null;
      if (again && !stopped) {
        again = false;
        schedule();
      }
    });
    return running;
  };

  function schedule(): void {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(() => void start(), delayMs);
  }

  return {
    schedule,
    run: start,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
