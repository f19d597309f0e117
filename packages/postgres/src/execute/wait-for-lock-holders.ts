import { blocksWrites, lockModesConflict, partitionTreeSql, quoteIdent, type LockClaim, type LockMode } from '@wesley/core/run';
import type { Connection } from '../connect/connect.js';
import { redactSecrets } from '../connect/redact-url.js';

/**
 * How often the holders are read again while waiting, and how long a transaction must have been
 * open to be waited for. A transaction younger than that cannot be told from the stream of short
 * writes a busy table always has (waiting for a moment with none could last forever); if it turns
 * out long, the step's `lock_timeout` ends its queueing and the retry's check finds it, older.
 */
const holderPollMs = 100;

/** The longest query text an event carries. */
const queryDisplayLength = 120;

/** A session the step waits for: it holds (or waits for) a lock that the step's request would queue behind. */
export interface LockHolder {
  /** The backend, or the leader of a parallel worker. */
  readonly pid: number;
  /** The table it holds, as `pg_locks` names it (a partition when the claim covers partitions). */
  readonly relation: string;
  /** The mode it holds there (or waits for), which conflicts with the one the step asks for. */
  readonly mode: LockMode;
  /**
   * How long its transaction has been open, in milliseconds; when the migrator's role may not see
   * another role's activity (not a superuser, no `pg_read_all_stats`), how long the wait has seen it.
   */
  readonly openMs: number;
  /** `pg_stat_activity.state`: `active`, `idle in transaction`, ... */
  readonly state: string;
  /** Its current (or last) statement on one line, shortened, passwords masked. */
  readonly query: string;
}

/** A claim as plan.json holds it; `scope` (on a partitioned table) widens it to the partitions. */
type Claim = LockClaim;

/**
 * Waits, outside any transaction and without asking for a lock, until no other session holds a
 * lock conflicting with one of `claims` that blocks writes (SHARE and stronger), or until
 * `deadline` (a `Date.now()` value), whichever comes first. A queued request for such a lock makes
 * every later conflicting request on the table wait behind it, reads included for ACCESS
 * EXCLUSIVE, so asking while a long transaction holds the table would stall it for the whole
 * `lock_timeout`; waiting here stalls nobody. Weaker claims (SHARE UPDATE EXCLUSIVE, ROW
 * EXCLUSIVE) stall no reads or writes when queued, and are not waited for.
 *
 * Counted: other backends (not this one, not autovacuum, which PostgreSQL cancels when it blocks
 * a request) holding a conflicting lock on a claimed table (by the name it has before the step:
 * `renamedFrom` for a table the step renames; on its partitions too when the claim's scope says
 * so), or waiting for one (a request queued there is one the step's would queue behind too), in
 * a transaction open at least {@link holderPollMs}: known from `pg_stat_activity`, or, for
 * another role's session the migrator's role may not see the activity of, seen in the same
 * transaction by two reads that far apart. `onHolder` is
 * called once per holder as the wait for it starts (`seen` remembers them across calls, so a
 * retry does not report a holder again). Resolves with the holders left (none when they let go,
 * some when the deadline came first) and whether there were any to wait for.
 */
export async function waitForLockHolders(
  session: Connection,
  claims: readonly Claim[],
  deadline: number,
  seen: Set<number>,
  onHolder: (holder: LockHolder) => void,
): Promise<{ readonly waited: boolean; readonly holders: readonly LockHolder[] }> {
  const blocking = claims.filter((claim) => blocksWrites(claim.mode));
  if (blocking.length === 0) return { waited: false, holders: [] };
  // Sessions whose age is hidden from this role, by pid and transaction: when first seen.
  let firstSeen = new Map<string, number>();
  let waited = false;
  for (;;) {
    const now = Date.now();
    const rows = await readLockHolders(session, blocking);
    const seenSince = new Map(rows.map(({ key }) => [key, firstSeen.get(key) ?? now]));
    firstSeen = seenSince;
    const holders = rows.flatMap(({ holder, key }) => {
      if (holder.openMs !== null) return [{ ...holder, openMs: holder.openMs }];
      const openMs = now - (seenSince.get(key) ?? now);
      return openMs >= holderPollMs ? [{ ...holder, openMs }] : [];
    });
    waited ||= holders.length > 0;
    // A session of unknown age not yet seen long enough is read again before going on.
    const undecided = rows.length > holders.length;
    const left = deadline - Date.now();
    if ((holders.length === 0 && !undecided) || left <= 0) return { waited, holders };
    for (const holder of holders) {
      if (seen.has(holder.pid)) continue;
      seen.add(holder.pid);
      onHolder(holder);
    }
    await new Promise((resolve) => setTimeout(resolve, Math.min(holderPollMs, left)));
  }
}

interface HolderRow {
  readonly claim: number;
  readonly pid: number;
  readonly transaction: string;
  readonly relation: string;
  readonly mode: LockMode;
  readonly open_ms: number | null;
  readonly state: string;
  readonly query: string;
}

/** A holder as one read finds it: `openMs` `null` when this role may not see its activity; `key` its pid and transaction. */
interface HolderRead {
  readonly holder: Omit<LockHolder, 'openMs'> & { readonly openMs: number | null };
  readonly key: string;
}

/** One read of `pg_locks` and `pg_stat_activity`: the holders of `claims`, oldest transaction first, one per pid. */
async function readLockHolders(session: Connection, claims: readonly Claim[]): Promise<HolderRead[]> {
  const { rows } = await session.query<HolderRow>(
    `WITH claim AS (
       SELECT c.n::int AS n, pg_catalog.to_regclass(c.relation) AS relid, c.scope
       FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS c(relation, scope, n)
     ), target AS (
       SELECT n, relid FROM claim WHERE scope IS NULL OR scope = 'tree'
       UNION ALL
       SELECT claim.n, tree.relid FROM claim CROSS JOIN LATERAL ${partitionTreeSql('claim.relid')} AS tree
       WHERE claim.scope IS NOT NULL AND tree.level > 0 AND (claim.scope <> 'partitioned' OR NOT tree.isleaf) AND (claim.scope <> 'leaves' OR tree.isleaf)
     )
     SELECT target.n AS claim, coalesce(a.leader_pid, a.pid) AS pid, l.virtualtransaction AS transaction,
            l.relation::regclass::text AS relation, l.mode,
            floor(extract(epoch FROM clock_timestamp() - a.xact_start) * 1000)::int AS open_ms,
            coalesce(a.state, '') AS state, coalesce(a.query, '') AS query
     FROM target
     JOIN pg_catalog.pg_locks AS l ON l.locktype = 'relation' AND l.relation = target.relid
     JOIN pg_catalog.pg_stat_activity AS a ON a.pid = l.pid
     WHERE l.database = (SELECT oid FROM pg_catalog.pg_database WHERE datname = current_database())
       AND l.pid <> pg_backend_pid()
       AND a.backend_type IS DISTINCT FROM 'autovacuum worker'
       AND (a.xact_start IS NULL OR a.xact_start <= clock_timestamp() - make_interval(secs => $3::int / 1000.0))
     ORDER BY a.xact_start NULLS LAST, l.relation::regclass::text, l.mode`,
    // A table the step renames is held under its old name until the step runs. The partitions are
    // found without a lock (`partitionTreeSql`): this read must not queue behind the locks it looks for.
    [claims.map((claim) => quoteIdent(claim.renamedFrom ?? claim.relation)), claims.map((claim) => claim.scope ?? null), holderPollMs],
  );
  const holders = new Map<number, HolderRead>();
  for (const row of rows) {
    const claim = claims[row.claim - 1];
    if (claim === undefined || holders.has(row.pid) || !lockModesConflict(claim.mode, row.mode)) continue;
    const { pid, relation, mode, open_ms: openMs, state } = row;
    holders.set(pid, { holder: { pid, relation, mode, openMs, state, query: displayQuery(row.query) }, key: `${pid}/${row.transaction}` });
  }
  return [...holders.values()];
}

/** `PASSWORD 'secret'` (CREATE/ALTER ROLE, a user mapping's options), quoted or cut short by the activity's size limit. */
const passwordLiteral = /(\bpassword\s+)(?:E?'(?:[^'\\]|''|\\.)*'?)/gi;

/**
 * Another session's statement as an event may carry it: on one line, passwords masked (a role's
 * `PASSWORD '...'`, connection strings), at most {@link queryDisplayLength} characters.
 */
export function displayQuery(query: string): string {
  const line = redactSecrets(query.replace(passwordLiteral, "$1'***'")).replace(/\s+/g, ' ').trim();
  return line.length <= queryDisplayLength ? line : `${line.slice(0, queryDisplayLength - 1)}…`;
}
