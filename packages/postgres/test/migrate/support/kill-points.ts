import type { KillPoint } from './run-crash-child.js';
import type { StrayBackends } from './stray-backends.js';

/** What an uninterrupted `crash-child.ts` run reports: every statement it sent and every event. */
export interface Census {
  readonly queries: readonly { readonly sql: string; readonly inTransaction: boolean }[];
  readonly events: readonly { readonly kind: string; readonly migration: string | null; readonly afterQueries: number }[];
}

export interface CrashPoint {
  /** For failure messages: where the process died. */
  readonly label: string;
  readonly kill: KillPoint;
  readonly strays: StrayBackends;
}

/**
 * The kill points of a run, from its census. A kill inside a transaction leaves the database as
 * it was before `BEGIN`, so the points are the distinct states a crash can leave, plus the ways
 * of dying inside the work (a transaction, a batch, an index build) that must leave no trace:
 * - after each event the migrator reports (between migrations, steps and backfill batches);
 * - inside each transaction, after its work and its ledger write, just before its `COMMIT` (a
 *   transactional step, a backfill batch, a stretch of the SQL file), and inside a stretch
 *   before each `COPY`;
 * - after each write outside a transaction that no event follows: the ledger records around
 *   a statement that runs alone, and the `CREATE INDEX CONCURRENTLY` itself, done but not
 *   recorded;
 * - during each `CREATE INDEX CONCURRENTLY`, once with the orphaned build left to finish and
 *   once ended by the server, which leaves an INVALID index behind.
 */
export function killPoints(census: Census): CrashPoint[] {
  const points: CrashPoint[] = census.events.map((event, i) => ({
    label: `after event ${i + 1} (${event.kind}${event.migration === null ? '' : ` of ${event.migration}`})`,
    kill: { killAtEvent: i + 1 },
    strays: 'leave',
  }));
  const eventAfter = new Set(census.events.map((event) => event.afterQueries));
  census.queries.forEach((query, i) => {
    const previous = census.queries[i - 1];
    const afterWrite = previous !== undefined && !previous.inTransaction && changesData(previous.sql) && !eventAfter.has(i);
    if (/^(COMMIT|COPY)\b/i.test(query.sql) || afterWrite) {
      const where = query.inTransaction || /^COMMIT\b/i.test(query.sql) ? 'in a transaction, ' : '';
      points.push({
        label: `${where}before statement ${i + 1} (${oneLine(query.sql)}), after ${oneLine(previous?.sql ?? '')}`,
        kill: { killAtQuery: i + 1 },
        strays: 'leave',
      });
    }
  });
  const builds = census.queries.filter((query) => /^\s*CREATE\s+(UNIQUE\s+)?INDEX\s+CONCURRENTLY\b/i.test(query.sql)).length;
  for (let n = 1; n <= builds; n++) {
    points.push({
      label: `during index build ${n}, left to finish`,
      kill: { killInConcurrent: n, holderOutlives: false },
      strays: 'finish',
    });
    points.push({
      label: `during index build ${n}, ended by the server`,
      kill: { killInConcurrent: n, holderOutlives: true },
      strays: 'terminate',
    });
  }
  return points;
}

/** Everything but reads, settings and `BEGIN` changes what a crash leaves behind. */
function changesData(sql: string): boolean {
  return !/^\s*(SELECT|SET|RESET|BEGIN)\b/i.test(sql);
}

function oneLine(sql: string): string {
  return (sql.split('\n')[0] ?? '').slice(0, 60);
}
