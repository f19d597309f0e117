/** Schemas for the `wesley plan` tests: v1, a v2 that only adds, and a v3 that also drops. */

export const v1 = `type Account @wes_table {
  id: UUID! @wes_pk @wes_default(expr: "gen_random_uuid()")
  email: String!
  nickname: String
}
`;

/**
 * Everything v1 has, plus: a table, a unique constraint (built concurrently), a column with a
 * constant default (instant) and a NOT NULL column with a volatile default (backfilled).
 */
export const v2 = `type Account @wes_table {
  id: UUID! @wes_pk @wes_default(expr: "gen_random_uuid()")
  email: String! @wes_unique
  nickname: String
  token: UUID! @wes_default(expr: "gen_random_uuid()")
  createdAt: DateTime! @wes_default(expr: "now()")
}

type Team @wes_table {
  id: UUID! @wes_pk @wes_default(expr: "gen_random_uuid()")
  name: String!
}
`;

/** v2 without Account.nickname: planning it loses data. */
export const v3 = v2.replace('  nickname: String\n', '');
