import { rollbackPlan, serializePlan, type Plan } from '@wesley/core';
import type { Artifact } from '../generate/index.js';
import { renderMigrationSql } from './render-migration-sql.js';

/** The files of a migration directory, and the steps that make its `down.sql` empty. */
export interface MigrationDirectory {
  readonly artifacts: readonly Artifact[];
  /** Ids of the steps that cannot be undone, in plan order; empty when `down.sql` undoes `up.sql`. */
  readonly irreversible: readonly string[];
}

/**
 * `plan.json` (the plan as data), `up.sql` and `down.sql` (the rollback plan, last step
 * first). When a step cannot be undone, `down.sql` holds no statement, only a comment naming
 * those steps: a partial undo would leave a schema no plan describes.
 */
export function migrationDirectory(plan: Plan): MigrationDirectory {
  const rollback = rollbackPlan(plan);
  const down = rollback.plan === null ? irreversibleDown(plan, rollback.irreversible) : renderMigrationSql(rollback.plan, 'down', plan);
  return {
    artifacts: [
      { file: 'plan.json', content: serializePlan(plan) },
      { file: 'up.sql', content: renderMigrationSql(plan, 'up') },
      { file: 'down.sql', content: down },
    ],
    irreversible: rollback.irreversible,
  };
}

function irreversibleDown(plan: Plan, irreversible: readonly string[]): string {
  return [
    '-- Wesley migration, down: none.',
    `-- From schema ${plan.to}`,
    `-- to schema   ${plan.from} (hashes of the IR).`,
    '--',
    '-- up.sql cannot be undone by a script: these steps lose data or cannot be reversed in PostgreSQL:',
    ...irreversible.map((id) => `--   ${id.replace(/[\r\n]+/g, ' ')}`),
    '-- There is nothing to run here: restore a backup taken before up.sql, or write the way back by hand.',
    '',
  ].join('\n');
}
