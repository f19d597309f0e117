import { randomBytes } from 'node:crypto';
import { quoteIdent } from '@wesley/core';
import type { TestServer } from '@wesley/postgres/testing';
import { connect } from '../../../src/connect/connect.js';

/** A database of its own for a run of crash points, one point at a time. */
export interface ScratchDatabase {
  readonly url: string;
  /**
   * Makes it as new: ends every other session (a killed migrator's backend may still be
   * running its statement) and drops the `public` and `wesley` schemas with all they hold.
   * Much cheaper than a new database per point.
   */
  reset(): Promise<void>;
  drop(): Promise<void>;
}

/** Creates an empty database on `server`; `drop` uses `WITH (FORCE)`, as a stray backend may be left. */
export async function scratchDatabase(server: TestServer): Promise<ScratchDatabase> {
  const name = `wesley_crash_${randomBytes(6).toString('hex')}`;
  await run(server.url, [`CREATE DATABASE ${quoteIdent(name)}`]);
  const url = new URL(server.url);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    reset: () =>
      run(url.toString(), [
        `SELECT pg_catalog.pg_terminate_backend(pid) FROM pg_catalog.pg_stat_activity
          WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'`,
        'DROP SCHEMA IF EXISTS wesley CASCADE',
        'DROP SCHEMA IF EXISTS public CASCADE',
        'CREATE SCHEMA public',
      ]),
    drop: () => run(server.url, [`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`]),
  };
}

async function run(url: string, statements: readonly string[]): Promise<void> {
  const session = await connect(url);
  try {
    for (const sql of statements) await session.query(sql);
  } finally {
    await session.close();
  }
}
