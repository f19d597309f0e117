import { rm } from 'node:fs/promises';
import path from 'node:path';
import { emitDdl, type Plan, type SchemaIR } from '@wesley/core';
import type { TestServer } from '@wesley/postgres/testing';
import { afterAll, beforeAll } from 'vitest';
import { connect, type Connection } from '../../../src/connect/connect.js';
import { buildCrashChild } from './build-crash-child.js';
import { migrationsDirectory, planFile } from './migrations-directory.js';
import { scratchDatabase, type ScratchDatabase } from './scratch-database.js';

/**
 * The migrator bundled to be killed (`buildCrashChild`), built once for a test file and removed
 * after it: call at the file's top level; the function gives its path inside the tests.
 */
export function useCrashChild(): () => string {
  let child: string | null = null;
  beforeAll(async () => {
    child = await buildCrashChild();
  }, 60_000);
  afterAll(async () => {
    if (child !== null) await rm(path.dirname(child), { recursive: true, force: true });
  });
  return () => {
    if (child === null) throw new Error('the crash child is built in beforeAll: use it inside tests');
    return child;
  };
}

/** A scratch database and the planned migration a test runs on it, again and again. */
export interface PlannedScratch {
  readonly db: ScratchDatabase;
  /** A migrations directory holding the plan as `<migration>/plan.json`. */
  readonly directory: string;
  readonly plan: Plan;
  /** Makes the database as new (`db.reset`), creates the schema `from`, then runs `setup`, a statement at a time. */
  readonly load: (setup: readonly string[]) => Promise<void>;
  /** `work` on a session of its own, closed after. */
  readonly withSession: <T>(work: (session: Connection) => Promise<T>) => Promise<T>;
}

/**
 * In a `describeEachServer` body: a scratch database on `server` and a migrations directory
 * holding `migration`, the plan from `from` to `to` made for that server; both removed after.
 */
export function usePlannedScratch(server: TestServer, migration: string, from: SchemaIR, to: SchemaIR): PlannedScratch {
  let state: { db: ScratchDatabase; directory: string; plan: Plan } | null = null;
  const current = () => {
    if (state === null) throw new Error('the scratch database is created in beforeAll: use it inside hooks and tests');
    return state;
  };
  const withSession = <T>(work: (session: Connection) => Promise<T>): Promise<T> => withSessionOn(current().db.url, work);
  beforeAll(async () => {
    const db = await scratchDatabase(server);
    const { plan, json } = await withSessionOn(db.url, (session) => planFile(session, from, to));
    state = { db, plan, directory: await migrationsDirectory({ [`${migration}/plan.json`]: json }) };
  }, 60_000);
  afterAll(async () => {
    if (state === null) return;
    await state.db.drop();
    await rm(state.directory, { recursive: true, force: true });
  });
  return {
    get db() {
      return current().db;
    },
    get directory() {
      return current().directory;
    },
    get plan() {
      return current().plan;
    },
    load: async (setup) => {
      await current().db.reset();
      await withSession(async (session) => {
        await session.query(emitDdl(from));
        for (const sql of setup) await session.query(sql);
      });
    },
    withSession,
  };
}

async function withSessionOn<T>(url: string, work: (session: Connection) => Promise<T>): Promise<T> {
  const session = await connect(url);
  try {
    return await work(session);
  } finally {
    await session.close();
  }
}
