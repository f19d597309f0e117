import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { compileSchema, emitDdl, quoteIdent } from '@wesley/core';
import type { Connection } from '@wesley/postgres';
import { describeEachServer, useTestDatabase } from '@wesley/postgres/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runBuiltCli } from './run-built-cli.js';

/** Checks, a default, a generated column and an index predicate that PostgreSQL prints back otherwise. */
const schema = `type Rating @wes_table
  @wes_check(name: "rating_stars", expr: "stars BETWEEN 1 AND 5")
  @wes_check(name: "rating_title", expr: "title LIKE 'A%' OR title != ''")
  @wes_index(name: "rating_recent_idx", columns: ["createdAt"], where: "stars * 2 + 1 > 3") {
  id: Int! @wes_pk
  stars: Int!
  title: String!
  weight: Int! @wes_computed(expr: "stars * 10 + 1")
  createdAt: DateTime! @wes_default(expr: "now() - interval '1 hour'")
}
`;

describeEachServer('plan --from a database and drift: expressions as the server spells them', (server) => {
  const db = useTestDatabase(server);
  let cwd: string;
  let session: Connection;
  const role = `wesley_reader_${server.label.replace(/\W/g, '_')}`;
  const rolePassword = 'reader-secret-8f3a';

  beforeAll(async () => {
    cwd = await mkdtemp(path.join(os.tmpdir(), 'wesley-spelling-'));
    await writeFile(path.join(cwd, 'schema.graphql'), schema);
    session = await db.connect();
    const { ir } = compileSchema({ name: 'schema.graphql', body: schema });
    if (ir === null) throw new Error('fixture does not compile');
    await session.query(emitDdl(ir));
    // A role that may read the catalog but not create a schema (no CREATE on the database).
    await session.query(`DROP ROLE IF EXISTS ${quoteIdent(role)}`);
    await session.query(`CREATE ROLE ${quoteIdent(role)} LOGIN PASSWORD '${rolePassword}'`);
  });
  afterAll(async () => {
    await session.query(`DROP ROLE IF EXISTS ${quoteIdent(role)}`);
    await rm(cwd, { recursive: true, force: true });
  });

  it('plan finds nothing to do and drift finds no drift, without a note', async () => {
    const planned = await runBuiltCli(cwd, 'plan', '--from', db.url, '--to', 'schema.graphql');
    expect(planned.stderr).toBe('');
    expect(planned.stdout).toMatch(/^wesley plan: nothing to do, /m);
    const drift = await runBuiltCli(cwd, 'drift', '--schema', 'schema.graphql', '--database-url', db.url);
    expect(drift.stderr).toBe('');
    expect(drift.code).toBe(0);
  });

  it('a role that may not create a schema: drift compares text, says so in a note, never prints the password', async () => {
    const url = new URL(db.url);
    url.username = role;
    url.password = rolePassword;
    const drift = await runBuiltCli(cwd, 'drift', '--schema', 'schema.graphql', '--database-url', url.href);
    expect(drift.stderr).toMatch(
      /^wesley drift: note: expressions compared as text: the server did not build the schema in a scratch schema \(permission denied for database \S+\)/m,
    );
    // Text normalisation cannot see through BETWEEN and LIKE: those checks show as differences.
    expect(drift.stderr).toContain('constraint rating_stars on rating differs');
    expect(drift.code).toBe(1);
    expect(`${drift.stdout}${drift.stderr}`).not.toContain(rolePassword);
  });
});
