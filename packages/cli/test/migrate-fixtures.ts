import { compileSchema, emitDdl } from '@wesley/core';

/** Schemas for the `wesley migrate`, `status` and `drift` tests: v1, then v2 which only adds. */
export const migrateV1 = `type Account @wes_table {
  id: BigInt! @wes_pk
  email: String! @wes_index
  nickname: String
}
`;

/**
 * v1 plus: a NOT NULL made from a nullable column with a default (its NULLs backfilled), a
 * column with a volatile default (backfilled), one with a constant default (instant), an index
 * (built concurrently), a table and a foreign key to it.
 */
export const migrateV2 = `type Account @wes_table {
  id: BigInt! @wes_pk
  email: String! @wes_index
  nickname: String! @wes_default(value: "anon") @wes_index
  token: UUID! @wes_default(expr: "gen_random_uuid()")
  createdAt: DateTime! @wes_default(expr: "now()")
  teamId: BigInt @wes_fk(ref: "Team.id")
}

type Team @wes_table {
  id: BigInt! @wes_pk
  name: String!
}
`;

/**
 * A hand-written first migration that creates v1: its DDL with the index built concurrently
 * (so the file has a statement that must run alone), then five accounts as COPY data, two of
 * them without a nickname.
 */
export function initSql(): string {
  const { ir } = compileSchema({ name: 'v1.graphql', body: migrateV1 });
  if (ir === null) throw new Error('v1 does not compile');
  const ddl = emitDdl(ir).replace('CREATE INDEX ', 'CREATE INDEX CONCURRENTLY ');
  const rows = [
    '1\ta@example.com\tann',
    '2\tb@example.com\t\\N',
    '3\tc@example.com\tcid',
    '4\td@example.com\t\\N',
    '5\te@example.com\teve',
  ];
  return `${ddl}\nCOPY account (id, email, nickname) FROM stdin;\n${rows.join('\n')}\n\\.\n`;
}

/** Line and column (1-based) where `needle` starts in `text`, as GraphQL counts them. */
export function positionOf(text: string, needle: string): string {
  const index = text.indexOf(needle);
  if (index < 0) throw new Error(`${needle} is not in the text`);
  const before = text.slice(0, index).split('\n');
  return `${before.length}:${(before.at(-1)?.length ?? 0) + 1}`;
}
