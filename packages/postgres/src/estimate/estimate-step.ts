import type { PlanStep } from '@wesley/core/run';
import type { Calibration } from './calibration.js';
import type { TableSize } from './read-table-sizes.js';
import { stepWork, type StepWork } from './step-work.js';

/** What one step will cost on the server measured: the size of its work and how long it takes. */
export interface StepCost {
  readonly kind: 'step-cost';
  /** The step's id. */
  readonly step: string;
  readonly work: StepWork;
  /** Rows the step scans, rewrites, indexes or updates (0 for a catalog update). */
  readonly rows: number;
  /** Bytes it reads or copies: the table (and, for a rewrite, its indexes). */
  readonly bytes: number;
  /** WAL it writes, in bytes: a rewrite logs the new table and indexes, a build its index, a backfill each row's new version. */
  readonly walBytes: number;
  /** Predicted duration in milliseconds, from the calibration; 0 for a catalog update (its time is the lock wait). */
  readonly predictedMs: number;
}

/**
 * The cost of `step` from the sizes of the tables it works on (`readTableSizes`) and the server's
 * throughput (`calibrate`), each kind of work scaled from the sample as measured:
 *
 * - a rewrite: table and index bytes times the sample's rewrite time per byte; it logs the copy;
 * - a validating scan: table bytes times the scan time per byte; it logs nothing;
 * - an index build: rows times the build time per row, and for a concurrent build the second pass
 *   PostgreSQL makes to catch rows written meanwhile (a scan of the table); it logs the index,
 *   sized from the sample's bytes per row;
 * - a backfill: rows times the update time per row, plus each batch's round trips and commit; it logs a
 *   new version of each row (the table's bytes).
 *
 * Each adds its commits: one, three for a concurrent build (it commits between its phases).
 *
 * A table absent from `sizes` (created by an earlier step of the plan) counts as empty.
 */
export function estimateStep(step: PlanStep, sizes: ReadonlyMap<string, TableSize>, calibration: Calibration): StepCost {
  const work = stepWork(step);
  const cost = (rows: number, bytes: number, walBytes: number, predictedMs: number): StepCost => ({
    kind: 'step-cost',
    step: step.id,
    work,
    rows,
    bytes,
    walBytes: Math.round(walBytes),
    predictedMs: Math.round(predictedMs + (work.kind === 'index-build' && work.concurrent ? 3 : 1) * calibration.commitMs),
  });
  switch (work.kind) {
    case 'catalog':
      return { kind: 'step-cost', step: step.id, work, rows: 0, bytes: 0, walBytes: 0, predictedMs: 0 };
    case 'rewrite': {
      const { rows, tableBytes, indexBytes } = sizeOf(sizes, work.table);
      const bytes = tableBytes + indexBytes;
      return cost(rows, bytes, bytes, bytes * calibration.rewriteMsPerByte);
    }
    case 'scan': {
      const { rows, tableBytes } = sizeOf(sizes, work.table);
      return cost(rows, tableBytes, 0, tableBytes * calibration.scanMsPerByte);
    }
    case 'index-build': {
      const { rows, tableBytes } = sizeOf(sizes, work.table);
      const secondPass = work.concurrent ? tableBytes * calibration.scanMsPerByte : 0;
      return cost(rows, tableBytes, rows * calibration.indexBytesPerRow, rows * calibration.indexMsPerRow + secondPass);
    }
    case 'backfill': {
      const { rows, tableBytes } = sizeOf(sizes, work.table);
      const batches = Math.ceil(rows / work.batchSize) + 1;
      return cost(
        rows,
        tableBytes,
        tableBytes,
        rows * calibration.updateMsPerRow + batches * (2 * calibration.roundTripMs + calibration.commitMs),
      );
    }
  }
}

function sizeOf(sizes: ReadonlyMap<string, TableSize>, table: string): Pick<TableSize, 'rows' | 'tableBytes' | 'indexBytes'> {
  return sizes.get(table) ?? { rows: 0, tableBytes: 0, indexBytes: 0 };
}
