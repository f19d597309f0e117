import { describe, expect, it } from 'vitest';
import { emitDdl } from '@wesley/core';
import { compileShop, expectDiagnostics } from './expect-diagnostic.js';

// Team.captain -> Person, Person.team -> Team: both NOT NULL, so neither row can come first.
const ring = (captain: string) => `type Team @wes_table {
  id: ID! @wes_pk
  captainId: ID! @wes_fk(ref: "Person.id"${captain})
}
type Person @wes_table {
  id: ID! @wes_pk
  teamId: ID! @wes_fk(ref: "Team.id")
}
`;

describe('WES420 NOT NULL foreign-key cycle made DEFERRABLE INITIALLY DEFERRED', () => {
  it('defers every key of the cycle and names the cycle, pointing at each key', () => {
    const result = compileShop(ring(''));
    expectDiagnostics(result, [
      {
        code: 'WES420',
        severity: 'warning',
        line: 7,
        column: 15,
        mentions: ['Person.teamId', 'Team.captainId', 'person, team', 'DEFERRABLE INITIALLY DEFERRED'],
        help: 'deferrable: true, initiallyDeferred: true',
        related: [{ line: 3, column: 18, mentions: 'Team.captainId' }],
      },
    ]);
    const keys = result.ir?.tables.flatMap((t) => t.foreignKeys.map((k) => [k.name, k.deferrable, k.initiallyDeferred]));
    expect(keys).toEqual([
      ['person_team_id_fkey', true, true],
      ['team_captain_id_fkey', true, true],
    ]);
    expect(emitDdl(result.ir!)).toContain('DEFERRABLE INITIALLY DEFERRED');
  });

  it('finds a three-table cycle among other keys, and leaves the keys outside it alone', () => {
    const result = compileShop(`type A @wes_table {
  id: ID! @wes_pk
  bId: ID! @wes_fk(ref: "B.id")
  dId: ID! @wes_fk(ref: "D.id")
}
type B @wes_table {
  id: ID! @wes_pk
  cId: ID! @wes_fk(ref: "C.id")
}
type C @wes_table {
  id: ID! @wes_pk
  aId: ID! @wes_fk(ref: "A.id")
}
type D @wes_table {
  id: ID! @wes_pk
}
`);
    expectDiagnostics(result, [
      {
        code: 'WES420',
        severity: 'warning',
        line: 3,
        column: 12,
        mentions: ['A.bId', 'B.cId', 'C.aId', 'a, b, c'],
        related: [
          { line: 8, column: 12, mentions: 'B.cId' },
          { line: 12, column: 12, mentions: 'C.aId' },
        ],
      },
    ]);
    const deferred = result.ir?.tables.flatMap((t) => t.foreignKeys.filter((k) => k.initiallyDeferred).map((k) => k.name));
    expect(deferred).toEqual(['a_b_id_fkey', 'b_c_id_fkey', 'c_a_id_fkey']);
  });

  it('says nothing of a cycle with a nullable key, a deferrable key, or a table that references itself', () => {
    const nullable = compileShop(`type Team @wes_table {
  id: ID! @wes_pk
  captainId: ID @wes_fk(ref: "Person.id")
}
type Person @wes_table {
  id: ID! @wes_pk
  teamId: ID! @wes_fk(ref: "Team.id")
  mentorId: ID! @wes_fk(ref: "Person.id")
}
`);
    expectDiagnostics(nullable, []);
    expect(nullable.ir?.tables.flatMap((t) => t.foreignKeys.map((k) => k.deferrable))).toEqual([false, false, false]);
    const deferrable = compileShop(ring(', deferrable: true'));
    expectDiagnostics(deferrable, []);
    expect(deferrable.ir?.tables.flatMap((t) => t.foreignKeys.map((k) => [k.deferrable, k.initiallyDeferred]))).toEqual([
      [false, false],
      [true, false],
    ]);
  });
});

describe('WES421 NOT NULL foreign-key cycle declared not deferrable', () => {
  it('points at deferrable: false with the rest of the cycle', () => {
    const result = compileShop(ring(', deferrable: false'));
    expectDiagnostics(result, [
      {
        code: 'WES421',
        line: 3,
        column: 56,
        mentions: ['Team.captainId', 'deferrable: false', 'person, team'],
        help: 'nullable',
        related: [{ line: 7, column: 15, mentions: 'Person.teamId' }],
      },
    ]);
    expect(result.ir).toBeNull();
  });
});
