import { expect, it } from 'vitest';
import { compileSchema, emitDdl, type SchemaIR } from '@wesley/core';
import { describeEachServer, useTestDatabase } from '@wesley/postgres/testing';

function compile(body: string): SchemaIR {
  const { ir, diagnostics } = compileSchema({ name: 'cycle.graphql', body });
  if (ir === null) throw new Error(`schema does not compile: ${JSON.stringify(diagnostics)}`);
  return ir;
}

// Each team has a captain, each person a team: NOT NULL both ways (WES420 defers both keys).
const notNullCycle = compile(`type Team @wes_table {
  id: Int! @wes_pk
  captainId: Int! @wes_fk(ref: "Person.id")
}
type Person @wes_table {
  id: Int! @wes_pk
  teamId: Int! @wes_fk(ref: "Team.id")
}
`);

// The same ring with a nullable captain: nothing deferred, the ring is closed by an UPDATE.
const nullableCycle = compile(`type Team @wes_table {
  id: Int! @wes_pk
  captainId: Int @wes_fk(ref: "Person.id")
}
type Person @wes_table {
  id: Int! @wes_pk
  teamId: Int! @wes_fk(ref: "Team.id")
}
`);

describeEachServer('foreign-key cycles applied on a real server', (server) => {
  const db = useTestDatabase(server);

  it('the NOT NULL cycle: one transaction inserts the whole ring and commits; a broken ring fails at commit', async () => {
    const session = await db.connect();
    await session.query('CREATE SCHEMA not_null_cycle; SET search_path TO not_null_cycle');
    await session.query(emitDdl(notNullCycle));
    await session.query('BEGIN');
    await session.query('INSERT INTO team (id, captain_id) VALUES (1, 10)');
    await session.query('INSERT INTO person (id, team_id) VALUES (10, 1)');
    await session.query('COMMIT');
    const rows = await session.query(
      'SELECT t.id AS team, p.id AS captain FROM team t JOIN person p ON p.id = t.captain_id AND p.team_id = t.id',
    );
    expect(rows.rows).toEqual([{ team: 1, captain: 10 }]);
    // Deferred, not dropped: a ring left open is refused when the transaction commits.
    await session.query('BEGIN');
    await session.query('INSERT INTO team (id, captain_id) VALUES (2, 20)');
    await expect(session.query('COMMIT')).rejects.toMatchObject({ code: '23503' });
    const keys = await session.query(
      "SELECT conname, condeferrable, condeferred FROM pg_constraint WHERE contype = 'f' AND conrelid IN ('team'::regclass, 'person'::regclass) ORDER BY conname",
    );
    expect(keys.rows).toEqual([
      { conname: 'person_team_id_fkey', condeferrable: true, condeferred: true },
      { conname: 'team_captain_id_fkey', condeferrable: true, condeferred: true },
    ]);
  });

  it('the nullable cycle: one transaction inserts the ring with a NULL and closes it with an UPDATE', async () => {
    const session = await db.connect();
    await session.query('CREATE SCHEMA nullable_cycle; SET search_path TO nullable_cycle');
    await session.query(emitDdl(nullableCycle));
    await session.query('BEGIN');
    await session.query('INSERT INTO team (id, captain_id) VALUES (1, NULL)');
    await session.query('INSERT INTO person (id, team_id) VALUES (10, 1)');
    await session.query('UPDATE team SET captain_id = 10 WHERE id = 1');
    await session.query('COMMIT');
    const rows = await session.query(
      'SELECT t.id AS team, p.id AS captain FROM team t JOIN person p ON p.id = t.captain_id AND p.team_id = t.id',
    );
    expect(rows.rows).toEqual([{ team: 1, captain: 10 }]);
    // Checked at once, as written: a captain who does not exist fails the statement itself.
    await expect(session.query('INSERT INTO team (id, captain_id) VALUES (2, 99)')).rejects.toMatchObject({ code: '23503' });
  });
});
