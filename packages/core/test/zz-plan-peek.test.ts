import { it } from 'vitest';
import { compileSchema, planMigration } from '@wesley/core';
it('peek', () => {
  const v1 = compileSchema({ name: 'a', body: 'type Account @wes_table {\n  id: Int! @wes_pk\n}\n\ntype Invoice @wes_table {\n  id: Int! @wes_pk\n  accountId: Int @wes_fk(ref: "Account.id")\n}\n\ntype Tag @wes_table {\n  id: Int! @wes_pk\n}\n' }).ir!;
  const v2 = compileSchema({ name: 'b', body: 'type Tag @wes_table {\n  id: Int! @wes_pk\n}\n' }).ir!;
  const r = planMigration(v1, v2, { allowDestructive: true });
  console.log(r.plan?.steps.map((s) => `${s.id}: ${s.sql.join(' ')}`).join('\n'));
});
