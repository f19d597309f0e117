import { columnChanges, dataLoss } from '../sql/data-loss.js';
import { parseSql } from '../sql/sql-parser.js';
import type { Plan } from './plan-types.js';

/** A step that loses stored data, and why: what its SQL does, and what the plan says. */
export interface StepDataLoss {
  readonly stepId: string;
  readonly reasons: readonly string[];
}

/**
 * The steps of `plan` that lose stored data, judged from the SQL each step sends (`sql`,
 * `repair`, a backfill's batches; see core's `dataLoss` for what counts), and also every step
 * whose `impact.data` is `breaking`: the plan's own word can add caution, never take it away.
 *
 * One exception, the planner's own patterns, read from the SQL: a column dropped in a step that
 * also puts a column of that name back, as a generated column (its values are computed) or by
 * renaming a column that an earlier statement of this plan added (a type change's shadow column,
 * filled from the old one by the plan). A statement that does not parse counts as destructive.
 * Call `loadSqlParser()` first (`validatePlan` does).
 */
export function planDataLoss(plan: Plan): StepDataLoss[] {
  const addedByPlan = new Set<string>();
  const found: StepDataLoss[] = [];
  for (const step of plan.steps) {
    const reasons: string[] = [];
    const dropped: { table: string; column: string; reason: string }[] = [];
    const putBack = new Set<string>();
    const batches = step.backfill === null ? [] : [step.backfill.firstBatch, step.backfill.nextBatch];
    for (const text of [...step.sql, ...step.repair, ...batches]) {
      const parsed = parseSql(text);
      if (!parsed.ok) {
        reasons.push(`SQL that does not parse (${parsed.message})`);
        continue;
      }
      for (const statement of parsed.statements) {
        const loss = dataLoss(statement);
        const changes = columnChanges(statement);
        if (loss?.droppedColumn != null) dropped.push({ ...loss.droppedColumn, reason: loss.reason });
        else if (loss !== null) reasons.push(loss.reason);
        for (const key of changes.generated) putBack.add(key);
        for (const { from, to } of changes.renamed) if (addedByPlan.has(from)) putBack.add(to);
        for (const key of changes.added) addedByPlan.add(key);
      }
    }
    for (const { table, column, reason } of dropped) if (!putBack.has(`${table}.${column}`)) reasons.push(reason);
    if (step.impact.data === 'breaking') reasons.push(`the plan says: ${step.impact.reason}`);
    if (reasons.length > 0) found.push({ stepId: step.id, reasons: [...new Set(reasons)] });
  }
  return found;
}
