import { describeEachServer, useTestDatabase } from '@wesley/postgres/testing';
import { expect, it } from 'vitest';
import type { Connection } from '../../src/connect/connect.js';
import { PipelinedStatementError, StatementPipeline } from '../../src/migrate/statement-pipeline.js';

/** Sends `statements` (line n is statement n) in one transaction; returns the failure, rolled back, or commits. */
async function run(session: Connection, statements: readonly string[]): Promise<unknown> {
  const pipeline = new StatementPipeline(session.client);
  await session.query('BEGIN');
  try {
    for (const [index, sql] of statements.entries()) await pipeline.send(sql, index + 1);
    await pipeline.drain();
    await session.query('COMMIT');
    return null;
  } catch (error) {
    await session.query('ROLLBACK');
    return error;
  }
}

describeEachServer('StatementPipeline: statements run in batches, in order, failures named by line', (server) => {
  const db = useTestDatabase(server);

  it('runs every statement in order, across many batches', async () => {
    const session = await db.connect();
    await session.query('CREATE TABLE acc (v numeric NOT NULL)');
    await session.query('INSERT INTO acc VALUES (0)');
    // v := v * 3 + i is order-dependent: any reordering or loss changes the result.
    const updates = Array.from({ length: 3000 }, (_, i) => `UPDATE acc SET v = v * 3 + ${i % 7};`);
    expect(await run(session, updates)).toBeNull();
    let expected = 0n;
    for (let i = 0; i < 3000; i++) expected = expected * 3n + BigInt(i % 7);
    expect((await session.query<{ v: string }>('SELECT v::text AS v FROM acc')).rows).toEqual([{ v: expected.toString() }]);
  });

  it('names the statement that failed at run time, not those the aborted transaction refused after it', async () => {
    const session = await db.connect();
    await session.query('CREATE TABLE piped (n integer PRIMARY KEY)');
    const statements = Array.from({ length: 2500 }, (_, i) => (i + 1 === 1200 ? 'SELECT 1 / 0;' : `INSERT INTO piped VALUES (${i + 1});`));
    const failure = await run(session, statements);
    expect(failure).toBeInstanceOf(PipelinedStatementError);
    expect(failure).toMatchObject({ line: 1200, cause: { code: '22012' } });
    expect((await session.query('SELECT count(*)::int AS n FROM piped')).rows).toEqual([{ n: 0 }]);
  });

  it('names a statement with a syntax error, counting characters as PostgreSQL does', async () => {
    const session = await db.connect();
    // A syntax error fails the whole message before anything runs; its position finds the statement.
    // 😀 is one character to PostgreSQL and two UTF-16 code units to JavaScript.
    const failure = await run(session, ["SELECT 'naïve ☃ 😀😀😀😀😀😀';", 'SELECT 2;', "SELECT '😀😀😀😀';", 'SELEC 4;', 'SELECT 5;']);
    expect(failure).toMatchObject({ line: 4, cause: { code: '42601' } });
  });

  it('sends statements that may be empty alone, so that the answers still count statements', async () => {
    const session = await db.connect();
    const failure = await run(session, ['SELECT 1;', '/* only a comment */;', ';', 'SELECT 4;', 'SELECT 1 / 0;', 'SELECT 6;']);
    expect(failure).toMatchObject({ line: 5, cause: { code: '22012' } });
  });

  it('parses what follows a SET with that setting in force, as psql does', async () => {
    const session = await db.connect();
    await session.query('CREATE TABLE quoted (s text)');
    // With standard_conforming_strings off, 'it\'s' is one string; parsed with it on, a syntax error.
    expect(await run(session, ['SET LOCAL standard_conforming_strings = off;', "INSERT INTO quoted VALUES ('it\\'s');"])).toBeNull();
    expect((await session.query('SELECT s FROM quoted')).rows).toEqual([{ s: "it's" }]);
  });
});
