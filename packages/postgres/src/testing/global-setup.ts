import type { TestProject } from 'vitest/node';
import { startFleet, type ServerFleet } from './server-fleet.js';
import { testServersKey } from './test-server.js';

interface Shared {
  users: number;
  fleet: Promise<ServerFleet>;
}

// Each vitest project loads its own copy of this module, but all run in one process: the
// servers hang off globalThis so every project of a run shares them, started once.
const sharedKey = Symbol.for('@wesley/postgres/testing/fleet');
const registry = globalThis as { [sharedKey]?: Shared };

/**
 * Vitest `globalSetup`: starts the test PostgreSQL servers once per run (or uses
 * `DATABASE_URL`), provides them to test files (`servers()`), stops them at teardown.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let shared = registry[sharedKey];
  if (shared === undefined) {
    shared = { users: 0, fleet: startFleet((line) => console.log(line)) };
    registry[sharedKey] = shared;
    shared.fleet.catch(() => delete registry[sharedKey]);
  }
  shared.users++;
  const fleet = await shared.fleet;
  project.provide(testServersKey, fleet.servers);
  const mine = shared;
  return async () => {
    if (--mine.users > 0) return;
    delete registry[sharedKey];
    await fleet.stop();
  };
}
