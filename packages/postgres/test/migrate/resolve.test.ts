import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { SchemaIR } from '@wesley/core';
import { describeEachServer, useTestDatabase } from '@wesley/postgres/testing';
import { beforeEach, expect, it } from 'vitest';
import type { Connection } from '../../src/connect/connect.js';
import { detectDrift } from '../../src/drift/detect-drift.js';
import { readMigrations, readSteps } from '../../src/migrate/ledger.js';
import { migrate } from '../../src/migrate/migrate.js';
import { migrationStatus } from '../../src/migrate/migration-status.js';
import { resolveMigration } from '../../src/migrate/resolve-migration.js';
import { compile, migrationsDirectory, planFile } from './support/migrations-directory.js';

/**
 * `wesley migrate resolve` (issue 15): a state fixed by hand is recorded only when the live
 * catalog, compared as drift compares it, agrees with it; what cannot be checked is recorded
 * unchecked.
 */

const empty: SchemaIR = { kind: 'schema', version: 1, enums: [], tables: [] };
const v1 = compile('type Account @wes_table { id: Int! @wes_pk email: String }');
const v2 = compile('type Account @wes_table { id: Int! @wes_pk email: String score: Int nick: String }');

/** The check `wesley migrate resolve` makes: drift against the schema the state stands for. */
const against = (schemas: { applied: SchemaIR; 'rolled-back': SchemaIR }) => async (session: Connection, as: 'applied' | 'rolled-back') =>
  (await detectDrift(session, schemas[as])).findings.map((finding) => finding.message);

describeEachServer('migrate resolve: recorded when the catalog agrees, refused when it contradicts', (server) => {
  const db = useTestDatabase(server);
  beforeEach(async () => {
    const session = await db.connect();
    for (const sql of ['DROP SCHEMA IF EXISTS wesley CASCADE', 'DROP SCHEMA public CASCADE', 'CREATE SCHEMA public'])
      await session.query(sql);
  });

  it('refuses a stopped migration the database is half way through, then records it rolled back once undone by hand', async () => {
    const session = await db.connect();
    const second = await planFile(session, v1, v2);
    const dir = await migrationsDirectory({
      '0001_init/plan.json': (await planFile(session, empty, v1)).json,
      '0002_more/plan.json': second.json,
    });
    const first = second.plan.steps[0]?.id ?? '';
    await migrate({ url: db.url, directory: dir, to: first });
    expect((await readMigrations(session)).get('0002_more')?.status).toBe('running');
    const check = against({ applied: v2, 'rolled-back': v1 });
    for (const as of ['applied', 'rolled-back'] as const) {
      await expect(resolveMigration({ url: db.url, directory: dir, migration: '0002_more', as, check })).rejects.toMatchObject({
        code: 'WES183',
        differences: [expect.stringMatching(as === 'applied' ? /nick/ : /score/) as unknown],
      });
    }
    expect((await readMigrations(session)).get('0002_more')).toMatchObject({ status: 'running', resolvedBy: null });

    // Undone by hand, recorded: every step rolled back; the file may then be replaced and runs afresh.
    await session.query('ALTER TABLE account DROP COLUMN score');
    const result = await resolveMigration({
      url: db.url,
      directory: dir,
      migration: '0002_more',
      as: 'rolled-back',
      check,
      resolvedBy: 'ann@ops',
    });
    expect(result).toEqual({ previous: 'running', checked: true });
    expect((await readMigrations(session)).get('0002_more')).toMatchObject({ status: 'rolled-back', resolvedBy: 'ann@ops' });
    expect([...(await readSteps(session, '0002_more')).values()].map((step) => step.status)).toEqual(['rolled-back']);
    expect((await migrationStatus(session, dir)).map((s) => s.state)).toEqual(['applied', 'rolled back']);
    expect((await migrate({ url: db.url, directory: dir })).applied).toEqual(['0002_more']);
    expect((await detectDrift(session, v2)).findings).toEqual([]);
    await rm(dir, { recursive: true, force: true });
  }, 120_000);

  it('records applied (every step) a migration done by hand, so migrate goes on past it; a SQL migration unchecked', async () => {
    const session = await db.connect();
    const second = await planFile(session, v1, v2);
    const dir = await migrationsDirectory({
      '0001_init/plan.json': (await planFile(session, empty, v1)).json,
      '0002_more/plan.json': second.json,
    });
    await migrate({ url: db.url, directory: path.join(dir, 'none') });
    await expect(
      resolveMigration({ url: db.url, directory: dir, migration: '0002_more', as: 'rolled-back', check: () => Promise.resolve([]) }),
    ).rejects.toMatchObject({ code: 'WES182', message: expect.stringContaining('has not run') as unknown });
    await expect(
      resolveMigration({ url: db.url, directory: dir, migration: '0009_typo', as: 'applied', check: () => Promise.resolve([]) }),
    ).rejects.toMatchObject({ code: 'WES182' });
    await migrate({ url: db.url, directory: dir, to: second.plan.steps[0]?.id ?? '' }).catch(() => undefined);
    // Finished by hand.
    await session.query('ALTER TABLE account ADD COLUMN IF NOT EXISTS score integer, ADD COLUMN IF NOT EXISTS nick text');
    const check = against({ applied: v2, 'rolled-back': v1 });
    expect(await resolveMigration({ url: db.url, directory: dir, migration: '0002_more', as: 'applied', check })).toEqual({
      previous: 'running',
      checked: true,
    });
    const steps = await readSteps(session, '0002_more');
    expect([...steps.keys()].sort()).toEqual(second.plan.steps.map((step) => step.id).sort());
    expect((await migrate({ url: db.url, directory: dir })).applied).toEqual([]);

    await writeFile(path.join(dir, '0003_fix.sql'), 'CREATE TABLE note (id integer PRIMARY KEY);\n');
    await session.query('CREATE TABLE note (id integer PRIMARY KEY)');
    const sql = await resolveMigration({
      url: db.url,
      directory: dir,
      migration: '0003_fix.sql',
      as: 'applied',
      check: () => Promise.resolve(null),
    });
    expect(sql).toEqual({ previous: null, checked: false });
    expect((await migrate({ url: db.url, directory: dir })).applied).toEqual([]);
    expect((await migrationStatus(session, dir)).map((s) => s.state)).toEqual(['applied', 'applied', 'applied']);
    await rm(dir, { recursive: true, force: true });
  }, 120_000);
});
