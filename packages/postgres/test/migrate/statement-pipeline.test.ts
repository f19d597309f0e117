import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import { describeEachServer, useTestDatabase } from '@wesley/postgres/testing';
import { expect, it } from 'vitest';
import { PipelinedStatementError, StatementPipeline } from '../../src/migrate/statement-pipeline.js';

describeEachServer('StatementPipeline: statements sent without waiting, answered in order', (server) => {
  const db = useTestDatabase(server);

  it('runs every statement in order, far past its window', async () => {
    const session = await db.connect();
    await session.query('CREATE TABLE acc (v numeric NOT NULL)');
    await session.query('INSERT INTO acc VALUES (0)');
    const pipeline = new StatementPipeline(session.client);
    await session.query('BEGIN');
    // v := v * 3 + i is order-dependent: any reordering or loss changes the result.
    for (let i = 1; i <= 2000; i++) await pipeline.send(`UPDATE acc SET v = v * 3 + ${i % 7};`, i);
    await pipeline.drain();
    await session.query('COMMIT');
    let expected = 0n;
    for (let i = 1; i <= 2000; i++) expected = expected * 3n + BigInt(i % 7);
    expect((await session.query<{ v: string }>('SELECT v::text AS v FROM acc')).rows).toEqual([{ v: expected.toString() }]);
  });

  it('reports the first failing statement, not the ones the aborted transaction refused after it, and leaves the client usable', async () => {
    const session = await db.connect();
    await session.query('CREATE TABLE piped (n integer PRIMARY KEY)');
    const pipeline = new StatementPipeline(session.client);
    await session.query('BEGIN');
    const failure = await (async () => {
      for (let line = 1; line <= 1500; line++) {
        await pipeline.send(line === 1200 ? 'SELECT 1 / 0;' : `INSERT INTO piped VALUES (${line});`, line);
      }
      await pipeline.drain();
    })().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(PipelinedStatementError);
    expect(failure).toMatchObject({ line: 1200, cause: { code: '22012' } });
    await session.query('ROLLBACK');
    expect((await session.query('SELECT count(*)::int AS n FROM piped')).rows).toEqual([{ n: 0 }]);
    // Back in the normal mode: COPY, which pipeline mode refuses, works.
    const copy = session.client.query(copyFrom('COPY piped (n) FROM STDIN'));
    if (!copy.write('1\n2\n')) await once(copy, 'drain');
    copy.end();
    await finished(copy);
    expect((await session.query('SELECT array_agg(n ORDER BY n) AS n FROM piped')).rows).toEqual([{ n: [1, 2] }]);
  });
});
