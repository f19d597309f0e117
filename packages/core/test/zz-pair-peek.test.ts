import fc from 'fast-check';
import { it } from 'vitest';
import { arbitrarySchemaPair } from './support/arbitrary-schema-pair.js';
import { compileSchema } from '../src/sdl/compile-schema.js';
import { planMigration } from '../src/plan/plan-migration.js';
import { rollbackPlan } from '../src/plan/rollback-plan.js';
it('peek', () => {
  const pairs = fc.sample(arbitrarySchemaPair(), { numRuns: 1000, seed: 3 });
  const counts: Record<string, number> = {};
  const ops: Record<string, number> = {};
  let rev = 0;
  for (const p of pairs) { for (const e of p.edits) counts[e] = (counts[e] ?? 0) + 1;
    const a = compileSchema({name:'a', body:p.v1}).ir!, b = compileSchema({name:'b', body:p.v2}).ir!;
    const r = planMigration(a,b,{allowDestructive:true}); if (r.plan && rollbackPlan(r.plan).plan) rev++;
    for (const c of r.changes) ops[c.kind] = (ops[c.kind] ?? 0) + 1; }
  console.log(counts, ops, 'reversible', rev);
});
