import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { batchSizingDefaults, firstBatchSize, maxBatchGrowth, nextBatchSize, type BatchSizing } from '@wesley/core/run';

const sizings: fc.Arbitrary<BatchSizing> = fc
  .record({ batchTargetMs: fc.integer({ min: 1, max: 10_000 }), batchMinRows: fc.integer({ min: 1, max: 5_000 }), span: fc.nat(1_000_000) })
  .map(({ batchTargetMs, batchMinRows, span }) => ({ batchTargetMs, batchMinRows, batchMaxRows: batchMinRows + span }));
const rows = fc.integer({ min: 1, max: 2_000_000 });
const durations = fc.double({ min: 0, max: 600_000, noNaN: true });

/**
 * A server that updates `rowsPerMs` rows a millisecond after a fixed `overheadMs` per batch (the
 * round trips and the commit): the time a batch of `size` rows holds its locks.
 */
const server = (rowsPerMs: number, overheadMs: number) => (size: number) => overheadMs + size / rowsPerMs;

describe('batch sizing', () => {
  it('never goes below the smallest batch nor above the largest', () => {
    fc.assert(
      fc.property(sizings, rows, durations, (sizing, size, ms) => {
        const next = nextBatchSize(sizing, size, ms);
        expect(Number.isInteger(next)).toBe(true);
        expect(next).toBeGreaterThanOrEqual(sizing.batchMinRows);
        expect(next).toBeLessThanOrEqual(sizing.batchMaxRows);
        const first = firstBatchSize(sizing, size);
        expect(first).toBeGreaterThanOrEqual(sizing.batchMinRows);
        expect(first).toBeLessThanOrEqual(sizing.batchMaxRows);
      }),
    );
  });

  it('grows by at most its factor per batch', () => {
    fc.assert(
      fc.property(sizings, rows, durations, (sizing, size, ms) => {
        fc.pre(size >= sizing.batchMinRows);
        expect(nextBatchSize(sizing, size, ms)).toBeLessThanOrEqual(Math.max(sizing.batchMinRows, size * maxBatchGrowth));
      }),
    );
  });

  it('shrinks at once after a batch that overshot, to what fits the target at its rate', () => {
    fc.assert(
      fc.property(sizings, rows, fc.double({ min: 1.01, max: 1000, noNaN: true }), (sizing, size, over) => {
        fc.pre(size > sizing.batchMinRows && size <= sizing.batchMaxRows);
        const ms = sizing.batchTargetMs * over;
        const next = nextBatchSize(sizing, size, ms);
        expect(next).toBeLessThan(size);
        // At the slow batch's rate, the next one takes at most the target (or is the smallest allowed).
        if (next > sizing.batchMinRows) expect((next * ms) / size).toBeLessThanOrEqual(sizing.batchTargetMs);
      }),
    );
  });

  it('settles where a batch takes the target, from any first size, at any steady rate', () => {
    fc.assert(
      fc.property(
        sizings,
        rows,
        fc.double({ min: 0.01, max: 10_000, noNaN: true }),
        fc.double({ min: 0, max: 0.5, noNaN: true }),
        (sizing, planned, rowsPerMs, overheadShare) => {
          const overheadMs = sizing.batchTargetMs * overheadShare;
          const took = server(rowsPerMs, overheadMs);
          let size = firstBatchSize(sizing, planned);
          for (let batch = 0; batch < 60; batch++) size = nextBatchSize(sizing, size, took(size));
          // The steady size: what the rate fits in the target beside the overhead, within the bounds.
          const steady = rowsPerMs * (sizing.batchTargetMs - overheadMs);
          if (steady <= sizing.batchMinRows) expect(size).toBe(sizing.batchMinRows);
          else if (steady >= sizing.batchMaxRows) expect(size).toBe(sizing.batchMaxRows);
          // Whole rows: each step rounds down, so it may stop a row or two short of a small steady size.
          else expect(Math.abs(size - steady)).toBeLessThanOrEqual(Math.max(3, steady * 0.01));
        },
      ),
      // A one-row batch with room to grow once stayed at one row (rounded down): found by a longer run than the default.
      { numRuns: 1000, examples: [[{ batchTargetMs: 100, batchMinRows: 1, batchMaxRows: 1_000_000 }, 1, 0.5, 0.5]] },
    );
  });

  it('fills an idle server in few batches: from 1,000 rows to a 100 ms batch of about 29,400 rows in eight', () => {
    // 300 rows a millisecond: one plain UPDATE of 1M rows in 3.4 s, measured on the embedded PostgreSQL 18; 2 ms of round trips and commit.
    const took = server(300, 2);
    const sizes = [firstBatchSize(batchSizingDefaults, 1000)];
    while (sizes.length < 8) sizes.push(nextBatchSize(batchSizingDefaults, sizes.at(-1) ?? 0, took(sizes.at(-1) ?? 0)));
    expect(sizes.slice(0, 5)).toEqual([1000, 2000, 4000, 8000, 16_000]);
    expect(Math.abs((sizes.at(-1) ?? 0) - 29_400)).toBeLessThan(294);
  });

  it('answers a slow batch in the next one, and grows back once the server is quick again', () => {
    const quick = server(300, 2);
    const steady = 29_400;
    // A writer held a row of this batch for 900 ms.
    const after = nextBatchSize(batchSizingDefaults, steady, quick(steady) + 900);
    expect(after).toBe(Math.floor((steady * 100) / 1000));
    expect(nextBatchSize(batchSizingDefaults, after, quick(after))).toBe(after * maxBatchGrowth);
  });
});
