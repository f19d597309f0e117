import type { Severity } from './diagnostic.js';

interface CodeInfo {
  readonly title: string;
  readonly severity: Severity;
}

/**
 * Every diagnostic code Wesley reports. Codes are stable: never renumber, only add.
 * docs/diagnostics.md has a section per code.
 */
export const diagnosticCodes = {
  WES001: { title: 'GraphQL syntax error', severity: 'error' },
  WES002: { title: 'invalid GraphQL SDL', severity: 'error' },
  WES003: { title: 'unknown directive', severity: 'error' },
  WES004: { title: 'unknown directive argument', severity: 'error' },
  WES005: { title: 'missing required directive argument', severity: 'error' },
  WES006: { title: 'directive argument has the wrong type', severity: 'error' },
  WES007: { title: 'directive used in the wrong place', severity: 'error' },
  WES008: { title: 'directive repeated or given in two spellings', severity: 'error' },
  WES009: { title: 'deprecated directive spelling', severity: 'warning' },
  WES010: { title: 'unknown scalar', severity: 'error' },
  WES011: { title: 'table without a primary key', severity: 'error' },
  WES012: { title: 'duplicate table name', severity: 'error' },
  WES013: { title: 'duplicate column name', severity: 'error' },
  WES014: { title: 'foreign key reference is malformed or names a missing table', severity: 'error' },
  WES015: { title: 'foreign key references a missing field', severity: 'error' },
  WES016: { title: 'foreign key type differs from its target', severity: 'error' },
  WES017: { title: 'foreign key target is not unique', severity: 'error' },
  WES018: { title: 'default does not fit the column type', severity: 'error' },
  WES019: { title: 'default needs exactly one of value or expr', severity: 'error' },
  WES020: { title: 'constraint or index names a missing column', severity: 'error' },
  WES021: { title: 'primary key declared two ways', severity: 'error' },
  WES022: { title: 'invalid partitioning', severity: 'error' },
  WES023: { title: 'row-level security is not generated yet (retired: it is)', severity: 'error' },
  WES024: { title: 'relation marker does not match the field type', severity: 'error' },
  WES025: { title: 'identifier longer than 63 bytes', severity: 'error' },
  WES026: { title: 'generated column cannot have a default', severity: 'error' },
  WES027: { title: 'invalid value rule', severity: 'error' },
  WES028: { title: 'field type is an object that is not a table', severity: 'error' },
  WES029: { title: 'invalid explicit column type', severity: 'error' },
  WES030: { title: 'invalid referential action', severity: 'error' },
  WES031: { title: 'duplicate constraint or index name', severity: 'error' },
  WES032: { title: 'nested list type', severity: 'error' },
  WES033: { title: 'SQL argument is not one SQL expression', severity: 'error' },
  WES037: { title: 'enum named like a built-in type', severity: 'error' },
  WES101: { title: 'destructive change refused', severity: 'error' },
  WES102: { title: 'change cannot be made in place', severity: 'error' },
  WES103: { title: 'new required column without a default', severity: 'error' },
  // An error unless the plan is allowed to block (`PlanOptions.allowBlocking`), a warning then.
  WES104: { title: 'step blocks reads or writes while it rewrites or scans', severity: 'error' },
  WES105: { title: 'server version too old to plan for', severity: 'error' },
  WES106: { title: 'backfill of a table without a primary key runs as one statement', severity: 'warning' },
  WES195: { title: 'unique constraint identical to the primary key', severity: 'warning' },
  WES201: { title: 'drift: missing from the database', severity: 'error' },
  WES202: { title: 'drift: in the database but not in the schema', severity: 'error' },
  WES203: { title: 'drift: differs between the schema and the database', severity: 'error' },
  // Lint of hand-written SQL (WES300-339): a blocking hazard is an error unless approved (a warning then).
  WES300: { title: 'statement does not parse', severity: 'error' },
  WES301: { title: 'approval without a reason', severity: 'error' },
  WES302: { title: 'index built without CONCURRENTLY', severity: 'error' },
  WES303: { title: 'index dropped without CONCURRENTLY', severity: 'error' },
  WES304: { title: 'foreign key added without NOT VALID', severity: 'error' },
  WES305: { title: 'check added without NOT VALID', severity: 'error' },
  WES306: { title: 'SET NOT NULL scans the table', severity: 'error' },
  WES307: { title: 'column type change rewrites the table', severity: 'error' },
  WES308: { title: 'column added with a value per row rewrites the table', severity: 'error' },
  WES309: { title: 'primary key or unique constraint builds its index under lock', severity: 'error' },
  WES310: { title: 'CONCURRENTLY inside a transaction block', severity: 'error' },
  WES311: { title: 'statement rewrites the table', severity: 'error' },
  WES312: { title: 'rename breaks running clients', severity: 'warning' },
  WES313: { title: 'CONCURRENTLY on a partitioned table', severity: 'error' },
  // Usage (WES360-369): what `wesley usage` finds unused, mapped to the schema like drift.
  WES362: { title: 'usage: column no query used in the window', severity: 'warning' },
  WES363: { title: 'usage: index not scanned in the window', severity: 'warning' },
  WES364: { title: 'usage: column holds only NULL', severity: 'warning' },
  // Row-level security (WES440-459): docs/rls.md.
  WES440: { title: 'row-level security enabled without a policy', severity: 'error' },
  WES441: { title: 'invalid role name', severity: 'error' },
  WES442: { title: 'two policies with the same name', severity: 'error' },
  WES443: { title: 'invalid row-level security preset or owner', severity: 'error' },
  WES444: { title: 'invalid table privilege', severity: 'error' },
  WES445: { title: '@wes_rls(options:) has no effect', severity: 'warning' },
  // Schema shape (WES420-439): foreign-key cycles and columns derived from related rows.
  WES420: { title: 'NOT NULL foreign-key cycle made DEFERRABLE INITIALLY DEFERRED', severity: 'warning' },
  WES421: { title: 'NOT NULL foreign-key cycle declared not deferrable', severity: 'error' },
  WES422: { title: 'derived column: from names a missing table or field', severity: 'error' },
  WES423: { title: 'derived column: from is not a foreign key to this table', severity: 'error' },
  WES424: { title: 'derived column: invalid fn or of', severity: 'error' },
  WES425: { title: 'derived column: sum of a non-numeric column', severity: 'error' },
  WES426: { title: 'derived column: type does not fit its fn', severity: 'error' },
  WES427: { title: 'derived column added, dropped or changed by a plan (retired: planned)', severity: 'error' },
  WES428: { title: 'derived columns whose functions or triggers have the same name', severity: 'error' },
  // Row-level security planning (WES460-469).
  WES460: { title: 'backfill of a table with forced row-level security', severity: 'warning' },
} as const satisfies Record<string, CodeInfo>;

export type DiagnosticCode = keyof typeof diagnosticCodes;
