import type { StepEstimate, StepWork, StepsEstimate } from '@wesley/postgres/run';
import { formatDuration } from '../migrate/format-duration.js';

/** A step with the migration it belongs to, as `wesley explain` lists it. */
export interface MigrationStep {
  /** The migration it is in; empty for the steps of a plan not written yet (`wesley plan --explain`). */
  readonly migration: string;
  readonly step: string;
}

/**
 * The estimates as a table, longest predicted step first (catalog updates last, in plan order),
 * then the bottleneck and, under each step, what would delay it now.
 */
export function formatEstimates(estimate: StepsEstimate, steps: readonly MigrationStep[]): string {
  const byIndex = estimate.steps.map((cost, index) => ({ cost, at: steps[index] }));
  const ranked = [...byIndex].sort((a, b) => rankOf(estimate, a.cost) - rankOf(estimate, b.cost));
  const rows = ranked.map(({ cost, at }) => {
    const rank = estimate.ranking.indexOf(cost.step);
    const timed = cost.work.kind !== 'catalog';
    return [
      rank < 0 ? '-' : String(rank + 1),
      named(at, cost.step),
      describeWork(cost.work),
      timed ? formatCount(cost.rows) : '-',
      timed ? formatBytes(cost.bytes) : '-',
      timed ? formatBytes(cost.walBytes) : '-',
      timed ? formatDuration(cost.predictedMs) : '-',
    ];
  });
  const header = ['rank', 'step', 'work', 'rows', 'size', 'WAL', 'predicted'];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: readonly string[]) =>
    `  ${cells.map((cell, column) => (column >= 3 ? cell.padStart(widths[column] ?? 0) : cell.padEnd(widths[column] ?? 0))).join('  ')}`.trimEnd();
  const out = [line(header), ...rows.map(line)];
  const bottleneck = byIndex.find(({ cost }) => cost.step === estimate.bottleneck);
  if (bottleneck !== undefined) {
    out.push(
      '',
      `bottleneck: ${named(bottleneck.at, bottleneck.cost.step)}, ${describeWork(bottleneck.cost.work)}, ` +
        `${formatDuration(bottleneck.cost.predictedMs)} of ${formatDuration(estimate.totalMs)} predicted in all`,
    );
  }
  for (const { cost, at } of byIndex) {
    for (const delay of cost.delays) {
      const why = delay.reason.kind === 'snapshot' ? 'holds an older snapshot' : `holds ${delay.reason.mode} on ${delay.reason.relation}`;
      out.push(
        `waits: ${named(at, cost.step)} would wait for pid ${delay.pid} (${why}, open ${formatDuration(delay.openMs)}, ${delay.state}): ${delay.query}`,
      );
    }
  }
  return `${out.join('\n')}\n`;
}

/** `server throughput measured now in 1.4 s, on 60000 rows`, or when it was measured, from the cache. */
export function describeCalibration({ calibration, cached }: StepsEstimate): string {
  const when = cached ? `measured ${calibration.measuredAt} (cached)` : `measured now in ${formatDuration(calibration.tookMs)}`;
  return `server throughput ${when}, on ${calibration.sampleRows} rows`;
}

/** `0002_total add-index:invoice.total_idx`, or the step id alone outside a migration (`wesley plan --explain`). */
function named(at: MigrationStep | undefined, step: string): string {
  return at === undefined || at.migration === '' ? step : `${at.migration} ${step}`;
}

function rankOf(estimate: StepsEstimate, cost: StepEstimate): number {
  const rank = estimate.ranking.indexOf(cost.step);
  return rank < 0 ? estimate.ranking.length + estimate.steps.indexOf(cost) : rank;
}

/** What the step does, in a few words: `index build of invoice (concurrent)`. */
export function describeWork(work: StepWork): string {
  switch (work.kind) {
    case 'catalog':
      return 'catalog update';
    case 'rewrite':
      return `rewrite of ${work.table}`;
    case 'scan':
      return `scan of ${work.table}`;
    case 'index-build':
      return `index build on ${work.table}${work.concurrent ? ' (concurrent)' : ''}`;
    case 'backfill':
      return `backfill of ${work.table}`;
  }
}

/** `950`, `12.3k`, `3.0M` rows. */
function formatCount(n: number): string {
  if (n < 1000) return String(n);
  if (n < 1_000_000) return `${(n / 1000).toFixed(1)}k`;
  return `${(n / 1_000_000).toFixed(1)}M`;
}

/** `512 B`, `8.0 kB`, `73.4 MB`, `1.2 GB`. */
function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  const units = ['kB', 'MB', 'GB', 'TB'];
  let value = n / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(1)} ${units[unit] ?? ''}`;
}
