import type { MigrateEvent } from '@wesley/postgres/run';
import { describe, expect, it } from 'vitest';
import type { CliContext } from '../src/cli-context.js';
import { logReporter } from '../src/migrate/log-reporter.js';

/** The events of a plan whose one step builds an index on each of three partitions. */
const stepId = 'add-index:event.event_reading_idx:partitions';
const events: MigrateEvent[] = [
  { kind: 'migration-start', migration: '0002_index', type: 'plan', resumed: false },
  { kind: 'step-start', stepId },
  ...['public.event_p0', 'public.event_p1', 'public.event_p2'].map((partition, n): MigrateEvent => ({
    kind: 'partition-done',
    stepId,
    partition,
    done: n + 1,
    total: 3,
  })),
  { kind: 'step-done', stepId, attempts: 3 },
  { kind: 'migration-done', migration: '0002_index', durationMs: 1200 },
];

describe('a per-partition step in the log reporter', () => {
  it('prints a line as each partition is done (n of the partitions) and the count on the step line', () => {
    const lines: string[] = [];
    const context: CliContext = {
      cwd: '/',
      stdout: { write: (text: string) => lines.push(text), color: false },
      stderr: { write: () => undefined, color: false },
    };
    const reporter = logReporter(context, new Map());
    for (const event of events) reporter.event(event);
    const text = lines.join('');
    expect(text).toContain(`0002_index: ${stepId}: public.event_p0 done (1/3)\n`);
    expect(text).toContain(`0002_index: ${stepId}: public.event_p2 done (3/3)\n`);
    expect(text).toMatch(new RegExp(`0002_index: ${stepId} done in .*, 3/3 partitions\\n`));
  });
});
