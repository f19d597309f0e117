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
    .filter((change) => change.kind !== 'alterDerived' || !saidElsewhere(change, changes, expected))
    .map((change) => {
      const [code, message] = classify(change);
      return { code, message, change };
    });
}

/**
 * Whether another finding already says why a derived column's triggers differ: the column itself
 * differs (missing, only in the database, another type or nullability: the functions follow the
 * column, so they differ too), or, where both sides keep it, a column of the child does; or its
 * table or its child table is missing from one side.
 */
function saidElsewhere(derived: ChangeOf<'alterDerived'>, changes: readonly Change[], expected: SchemaIR): boolean {
  const child =
    expected.tables.find((t) => t.name === derived.table)?.columns.find((c) => c.name === derived.column)?.derived?.table ??
    derived.before?.child;
  return changes.some((change) => {
    if (change === derived) return false;
    if (change.kind === 'createTable' || change.kind === 'dropTable') return change.table === derived.table || change.table === child;
    const subject = describeChange(change);
    if (subject.scope !== 'column') return false;
    // Both keep it, by different SQL: a column of the child that differs (a watched one's type) explains it.
    return (
      (subject.table === derived.table && subject.column === derived.column) ||
      (derived.before !== null && derived.derived && subject.table === child)
    );
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
    return ['WES203', `${noun} is kept by functions or triggers in the database other than those the schema derives it by`];
  }
  if (existsIn === 'to') return ['WES201', `${noun} is missing from the database`];
  if (existsIn === 'from') return ['WES202', `${noun} is in the database but not in the schema`];
  return ['WES203', `${noun} differs: ${change.impact.reason}`];
}
