import type { MigrateEvent } from '@wesley/postgres/run';
import { describe, expect, it } from 'vitest';
import type { CliContext } from '../src/cli-context.js';
import { describeBatchSize, describeRows } from '../src/migrate/describe-progress.js';
import { logReporter } from '../src/migrate/log-reporter.js';
import { MigrateProgress } from '../src/migrate/migrate-progress.js';

/** A backfill whose batches grow from 1,000 rows, shrink after one a writer held up, and grow back. */
const stepId = 'alter-column-type:item.n:backfill';
const sizes: readonly (readonly [rows: number, heldMs: number, nextRows: number])[] = [
  [1000, 5, 2000],
  [2000, 9, 4000],
  [4000, 20, 8000],
  [8000, 43, 16_000],
  [16_000, 80, 20_000],
  [20_000, 98, 20_400],
  [20_400, 1630, 1251],
  [1251, 6, 2502],
  [2502, 12, 5004],
];
const events: MigrateEvent[] = [
  { kind: 'migration-start', migration: '0002_type', type: 'plan', resumed: false },
  { kind: 'step-start', stepId },
  ...sizes.map(([rows, heldMs, nextRows]): MigrateEvent => ({ kind: 'batch', stepId, rows, heldMs, nextRows })),
  { kind: 'step-done', stepId, attempts: sizes.length },
  { kind: 'migration-done', migration: '0002_type', durationMs: 1900 },
];

describe('backfill batches sized by time in the progress output', () => {
  it('the log prints the size each time it has doubled or halved, and the range on the step line', () => {
    const lines: string[] = [];
    const context: CliContext = {
      cwd: '/',
      stdout: { write: (text: string) => lines.push(text), color: false },
      stderr: { write: () => undefined, color: false },
    };
    const reporter = logReporter(context, new Map());
    for (const event of events) reporter.event(event);
    const resized = lines.filter((line) => line.includes(' now (the last'));
    expect(resized).toEqual([
      `0002_type: ${stepId}: batches of 2,000 rows now (the last, of 1,000, held its row locks 5 ms)\n`,
      `0002_type: ${stepId}: batches of 4,000 rows now (the last, of 2,000, held its row locks 9 ms)\n`,
      `0002_type: ${stepId}: batches of 8,000 rows now (the last, of 4,000, held its row locks 20 ms)\n`,
      `0002_type: ${stepId}: batches of 16,000 rows now (the last, of 8,000, held its row locks 43 ms)\n`,
      `0002_type: ${stepId}: batches of 1,251 rows now (the last, of 20,400, held its row locks 1.6 s)\n`,
      `0002_type: ${stepId}: batches of 2,502 rows now (the last, of 1,251, held its row locks 6 ms)\n`,
      `0002_type: ${stepId}: batches of 5,004 rows now (the last, of 2,502, held its row locks 12 ms)\n`,
    ]);
    expect(lines.join('')).toMatch(
      new RegExp(`0002_type: ${stepId} done in .*, 9 batches of 1,000 to 20,400 rows \\(up to 75,153 rows\\)\\n`),
    );
  });

  it('the log prints no line while the size holds, in a step after another', () => {
    const lines: string[] = [];
    const context: CliContext = {
      cwd: '/',
      stdout: { write: (text: string) => lines.push(text), color: false },
      stderr: { write: () => undefined, color: false },
    };
    const reporter = logReporter(context, new Map());
    const fixed: MigrateEvent[] = [
      { kind: 'migration-start', migration: '0002_type', type: 'plan', resumed: false },
      { kind: 'step-start', stepId: 'add-column:item.token:add' },
      { kind: 'step-done', stepId: 'add-column:item.token:add', attempts: 1 },
      { kind: 'step-start', stepId },
      ...[1, 2, 3].map((): MigrateEvent => ({ kind: 'batch', stepId, rows: 2, heldMs: 28, nextRows: 2 })),
      { kind: 'step-done', stepId, attempts: 3 },
    ];
    for (const event of fixed) reporter.event(event);
    expect(lines.filter((line) => line.includes(' now (the last'))).toEqual([]);
    expect(lines.join('')).toMatch(/, 3 batches of 2 rows \(up to 6 rows\)\n/);
  });

  it('the spinner line shows the batches so far and the size of the next', () => {
    const progress = new MigrateProgress(new Map());
    for (const event of events.slice(0, 8)) progress.apply(event);
    const step = progress.migration?.step;
    if (step == null) throw new Error('no step under way');
    expect(`${describeRows(step)}${describeBatchSize(step)}`).toBe(
      ', 6 batches of 1,000 to 20,000 rows (up to 51,000 rows), next 20,400 rows',
    );
  });
});
