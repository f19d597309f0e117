/**
 * An abort signal for the first SIGINT (Ctrl-C) or SIGTERM. `wesley watch` is the one command
 * that runs until it is told to stop, so it listens to the process signals itself (the CLI
 * context carries no signal); after the first, a second Ctrl-C gets Node's default and kills
 * the process, as users expect of a tool that is slow to stop.
 */
export function processStopSignal(): AbortSignal {
  const controller = new AbortController();
  const stop = (): void => {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    controller.abort();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return controller.signal;
}
