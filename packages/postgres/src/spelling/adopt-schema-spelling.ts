import {
  defaultSql,
  sameExpression,
  type CheckIR,
  type ColumnIR,
  type IndexIR,
  type PolicyIR,
  type SchemaIR,
  type TableIR,
  type TableSecurityIR,
} from '@wesley/core';

/**
 * `live` with each expression that the server stores as it stores the schema's written in the
 * schema's own words, so that a diff sees them equal and anything it plans or reports shows
 * the user's spelling. `spelled` is `expected` as the server stores it (`spellOnServer`): where
 * `live` and `spelled` hold the same text, `expected`'s text takes its place. Checks and
 * indexes are paired with the spelled ones by definition, so a renamed one is found too.
 * Everything that is not an expression is left as `live` has it. Pure.
 */
export function adoptSchemaSpelling(live: SchemaIR, expected: SchemaIR, spelled: SchemaIR): SchemaIR {
  return { ...live, tables: live.tables.map((table) => adoptTable(table, expected, spelled)) };
}

function adoptTable(table: TableIR, expected: SchemaIR, spelled: SchemaIR): TableIR {
  const want = expected.tables.find((t) => t.name === table.name);
  const stored = spelled.tables.find((t) => t.name === table.name);
  if (want === undefined || stored === undefined) return table;
  return {
    ...table,
    columns: table.columns.map((column) => adoptColumn(column, want, stored)),
    checks: table.checks.map((check) => adoptCheck(check, want, stored)),
    indexes: table.indexes.map((index) => adoptIndex(index, want, stored)),
    security: adoptSecurity(table.security, want, stored),
  };
}

function adoptColumn(column: ColumnIR, want: TableIR, stored: TableIR): ColumnIR {
  const wanted = want.columns.find((c) => c.name === column.name);
  const spelled = stored.columns.find((c) => c.name === column.name);
  if (wanted === undefined || spelled === undefined) return column;
  const sameDefault = column.default !== null && sameExpression(defaultSql(column), defaultSql(spelled));
  const sameGenerated = column.generated !== null && sameExpression(column.generated, spelled.generated);
  if (!sameDefault && !sameGenerated) return column;
  return {
    ...column,
    ...(sameDefault ? { default: wanted.default } : {}),
    ...(sameGenerated ? { generated: wanted.generated } : {}),
  };
}

function adoptCheck(check: CheckIR, want: TableIR, stored: TableIR): CheckIR {
  const spelled = preferNamed(
    check.name,
    stored.checks.filter((c) => sameExpression(c.expr, check.expr)),
  );
  const wanted = want.checks.find((c) => c.name === spelled?.name);
  return wanted === undefined ? check : { ...check, expr: wanted.expr };
}

function adoptIndex(index: IndexIR, want: TableIR, stored: TableIR): IndexIR {
  if (index.where === null) return index;
  const spelled = preferNamed(
    index.name,
    stored.indexes.filter((i) => i.where !== null && sameExpression(i.where, index.where)),
  );
  const wanted = want.indexes.find((i) => i.name === spelled?.name);
  return wanted === undefined ? index : { ...index, where: wanted.where };
}

/**
 * Policy expressions in the schema's words where the server stores them alike (paired by
 * policy name: a policy's name is its identity on its table), and the schema's `tenant` and `owner`, which
 * PostgreSQL does not store (like a table's GraphQL name).
 */
function adoptSecurity(security: TableSecurityIR | null, want: TableIR, stored: TableIR): TableSecurityIR | null {
  if (security === null || want.security === null) return security;
  const policies = security.policies.map((policy) => adoptPolicy(policy, want.security, stored.security));
  return { ...security, owner: want.security.owner, policies, tenant: want.security.tenant };
}

function adoptPolicy(policy: PolicyIR, want: TableSecurityIR | null, stored: TableSecurityIR | null): PolicyIR {
  const wanted = want?.policies.find((p) => p.name === policy.name);
  const spelled = stored?.policies.find((p) => p.name === policy.name);
  if (wanted === undefined || spelled === undefined) return policy;
  const same = (a: string | null, b: string | null): boolean => (a === null ? b === null : b !== null && sameExpression(a, b));
  return {
    ...policy,
    ...(same(policy.using, spelled.using) ? { using: wanted.using } : {}),
    ...(same(policy.check, spelled.check) ? { check: wanted.check } : {}),
  };
}

/** The candidate named `name`, else the first one. */
function preferNamed<T extends { readonly name: string }>(name: string, candidates: readonly T[]): T | undefined {
  return candidates.find((c) => c.name === name) ?? candidates[0];
}
