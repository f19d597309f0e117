import { beforeAll, describe, expect, it } from 'vitest';
import { loadSqlParser, parsePlan, planMigration, serializePlan, stableStringify, type Plan } from '@wesley/core';
import { lockTableSamples } from './lock-table-samples.js';

beforeAll(() => loadSqlParser());

const plans: readonly Plan[] = lockTableSamples.flatMap((sample) => {
  const { plan } = planMigration(sample.from, sample.to, {
    allowDestructive: true,
    allowBlocking: { reason: 'every pattern, blocking ones too' },
    ...sample.options,
  });
  return plan === null ? [] : [plan];
});

describe('plan.json', () => {
  it('is the plan as indented JSON with sorted keys and a final newline, and reads back as the same plan', async () => {
    expect(plans.length).toBeGreaterThan(0);
    for (const plan of plans) {
      const text = serializePlan(plan);
      expect(text).toBe(`${stableStringify(plan, 2)}\n`);
      expect(await parsePlan(text)).toEqual({ ok: true, plan });
    }
  });

  it('reports text that is not JSON as one problem at $', async () => {
    const result = await parsePlan('{"kind": "plan",');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems).toEqual([{ path: '$', message: expect.any(String) as string }]);
  });

  it('reports a plan that does not validate with its problems', async () => {
    const result = await parsePlan('{"kind": "plan"}\n');
    expect(!result.ok && result.problems).toContainEqual({ path: '$', message: 'missing "steps"' });
  });
});
