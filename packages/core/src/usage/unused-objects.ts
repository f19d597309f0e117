import { formatSpan } from './format-span.js';
import type { UsageSnapshot } from './usage-snapshot.js';
import type { WindowUsage } from './window-usage.js';

/**
 * A column no query used in the window, an index not scanned in it, or a column holding only
 * NULLs, with how far the evidence goes.
 */
export interface UnusedObject {
  readonly kind: 'unused-column' | 'unused-index' | 'null-column';
  /** `schema.table`, unquoted. */
  readonly table: string;
  readonly column: string | null;
  /** `schema.index`, for `unused-index`. */
  readonly index: string | null;
  readonly confidence: Confidence;
}

/** `high`: the window is fully covered by counts, with traffic and every query read; lower as any of that fails. */
export interface Confidence {
  readonly level: 'high' | 'medium' | 'low';
  /** What the judgement rests on, one fact a line, the ones that lowered it first. */
  readonly evidence: readonly string[];
}

/** Fewer calls than this in a window is too little traffic to call anything unused with confidence. */
const enoughCalls = 100;

/**
 * The unused columns and indexes of `snapshot` over `usage`'s window, and its all-NULL columns.
 * A column counts as used when any query of the window names it, reads or writes it, or reads its
 * table with `*` (`SELECT *`, `RETURNING *`, a whole-row reference); an index when it was
 * scanned. An index that enforces a key is never reported: its scans are not its purpose.
 * Sorted by table, then column or index.
 */
export function unusedObjects(snapshot: UsageSnapshot, usage: WindowUsage): UnusedObject[] {
  const used = new Set<string>();
  for (const { query } of usage.queries) {
    if (query.attribution.kind !== 'attributed') continue;
    for (const use of query.attribution.uses) if (use.column !== null) used.add(`${use.table}.${use.column}`);
  }
  const window = coverage(usage);
  const queries = traffic(usage);
  const found: UnusedObject[] = [];
  for (const table of snapshot.tables) {
    const scans = scanEvidence(table, usage);
    for (const column of table.columns) {
      if (!used.has(`${table.table}.${column.column}`)) {
        const judged = judge([window, queries], scans);
        found.push({ kind: 'unused-column', table: table.table, column: column.column, index: null, confidence: judged });
      }
      if (column.nullFraction === 1 && table.rows > 0) {
        const evidence = [`pg_stats.null_frac = 1 at the last ANALYZE of ${table.table} (about ${table.rows} rows)`];
        found.push({
          kind: 'null-column',
          table: table.table,
          column: column.column,
          index: null,
          confidence: { level: 'high', evidence },
        });
      }
    }
  }
  for (const index of snapshot.indexes) {
    if (index.enforces || (usage.indexScans.get(index.index) ?? 0) > 0) continue;
    const scans =
      index.lastIdxScan === null
        ? `idx_scan ${index.idxScan} in all`
        : `last scanned ${index.lastIdxScan} (last_idx_scan), before the window`;
    found.push({ kind: 'unused-index', table: index.table, column: null, index: index.index, confidence: judge([window], [scans]) });
  }
  return found.sort((a, b) => `${a.table}.${a.column ?? a.index ?? ''}`.localeCompare(`${b.table}.${b.column ?? b.index ?? ''}`));
}

/** One part of the evidence: facts, and the lines that lowered the confidence to `level`. */
interface Evidence {
  readonly level: Confidence['level'];
  readonly lowering: readonly string[];
  readonly facts: readonly string[];
}

/** The lowest level of the parts; the lines that lowered it first. */
function judge(parts: readonly Evidence[], more: readonly string[]): Confidence {
  const levels: readonly Confidence['level'][] = ['low', 'medium', 'high'];
  const level = levels.find((candidate) => parts.some((part) => part.level === candidate)) ?? 'high';
  return { level, evidence: [...parts.flatMap((part) => part.lowering), ...more, ...parts.flatMap((part) => part.facts)] };
}

/** How the window's counts were taken: a stats reset inside it leaves part of it unseen. */
function coverage(usage: WindowUsage): Evidence {
  const window = formatSpan(usage.windowMs);
  if (usage.basis === 'exact')
    return { level: 'high', lowering: [], facts: [`window ${window}: counts since a snapshot taken at its start`] };
  if (usage.basis === 'since-reset') {
    const fact =
      usage.statsReset === null
        ? `window ${window}: counts since the statistics began (the server records no reset time before PostgreSQL 14)`
        : `window ${window}: counts since the statistics reset at ${usage.statsReset}, before the window (a longer span)`;
    return { level: 'high', lowering: [], facts: [fact] };
  }
  const covered = formatSpan(Date.parse(usage.end) - Date.parse(usage.statsReset ?? usage.end));
  const line =
    usage.earlierSnapshots.length === 0
      ? `the statistics were reset at ${usage.statsReset ?? '?'}, inside the window ${window}: only the last ${covered} are covered`
      : `the statistics were reset at ${usage.statsReset ?? '?'}, inside the window ${window}: before it, only the snapshots taken at ${usage.earlierSnapshots.join(', ')} are known`;
  return { level: 'low', lowering: [line], facts: [] };
}

/** The window's traffic: too few calls, or queries that could not be read, lower the confidence. */
function traffic(usage: WindowUsage): Evidence {
  const lowering: string[] = [];
  const facts: string[] = [];
  let level: Confidence['level'] = 'high';
  if (usage.totalCalls < enoughCalls) {
    lowering.push(`only ${usage.totalCalls} calls in the window: little traffic to judge from`);
    level = 'low';
  } else facts.push(`${usage.totalCalls} calls of ${usage.queries.length} queries in the window`);
  if (usage.unattributedCalls > 0) {
    const count = usage.queries.filter((entry) => entry.query.attribution.kind === 'unattributed').length;
    lowering.push(`${count} ${count === 1 ? 'query' : 'queries'} (${usage.unattributedCalls} calls) could not be read and may use it`);
    if (level === 'high') level = 'medium';
  }
  facts.push('a query reading its table with * counts as using every column');
  return { level, lowering, facts };
}

/** A table's scans, where the server dates them (16+): a table not read in the window says its columns are not either. */
function scanEvidence(table: UsageSnapshot['tables'][number], usage: WindowUsage): string[] {
  const last = [table.lastSeqScan, table.lastIdxScan]
    .filter((at): at is string => at !== null)
    .sort()
    .at(-1);
  if (last === undefined) return [];
  const start = Date.parse(usage.end) - usage.windowMs;
  return [
    Date.parse(last) < start
      ? `table ${table.table} not read in the window (last scan ${last})`
      : `table ${table.table} read in the window (last scan ${last})`,
  ];
}
