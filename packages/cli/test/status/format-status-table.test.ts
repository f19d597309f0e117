import { expect, it } from 'vitest';
import { formatStatusTable } from '../../src/status/format-status-table.js';
import type { StatusRow } from '../../src/status/status-row.js';

const row = (overrides: Partial<StatusRow>): StatusRow => ({
  name: '0001_init.sql',
  state: 'pending',
  kind: 'sql',
  appliedAt: null,
  startedAt: null,
  appliedBy: null,
  durationMs: null,
  stepsApplied: 0,
  steps: null,
  renamedFrom: null,
  recorded: null,
  resolvedBy: null,
  pid: null,
  next: [],
  ...overrides,
});

it('lines up every state with its times, user and duration', () => {
  const table = formatStatusTable([
    row({
      state: 'applied',
      appliedAt: '2025-06-01T14:03:22.123Z',
      startedAt: '2025-06-01T14:03:21.000Z',
      appliedBy: 'ann@db1',
      durationMs: 1234,
    }),
    row({
      name: '0002_teams',
      kind: 'plan',
      state: 'stopped',
      startedAt: '2025-06-02T09:00:00.000Z',
      appliedBy: 'bob@ci',
      stepsApplied: 3,
      steps: 8,
    }),
    row({
      name: '0003_more',
      kind: 'plan',
      state: 'running',
      startedAt: '2025-06-02T09:05:00.000Z',
      appliedBy: 'bob@ci',
      pid: 4242,
      stepsApplied: 1,
      steps: 2,
    }),
    row({ name: '0004_more.sql', state: 'running', startedAt: '2025-06-02T09:06:00.000Z', appliedBy: 'bob@ci', pid: 4242 }),
    row({ name: '0005_more.sql' }),
  ]);
  expect(table).toBe(
    [
      '  migration      state                          applied at                    by       duration',
      '  0001_init.sql  applied                        2025-06-01 14:03:22Z          ann@db1  1.2 s',
      '  0002_teams     stopped (3/8 steps)            started 2025-06-02 09:00:00Z  bob@ci',
      '  0003_more      running (pid 4242, 1/2 steps)  started 2025-06-02 09:05:00Z  bob@ci',
      '  0004_more.sql  running (pid 4242)             started 2025-06-02 09:06:00Z  bob@ci',
      '  0005_more.sql  pending',
      '',
    ].join('\n'),
  );
});

it('names the migration a renamed file was applied as, beside the missing one and one out of order', () => {
  const table = formatStatusTable([
    row({ name: '0001_init.sql', state: 'out of order' }),
    row({ name: '0002_credit.sql', state: 'missing file', appliedBy: 'ann@db1', appliedAt: '2025-06-01T14:03:22.123Z' }),
    row({ name: '0002_credit_customer.sql', state: 'renamed', renamedFrom: '0002_credit.sql' }),
  ]);
  expect(table).toBe(
    [
      '  migration                 state                         applied at            by       duration',
      '  0001_init.sql             out of order',
      '  0002_credit.sql           missing file                  2025-06-01 14:03:22Z  ann@db1',
      '  0002_credit_customer.sql  renamed from 0002_credit.sql',
      '',
    ].join('\n'),
  );
});
