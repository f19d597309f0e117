import { expect, it } from 'vitest';
import { formatNextCommands } from '../../src/status/format-next-commands.js';
import { nextCommands } from '../../src/status/next-commands.js';
import type { StatusRow } from '../../src/status/status-row.js';

const row = (overrides: Partial<StatusRow>): StatusRow => ({
  name: '0002_teams',
  state: 'stopped',
  kind: 'plan',
  appliedAt: null,
  startedAt: null,
  appliedBy: null,
  durationMs: null,
  stepsApplied: 0,
  steps: null,
  renamedFrom: null,
  recorded: 'running',
  resolvedBy: null,
  pid: null,
  next: [],
  ...overrides,
});

it('names the commands that continue, roll back or resolve a stopped migration, with the flags that found it', () => {
  const flags = ' --dir db/migrations';
  const stopped = row({ next: nextCommands('0002_teams', 'stopped', 'plan', flags) });
  const sql = row({ name: '0003_fix.sql', kind: 'sql', next: nextCommands('0003_fix.sql', 'stopped', 'sql', flags) });
  const undoing = row({ name: '0004_x', state: 'rolling back', next: nextCommands('0004_x', 'rolling back', 'plan', flags) });
  expect(formatNextCommands([stopped, sql, undoing], 'db/migrations')).toBe(
    [
      '0002_teams: stopped part way (a step failed, a run was stopped or killed):',
      '  to continue   wesley migrate --dir db/migrations',
      '  to roll back  wesley migrate rollback 0002_teams --dir db/migrations',
      '  to resolve    wesley migrate resolve 0002_teams --applied | --rolled-back --dir db/migrations',
      // A SQL file records no rollback.
      '0003_fix.sql: stopped part way (a step failed, a run was stopped or killed):',
      '  to continue   wesley migrate --dir db/migrations',
      '  to resolve    wesley migrate resolve 0003_fix.sql --applied | --rolled-back --dir db/migrations',
      '0004_x: a rollback stopped part way:',
      '  to roll back  wesley migrate rollback 0004_x --dir db/migrations',
      '  to resolve    wesley migrate resolve 0004_x --rolled-back --dir db/migrations',
      '',
    ].join('\n'),
  );
});

it('warns of a migration the ledger lists whose file is gone, and says nothing of settled ones', () => {
  for (const state of ['applied', 'running', 'pending', 'rolled back', 'edited', 'renamed', 'out of order'] as const) {
    expect(nextCommands('0001_a', state, 'plan', '')).toEqual([]);
  }
  expect(
    formatNextCommands([row({ state: 'applied' }), row({ name: '0009_gone', state: 'missing file', recorded: 'applied' })], 'migrations'),
  ).toBe('warning: the ledger lists 0009_gone (applied), which is not in migrations\n');
});
