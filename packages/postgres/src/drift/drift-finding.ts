import { describeChange, diffSchemas, type Change, type ChangeOf, type DiagnosticCode, type SchemaIR } from '@wesley/core';

/** One way the live database differs from the schema. */
export interface DriftFinding {
  /** WES201 missing from the database, WES202 only in the database, WES203 different. */
  readonly code: DiagnosticCode;
  readonly message: string;
  /** The change that would repair it (the plan from the database to the schema). */
  readonly change: Change;
}

/**
 * The differences between `live` (introspected) and `expected` (compiled), one finding per
 * change of the plan that would bring the database back to the schema: an `add*` change is
 * something missing from the database, a `drop*` change something only the database has, and
 * the rest are differences.
 */
export function driftFindings(live: SchemaIR, expected: SchemaIR): DriftFinding[] {
  const changes = diffSchemas(live, expected);
  return changes
    .filter((change) => change.kind !== 'alterDerived' || !columnReported(change, changes))
    .map((change) => {
      const [code, message] = classify(change);
      return { code, message, change };
    });
}

/**
 * Whether the derived column's own column or table is missing from one side (`addColumn`,
 * `dropColumn`, `createTable`, `dropTable`): that finding says it all, the triggers with it.
 */
function columnReported(derived: ChangeOf<'alterDerived'>, changes: readonly Change[]): boolean {
  return changes.some((change) => {
    if (change.kind === 'addColumn' || change.kind === 'dropColumn') {
      return change.table === derived.table && change.column.name === derived.column;
    }
    return (change.kind === 'createTable' || change.kind === 'dropTable') && change.table === derived.table;
  });
}

/**
 * The code and message of a change read as drift. NOT NULL is a property of a column, not an
 * object: the database lacking or having one is a difference (WES203), not a missing object.
 */
function classify(change: Change): readonly [DiagnosticCode, string] {
  const { noun, existsIn } = describeChange(change);
  if (change.kind === 'setNotNull') return ['WES203', `${noun} is NOT NULL in the schema but nullable in the database`];
  if (change.kind === 'dropNotNull') return ['WES203', `${noun} is nullable in the schema but NOT NULL in the database`];
  // The column is in both: what differs is whether, and how, the database keeps it.
  if (change.kind === 'alterDerived') {
    if (change.before === null) {
      return [
        'WES203',
        `${noun} is derived in the schema, but the database does not keep it: its functions or triggers are missing, disabled or edited`,
      ];
    }
    if (!change.derived) return ['WES203', `${noun} is kept by triggers in the database, but the schema does not derive it`];
    return ['WES203', `${noun} is kept by the database otherwise than the schema derives it: ${change.impact.reason}`];
  }
  if (existsIn === 'to') return ['WES201', `${noun} is missing from the database`];
  if (existsIn === 'from') return ['WES202', `${noun} is in the database but not in the schema`];
  return ['WES203', `${noun} differs: ${change.impact.reason}`];
}
