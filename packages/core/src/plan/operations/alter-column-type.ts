import { statementClaims } from '../../locks/statement-locks.js';
import { defaultSql } from '../../ddl/default-sql.js';
import { classifyTypeChange } from '../../diff/type-change.js';
import type { AlterColumnTypeChange } from '../../diff/change.js';
import { derivedName } from '../../naming/name-allocator.js';
import { quoteIdent } from '../../naming/quote-ident.js';
import { backfillStep, noKeyWarning } from '../backfill-step.js';
import { notNullSteps } from '../not-null-steps.js';
import type { Operation, OperationResult, PlanContext, PlanIssue, StepDraft } from '../operation.js';
import { dependentsOf, isIndexedColumn, isPartitioned, primaryKeyOf } from '../schema-facts.js';
import { supports } from '../server-features.js';
import { alterTable, locks, prefixParts, rollback, step } from '../step-builders.js';

/**
 * Column type changes. A binary-coercible change (`varchar(n)` to a longer `varchar` or to
 * `text`, a wider `numeric`) is a catalog update. Anything else would rewrite the table under
 * ACCESS EXCLUSIVE, so it goes through a shadow column (docs/locks.md#alter-column-type):
 *
 * 1. expand: add the shadow column and a trigger that keeps it equal to the cast of the old
 *    column on every insert and update, so writes during the migration are never lost;
 * 2. backfill: cast the existing rows in batches;
 * 3. validate: NOT NULL on the shadow column, if the new column is required;
 * 4. contract: drop the trigger and the old column, rename the shadow column, set its default,
 *    in one transaction. The old values are gone after this, so it is irreversible.
 *
 * Constraints and indexes on the column would be dropped with the old column, so a shadow
 * change of such a column is refused (WES102) rather than silently losing them; so is one on a
 * partitioned table before PostgreSQL 13, which has no row triggers on a partitioned table.
 */
export const alterColumnType: Operation<'alterColumnType'> = {
  kind: 'alterColumnType',
  plan: (change, context): OperationResult => {
    const { table, from, to } = change;
    const column = quoteIdent(to.name);
    if (classifyTypeChange(from.type, to.type) === 'catalog') {
      // PostgreSQL takes SHARE too when an index covers the column (to check it needs no rebuild).
      const claims = statementClaims('alter-column-type-catalog', table, { indexed: isIndexedColumn(context.to, table, to.name) });
      return {
        steps: [
          step({
            action: 'alterColumn',
            summary: `change ${table}.${to.name} to ${to.type.sql} (catalog only: no rewrite, no scan)`,
            sql: [alterTable(table, `ALTER COLUMN ${column} TYPE ${to.type.sql}`)],
            locks: claims,
            // Back to the narrower type checks (and rewrites) the table.
            rollback: rollback([alterTable(table, `ALTER COLUMN ${column} TYPE ${from.type.sql}`)], claims),
          }),
        ],
      };
    }
    const blockers = [...dependentsOf(context.to, table, to.name), ...(from.generated === null ? [] : ['its generation expression'])];
    if (blockers.length > 0) {
      return {
        refusal: {
          code: 'WES102',
          message: `${table}.${to.name} changes type from ${from.type.sql} to ${to.type.sql}, which needs a shadow column, but ${blockers.join(', ')} use${blockers.length === 1 ? 's' : ''} it`,
          help: 'drop those constraints and indexes in one migration, change the type in the next, then add them back',
        },
      };
    }
    if (isPartitioned(context.to, table) && !supports(context.serverVersion, 'partitionedRowTriggers')) {
      return {
        refusal: {
          code: 'WES102',
          message: `${table}.${to.name} changes type from ${from.type.sql} to ${to.type.sql}, which needs a shadow column kept in sync by a row trigger, and ${table} is partitioned: PostgreSQL ${Math.floor(context.serverVersion / 10000)} has no row triggers on a partitioned table (13 and later do)`,
          help: 'upgrade to PostgreSQL 13 or later, or change the type partition by partition by hand',
        },
      };
    }
    return shadowColumnSteps(change, context);
  },
};

function shadowColumnSteps(change: AlterColumnTypeChange, context: PlanContext): OperationResult {
  const { table, from, to } = change;
  const t = quoteIdent(table);
  const column = quoteIdent(to.name);
  const key = primaryKeyOf(context.to, table);
  const shadowName = derivedName(to.name, 'wesley_new');
  const shadow = quoteIdent(shadowName);
  const sync = quoteIdent(derivedName(`${table}_${to.name}`, 'wesley_sync'));
  // Made NOT NULL with a default: NULLs become the default (as a setNotNull change fills them),
  // in the copy and in the trigger alike, or the NOT NULL on the shadow column would reject them.
  const fill = from.nullable && !to.nullable ? defaultSql(to) : null;
  const cast = (value: string) =>
    fill === null ? `CAST(${value} AS ${to.type.sql})` : `COALESCE(CAST(${value} AS ${to.type.sql}), ${fill})`;
  const exclusive = locks(table, 'AccessExclusiveLock');
  const dropSync = (ifExists: string) => [`DROP TRIGGER ${ifExists}${sync} ON ${t};`, `DROP FUNCTION ${ifExists}${sync}();`];
  const steps: StepDraft[] = [
    step({
      part: 'shadow',
      action: 'addShadowColumn',
      summary: `add shadow column ${table}.${shadowName} ${to.type.sql}, kept in sync with ${to.name} by a trigger`,
      sql: [
        alterTable(table, `ADD COLUMN ${shadow} ${to.type.sql}`),
        [
          `CREATE OR REPLACE FUNCTION ${sync}() RETURNS trigger LANGUAGE plpgsql AS $wesley$`,
          `BEGIN NEW.${shadow} := ${cast(`NEW.${column}`)}; RETURN NEW; END`,
          '$wesley$;',
        ].join('\n'),
        `CREATE TRIGGER ${sync} BEFORE INSERT OR UPDATE ON ${t} FOR EACH ROW EXECUTE FUNCTION ${sync}();`,
      ],
      locks: [...statementClaims('add-column', table), ...statementClaims('create-trigger', table)],
      rollback: rollback(
        [...dropSync('IF EXISTS '), alterTable(table, `DROP COLUMN IF EXISTS ${shadow}`)],
        [...exclusive, ...locks(table, 'AccessShareLock')],
      ),
    }),
    backfillStep(table, key, `${shadow} = ${cast(`${t}.${column}`)}`, {
      batchSize: context.batchSize,
      action: 'fillShadowColumn',
      summary: `cast ${table}.${to.name} of existing rows into ${shadowName}`,
    }),
  ];
  const warnings: PlanIssue[] = key.length === 0 ? [noKeyWarning(table)] : [];
  if (!to.nullable) {
    const notNull = notNullSteps(table, shadowName, context.serverVersion);
    steps.push(...prefixParts('not-null', notNull));
  }
  const fallback = defaultSql(to);
  steps.push(
    step({
      part: 'swap',
      action: 'swapColumn',
      summary: `swap ${shadowName} in for ${table}.${to.name} (the old ${from.type.sql} values are dropped)`,
      sql: [
        ...dropSync(''),
        alterTable(table, `DROP COLUMN ${column}`),
        alterTable(table, `RENAME COLUMN ${shadow} TO ${column}`),
        ...(fallback === null ? [] : [alterTable(table, `ALTER COLUMN ${column} SET DEFAULT ${fallback}`)]),
      ],
      locks: [...exclusive, ...locks(table, 'AccessShareLock')],
    }),
  );
  return { steps, warnings };
}
