import { describe, expect, it } from 'vitest';
import type { PartitionStrategy } from '@wesley/core';
import { column, schema, table } from '../../support/ir-builder.js';
import { perPartitionFacts, planSteps } from '../step-facts.js';

/** The compiler requires a primary key, so the keyless version is built as IR. */
const ledger = (options: { pk?: boolean; idNullable?: boolean; partition?: PartitionStrategy } = {}) =>
  schema([
    table('ledger', [column('id', 'bigint', { nullable: options.idNullable ?? false }), column('note', 'text', { nullable: true })], {
      ...(options.pk === true ? { pk: ['id'] } : {}),
      ...(options.partition === undefined ? {} : { partition: { strategy: options.partition, columns: ['id'] } }),
    }),
  ]);
const build = {
  id: 'add-primary-key:ledger.ledger_pkey:build',
  phase: 'expand',
  sql: ['CREATE UNIQUE INDEX CONCURRENTLY ledger_pkey ON ledger (id);'],
  transactional: false,
  locks: ['ledger: ShareUpdateExclusiveLock'],
  rewrites: false,
  scans: true,
  backfill: null,
  reversible: true,
  rollback: { sql: ['DROP INDEX CONCURRENTLY IF EXISTS ledger_pkey;'], transactional: false, locks: ['ledger: ShareUpdateExclusiveLock'] },
};
const attach = {
  id: 'add-primary-key:ledger.ledger_pkey:attach',
  phase: 'validate',
  sql: ['ALTER TABLE ledger ADD CONSTRAINT ledger_pkey PRIMARY KEY USING INDEX ledger_pkey;'],
  transactional: true,
  locks: ['ledger: AccessExclusiveLock'],
  rewrites: false,
  scans: false,
  backfill: null,
  reversible: true,
  rollback: { sql: ['ALTER TABLE ledger DROP CONSTRAINT ledger_pkey;'], transactional: true, locks: ['ledger: AccessExclusiveLock'] },
};

describe('addPrimaryKey', () => {
  it('builds the unique index concurrently, then attaches it with USING INDEX (no scan) in validate', () => {
    const { steps, diagnostics } = planSteps(ledger(), ledger({ pk: true }));
    expect(diagnostics).toEqual([]);
    expect(steps).toEqual([build, attach]);
  });

  it('attaches only after NOT NULL is proven on a column that was nullable, so the attach does not scan', () => {
    const { steps } = planSteps(ledger({ idNullable: true }), ledger({ pk: true }), { serverVersion: 150000 });
    expect(steps.map((s) => [s.id, s.phase])).toEqual([
      ['add-primary-key:ledger.ledger_pkey:build', 'expand'],
      ['set-not-null:ledger.id:check', 'expand'],
      ['set-not-null:ledger.id:validate', 'validate'],
      ['set-not-null:ledger.id:set', 'validate'],
      ['add-primary-key:ledger.ledger_pkey:attach', 'validate'],
    ]);
    expect(steps.at(-1)).toEqual(attach);
  });

  it("adds the key to a partitioned table as pg_dump does: each partition's index built, ONLY the parent once NOT NULL is proven, then each partition's made its key and attached; nothing blocks", () => {
    const { steps, diagnostics } = planSteps(ledger({ partition: 'HASH' }), ledger({ pk: true, partition: 'HASH' }));
    expect(steps).toEqual([
      {
        id: 'add-primary-key:ledger.ledger_pkey:partitions',
        phase: 'expand',
        sql: ['CREATE UNIQUE INDEX CONCURRENTLY "{index}" ON "{partition}" (id);'],
        locks: ['each partition of ledger holding rows: ShareUpdateExclusiveLock'],
        scans: true,
        ...perPartitionFacts,
      },
      {
        id: 'add-primary-key:ledger.ledger_pkey:parent',
        phase: 'validate',
        sql: ['ALTER TABLE ONLY ledger ADD CONSTRAINT ledger_pkey PRIMARY KEY (id);'],
        transactional: true,
        locks: ['ledger: ShareLock', 'ledger: AccessExclusiveLock'],
        rewrites: false,
        scans: false,
        backfill: null,
        reversible: true,
        rollback: {
          sql: ['ALTER TABLE ledger DROP CONSTRAINT ledger_pkey;'],
          transactional: true,
          locks: ['ledger and each partition: AccessExclusiveLock'],
        },
      },
      {
        id: 'add-primary-key:ledger.ledger_pkey:attach',
        phase: 'validate',
        sql: [
          'ALTER TABLE ONLY "{partition}" ADD CONSTRAINT "{index}" PRIMARY KEY (id);',
          'ALTER TABLE "{partition}" ADD CONSTRAINT "{index}" PRIMARY KEY USING INDEX "{index}";',
          'ALTER INDEX "{parent_index}" ATTACH PARTITION "{index}";',
        ],
        locks: [
          'ledger and each partition: AccessShareLock',
          'each partitioned partition of ledger: ShareLock',
          'each partition of ledger: AccessExclusiveLock',
        ],
        scans: false,
        ...perPartitionFacts,
      },
    ]);
    expect(diagnostics).toEqual([]);
  });
});
