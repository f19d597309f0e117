import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  describeChange,
  operations,
  planMigration,
  type Change,
  type ChangeKind,
  type ChangeSubject,
  type OperationRegistry,
} from '@wesley/core';
import { lockTableSamples } from '../plan/lock-table-samples.js';

/**
 * Every switch and registry over change kinds is exhaustive, so a kind added to `Change` and
 * not handled does not compile. The type-level half is checked by `npm run lint:types` (tsc
 * over the tests): each `@ts-expect-error` below fails the check if its line ever compiles.
 */
describe('change kinds are handled exhaustively', () => {
  it('types: the operation registry and describeChange cover every kind, and one missing a kind does not compile', () => {
    expectTypeOf<keyof OperationRegistry>().toEqualTypeOf<ChangeKind>();
    expectTypeOf(describeChange).parameter(0).toEqualTypeOf<Change>();

    const { addCheck: _left, ...withoutAddCheck } = operations;
    // @ts-expect-error a registry without `addCheck` is not an OperationRegistry
    const registry: OperationRegistry = withoutAddCheck;
    expect(Object.keys(registry)).not.toContain('addCheck');

    // The pattern describeChange is written in: a switch over the kinds with no `default`, whose
    // function declares its return type. Leaving out a kind ends the function without a return.
    // @ts-expect-error TS2366: not every kind returns
    function scopeOf(change: Change): ChangeSubject['scope'] {
      switch (change.kind) {
        case 'addCheck':
          return 'check';
      }
    }
    expect(scopeOf).toBeTypeOf('function');
  });

  it('describeChange names the step id target of every kind the samples plan', () => {
    const kinds = new Set<ChangeKind>();
    for (const sample of lockTableSamples) {
      const { plan, changes } = planMigration(sample.from, sample.to, {
        allowDestructive: true,
        allowBlocking: { reason: 'every pattern, blocking ones too' },
        ...sample.options,
      });
      for (const change of changes) {
        kinds.add(change.kind);
        const subject = describeChange(change);
        expect(subject.noun).toMatch(
          /^(enum|enum label|table|column|primary key|unique constraint|foreign key|check|constraint|index|row-level security|policy|privileges of) /,
        );
        if (plan === null) continue;
        const prefix = `${change.kind.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}:${subject.target}`;
        expect(plan.steps.some((step) => step.id === prefix || step.id.startsWith(`${prefix}:`))).toBe(true);
      }
    }
    expect([...kinds].sort()).toEqual(Object.keys(operations).sort());
  });
});
