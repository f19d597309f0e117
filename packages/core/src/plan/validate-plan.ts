import { stableStringify } from '../ir/stable-stringify.js';
import { loadSqlParser, parseSql } from '../sql/sql-parser.js';
import { transactionControl } from '../sql/transaction-control.js';
import { lockModes } from './lock-mode.js';
import { lockScopes } from './lock-scope.js';
import { perPartitionSql } from './per-partition-step.js';
import { phases, type PerPartition, type Plan, type PlanStep } from './plan-types.js';
import { describeBlocking, stepBlocking } from './step-blocking.js';

/** One thing wrong with a plan read from disk: where (a JSON path, `$.steps[2].sql[0]`) and what. */
export interface PlanProblem {
  readonly path: string;
  readonly message: string;
}

/** A plan that can run, or every problem found in it. */
export type PlanValidation = { readonly ok: true; readonly plan: Plan } | { readonly ok: false; readonly problems: readonly PlanProblem[] };

const risks = ['safe', 'dangerous', 'breaking'] as const;

/**
 * Statements a step that is not transactional may hold. Such a step runs its statements outside
 * any transaction and is recorded before and after, so a crash between them leaves some done and
 * the step redone after its `repair`: only what cannot run in a transaction, and is redone
 * safely that way (an INVALID index dropped by the repair, a label added `IF NOT EXISTS`).
 */
function runsOutsideTransaction(statement: Readonly<Record<string, unknown>>): boolean {
  const [type, node] = Object.entries(statement)[0] ?? [];
  const fields = (node ?? {}) as Readonly<Record<string, unknown>>;
  if (type === 'IndexStmt' || type === 'DropStmt') return fields.concurrent === true;
  if (type === 'ReindexStmt') return JSON.stringify(fields.params ?? []).includes('"concurrently"');
  return type === 'AlterEnumStmt' && fields.oldVal === undefined;
}

/**
 * Checks a value read from a `plan.json` completely, before any of it runs: every field of the
 * plan and of each step, backfill, lock claim, impact, rollback and assumption, with its type and
 * allowed values (no field missing, none unknown); the assumed version range holding the planned
 * version; step ids unique and phases in order; and every SQL
 * statement a run would send (`sql`, `repair`, a backfill's batches) parsed by PostgreSQL's
 * parser: no syntax error, no transaction control (the executor owns each step's transaction),
 * a backfill batch one statement, a step outside a transaction only `CONCURRENTLY` index
 * statements and enum labels. Reports every problem it finds, each at its JSON path.
 */
export async function validatePlan(value: unknown): Promise<PlanValidation> {
  await loadSqlParser();
  // Only the registry's names are read here: imported on use, so `@wesley/core/run` (the
  // migrator's entry) does not load every operation and the DDL emitter behind them until a
  // plan.json is read.
  const operationKinds = Object.keys((await import('./operations/index.js')).operations);
  const problems: PlanProblem[] = [];
  const problem = (path: string, message: string): void => {
    problems.push({ path, message });
  };

  const object = (
    path: string,
    v: unknown,
    fields: Readonly<Record<string, (path: string, v: unknown) => void>>,
    optional: Readonly<Record<string, (path: string, v: unknown) => void>> = {},
  ): v is Record<string, unknown> => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) {
      problem(path, `expected an object, found ${describe(v)}`);
      return false;
    }
    const record = v as Record<string, unknown>;
    for (const [key, check] of Object.entries(fields)) {
      if (!(key in record)) problem(path, `missing "${key}"`);
      else check(`${path}.${key}`, record[key]);
    }
    for (const [key, check] of Object.entries(optional)) if (key in record) check(`${path}.${key}`, record[key]);
    for (const key of Object.keys(record)) if (!(key in fields) && !(key in optional)) problem(`${path}.${key}`, 'unknown field');
    return true;
  };
  const string = (path: string, v: unknown) => {
    if (typeof v !== 'string') problem(path, `expected a string, found ${describe(v)}`);
  };
  const nonEmpty = (path: string, v: unknown) => {
    if (typeof v !== 'string' || v === '') problem(path, `expected a non-empty string, found ${describe(v)}`);
  };
  const boolean = (path: string, v: unknown) => {
    if (typeof v !== 'boolean') problem(path, `expected true or false, found ${describe(v)}`);
  };
  const oneOf =
    (values: readonly string[]) =>
    (path: string, v: unknown): void => {
      if (typeof v !== 'string' || !values.includes(v)) problem(path, `expected one of ${values.join(', ')}, found ${describe(v)}`);
    };
  const integer =
    (min: number) =>
    (path: string, v: unknown): void => {
      if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < min)
        problem(path, `expected an integer of at least ${min}, found ${describe(v)}`);
    };
  const array =
    (each: (path: string, v: unknown) => void, min = 0) =>
    (path: string, v: unknown): void => {
      if (!Array.isArray(v)) problem(path, `expected a list, found ${describe(v)}`);
      else if (v.length < min) problem(path, `expected at least ${min} ${min === 1 ? 'entry' : 'entries'}, found none`);
      else v.forEach((item, i) => each(`${path}[${i}]`, item));
    };
  const nullOr =
    (check: (path: string, v: unknown) => void) =>
    (path: string, v: unknown): void => {
      if (v !== null) check(path, v);
    };
  const lockClaim = (path: string, v: unknown) => {
    object(path, v, { relation: nonEmpty, mode: oneOf(lockModes) }, { scope: oneOf(lockScopes), renamedFrom: nonEmpty });
  };
  /** SQL the executor sends; `single`: one statement (a backfill batch, sent with parameters). */
  const sql =
    (options: { single?: boolean; outsideTransaction?: boolean } = {}) =>
    (path: string, v: unknown): void => {
      if (typeof v !== 'string') return problem(path, `expected SQL text, found ${describe(v)}`);
      const parsed = parseSql(v);
      if (!parsed.ok) return problem(path, `${parsed.message}${parsed.position === null ? '' : ` at character ${parsed.position}`}`);
      if (parsed.statements.length === 0) return problem(path, 'holds no statement');
      if (options.single === true && parsed.statements.length > 1)
        problem(path, `expected one statement, found ${parsed.statements.length}`);
      for (const statement of parsed.statements) {
        const control = transactionControl(statement);
        if (control !== null)
          problem(path, `${control}: a step may not control its transaction (the executor opens and commits it, with the ledger record)`);
        else if (options.outsideTransaction === true && !runsOutsideTransaction(statement))
          problem(
            path,
            `${Object.keys(statement)[0] ?? 'a statement'} in a step that is not transactional: only CONCURRENTLY index statements and ALTER TYPE ... ADD VALUE may run outside a transaction`,
          );
      }
    };
  const perPartition = (path: string, v: unknown) =>
    object(
      path,
      v,
      {
        kind: oneOf(['perPartition']),
        table: nonEmpty,
        index: nonEmpty,
        build: nullOr(sql({ single: true, outsideTransaction: true })),
        shell: nullOr(sql({ single: true })),
        alter: nullOr(sql({ single: true })),
        attach: nullOr(sql({ single: true })),
      },
      { catchUp: sql({ single: true }) },
    );
  const backfill = (path: string, v: unknown) =>
    object(path, v, {
      kind: oneOf(['backfill']),
      table: nonEmpty,
      key: array(nonEmpty, 1),
      batchSize: integer(1),
      firstBatch: sql({ single: true }),
      nextBatch: sql({ single: true }),
    });

  const root = object('$', value, {
    kind: oneOf(['plan']),
    from: string,
    to: string,
    serverVersion: integer(0),
    assumptions: (path, v) =>
      object(path, v, {
        kind: oneOf(['assumptions']),
        serverVersion: (p, range) => object(p, range, { minimum: integer(0), below: nullOr(integer(1)) }),
        tables: array((p, table) => object(p, table, { kind: oneOf(['table']), name: nonEmpty, exists: boolean, partitioned: boolean })),
      }),
    steps: array(() => undefined),
  });
  const steps: readonly unknown[] = root && Array.isArray(value.steps) ? value.steps : [];
  const ids = new Map<string, number>();
  let lastPhase = 0;
  steps.forEach((step, i) => {
    const path = `$.steps[${i}]`;
    const fields = step !== null && typeof step === 'object' ? (step as Record<string, unknown>) : {};
    const transactional = fields.transactional !== false;
    const isBackfill = fields.backfill !== null && fields.backfill !== undefined;
    // A per-partition step's `sql` repeats its templates, each run as its own unit (`PerPartition`).
    const isPerPartition = fields.perPartition !== undefined;
    const found = problems.length;
    if (
      !object(
        path,
        step,
        {
          kind: oneOf(['step']),
          id: nonEmpty,
          operation: oneOf(operationKinds),
          phase: oneOf(phases),
          summary: string,
          // A backfill's `sql` repeats its batches, which run with parameters: one statement each.
          sql: array(sql({ outsideTransaction: !transactional && !isPerPartition, single: isBackfill || isPerPartition }), 1),
          transactional: boolean,
          locks: array(lockClaim),
          rewrites: boolean,
          scans: boolean,
          backfill: nullOr(backfill),
          repair: array(sql()),
          impact: (p, v) => object(p, v, { app: oneOf(risks), data: oneOf(risks), reason: string }, { lockout: nonEmpty }),
          reversible: boolean,
          rollback: nullOr((p, v) => object(p, v, { sql: array(string), transactional: boolean, locks: array(lockClaim) })),
          blocking: nullOr((p, v) =>
            object(p, v, {
              during: oneOf(['rewrite', 'scan']),
              blocks: oneOf(['writes', 'reads and writes']),
              locks: array(lockClaim, 1),
              alternative: nullOr(nonEmpty),
            }),
          ),
          approval: nullOr((p, v) => object(p, v, { reason: nonEmpty })),
        },
        { perPartition },
      )
    )
      return;
    // Once its facts are well formed: what the step blocks is judged from them (`stepBlocking`),
    // so a plan.json edited to say a blocking step blocks nothing does not run unapproved.
    if (problems.length === found) {
      const facts = step as unknown as PlanStep;
      const judged = stepBlocking(facts, facts.blocking?.alternative ?? null);
      if (stableStringify(judged) !== stableStringify(facts.blocking))
        problem(
          `${path}.blocking`,
          judged === null
            ? 'the step neither rewrites nor scans under a lock that blocks writes: expected null'
            : `the step's locks, rewrites and scans say it ${describeBlocking(judged)}: expected ${stableStringify(judged)}`,
        );
      if (facts.approval !== null && judged === null)
        problem(`${path}.approval`, 'an approval of a step that does not block: expected null');
    }
    // The holder wait finds a renamed table by its old name: one the step's SQL does rename.
    if (problems.length === found) {
      const facts = step as unknown as PlanStep;
      const renames = (at: string, claims: PlanStep['locks'], statements: readonly string[]) =>
        claims.forEach((claim, j) => {
          if (claim.renamedFrom !== undefined && !renamesTable(statements, claim.renamedFrom, claim.relation))
            problem(`${at}[${j}].renamedFrom`, `the statements do not rename table ${claim.renamedFrom} to ${claim.relation}`);
        });
      renames(`${path}.locks`, facts.locks, facts.sql);
      if (facts.rollback !== null) renames(`${path}.rollback.locks`, facts.rollback.locks, facts.rollback.sql);
    }
    if (typeof fields.id === 'string') {
      const earlier = ids.get(fields.id);
      if (earlier !== undefined) problem(`${path}.id`, `step id ${fields.id} is also the id of $.steps[${earlier}]`);
      else ids.set(fields.id, i);
    }
    const phase = phases.indexOf(fields.phase as (typeof phases)[number]);
    if (phase >= 0 && phase < lastPhase)
      problem(`${path}.phase`, `${String(fields.phase)} after ${phases[lastPhase]}: steps run in phase order (${phases.join(', ')})`);
    lastPhase = Math.max(lastPhase, phase);
    if (isBackfill && !transactional)
      problem(`${path}.transactional`, 'a backfill runs each batch in a transaction of its own: expected true');
    if (isPerPartition) {
      if (transactional)
        problem(`${path}.transactional`, 'a per-partition step builds indexes concurrently, outside a transaction: expected false');
      const pattern = (fields.perPartition ?? {}) as PerPartition;
      const templates = [pattern.build, pattern.shell, pattern.alter, pattern.attach];
      if (
        templates.every((t) => t === null || typeof t === 'string') &&
        JSON.stringify(fields.sql) !== JSON.stringify(perPartitionSql(pattern))
      )
        problem(
          `${path}.sql`,
          'a per-partition step lists its templates as its sql: expected [build, shell, catchUp, alter, attach] without the absent ones',
        );
    }
    const batches = (isBackfill ? fields.backfill : {}) as Record<string, unknown>;
    const templates = [batches.firstBatch, batches.nextBatch];
    // Checked once the batches are SQL at all: the backfill's own problems say what is wrong otherwise.
    if (templates.every((t) => typeof t === 'string') && JSON.stringify(fields.sql) !== JSON.stringify(templates))
      problem(`${path}.sql`, 'a backfill step lists its two batches as its sql: expected [firstBatch, nextBatch]');
  });
  if (problems.length > 0) return { ok: false, problems };
  const plan = value as Plan;
  const { minimum, below } = plan.assumptions.serverVersion;
  if (plan.serverVersion < minimum || (below !== null && plan.serverVersion >= below))
    return {
      ok: false,
      problems: [
        { path: '$.assumptions.serverVersion', message: `does not hold ${plan.serverVersion}, the version the plan was made for` },
      ],
    };
  return { ok: true, plan };
}

/** Whether one of `statements` is `ALTER TABLE <from> RENAME TO <to>` (schema-qualified or not). */
function renamesTable(statements: readonly string[], from: string, to: string): boolean {
  return statements.some((text) => {
    const parsed = parseSql(text);
    return (
      parsed.ok &&
      parsed.statements.some((statement) => {
        const rename = statement.RenameStmt as Readonly<Record<string, unknown>> | undefined;
        const relation = (rename?.relation ?? {}) as Readonly<Record<string, unknown>>;
        return rename?.renameType === 'OBJECT_TABLE' && relation.relname === from && rename.newname === to;
      })
    );
  });
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 39)}…` : v);
  if (typeof v === 'number' || typeof v === 'boolean') return `${typeof v} ${v}`;
  return typeof v;
}
