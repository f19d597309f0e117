import fc from 'fast-check';
import { it } from 'vitest';
import { arbitrarySchemaPair } from './support/arbitrary-schema-pair.js';
import { compileSchema } from '../src/sdl/compile-schema.js';
import { planMigration } from '../src/plan/plan-migration.js';
import { rollbackPlan } from '../src/plan/rollback-plan.js';
it('peek', () => {
  const pairs = fc.sample(arbitrarySchemaPair(), { numRuns: 300, seed: 1 });
  const counts: Record<string, number> = {};
  let rev = 0;
  for (const p of pairs) { for (const e of p.edits) counts[e] = (counts[e] ?? 0) + 1;
    const a = compileSchema({name:'a', body:p.v1}).ir!, b = compileSchema({name:'b', body:p.v2}).ir!;
    const r = planMigration(a,b,{allowDestructive:true}); if (r.plan && rollbackPlan(r.plan).plan) rev++; }
  console.log(counts, 'reversible', rev);
  for (const p of pairs.slice(0, 3)) console.log(p.v1, '\n---- edits', p.edits, '\n', p.v2, JSON.stringify(p.rows), JSON.stringify(p.survivors));
});
