// Saving a file so that Vite sees it exactly once. Its chokidar watcher misses a save in two
// cases, and reports one twice in a third, all found the hard way by this suite:
// - before it watches the file. It sets its watches up asynchronously: the root's after
//   `listen()` resolves, and a file's outside the root once Vite's own loader has loaded it or a
//   plugin has called `this.addWatchFile` for it. chokidar lists a file in `getWatched()` in the
//   same synchronous step that opens its `fs.watch`, so once it is listed, a save is seen;
// - within 50 ms of the last change it reported for that file: chokidar throttles `change`
//   events per path and drops the ones in between (no trailing event);
// - a save by `fs.promises.writeFile` is an open with truncation and a write, run as separate
//   thread-pool steps: on a busy machine they land milliseconds apart, and chokidar reports two
//   changes, the first while the file may still be empty.
// A person does not save twice in 50 ms, and an editor writes in one go; a test must do the same.
// Plain JavaScript: the bench shares it.
import { writeFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';

/** chokidar's `change` throttle (`_throttle(EV_CHANGE, path, 50)`), plus a margin for timers. */
const changeThrottleMs = 60;

/** @type {WeakMap<import('vite').ViteDevServer, Map<string, number>>} */
const lastChanges = new WeakMap();

/**
 * Resolves once the dev server's watcher would report a save of `file` (an absolute path). The
 * first call for a server starts tracking its change events; make it before the first save.
 *
 * @param {import('vite').ViteDevServer} server
 * @param {string} file
 * @param {number} [timeoutMs]
 * @returns {Promise<void>}
 */
export async function watched(server, file, timeoutMs = 10_000) {
  let changes = lastChanges.get(server);
  if (!changes) {
    const tracked = new Map();
    server.watcher.on('change', (path) => tracked.set(path, performance.now()));
    lastChanges.set(server, (changes = tracked));
  }
  const deadline = Date.now() + timeoutMs;
  while (!(server.watcher.getWatched()[dirname(file)] ?? []).includes(basename(file))) {
    if (Date.now() > deadline) {
      throw new Error(
        `the dev server did not start watching ${file} within ${timeoutMs} ms (Vite watches its root, and a file ` +
          'outside it only once Vite itself has loaded it or a plugin has called this.addWatchFile for it)',
      );
    }
    await sleep(10);
  }
  const last = changes.get(file);
  if (last !== undefined) await sleep(last + changeThrottleMs - performance.now());
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
}

/**
 * Saves `text` to `file` in one step, as an editor does: the truncation and the write happen
 * while the event loop is blocked, so the watcher sees them as one change.
 *
 * @param {string} file
 * @param {string} text
 */
export function save(file, text) {
  writeFileSync(file, text);
}
