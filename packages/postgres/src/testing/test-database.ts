import { randomBytes } from 'node:crypto';
import { quoteIdent } from '@wesley/core';
import { afterAll, beforeAll, describe, inject } from 'vitest';
import { connect, type Connection } from '../connect/connect.js';
import { testServersKey, type TestServer } from './test-server.js';

/** A fresh database on one test server, dropped when its suite ends. */
export interface TestDatabase {
  readonly server: TestServer;
  readonly name: string;
  /** Superuser URL of this database. */
  readonly url: string;
  /** Opens a session to this database; sessions still open are closed before the drop. */
  connect(): Promise<Connection>;
}

/** The servers of this run (from the globalSetup), in a stable order: embedded first. */
export function servers(): readonly TestServer[] {
  const list = inject(testServersKey);
  if (list === undefined || list.length === 0) {
    throw new Error('no test PostgreSQL servers: add "@wesley/postgres/testing/global-setup" to test.globalSetup in vitest.config.ts');
  }
  return list;
}

/**
 * Runs `body` once per server, inside `describe('<title> [pg18-embedded]', ...)`: suites whose
 * results PostgreSQL decides run on every major version of the run.
 */
export function describeEachServer(title: string, body: (server: TestServer) => void): void {
  for (const server of servers()) describe(`${title} [${server.label}]`, () => body(server));
}

/**
 * Creates a uniquely named database on `server` now (await it at the top of a file or in a
 * hook), and drops it after the enclosing suite.
 */
export async function testDatabase(server: TestServer = firstServer()): Promise<TestDatabase> {
  const database = await createDatabase(server);
  afterAll(() => database.drop());
  return database;
}

/**
 * Registers hooks that create a fresh database on `server` before the enclosing suite's tests
 * and drop it after them; for use inside `describe` callbacks, which cannot await. The handle's
 * members are usable from `beforeAll` on.
 */
export function useTestDatabase(server: TestServer = firstServer()): TestDatabase {
  let database: (TestDatabase & { drop(): Promise<void> }) | null = null;
  const current = (): TestDatabase => {
    if (database === null) throw new Error('the test database is created in beforeAll: use it inside hooks and tests');
    return database;
  };
  beforeAll(async () => {
    database = await createDatabase(server);
  });
  afterAll(async () => {
    await database?.drop();
  });
  return {
    server,
    get name() {
      return current().name;
    },
    get url() {
      return current().url;
    },
    connect: () => current().connect(),
  };
}

function firstServer(): TestServer {
  const [first] = servers();
  if (first === undefined) throw new Error('no test PostgreSQL server');
  return first;
}

async function createDatabase(server: TestServer): Promise<TestDatabase & { drop(): Promise<void> }> {
  const name = `wesley_test_${randomBytes(6).toString('hex')}`;
  await asAdmin(server, (admin) => admin.query(`CREATE DATABASE ${quoteIdent(name)}`));
  const url = new URL(server.url);
  url.pathname = `/${name}`;
  const sessions: Connection[] = [];
  return {
    server,
    name,
    url: url.toString(),
    async connect() {
      const session = await connect(url.toString());
      sessions.push(session);
      return session;
    },
    async drop() {
      await Promise.all(sessions.map((session) => session.close()));
      // FORCE ends sessions a test forgot (or a worker left) instead of failing the drop.
      await asAdmin(server, (admin) => admin.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`));
    },
  };
}

async function asAdmin(server: TestServer, work: (admin: Connection) => Promise<unknown>): Promise<void> {
  const admin = await connect(server.url);
  try {
    await work(admin);
  } finally {
    await admin.close();
  }
}
