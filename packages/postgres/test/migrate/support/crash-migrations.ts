import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { planMigration, stableStringify, type Plan } from '@wesley/core';
import { compile } from './migrations-directory.js';

/** Rows of `account` the SQL migration loads with `COPY`: enough for several backfill batches. */
export const accountRows = 2000;
/** Backfill batch size of the planned migration: `accountRows / batchSize` batches per backfill. */
export const batchSize = 500;

/**
 * What `0001_accounts.sql` creates. `audit` rows get a random key from their default, so a
 * row written twice is two rows, where a second `account` row would fail on its key.
 */
const audit = `
  type Audit @wes_table { id: UUID! @wes_pk @wes_default(expr: "gen_random_uuid()") at: Int! message: String! }
  type AuditArchive @wes_table { id: Int! @wes_pk }
`;
export const schemaV0 = compile(`
  type Account @wes_table { id: Int! @wes_pk email: String! @wes_index score: Int code: Int }
  ${audit}
`);

/**
 * The target: `note` is a plain transactional step, `score` gets an index (CONCURRENTLY) and
 * NOT NULL (validated), `token` a volatile default (batched backfill, then NOT NULL), and
 * `code` changes type through a shadow column (trigger, batched backfill, swap).
 */
export const schemaV1 = compile(`
  type Account @wes_table {
    id: Int! @wes_pk
    email: String! @wes_index
    score: Int! @wes_index
    code: BigInt
    token: UUID! @wes_default(expr: "gen_random_uuid()")
    note: String
  }
  ${audit}
`);

/** Seed values, as the SQL below computes them: each row's value is a function of its id. */
export const seed = {
  email: (id: number) => `user${id}@example.com`,
  score: (id: number) => id % 97,
  code: (id: number) => id * 7,
};

/** `audit` rows the SQL migration writes: five copied, one per hundred accounts, then one after the index. */
export const auditRows: readonly { at: number; message: string }[] = [
  ...Array.from({ length: 5 }, (_, i) => ({ at: -(i + 1), message: `loaded ${i + 1}` })),
  ...Array.from({ length: accountRows / 100 }, (_, i) => ({ at: (i + 1) * 100, message: `seeded ${(i + 1) * 100}` })),
  { at: 0, message: 'indexed' },
];

/**
 * The hand-written first migration, as pg_dump writes them: session settings first (an empty
 * `search_path`, so every name is qualified; no function body checks, so a function may name a
 * table created after it), DDL, `COPY` blocks, an `INSERT`, a `CREATE INDEX CONCURRENTLY`
 * (which runs outside a transaction, between two stretches), then statements that need those
 * settings again after a resume: a function over a table that does not exist yet, and the table.
 */
function accountsSql(): string {
  const copy = Array.from({ length: accountRows }, (_, i) => {
    const id = i + 1;
    return `${id}\t${seed.email(id)}\t${seed.score(id)}\t${seed.code(id)}`;
  });
  return [
    '-- accounts, loaded from a dump',
    'SET check_function_bodies = false;',
    "SELECT pg_catalog.set_config('search_path', '', false);",
    'CREATE TABLE public.account (id integer NOT NULL, email text NOT NULL, score integer, code integer, CONSTRAINT account_pkey PRIMARY KEY (id));',
    'CREATE TABLE public.audit (id uuid NOT NULL DEFAULT gen_random_uuid(), at integer NOT NULL, message text NOT NULL, CONSTRAINT audit_pkey PRIMARY KEY (id));',
    'COPY public.account (id, email, score, code) FROM stdin;',
    ...copy,
    '\\.',
    'COPY public.audit (at, message) FROM stdin;',
    ...auditRows.slice(0, 5).map((row) => `${row.at}\t${row.message}`),
    '\\.',
    `INSERT INTO public.audit (at, message) SELECT id, 'seeded ' || id FROM public.account WHERE id % 100 = 0 ORDER BY id;`,
    'CREATE INDEX CONCURRENTLY account_email_idx ON public.account USING btree (email);',
    `INSERT INTO public.audit (at, message) VALUES (0, 'indexed');`,
    'CREATE FUNCTION public.audit_total() RETURNS bigint LANGUAGE sql AS $$ SELECT count(*) FROM public.audit_archive $$;',
    'CREATE TABLE public.audit_archive (id integer NOT NULL, CONSTRAINT audit_archive_pkey PRIMARY KEY (id));',
    '',
  ].join('\n');
}

/** Statements of `0001_accounts.sql` (its ledger cursor when done). */
export const accountsStatements = 11;

/** What the SQL migration leaves that introspection does not read (and the crash outcome lists). */
export const accountsExtras = ['function audit_total'];

export interface CrashMigrations {
  readonly directory: string;
  /** The planned migration `0002_accounts_v1`, made for the server's version. */
  readonly plan: Plan;
}

/** Writes `0001_accounts.sql` and `0002_accounts_v1/plan.json` (made for `serverVersion`) under `directory`. */
export async function writeCrashMigrations(directory: string, serverVersion: number): Promise<CrashMigrations> {
  const { plan, diagnostics } = planMigration(schemaV0, schemaV1, { serverVersion, batchSize });
  if (plan === null) throw new Error(`no plan: ${JSON.stringify(diagnostics)}`);
  await mkdir(path.join(directory, '0002_accounts_v1'), { recursive: true });
  await writeFile(path.join(directory, '0001_accounts.sql'), accountsSql());
  await writeFile(path.join(directory, '0002_accounts_v1', 'plan.json'), stableStringify(plan, 2));
  return { directory, plan };
}
