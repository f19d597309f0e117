import type { SchemaIR } from '@wesley/core';
import type { Connection } from '../../../src/connect/connect.js';
import { introspect } from '../../../src/introspect/introspect.js';
import { comparableIR } from '../../fixtures/comparable-ir.js';

/**
 * Everything a crash test compares after the re-run, as plain data: equal for a killed-and-rerun
 * database and an uninterrupted one exactly when the schema, the ledger and the data agree.
 */
export interface CrashOutcome {
  /** The introspected schema, as `comparableIR`, columns sorted by name (a swapped column moves to the end). */
  readonly schema: unknown;
  /** Leftovers introspection does not show: INVALID indexes, triggers, functions in `public`. */
  readonly leftovers: readonly string[];
  readonly migrations: readonly (readonly [string, string])[];
  /** `[migration, step, status, cursor]` per ledger step. */
  readonly steps: readonly (readonly [string, string, string, unknown])[];
  readonly accounts: AccountSummary;
  /** `audit` rows with how often each occurs (it has no key, so a row loaded twice shows as 2). */
  readonly audit: readonly (readonly [number, string, number])[];
}

export interface AccountSummary {
  readonly rows: number;
  readonly distinctIds: number;
  readonly minId: number;
  readonly maxId: number;
  /** Rows whose email, score or code is not the seed's value for their id, or whose note is set. */
  readonly wrongValues: number;
  readonly nullTokens: number;
  readonly distinctTokens: number;
}

/** The part of `ir` a database shows, columns sorted by name. */
export function comparableSchema(ir: SchemaIR): unknown {
  const comparable = comparableIR(ir) as { enums: unknown; tables: { columns: { name: string }[] }[] };
  return {
    ...comparable,
    tables: comparable.tables.map((table) => ({ ...table, columns: [...table.columns].sort((a, b) => a.name.localeCompare(b.name)) })),
  };
}

export async function readCrashOutcome(session: Connection): Promise<CrashOutcome> {
  const schema = comparableSchema(await introspect(session, { schema: 'public' }));
  const leftovers = await session.query<{ what: string }>(
    `SELECT 'invalid index ' || c.relname AS what FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid WHERE NOT i.indisvalid
     UNION ALL SELECT 'trigger ' || tgname FROM pg_catalog.pg_trigger WHERE NOT tgisinternal
     UNION ALL SELECT 'function ' || p.proname FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public'
     ORDER BY 1`,
  );
  const migrations = await session.query<{ name: string; status: string }>('SELECT name, status FROM wesley.migrations ORDER BY name');
  const steps = await session.query<{ migration: string; step_id: string; status: string; cursor: unknown }>(
    'SELECT migration, step_id, status, cursor FROM wesley.steps ORDER BY migration, step_id',
  );
  const accounts = await session.query<AccountSummary>(
    `SELECT count(*)::int AS "rows", count(DISTINCT id)::int AS "distinctIds", min(id) AS "minId", max(id) AS "maxId",
       count(*) FILTER (WHERE email <> 'user' || id || '@example.com' OR score IS DISTINCT FROM id % 97
                          OR code IS DISTINCT FROM id::bigint * 7 OR note IS NOT NULL)::int AS "wrongValues",
       count(*) FILTER (WHERE token IS NULL)::int AS "nullTokens", count(DISTINCT token)::int AS "distinctTokens"
     FROM public.account`,
  );
  const audit = await session.query<{ at: number; message: string; n: number }>(
    'SELECT at, message, count(*)::int AS n FROM public.audit GROUP BY at, message ORDER BY at, message',
  );
  const summary = accounts.rows[0];
  if (summary === undefined) throw new Error('no account summary');
  return {
    schema,
    leftovers: leftovers.rows.map((row) => row.what),
    migrations: migrations.rows.map((row) => [row.name, row.status] as const),
    steps: steps.rows.map((row) => [row.migration, row.step_id, row.status, row.cursor] as const),
    accounts: summary,
    audit: audit.rows.map((row) => [row.at, row.message, row.n] as const),
  };
}

/** What differs between two outcomes, per field (for lists: the entries only one side has), for failure messages. */
export function outcomeDifference(actual: CrashOutcome, expected: CrashOutcome): string {
  const parts: string[] = [];
  for (const key of Object.keys(expected) as (keyof CrashOutcome)[]) {
    const [a, e] = [actual[key], expected[key]];
    if (JSON.stringify(a) === JSON.stringify(e)) continue;
    if (Array.isArray(a) && Array.isArray(e)) {
      const only = (xs: readonly unknown[], ys: readonly unknown[]) =>
        xs.map((x) => JSON.stringify(x)).filter((x) => !ys.some((y) => JSON.stringify(y) === x));
      parts.push(`${key}: has ${only(a, e).join(', ') || 'nothing more'}, lacks ${only(e, a).join(', ') || 'nothing'}`);
    } else {
      parts.push(`${key}: ${JSON.stringify(a)} instead of ${JSON.stringify(e)}`);
    }
  }
  return parts.join('; ');
}
