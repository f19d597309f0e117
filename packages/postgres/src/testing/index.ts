/**
 * Test helpers for packages whose tests need a real PostgreSQL. Wire
 * `@wesley/postgres/testing/global-setup` as vitest's `globalSetup`, then in a test file:
 * `describeEachServer('...', (server) => { const db = useTestDatabase(server); ... })`.
 */
export { servers, describeEachServer, testDatabase, useTestDatabase, type TestDatabase } from './test-database.js';
export type { TestServer } from './test-server.js';
