import type { IndexStats, QueryStats, UsageSnapshot } from './usage-snapshot.js';

/**
 * The usage of the window ending at `current.takenAt`, with what it rests on. `queries` holds each
 * query seen in the window with the calls counted there; `indexScans` each index's scans.
 */
export interface WindowUsage {
  readonly kind: 'window-usage';
  readonly windowMs: number;
  readonly end: string;
  /**
   * How the counts were taken: `exact` (a stored snapshot of the same stats lifetime taken at or
   * before the window's start: counts are the difference), `since-reset` (the stats were reset
   * before the window started and no snapshot marks its start: counts since the reset, a longer
   * span, so a query seen only before the window counts as used), `reset-inside` (the stats were
   * reset inside the window: the time before the reset is known only from snapshots taken then).
   */
  readonly basis: 'exact' | 'since-reset' | 'reset-inside';
  readonly statsReset: string | null;
  /** Snapshots of an earlier stats lifetime taken inside the window, whose queries count as used. */
  readonly earlierSnapshots: readonly string[];
  readonly queries: readonly { readonly query: QueryStats; readonly calls: number }[];
  readonly indexScans: ReadonlyMap<string, number>;
  /** Unattributed queries' calls in the window (a text that did not parse, a `DO` block). */
  readonly unattributedCalls: number;
  readonly totalCalls: number;
}

/**
 * The window `wesley usage` reports on and `migrate`'s usage gate judges by when the config has no
 * `usageWindow`: a week covers a weekly job and a weekend's traffic, which a day would miss.
 */
export const defaultUsageWindowMs = 7 * 24 * 60 * 60 * 1000;

/**
 * Judges the window of `windowMs` ending at `current` from it and the stored `history` (any
 * order): see {@link WindowUsage.basis}. A query counts in the window when its calls grew there,
 * in `current` or in a snapshot taken inside the window (its largest count); an index when its
 * scans grew, or its `last_idx_scan` (16+) falls in it. When unsure, a query counts as used.
 */
export function windowUsage(current: UsageSnapshot, history: readonly UsageSnapshot[], windowMs: number): WindowUsage {
  const end = Date.parse(current.takenAt);
  const start = end - windowMs;
  const sameLifetime = (snapshot: UsageSnapshot): boolean => snapshot.statsReset === current.statsReset;
  const baseline = history
    .filter((snapshot) => sameLifetime(snapshot) && Date.parse(snapshot.takenAt) <= start)
    .sort((a, b) => Date.parse(b.takenAt) - Date.parse(a.takenAt))[0];
  const resetInside = current.statsReset !== null && Date.parse(current.statsReset) > start;

  const inWindow = history.filter((snapshot) => Date.parse(snapshot.takenAt) > start && Date.parse(snapshot.takenAt) < end);
  const baselineCalls = new Map((baseline?.queries ?? []).map((query) => [query.queryId, query.calls]));
  const counted = new Map<string, { query: QueryStats; calls: number }>();
  // Each snapshot of the window counts what grew since the baseline (of its own lifetime; else
  // since its reset): one taken before an entry was evicted or reset by hand still shows it.
  for (const snapshot of [current, ...inWindow]) {
    const base = baseline !== undefined && snapshot.statsReset === baseline.statsReset ? baselineCalls : new Map<string, number>();
    for (const query of snapshot.queries) {
      const calls = query.calls - (base.get(query.queryId) ?? 0);
      const seen = counted.get(query.queryId);
      if (calls > 0 && (seen === undefined || calls > seen.calls)) counted.set(query.queryId, { query: seen?.query ?? query, calls });
    }
  }
  const queries = [...counted.values()].sort((a, b) => b.calls - a.calls || a.query.queryId.localeCompare(b.query.queryId));
  return {
    kind: 'window-usage',
    windowMs,
    end: current.takenAt,
    basis: baseline !== undefined ? 'exact' : resetInside ? 'reset-inside' : 'since-reset',
    statsReset: current.statsReset,
    earlierSnapshots: inWindow
      .filter((snapshot) => resetInside && !sameLifetime(snapshot))
      .map((snapshot) => snapshot.takenAt)
      .sort(),
    queries,
    indexScans: indexScans(current, baseline, start),
    unattributedCalls: queries
      .filter((entry) => entry.query.attribution.kind === 'unattributed')
      .reduce((sum, entry) => sum + entry.calls, 0),
    totalCalls: queries.reduce((sum, entry) => sum + entry.calls, 0),
  };
}

function indexScans(current: UsageSnapshot, baseline: UsageSnapshot | undefined, start: number): Map<string, number> {
  const before = new Map((baseline?.indexes ?? []).map((index) => [index.index, index.idxScan]));
  const scans = new Map<string, number>();
  // PostgreSQL 16+ records each index's last scan: without a baseline it dates the scans counted since the reset.
  const dated = current.serverVersionNum >= 160000;
  for (const index of current.indexes) {
    const grown = index.idxScan - (before.get(index.index) ?? 0);
    const inWindow = lastScanInWindow(index, start);
    scans.set(index.index, inWindow ? Math.max(grown, 1) : dated && baseline === undefined ? 0 : grown);
  }
  return scans;
}

function lastScanInWindow(index: IndexStats, start: number): boolean {
  return index.lastIdxScan !== null && Date.parse(index.lastIdxScan) >= start;
}
