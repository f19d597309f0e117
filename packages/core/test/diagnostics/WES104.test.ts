import { describe, expect, it } from 'vitest';
import { stepBlocking } from '@wesley/core';
import { planBetween, recordingLocate } from './plan-diagnostics.js';

const nullable = 'type Account @wes_table { id: ID! @wes_pk  name: String }';
const required = 'type Account @wes_table { id: ID! @wes_pk  name: String! }';
const approval = { reason: 'maintenance window, Sunday 02:00' };

describe('WES104 step blocks reads or writes while it rewrites or scans', () => {
  it('refuses a SET NOT NULL that scans under ACCESS EXCLUSIVE (PostgreSQL 11): no plan, at schema 1:1 by default', () => {
    const result = planBetween(nullable, required, { serverVersion: 110000 });
    expect(result.plan).toBeNull();
    expect(result.diagnostics).toEqual([
      {
        file: 'schema',
        line: 1,
        column: 1,
        code: 'WES104',
        severity: 'error',
        message: 'step set-not-null:account.name holds AccessExclusiveLock on account during a scan: reads and writes wait until it ends',
        help: 'upgrade to PostgreSQL 12 or later, where a validated CHECK lets SET NOT NULL skip the scan; or plan again with --allow-blocking to approve it in plan.json',
      },
    ]);
  });

  it('plans it when allowed, recording the approval and the blocking on the step, and still warns', () => {
    const result = planBetween(nullable, required, { serverVersion: 110000, allowBlocking: approval });
    expect(result.diagnostics.map((d) => [d.code, d.severity, d.help])).toEqual([
      ['WES104', 'warning', 'upgrade to PostgreSQL 12 or later, where a validated CHECK lets SET NOT NULL skip the scan'],
    ]);
    expect(result.plan?.steps.map((s) => [s.id, s.blocking, s.approval])).toEqual([
      [
        'set-not-null:account.name',
        {
          during: 'scan',
          blocks: 'reads and writes',
          locks: [{ relation: 'account', mode: 'AccessExclusiveLock' }],
          alternative: 'upgrade to PostgreSQL 12 or later, where a validated CHECK lets SET NOT NULL skip the scan',
        },
        approval,
      ],
    ]);
  });

  it('points where the given locate says the change comes from', () => {
    const { locate, asked } = recordingLocate();
    const result = planBetween(nullable, required, { serverVersion: 110000, locate });
    expect(asked.map((c) => c.kind)).toEqual(['setNotNull']);
    expect(result.diagnostics.map((d) => [d.code, d.severity, d.file, d.line, d.column])).toEqual([
      ['WES104', 'error', 'shop.graphql', 11, 3],
    ]);
  });

  it('is not given where no step blocks (PostgreSQL 12 and later prove NOT NULL without a blocking scan): no approval recorded', () => {
    for (const serverVersion of [120000, 150000, 180000]) {
      const result = planBetween(nullable, required, { serverVersion, allowBlocking: approval });
      expect(result.diagnostics).toEqual([]);
      expect(result.plan?.steps.every((s) => s.blocking === null && s.approval === null)).toBe(true);
    }
  });

  it('refuses every step that rewrites or scans under a lock blocking writes, and plans each when allowed', () => {
    const account = (fields: string) => `type Account @wes_table { id: ID! @wes_pk  a: Int  ${fields} }`;
    const measurement = (extra: string, fk = '') =>
      `type Device @wes_table { id: Int! @wes_pk }
       type Measurement @wes_table @wes_partition(by: "takenAt", strategy: "RANGE") ${extra} { deviceId: Int! @wes_pk ${fk} takenAt: DateTime! @wes_pk  seq: Int! }`;
    // A partitioned table's new unique key and foreign key are laid out per partition and block nothing; redefined, they block.
    const serverVersion = 170000;
    const cases = [
      [account(''), account('b: Int @wes_computed(expr: "a * 2")'), 'rewrite', 'reads and writes'],
      [account('b: Int @wes_computed(expr: "a * 2")'), account('b: Int @wes_computed(expr: "a * 3")'), 'rewrite', 'reads and writes'],
      [
        measurement('', '@wes_fk(ref: "Device.id")'),
        measurement('', '@wes_fk(ref: "Device.id", onDelete: "CASCADE")'),
        'scan',
        'reads and writes',
      ],
      [
        // Not on the primary key's columns in its order: PostgreSQL would not create that one (WES195).
        measurement('@wes_unique(columns: ["takenAt", "deviceId"], name: "measurement_key")'),
        measurement('@wes_unique(columns: ["takenAt", "deviceId", "seq"], name: "measurement_key")'),
        'scan',
        'reads and writes',
      ],
      [
        measurement('@wes_index(columns: ["deviceId"])'),
        measurement('@wes_index(columns: ["deviceId"], using: "brin")'),
        'scan',
        'reads and writes',
      ],
    ] as const;
    for (const [from, to, during, blocks] of cases) {
      const refused = planBetween(from, to, { serverVersion });
      expect(refused.plan).toBeNull();
      expect(refused.diagnostics.map((d) => [d.code, d.severity])).toEqual([['WES104', 'error']]);
      const allowed = planBetween(from, to, { serverVersion, allowBlocking: approval });
      expect(allowed.diagnostics.map((d) => [d.code, d.severity])).toEqual([['WES104', 'warning']]);
      const blocking = allowed.plan?.steps.flatMap((s) =>
        s.blocking === null ? [] : [[s.blocking.during, s.blocking.blocks, s.approval]],
      );
      expect(blocking).toEqual([[during, blocks, approval]]);
    }
  });
});

describe('stepBlocking', () => {
  const facts = (modes: readonly string[], rewrites: boolean, scans: boolean) => ({
    locks: modes.map((mode) => ({ relation: 't', mode }) as const) as never,
    rewrites,
    scans,
  });

  it('judges from the facts alone: a scan or rewrite under SHARE or stronger blocks, a catalog update or a weaker scan does not', () => {
    expect(stepBlocking(facts(['AccessExclusiveLock'], false, false))).toBeNull();
    expect(stepBlocking(facts(['ShareUpdateExclusiveLock'], false, true))).toBeNull();
    expect(stepBlocking(facts(['AccessShareLock', 'RowShareLock'], false, true))).toBeNull();
    expect(stepBlocking(facts(['ShareLock'], false, true))?.blocks).toBe('writes');
    expect(stepBlocking(facts(['ShareRowExclusiveLock'], false, true))?.blocks).toBe('writes');
    expect(stepBlocking(facts(['ExclusiveLock'], false, true))?.blocks).toBe('writes');
    expect(stepBlocking(facts(['AccessExclusiveLock', 'ShareLock'], true, false))).toEqual({
      during: 'rewrite',
      blocks: 'reads and writes',
      locks: [
        { relation: 't', mode: 'AccessExclusiveLock' },
        { relation: 't', mode: 'ShareLock' },
      ],
      alternative: null,
    });
  });
});
