import { callWorker } from './call-worker.js';
import type { ProjectConfig } from './worker-protocol.js';

/**
 * The `wesley.config.*` of the project `directory` is in, as `wesley` finds it (`findConfigFile`:
 * up to the repository root), loaded in the plugin's worker (a `.ts` or `.mjs` config loads
 * asynchronously); `null` when there is none.
 */
export function projectConfigSync(directory: string): ProjectConfig | null {
  return callWorker({ kind: 'config', directory }) as ProjectConfig | null;
}
