import type { WesleyConfig } from '@wesley/config';
import { describe, expect, it } from 'vitest';
import { configServerVersion } from '../../src/plan/config-server-version.js';
import { PlanInputError } from '../../src/plan/plan-input-error.js';

const config = (...versions: (number | null)[]): WesleyConfig => ({
  file: '/p/wesley.config.json',
  directory: '/p',
  schema: ['schema.graphql'],
  outDir: 'generated',
  migrations: 'migrations',
  dts: false,
  databases: versions.map((serverVersion, i) => ({ name: `db${i}`, urlEnv: `DB${i}_URL`, serverVersion })),
  lockName: null,
  usageWindowMs: null,
  windows: [],
  maxReplicaLagMs: null,
  maxActiveSessions: null,
  heartbeat: null,
  batchTargetMs: null,
  batchMinRows: null,
  batchMaxRows: null,
  scalars: {},
  rls: {},
});

describe('configServerVersion', () => {
  it('is null when no database names a version, else the oldest named', () => {
    expect(configServerVersion(config(null))).toBeNull();
    expect(configServerVersion(config(15))).toBe(150000);
    // 14 to 16 get the same plan (nothing the planner asks changes between them).
    expect(configServerVersion(config(16, null, 14))).toBe(140000);
  });

  it('refuses databases whose versions need different plans, naming both', () => {
    expect(() => configServerVersion(config(15, 18))).toThrow(PlanInputError);
    expect(() => configServerVersion(config(18, 15))).toThrow(
      'databases db1 (PostgreSQL 15) and db0 (PostgreSQL 18) of /p/wesley.config.json need different plans, but they share one migrations directory',
    );
  });
});
