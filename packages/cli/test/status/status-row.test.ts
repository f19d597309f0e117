import type { MigrationStatus } from '@wesley/postgres';
import { expect, it } from 'vitest';
import { statusRow } from '../../src/status/status-row.js';

const status = (overrides: Partial<MigrationStatus>): MigrationStatus => ({
  name: '0002_teams',
  state: 'rolling back',
  ledger: null,
  stepsApplied: 2,
  renamedFrom: null,
  pid: null,
  ...overrides,
});

it('gives the commands that move on a migration nobody runs, and none while a migrator runs it', () => {
  expect(statusRow(status({}), 'plan', 3, '').next.map((next) => next.does)).toEqual(['roll back', 'resolve']);
  expect(statusRow(status({ state: 'stopped' }), 'plan', 3, '').next.map((next) => next.does)).toEqual([
    'continue',
    'roll back',
    'resolve',
  ]);
  expect(statusRow(status({ pid: 4242 }), 'plan', 3, '')).toMatchObject({ pid: 4242, next: [] });
  expect(statusRow(status({ state: 'running', pid: 4242 }), 'plan', 3, '')).toMatchObject({ pid: 4242, next: [] });
});
