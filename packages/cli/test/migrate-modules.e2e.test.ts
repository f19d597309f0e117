/**
 * `wesley migrate` stays small beside the statements it streams: it loads `@wesley/core/run` and
 * `@wesley/postgres/run`, not the compiler (graphql), the config's zod without `--config`, nor a
 * spinner with `--json`. PostgreSQL's parser is loaded: every pending SQL file is linted before
 * the run (WES340).
 * Every module the built CLI loads is recorded by a loader hook (record-modules.mjs).
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describeEachServer, useTestDatabase } from '@wesley/postgres/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadedModules } from './support/loaded-modules.js';

/**
 * What a migration of plain SQL must not load, by package directory. Core's `diff/` is loaded: the
 * linter judges a column type change by the planner's own `classifyTypeChange`.
 */
const unneeded = /\/node_modules\/(?:graphql|zod|ora|esbuild|chokidar|undici)\/|\/packages\/core\/dist\/(?:sdl|ddl|codegen)\//;

describeEachServer('wesley migrate modules', (server) => {
  const db = useTestDatabase(server);
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'wesley-migrate-modules-'));
    await mkdir(path.join(dir, 'migrations'));
    const statements = [
      'CREATE TABLE item (id int PRIMARY KEY, note text)',
      "INSERT INTO item VALUES (1, 'a; b')",
      'CREATE INDEX ON item (note)',
    ];
    await writeFile(path.join(dir, 'migrations', '0001_items.sql'), statements.map((sql) => `${sql};\n`).join(''));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('a SQL migration with --json loads no compiler, zod or spinner', { timeout: 30_000 }, async () => {
    const { code, modules } = await loadedModules(dir, ['migrate', '--database-url', db.url, '--json']);
    expect(code).toBe(0);
    expect(modules.some((url) => url.endsWith('/commands/migrate/run-migrate.js'))).toBe(true);
    expect(modules.filter((url) => unneeded.test(url))).toEqual([]);
    const session = await db.connect();
    try {
      const { rows } = await session.query<{ n: number }>('SELECT count(*)::int AS n FROM item');
      expect(rows[0]?.n).toBe(1);
    } finally {
      await session.close();
    }
  });
});
